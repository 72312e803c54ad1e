"""domain.yml and data/rules_forms.yml are generated from policy_rules, the catalogue and dialogue/base.yml:
a checked-in file edited by hand, or a declaration changed without `make generate`, fails here."""

from __future__ import annotations

import difflib

import pytest

from dialogue import generate


@pytest.mark.parametrize("path", list(generate.files()), ids=lambda path: path.name)
def test_the_checked_in_file_is_what_the_declaration_gives(path):
    wanted = generate.files()[path]
    checked_in = path.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(checked_in.splitlines(True), wanted.splitlines(True), "checked in", "generated")
    )
    assert checked_in == wanted, f"{path.name} is not in step with the declaration; run `make generate`:\n{diff}"


def test_generating_twice_gives_the_same_text():
    assert generate.files() == generate.files()
