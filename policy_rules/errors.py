"""Typed errors for input a rule cannot accept.

Every message is written for the citizen: it says what was wrong and what to
give instead, so the dialogue can show it as is and ask again.
"""

from __future__ import annotations


class PolicyInputError(ValueError):
    """Base class: the rules were asked something they cannot answer as given."""

    def __init__(self, message: str, input_name: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.input_name = input_name


class UnknownRule(PolicyInputError):
    """No rule has the requested id."""


class MissingInput(PolicyInputError):
    """A fact the rule needs for this case was not given."""


class InvalidInput(PolicyInputError):
    """A fact has the wrong type or an impossible value."""


class InconsistentInputs(PolicyInputError):
    """Facts that are each valid contradict one another."""
