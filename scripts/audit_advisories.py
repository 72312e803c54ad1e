"""Known vulnerabilities in the pinned packages, from a local copy of PyPA's advisory database.

    python -m scripts.audit_advisories --database build/advisory-database constraints.txt

The offline half of `make audit` (README: Dependencies audit): pip-audit needs PyPI's per-release
JSON API or api.osv.dev, which a closed build network may not reach; the same advisories are
published as YAML files in github.com/pypa/advisory-database (vulns/<package>/<id>.yaml, OSV
format). Every advisory that affects a pinned version is printed; the audit fails (exit 1) when one
is not yet discussed in the review file (README.md), so a new finding cannot pass unnoticed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from packaging.version import InvalidVersion, Version


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    advisory: str
    aliases: tuple[str, ...]
    fixed_in: str
    summary: str


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(constraints: Path) -> dict[str, str]:
    """name -> version for every `name==version` line (comments and options skipped)."""
    pins = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;#]+)", line)
        if match:
            pins[canonical(match.group(1))] = match.group(2)
    return pins


def in_range(version: Version, events: list[dict[str, str]]) -> bool:
    """OSV ECOSYSTEM range: introduced / fixed (exclusive) / last_affected (inclusive) events."""
    affected = False
    for event in sorted(events, key=_event_version):
        boundary = _event_version(event)
        if "introduced" in event and version >= boundary:
            affected = True
        elif ("fixed" in event and version >= boundary) or ("last_affected" in event and version > boundary):
            affected = False
    return affected


def _event_version(event: dict[str, str]) -> Version:
    (value,) = (v for k, v in event.items() if k in ("introduced", "fixed", "last_affected", "limit"))
    return Version(str(value))


def affects(advisory: dict[str, Any], package: str, pinned: str) -> str | None:
    """The fixed version ("" if none) when the advisory affects package==pinned, else None."""
    try:
        version = Version(pinned)
    except InvalidVersion:
        return None
    for entry in advisory.get("affected", []):
        if canonical(entry.get("package", {}).get("name", "")) != package:
            continue
        listed = pinned in {str(v) for v in entry.get("versions", [])}
        ranges = [r for r in entry.get("ranges", []) if r.get("type") == "ECOSYSTEM"]
        if listed or any(in_range(version, r.get("events", [])) for r in ranges):
            fixes = [e["fixed"] for r in ranges for e in r.get("events", []) if "fixed" in e]
            return ", ".join(str(f) for f in fixes)
    return None


def findings(database: Path, pins: dict[str, str]) -> Iterator[Finding]:
    for folder in sorted((database / "vulns").iterdir()):
        package = canonical(folder.name)
        if package not in pins:
            continue
        for path in sorted(folder.glob("*.yaml")):
            advisory = yaml.safe_load(path.read_text(encoding="utf-8"))
            if advisory.get("withdrawn"):
                continue
            fixed = affects(advisory, package, pins[package])
            if fixed is not None:
                summary = " ".join(str(advisory.get("summary") or advisory.get("details", "")).split())
                yield Finding(
                    package, pins[package], advisory["id"], tuple(advisory.get("aliases", [])), fixed, summary[:160]
                )


def unreviewed(found: Iterable[Finding], review_text: str) -> list[Finding]:
    """Findings that the review file names by no id (PYSEC, GHSA or CVE)."""
    return [f for f in found if not any(name in review_text for name in (f.advisory, *f.aliases))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("constraints", type=Path)
    parser.add_argument("--database", type=Path, required=True, help="a checkout of pypa/advisory-database")
    parser.add_argument("--review", type=Path, default=Path("README.md"), help="where findings are discussed")
    args = parser.parse_args(argv)
    if not (args.database / "vulns").is_dir():
        parser.error(f"{args.database} has no vulns/ folder: clone https://github.com/pypa/advisory-database there")
    pins = read_pins(args.constraints)
    found = list(findings(args.database, pins))
    for finding in found:
        ids = ", ".join((finding.advisory, *finding.aliases))
        print(f"{finding.package}=={finding.version}  {ids}  fixed in: {finding.fixed_in or 'no fix'}")
        print(f"    {finding.summary}")
    missing = unreviewed(found, args.review.read_text(encoding="utf-8"))
    print(f"\n{len(pins)} pinned packages checked, {len(found)} advisories apply, {len(missing)} not reviewed.")
    for finding in missing:
        print(f"NOT REVIEWED in {args.review}: {finding.package} {finding.advisory}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
