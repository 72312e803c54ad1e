"""spaCy's own `catalogue`, lent to whoever imports `catalogue` and gets this package instead.

spaCy (through srsly and thinc) depends on a PyPI package that is also called
`catalogue` (function registries). Wherever the project folder comes before
site-packages on the path, as in every `rasa` command (Rasa puts the working
directory there) and under pytest, `import catalogue` finds this package, and
spaCy failed at import (`module 'catalogue' has no attribute 'create'`), so
`make train` and the Rasa server could not load the pipeline. This module loads
the PyPI package under a private name, and `catalogue/__init__.py` re-exports
its functions, so both kinds of caller get what they expect. Remove it when
one of the two packages is renamed.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

_PROJECT = Path(__file__).resolve().parents[1]
_PRIVATE_NAME = "_pypi_catalogue"


def pypi_catalogue() -> ModuleType | None:
    """The PyPI `catalogue` package, loaded under a private name (None when it is not installed)."""
    if _PRIVATE_NAME in sys.modules:
        return sys.modules[_PRIVATE_NAME]
    elsewhere = [entry for entry in sys.path if Path(entry or ".").resolve() != _PROJECT]
    found = importlib.machinery.PathFinder.find_spec("catalogue", elsewhere)
    if found is None or not found.origin or Path(found.origin).resolve().parent == Path(__file__).resolve().parent:
        return None
    spec = importlib.util.spec_from_file_location(
        _PRIVATE_NAME, found.origin, submodule_search_locations=list(found.submodule_search_locations or [])
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[_PRIVATE_NAME] = module
    spec.loader.exec_module(module)
    return module


def lend_to(namespace: dict) -> None:
    """Put the PyPI package's public names and registry functions into `namespace`, never over its own names."""
    module = pypi_catalogue()
    if module is None:
        return
    for name, value in vars(module).items():
        if not name.startswith("__") and name not in namespace:
            namespace[name] = value
