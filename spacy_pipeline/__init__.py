"""A rule-based spaCy pipeline for the assistant, built from files in this folder.

Pretrained spaCy models cannot be downloaded here, so the pipeline is a blank
English model with an entity ruler: phrase patterns from `lexicon.yml` (read
through `understanding.lexicon`, like the fact readers do) and token patterns
for durations, dates and scheme stems from `patterns.py`. `build.py` writes it
to disk, where Rasa's SpacyNLP loads it and SpacyEntityExtractor reports its
entities.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

_PROJECT = Path(__file__).resolve().parents[1]


def import_spacy() -> ModuleType:
    """spaCy, with its own dependency `catalogue` even when this project's folder is on sys.path.

    The project has a package named `catalogue` (the dialogue's texts), the name of a library spaCy
    imports at start-up; with the project folder on sys.path (`python -m`, pytest, `rasa`), spaCy would
    import ours and fail ("module 'catalogue' has no attribute 'create'"). spaCy is imported with the
    project folder set aside, then the name `catalogue` is given back to the project.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    ours = sys.modules.pop("catalogue", None)
    saved = sys.path[:]
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _PROJECT]
    try:
        importlib.import_module("catalogue")
        return importlib.import_module("spacy")
    finally:
        sys.path[:] = saved
        sys.modules.pop("catalogue", None)
        if ours is not None:
            sys.modules["catalogue"] = ours
