"""Plain-text layouts of a decision, shared by the command line and the dialogue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from policy_rules.engine import Decision


def answer_text(decision: Decision) -> str:
    """The answer, the steps, further rules, and the sources."""
    parts = [decision.answer]
    if decision.steps:
        parts.append("What to do:\n" + "\n".join(f"{n}. {step}" for n, step in enumerate(decision.steps, 1)))
    if decision.notes:
        parts.append("Good to know:\n" + "\n".join(f"- {note}" for note in decision.notes))
    parts.append(sources_text(decision))
    return "\n\n".join(parts)


def sources_text(decision: Decision) -> str:
    """One line per source document, with the parts of it the decision relied on."""
    by_title: dict[str, list[str]] = {}
    for citation in decision.citations:
        references = by_title.setdefault(citation.title, [])
        if citation.reference and citation.reference not in references:
            references.append(citation.reference)
    lines = [f"- {title}" + (f" ({'; '.join(refs)})" if refs else "") for title, refs in by_title.items()]
    return "Sources:\n" + "\n".join(lines)


def _value(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return "; ".join(_value(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def trace_text(decision: Decision) -> str:
    """Why: each rule that fired, with the facts and numbers it used."""
    lines = [f"How I reached this answer ({decision.rule_id} → {decision.outcome}):"]
    for n, step in enumerate(decision.trace, 1):
        used = {**step.inputs, **step.parameters}
        with_values = ", ".join(f"{key} = {_value(value)}" for key, value in used.items())
        line = f"{n}. {step.description}"
        if with_values:
            line += f" Using {with_values}"
        if not isinstance(step.result, (str, tuple)):
            line += f" → {_value(step.result)}"
        lines.append(line + f" (source: {step.citation.label})")
    # A blank line after the heading: chat widgets render Markdown, where a list must not touch a paragraph.
    return lines[0] + "\n\n" + "\n".join(lines[1:])
