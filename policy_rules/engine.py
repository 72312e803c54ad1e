"""The small engine every rule runs on: evaluation context, traced rule units, decisions.

A *topic rule* (`Rule`) answers one question a citizen asks, from declared
inputs. It is built from *rule units*: small functions, each labelled with the
source it implements (`@unit`). Every unit that runs adds a `TraceStep` with
the facts it read, the parameters it used and what it concluded; its source
becomes one of the decision's citations.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from policy_rules.errors import InvalidInput, MissingInput
from policy_rules.inputs import InputSpec
from policy_rules.parameters import parameters, sources


@dataclass(frozen=True)
class Citation:
    source_id: str
    title: str
    reference: str
    document: str
    published: dt.date | None

    @property
    def label(self) -> str:
        return f"{self.title} ({self.reference})" if self.reference else self.title


def cite(source_id: str, reference: str = "") -> Citation:
    source = sources()[source_id]
    return Citation(source_id, source.title, reference, source.document, source.published)


@dataclass(frozen=True)
class TraceStep:
    rule_id: str
    description: str
    inputs: Mapping[str, Any]
    parameters: Mapping[str, Any]
    result: Any
    citation: Citation


@dataclass(frozen=True)
class Decision:
    """What a rule concluded for one citizen's case.

    outcome: a stable code for the result (used by logs and tests).
    answer: the conclusion in plain words for this citizen.
    steps: what the citizen should do, in order.
    notes: further rules that apply to the case.
    facts: concrete values computed for the case (months, deadlines).
    refer_to_bureau: True when the sources leave the case open.
    """

    rule_id: str
    outcome: str
    answer: str
    steps: tuple[str, ...]
    notes: tuple[str, ...]
    facts: Mapping[str, Any]
    refer_to_bureau: bool
    citations: tuple[Citation, ...]
    trace: tuple[TraceStep, ...]

    @property
    def rules_fired(self) -> tuple[str, ...]:
        return tuple(step.rule_id for step in self.trace)

    def to_dict(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, (dt.date,)):
                return value.isoformat()
            if isinstance(value, Mapping):
                return {key: plain(item) for key, item in value.items()}
            if isinstance(value, (list, tuple)):
                return [plain(item) for item in value]
            return value

        return {
            "rule_id": self.rule_id,
            "outcome": self.outcome,
            "answer": self.answer,
            "steps": list(self.steps),
            "notes": list(self.notes),
            "facts": plain(self.facts),
            "refer_to_bureau": self.refer_to_bureau,
            "citations": [{"source": c.source_id, "title": c.title, "reference": c.reference} for c in self.citations],
            "trace": [
                {
                    "rule": step.rule_id,
                    "description": step.description,
                    "inputs": plain(step.inputs),
                    "parameters": plain(step.parameters),
                    "result": plain(step.result),
                    "source": step.citation.label,
                }
                for step in self.trace
            ],
        }


@dataclass
class _Frame:
    parameters: dict[str, Any] = field(default_factory=dict)


class Evaluation:
    """The facts of one case, the parameters read and the trace so far."""

    def __init__(self, rule: "Rule", facts: Mapping[str, Any], as_of: dt.date | None, probing: bool) -> None:
        self.rule = rule
        self.as_of = as_of
        self._facts = dict(facts)
        self._probing = probing
        self._frames: list[_Frame] = []
        self._trace: list[TraceStep] = []
        self.asked_inputs: list[str] = []  # asked-for inputs the rule read, in order

    # --- facts -----------------------------------------------------------
    def _note_read(self, name: str) -> None:
        spec = self.rule.input(name)
        if spec.asked and name not in self.asked_inputs:
            self.asked_inputs.append(name)

    def fact(self, name: str) -> Any:
        """A fact the case cannot be decided without."""
        self._note_read(name)
        if self._facts.get(name) is None:
            raise MissingInput(f"I need to know {self.rule.input(name).description}.", name)
        return self._facts[name]

    def given(self, name: str) -> Any:
        """A fact's value if the caller gave one, else None; never asked for on its own."""
        if self._facts.get(name) is not None:
            self._note_read(name)
        return self._facts.get(name)

    def optional_fact(self, name: str) -> Any:
        """A fact that sharpens the answer; None when not given or unknown.

        While probing for questions, an optional fact that was never asked is
        reported as missing, so the dialogue asks it once (the citizen may say
        they don't know).
        """
        self._note_read(name)
        if name not in self._facts and self._probing and self.rule.input(name).asked:
            raise MissingInput(f"I need to know {self.rule.input(name).description}.", name)
        return self._facts.get(name)

    # --- parameters and trace --------------------------------------------
    def param(self, name: str, on: dt.date | None = None) -> Any:
        day = on or self.as_of
        try:
            value = parameters()[name].value_on(day)
        except LookupError:
            raise InvalidInput(
                f"The rules I know do not reach back to {day.isoformat()}; please ask your local medical insurance "
                "bureau about that date.",
                "as_of",
            ) from None
        for frame in self._frames:
            frame.parameters[name] = value
        return value

    def run_unit(self, rule_id: str, description: str, citation: Citation, fn: Callable[..., Any], facts: dict) -> Any:
        self._frames.append(_Frame())
        try:
            result = fn(self, **facts)
        finally:
            frame = self._frames.pop()
        self._trace.append(TraceStep(rule_id, description, facts, frame.parameters, result, citation))
        return result

    def decision(
        self,
        outcome: str,
        answer: str,
        steps: tuple[str, ...] | list[str] = (),
        notes: tuple[str, ...] | list[str] = (),
        facts: Mapping[str, Any] | None = None,
        refer_to_bureau: bool = False,
    ) -> Decision:
        citations: list[Citation] = []
        for step in self._trace:
            citations.append(step.citation)
            for name in step.parameters:  # a number from another document cites that document too
                parameter = parameters()[name]
                if parameter.source != step.citation.source_id:
                    citations.append(cite(parameter.source, parameter.reference))
        unique = tuple(dict.fromkeys(citations))
        return Decision(
            rule_id=self.rule.id,
            outcome=outcome,
            answer=answer,
            steps=tuple(steps),
            notes=tuple(notes),
            facts=dict(facts or {}),
            refer_to_bureau=refer_to_bureau,
            citations=unique,
            trace=tuple(self._trace),
        )


def unit(rule_id: str, source: str, reference: str = "") -> Callable:
    """Label a small rule with its id and source; running it adds a trace step.

    The unit is called as `fn(ev, **facts)`; the facts are recorded in the trace.
    """

    citation = cite(source, reference)

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        description = (fn.__doc__ or rule_id).strip().splitlines()[0]

        @functools.wraps(fn)
        def run(ev: Evaluation, **facts: Any) -> Any:
            return ev.run_unit(rule_id, description, citation, fn, facts)

        run.rule_id = rule_id  # type: ignore[attr-defined]
        run.citation = citation  # type: ignore[attr-defined]
        return run

    return wrap


@dataclass(frozen=True)
class Rule:
    """A question citizens ask, answered from declared inputs.

    decide(ev) -> Decision holds the reasoning; check(facts) may raise
    InconsistentInputs for facts that contradict one another.
    """

    id: str
    title: str
    inputs: tuple[InputSpec, ...]
    decide: Callable[[Evaluation], Decision]
    check: Callable[[Mapping[str, Any]], None] | None = None

    def input(self, name: str) -> InputSpec:
        for spec in self.inputs:
            if spec.name == name:
                return spec
        raise KeyError(f"rule {self.id} declares no input {name!r}")

    def coerce_inputs(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        declared = {spec.name for spec in self.inputs}
        unknown = sorted(set(raw) - declared)
        if unknown:
            raise InvalidInput(
                f"The question '{self.title}' does not use {', '.join(unknown)}; "
                f"it uses {', '.join(sorted(declared)) or 'no facts'}.",
                unknown[0],
            )
        facts = {name: self.input(name).coerce(value) for name, value in raw.items()}
        if self.check:
            self.check(facts)
        return facts

    def evaluate(self, raw: Mapping[str, Any], as_of: dt.date | None = None) -> Decision:
        ev = Evaluation(self, self.coerce_inputs(raw), as_of, probing=False)
        return self.decide(ev)

    def needed_inputs(self, raw: Mapping[str, Any], as_of: dt.date | None = None) -> tuple[list[str], str | None]:
        """(inputs this case depends on, the next one to ask or None when complete)."""
        ev = Evaluation(self, self.coerce_inputs(raw), as_of, probing=True)
        try:
            self.decide(ev)
        except MissingInput as missing:
            return ev.asked_inputs, missing.input_name
        return ev.asked_inputs, None
