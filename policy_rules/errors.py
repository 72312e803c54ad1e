"""Typed errors for input a rule cannot accept.

An error names what was wrong with a code and the facts needed to say it
(`params`); the catalogue words it for the citizen (`error.<code>`), so the
dialogue and the command line can show it in the citizen's language and ask
again. `input_name` is the fact to ask again.
"""

from __future__ import annotations

from typing import Any


class PolicyInputError(ValueError):
    """Base class: the rules were asked something they cannot answer as given."""

    def __init__(self, code: str, input_name: str | None = None, **params: Any) -> None:
        super().__init__(f"{code} ({input_name}): {params}" if params else f"{code} ({input_name})")
        self.code = code
        self.input_name = input_name
        self.params = params


class UnknownRule(PolicyInputError):
    """No rule has the requested id."""


class MissingInput(PolicyInputError):
    """A fact the rule needs for this case was not given."""


class InvalidInput(PolicyInputError):
    """A fact has the wrong type or an impossible value."""


class InconsistentInputs(PolicyInputError):
    """Facts that are each valid contradict one another.

    readings: the ways of reading the facts that remove the contradiction (each a mapping of facts to replace;
    None drops a fact), the preferred one first. The rule asks only when they lead to different answers.
    """

    def __init__(
        self, code: str, input_name: str | None = None, readings: tuple[dict[str, Any], ...] = (), **params: Any
    ) -> None:
        super().__init__(code, input_name, **params)
        self.readings = readings
