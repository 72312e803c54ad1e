"""A policy_rules decision, error or trace in a citizen's language.

The rules decide in codes (`Statement`s, outcome codes, error codes); these
functions look the codes up in the catalogue and fill in the facts. The plain
text they return (headings, numbered steps, bulleted notes) reads the same in
a terminal and in a chat widget that renders Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from policy_rules import Decision, PolicyInputError, Statement
from policy_rules.engine import Branch, Citation
from policy_rules.inputs import MonthOnly
from text_catalogue import has, say
from text_catalogue.formats import date_text, month_text, number_text
from understanding.lexicon import place_name

# A blank line after a heading: chat widgets render Markdown, where a list must not touch a paragraph.
LIST_AFTER_HEADING = "\n\n"


def sentences(language: str, statements: Iterable[Statement]) -> str:
    """Statements said one after the other, as one paragraph."""
    return say(language, "layout.sentence_join").join(
        say(language, f"says.{statement.key}", **statement.params) for statement in statements
    )


def answer_text(language: str, decision: Decision) -> str:
    """The answer; for a fact the citizen does not know, a lead and one line per case."""
    text = sentences(language, decision.answer)
    if decision.branches:
        text += "\n" + "\n".join(branch_line(language, branch) for branch in decision.branches)
    return text


def branch_line(language: str, branch: Branch) -> str:
    """ "- If …: <that case's answer>", a case that itself depends on another fact indented under it."""
    answer = sentences(language, branch.answer)
    line = say(language, "layout.branch", when=sentences(language, [branch.when]), answer=answer)
    if branch.decision.branches and branch.answer == branch.decision.answer:
        nested = "\n".join(branch_line(language, inner) for inner in branch.decision.branches)
        line += "\n" + "\n".join("  " + row for row in nested.split("\n"))
    return line


def steps_text(language: str, decision: Decision) -> str:
    lines = [f"{n}. {sentences(language, [step])}" for n, step in enumerate(decision.steps, 1)]
    return say(language, "layout.steps") + LIST_AFTER_HEADING + "\n".join(lines)


def notes_text(language: str, decision: Decision) -> str:
    lines = [f"- {sentences(language, [note])}" for note in decision.notes]
    return say(language, "layout.notes") + LIST_AFTER_HEADING + "\n".join(lines)


def citation_title(language: str, citation: Citation) -> str:
    return say(language, f"source.{citation.source_id}.title")


def citation_label(language: str, citation: Citation) -> str:
    section = say(language, f"source.{citation.source_id}.sections.{citation.section}")
    return say(language, "layout.citation", title=citation_title(language, citation), section=section)


def sources_text(language: str, decision: Decision) -> str:
    """One line per source document, with the sections of it the decision relied on."""
    by_title: dict[str, list[str]] = {}
    for citation in decision.citations:
        sections = by_title.setdefault(citation_title(language, citation), [])
        section = say(language, f"source.{citation.source_id}.sections.{citation.section}")
        if section not in sections:
            sections.append(section)
    separator = say(language, "layout.section_separator")
    lines = [
        say(language, "layout.source_line", title=title, sections=separator.join(sections))
        for title, sections in by_title.items()
    ]
    return say(language, "layout.sources") + LIST_AFTER_HEADING + "\n".join(lines)


def decision_text(language: str, decision: Decision) -> str:
    """The answer, the steps, further rules, and the sources (all at once, for the command line)."""
    parts = [answer_text(language, decision)]
    if decision.steps:
        parts.append(steps_text(language, decision))
    if decision.notes:
        parts.append(notes_text(language, decision))
    parts.append(sources_text(language, decision))
    return "\n\n".join(parts)


def general_answer_text(language: str, decision: Decision) -> str:
    """A rule stated for everyone (no fact of a case): the statement with its sources at once."""
    return answer_text(language, decision) + "\n\n" + sources_text(language, decision)


# The parts of an answer the citizen can ask for after the short first reply.
STEPS, SOURCES, WHY = "steps", "sources", "why"


# The first reply's bound: a phone screen without scrolling (Chinese characters are about twice as wide).
FIRST_REPLY_CHARACTERS = {"en": 550, "zh": 250}


def branch_headline(language: str, branch: Branch, nested: bool = True) -> str:
    """ "- If …: <that case's outcome in a few words>"; a case that depends on another fact leads into its cases
    (listed under it when `nested`)."""
    decision = branch.decision
    when = sentences(language, [branch.when])
    if decision.branches:
        if not nested:
            return say(language, "layout.branch_see_steps", when=when, answer=sentences(language, decision.answer))
        line = say(language, "layout.branch", when=when, answer=sentences(language, decision.answer))
        return line + "\n" + "\n".join("  " + branch_headline(language, inner) for inner in decision.branches)
    headline = say(language, f"says.outcome.{decision.rule_id}.{decision.outcome}", **decision.facts)
    return say(language, "layout.branch", when=when, answer=headline)


def headlines_text(language: str, decision: Decision, nested: bool) -> str:
    lines = [branch_headline(language, branch, nested) for branch in decision.branches]
    return sentences(language, decision.answer) + "\n" + "\n".join(lines)


def short_answer_text(language: str, decision: Decision) -> str:
    """The first reply, short enough for a phone screen: the outcome and the one next step.

    For a fact the citizen does not know: the lead and each case's headline (a case's inner cases too, where
    they fit); the full cases go to "Steps", and so does the next step where it does not fit.
    """
    limit = FIRST_REPLY_CHARACTERS.get(language, 0)
    if decision.branches:
        text = headlines_text(language, decision, nested=True)
        if len(text) > limit:
            text = headlines_text(language, decision, nested=False)
    else:
        text = answer_text(language, decision)
    if decision.steps:
        with_step = text + "\n\n" + say(language, "layout.next_step", step=sentences(language, decision.steps[:1]))
        if not decision.branches or len(with_step) <= limit:
            text = with_step
    return text


def more_steps_text(language: str, decision: Decision) -> str:
    """Each case in full, every step and note, for "Steps"; empty when the answer has none."""
    parts = []
    if decision.branches:
        cases = "\n".join(branch_line(language, branch) for branch in decision.branches)
        parts.append(say(language, "layout.each_case") + LIST_AFTER_HEADING + cases)
    if decision.steps:
        parts.append(steps_text(language, decision))
    if decision.notes:
        parts.append(notes_text(language, decision))
    return "\n\n".join(parts)


def answer_parts(decision: Decision) -> list[str]:
    """The parts the short reply leaves out that have something to show, in button order."""
    parts = []
    # the one step shown is not worth a click; the full cases of an unknown fact are
    if len(decision.steps) > 1 or decision.notes or decision.branches:
        parts.append(STEPS)
    if decision.citations:
        parts.append(SOURCES)
    return [*parts, WHY]


def answer_part_text(language: str, decision: Decision, part: str) -> str:
    """The text of one part asked for after the short reply ("why?" is the trace)."""
    if part == STEPS:
        return more_steps_text(language, decision)
    if part == SOURCES:
        return sources_text(language, decision) if decision.citations else ""
    return trace_text(language, decision)


def value_text(language: str, value: Any, name: str | None = None) -> str:
    """A fact as citizens read it; `name` lets a choice show as its button's words."""
    if value is None:
        return say(language, "layout.value_unknown")
    if name and isinstance(value, str) and has(language, f"question.{name}.buttons.{value}"):
        return say(language, f"question.{name}.buttons.{value}")
    if isinstance(value, bool):
        return say(language, "layout.value_yes" if value else "layout.value_no")
    if isinstance(value, MonthOnly):
        return month_text(language, value)
    if isinstance(value, dt.date):
        return date_text(language, value)
    if isinstance(value, (int, float)):
        return number_text(language, value)
    if isinstance(value, (tuple, list)):
        return say(language, "layout.list_separator").join(value_text(language, item) for item in value)
    return place_name(str(value), language)  # a city in the language's name for it; other text as given


def _name(language: str, name: str) -> str:
    """A fact's or a parameter's name for citizens."""
    return say(language, f"parameter.{name}" if has(language, f"parameter.{name}") else f"fact.{name}")


def trace_text(language: str, decision: Decision) -> str:
    """Why: each rule that fired, with the facts and numbers it used."""
    lines = []
    for n, step in enumerate(decision.trace, 1):
        used = {**step.inputs, **step.parameters}
        line = f"{n}. " + say(language, f"unit.{step.rule_id}" if step.citation else "unit.decision")
        if used:
            values = say(language, "layout.list_separator").join(
                say(language, "layout.why_value", name=_name(language, key), value=value_text(language, value, key))
                for key, value in used.items()
            )
            line += say(language, "layout.why_using", values=values)
        if isinstance(step.result, (bool, int, float, dt.date)):
            line += say(language, "layout.why_result", result=value_text(language, step.result))
        if step.citation:
            line += say(language, "layout.why_source", source=citation_label(language, step.citation))
        lines.append(line)
    heading = say(language, "layout.why_heading", rule=say(language, f"rule.{decision.rule_id}.title"))
    return heading + LIST_AFTER_HEADING + "\n".join(lines)


def facts_text(language: str, facts: dict[str, Any]) -> str:
    """Facts as citizens read them, each with its name: "your two enrolments: Two employee insurances"."""
    return say(language, "layout.list_separator").join(
        say(language, "layout.fact_value", name=_name(language, name), value=value_text(language, value, name))
        for name, value in facts.items()
    )


def input_description(language: str, name: str) -> str:
    return say(language, f"input.{name}.description")


def error_text(language: str, error: PolicyInputError) -> str:
    """What was wrong with an answer, and what to give instead."""
    params: dict[str, Any] = dict(error.params)
    name = error.input_name
    if name and has(language, f"input.{name}.description"):
        description = input_description(language, name)
        params.update(description=description, description_capitalised=description[:1].upper() + description[1:])
    if error.code == "not_a_choice" and name:
        params["options"] = say(language, "layout.option_separator").join(title for title in _choices(language, name))
    if "rule" in params and has(language, f"rule.{params['rule']}.title"):
        params["rule_title"] = say(language, f"rule.{params['rule']}.title")
    for key in ("inputs", "known"):
        if key in params:
            params[key] = say(language, "layout.list_separator").join(params[key])
    return say(language, f"error.{error.code}", **params)


def _choices(language: str, name: str) -> list[str]:
    from text_catalogue import children

    return list(children(language, f"question.{name}.buttons").values())
