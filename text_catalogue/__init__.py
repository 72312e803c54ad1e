"""Everything a citizen reads, in one catalogue per language.

`catalogue/<language>.yml` holds every sentence the assistant shows: answers,
steps and notes of the rules, questions and their buttons, re-ask and error
messages, the "why?" trace, channel texts. Code refers to a sentence by its
key and supplies the facts as placeholders; the catalogue formats them for the
language (dates, months, years). Nothing here decides anything.

    >>> say("en", "quantity.years.other", n=2)
    '2 years'
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from text_catalogue.formats import LanguageFormatter

CATALOGUE_DIR = Path(__file__).resolve().parent
LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"


class MissingText(KeyError):
    """A key the catalogue of a language does not have."""


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


@functools.cache
def messages(language: str) -> dict[str, str]:
    """Every text of a language, by dotted key."""
    if language not in LANGUAGES:
        raise MissingText(f"no catalogue for language {language!r}")
    with (CATALOGUE_DIR / f"{language}.yml").open(encoding="utf-8") as handle:
        return _flatten(yaml.safe_load(handle) or {})


def has(language: str, key: str) -> bool:
    return key in messages(language)


def template(language: str, key: str) -> str:
    try:
        return messages(language)[key]
    except KeyError:
        raise MissingText(f"the {language} catalogue has no text {key!r}") from None


def say(language: str, key: str, **params: Any) -> str:
    """The text of `key` in `language`, with the facts in `params` put in its placeholders."""
    return LanguageFormatter(language).format(template(language, key), **params)


def children(language: str, key: str) -> dict[str, str]:
    """The texts directly under `key` (e.g. the buttons of a question), by their last key part."""
    prefix = key + "."
    return {
        name[len(prefix) :]: text
        for name, text in messages(language).items()
        if name.startswith(prefix) and "." not in name[len(prefix) :]
    }
