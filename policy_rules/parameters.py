"""The numbers of the law and the source documents, read from the data files.

This is the only place the package does I/O: it reads its own YAML files once.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).with_name("parameters")


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    published: dt.date | None
    document: str


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    source: str
    reference: str
    quote: str
    values: tuple[tuple[dt.date | None, Any], ...]  # (since, value), oldest first

    def value_on(self, day: dt.date | None) -> Any:
        """The value in force on `day` (the latest one when `day` is None)."""
        in_force = [value for since, value in self.values if since is None or day is None or since <= day]
        if not in_force:
            raise LookupError(f"{self.name} has no value in force on {day}")
        return in_force[-1]


def _load(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@functools.lru_cache(maxsize=1)
def sources() -> dict[str, Source]:
    return {key: Source(id=key, **entry) for key, entry in _load("sources.yaml").items()}


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
            description=entry["description"],
            unit=entry["unit"],
            source=entry["source"],
            reference=entry["reference"],
            quote=entry["quote"],
            values=tuple(values),
        )
    return result
