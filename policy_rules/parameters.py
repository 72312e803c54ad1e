"""The numbers of the law and the source documents, read from the package's data files.

This is the only place the package does I/O: it reads its own files once
(parameters/*.yaml and the source texts in sources/).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "parameters"


@dataclass(frozen=True)
class Source:
    """A source document; its title and section names for citizens are in the catalogue (`source.<id>`)."""

    id: str
    publisher: str
    published: dt.date | None
    document: str  # path of its text, relative to the policy_rules package
    sections: tuple[str, ...]  # the parts of it the rules cite


@dataclass(frozen=True)
class Parameter:
    name: str
    unit: str
    source: str
    section: str
    quote: str  # verbatim from the source document
    values: tuple[tuple[dt.date | None, Any], ...]  # (since, value), oldest first

    def value_on(self, day: dt.date | None) -> Any:
        """The value in force on `day` (the latest one when `day` is None)."""
        in_force = [value for since, value in self.values if since is None or day is None or since <= day]
        if not in_force:
            raise LookupError(f"{self.name} has no value in force on {day}")
        return in_force[-1]


def _load(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
        return loaded


@functools.lru_cache(maxsize=1)
def sources() -> dict[str, Source]:
    return {
        key: Source(
            id=key,
            publisher=entry["publisher"],
            published=entry["published"],
            document=entry["document"],
            sections=tuple(entry["sections"]),
        )
        for key, entry in _load("sources.yaml").items()
    }


@functools.cache
def source_text(source_id: str) -> str:
    """The text of a source document as kept in the repository."""
    return (PACKAGE_DIR / sources()[source_id].document).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def parameters() -> dict[str, Parameter]:
    known_sources = sources()
    result = {}
    for name, entry in _load("numbers.yaml").items():
        if entry["source"] not in known_sources:
            raise ValueError(f"parameter {name} cites unknown source {entry['source']}")
        values = sorted(
            ((item["since"], item["value"]) for item in entry["values"]),
            key=lambda pair: pair[0] or dt.date.min,
        )
        result[name] = Parameter(
            name=name,
            unit=entry["unit"],
            source=entry["source"],
            section=entry["section"],
            quote=entry["quote"],
            values=tuple(values),
        )
    return result
