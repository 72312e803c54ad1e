"""The offline dependency audit reads OSV ranges the way pip-audit would (boundaries as a table)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts import audit_advisories as audit

RANGE = {
    "type": "ECOSYSTEM",
    "events": [{"introduced": "1.0"}, {"fixed": "1.5"}, {"introduced": "2.0"}, {"last_affected": "2.3"}],
}


@pytest.mark.parametrize(
    ("case", "pinned", "affected"),
    [
        ("before the first affected release", "0.9", False),
        ("the release that introduced it", "1.0", True),
        ("the last release before the fix", "1.4.9", True),
        ("the fixed release", "1.5", False),
        ("between the fix and the next introduction", "1.9", False),
        ("the last affected release (inclusive)", "2.3", True),
        ("after the last affected release", "2.3.1", False),
    ],
)
def test_version_ranges(case, pinned, affected):
    advisory = {"affected": [{"package": {"name": "Some_Lib"}, "ranges": [RANGE]}]}
    assert (audit.affects(advisory, "some-lib", pinned) is not None) is affected, case


def test_an_explicit_version_list_counts_and_other_packages_do_not():
    advisory = {
        "affected": [
            {"package": {"name": "other"}, "versions": ["3.0"]},
            {"package": {"name": "lib"}, "versions": ["3.0"]},
        ]
    }
    assert audit.affects(advisory, "lib", "3.0") == ""
    assert audit.affects(advisory, "lib", "3.1") is None


def write_advisory(database: Path, package: str, advisory: dict) -> None:
    folder = database / "vulns" / package
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{advisory['id']}.yaml").write_text(yaml.safe_dump(advisory))


def test_a_finding_not_discussed_in_the_review_file_fails_the_audit(tmp_path, capsys):
    range_ = {"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0"}]}
    for id_, aliases, withdrawn in [
        ("PYSEC-1", ["CVE-1"], None),
        ("PYSEC-2", ["GHSA-x"], None),
        ("PYSEC-3", [], "2024"),
    ]:
        write_advisory(
            tmp_path,
            "lib",
            {
                "id": id_,
                "aliases": aliases,
                "details": "d",
                "withdrawn": withdrawn,
                "affected": [{"package": {"name": "lib"}, "ranges": [range_]}],
            },
        )
    (tmp_path / "constraints.txt").write_text("# pins\nLib==1.2\nunrelated==9\n")
    (tmp_path / "review.md").write_text("| lib | CVE-1 | does not apply: ... |\n")
    status = audit.main(
        [str(tmp_path / "constraints.txt"), "--database", str(tmp_path), "--review", str(tmp_path / "review.md")]
    )
    out, err = capsys.readouterr()
    assert status == 1
    assert "2 advisories apply, 1 not reviewed" in out  # the withdrawn one is not counted
    assert "PYSEC-2" in err and "PYSEC-1" not in err
