"""Read the lexicon: entity label -> canonical value -> phrases."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

LEXICON_FILE = Path(__file__).with_name("lexicon.yml")


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, list[str]]]:
    with LEXICON_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def normalise(phrase: str) -> str:
    """Lower case, apostrophes dropped, spaces collapsed: how phrases are compared."""
    return " ".join(phrase.lower().replace("'", "").replace("\u2019", "").split())


@functools.lru_cache(maxsize=None)
def phrase_values(label: str) -> dict[str, str]:
    """Every phrase of a label, normalised, mapped to its canonical value."""
    return {normalise(phrase): value for value, phrases in lexicon()[label].items() for phrase in phrases}
