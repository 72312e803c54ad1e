"""The small engine every rule runs on: evaluation context, traced rule units, decisions.

A *topic rule* (`Rule`) answers one question a citizen asks, from declared
inputs. It is built from *rule units*: small functions, each labelled with the
source passage it implements (`@unit`, with the passage quoted verbatim from
the source document). Every unit that runs adds a `TraceStep` with the facts
it read, the parameters it used and what it concluded; its source becomes one
of the decision's citations.

Nothing here is worded for citizens: a decision holds codes (`Statement`)
and facts; the catalogue package words them in each language.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from policy_rules.errors import InvalidInput, MissingInput
from policy_rules.inputs import InputSpec
from policy_rules.parameters import parameters, sources


@dataclass(frozen=True)
class Citation:
    """A passage of a source document: the document's id and the section the rule relies on."""

    source_id: str
    section: str
    document: str
    published: dt.date | None


def cite(source_id: str, section: str) -> Citation:
    source = sources()[source_id]
    if section not in source.sections:
        raise ValueError(f"source {source_id} has no section {section!r}; sections: {', '.join(source.sections)}")
    return Citation(source_id, section, source.document, source.published)


@dataclass(frozen=True)
class Statement:
    """Something the decision says, as a catalogue code (`says.<key>`) and the facts that fill it in."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


def says(key: str, **params: Any) -> Statement:
    return Statement(key, params)


@dataclass(frozen=True)
class TraceStep:
    """One rule unit that ran (or, with no citation, the combination of their results for the case)."""

    rule_id: str
    inputs: Mapping[str, Any]
    parameters: Mapping[str, Any]
    result: Any
    citation: Citation | None


@dataclass(frozen=True)
class Decision:
    """What a rule concluded for one citizen's case.

    outcome: a stable code for the result (used by logs, tests and the catalogue).
    answer: the conclusion for this citizen; steps: what to do, in order; notes: further rules.
    facts: concrete values computed for the case (months, deadlines).
    refer_to_bureau: True when the sources leave the case open.
    """

    rule_id: str
    outcome: str
    answer: tuple[Statement, ...]
    steps: tuple[Statement, ...]
    notes: tuple[Statement, ...]
    facts: Mapping[str, Any]
    refer_to_bureau: bool
    citations: tuple[Citation, ...]
    trace: tuple[TraceStep, ...]

    @property
    def rules_fired(self) -> tuple[str, ...]:
        return tuple(step.rule_id for step in self.trace)

    def to_dict(self) -> dict[str, Any]:
        def statements(items: Sequence[Statement]) -> list[dict[str, Any]]:
            return [{"key": item.key, "params": plain(item.params)} for item in items]

        return {
            "rule_id": self.rule_id,
            "outcome": self.outcome,
            "answer": statements(self.answer),
            "steps": statements(self.steps),
            "notes": statements(self.notes),
            "facts": plain(self.facts),
            "refer_to_bureau": self.refer_to_bureau,
            "citations": [{"source": c.source_id, "section": c.section} for c in self.citations],
            "trace": [
                {
                    "rule": step.rule_id,
                    "inputs": plain(step.inputs),
                    "parameters": plain(step.parameters),
                    "result": plain(step.result),
                    "source": step.citation and {"source": step.citation.source_id, "section": step.citation.section},
                }
                for step in self.trace
            ],
        }


def plain(value: Any) -> Any:
    """A value as JSON can hold it: dates as ISO text, statements as their key and facts."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Statement):
        return {"key": value.key, "params": plain(value.params)}
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


@dataclass
class _Reads:
    """What one unit (or the combining code around the units) read."""

    facts: dict[str, Any] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)


class Evaluation:
    """The facts of one case, the parameters read and the trace so far."""

    def __init__(self, rule: Rule, facts: Mapping[str, Any], as_of: dt.date | None, probing: bool) -> None:
        self.rule = rule
        self.as_of = as_of
        self._facts = dict(facts)
        self._probing = probing
        self._frames: list[_Reads] = []
        self._outside_units = _Reads()  # read by the rule's combining code: traced as its last step
        self._trace: list[TraceStep] = []
        self.asked_inputs: list[str] = []  # asked-for inputs the rule read, in order

    # --- facts -----------------------------------------------------------
    def _note_read(self, name: str) -> None:
        spec = self.rule.input(name)
        if spec.asked and name not in self.asked_inputs:
            self.asked_inputs.append(name)

    def _record_fact(self, name: str, value: Any) -> None:
        (self._frames[-1] if self._frames else self._outside_units).facts[name] = value

    def fact(self, name: str) -> Any:
        """A fact the case cannot be decided without."""
        self._note_read(name)
        if self._facts.get(name) is None:
            raise MissingInput("missing", name)
        self._record_fact(name, self._facts[name])
        return self._facts[name]

    def given(self, name: str) -> Any:
        """A fact's value if the caller gave one, else None; never asked for on its own."""
        value = self._facts.get(name)
        if value is not None:
            self._note_read(name)
            self._record_fact(name, value)
        return value

    def optional_fact(self, name: str) -> Any:
        """A fact that sharpens the answer; None when not given or unknown.

        While probing for questions, an optional fact that was never asked is
        reported as missing, so the dialogue asks it once (the citizen may say
        they don't know).
        """
        self._note_read(name)
        if name not in self._facts and self._probing and self.rule.input(name).asked:
            raise MissingInput("missing", name)
        value = self._facts.get(name)
        self._record_fact(name, value)
        return value

    # --- parameters and trace --------------------------------------------
    def param(self, name: str, on: dt.date | None = None) -> Any:
        day = on or self.as_of
        try:
            value = parameters()[name].value_on(day)
        except LookupError:
            raise InvalidInput("no_rules_for_date", "as_of", day=day) from None
        for frame in self._frames or [self._outside_units]:
            frame.parameters[name] = value
        return value

    def run_unit(self, rule_id: str, citation: Citation, fn: Callable[..., Any], facts: dict[str, Any]) -> Any:
        self._frames.append(_Reads())
        try:
            result = fn(self, **facts)
        finally:
            frame = self._frames.pop()
        self._trace.append(TraceStep(rule_id, {**facts, **frame.facts}, frame.parameters, result, citation))
        return result

    def decision(
        self,
        outcome: str,
        answer: Statement | Sequence[Statement],
        steps: Sequence[Statement] = (),
        notes: Sequence[Statement] = (),
        facts: Mapping[str, Any] | None = None,
        refer_to_bureau: bool = False,
    ) -> Decision:
        trace = list(self._trace)
        combined = self._outside_units
        if combined.facts or combined.parameters:
            trace.append(
                TraceStep(f"{self.rule.id}.decision", dict(combined.facts), dict(combined.parameters), outcome, None)
            )
        citations: list[Citation] = []
        for step in trace:
            if step.citation:
                citations.append(step.citation)
            for name in step.parameters:  # a number from another document cites that document too
                parameter = parameters()[name]
                if step.citation is None or parameter.source != step.citation.source_id:
                    citations.append(cite(parameter.source, parameter.section))
        return Decision(
            rule_id=self.rule.id,
            outcome=outcome,
            answer=(answer,) if isinstance(answer, Statement) else tuple(answer),
            steps=tuple(steps),
            notes=tuple(notes),
            facts=dict(facts or {}),
            refer_to_bureau=refer_to_bureau,
            citations=tuple(dict.fromkeys(citations)),
            trace=tuple(trace),
        )


@dataclass(frozen=True)
class UnitInfo:
    """What a rule unit implements: its id, the source passage and the quoted text."""

    rule_id: str
    citation: Citation
    quote: str


#: Every rule unit defined, by id (filled as the rule modules are imported).
UNITS: dict[str, UnitInfo] = {}


UnitFunction = TypeVar("UnitFunction", bound=Callable[..., Any])


def unit(rule_id: str, source: str, section: str, quote: str) -> Callable[[UnitFunction], UnitFunction]:
    """Label a small rule with its id, the section of its source and the passage it implements, quoted verbatim.

    The unit is called as `fn(ev, **facts)`; the facts are recorded in the trace.
    """

    citation = cite(source, section)
    if rule_id in UNITS:
        raise ValueError(f"two rule units are called {rule_id}")
    UNITS[rule_id] = UnitInfo(rule_id, citation, quote)

    def wrap(fn: UnitFunction) -> UnitFunction:
        @functools.wraps(fn)
        def run(ev: Evaluation, **facts: Any) -> Any:
            return ev.run_unit(rule_id, citation, fn, facts)

        return cast(UnitFunction, run)

    return wrap


Check = Callable[[dict[str, Any]], None]

#: The outcome of every general statement (`Rule.general`), which decides no case.
GENERAL_OUTCOME = "general_statement"


@dataclass(frozen=True)
class Rule:
    """A question citizens ask, answered from declared inputs (its title is `rule.<id>.title` in the catalogue).

    decide(ev) -> Decision holds the reasoning; it may only reach the declared `outcomes`.
    check(facts) may raise InconsistentInputs for facts that contradict one another.
    general(ev) -> Decision states the rule without any fact of a citizen's case (outcome `GENERAL_OUTCOME`),
    for questions such as "how does this work?"; None when the rule has no general statement.
    """

    id: str
    inputs: tuple[InputSpec, ...]
    outcomes: tuple[str, ...]
    decide: Callable[[Evaluation], Decision]
    check: Check | None = None
    general: Callable[[Evaluation], Decision] | None = None

    def general_statement(self, as_of: dt.date | None = None) -> Decision:
        """The rule as the sources state it, for everyone: no fact is read or asked."""
        if self.general is None:
            raise ValueError(f"rule {self.id} has no general statement")
        decision = self.general(Evaluation(self, {}, as_of, probing=False))
        if decision.outcome != GENERAL_OUTCOME:
            raise ValueError(f"the general statement of rule {self.id} reached {decision.outcome!r}")
        return decision

    def input(self, name: str) -> InputSpec:
        for spec in self.inputs:
            if spec.name == name:
                return spec
        raise KeyError(f"rule {self.id} declares no input {name!r}")

    def coerce_inputs(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        declared = {spec.name for spec in self.inputs}
        unknown = sorted(set(raw) - declared)
        if unknown:
            raise InvalidInput("not_an_input_of_the_rule", unknown[0], rule=self.id, inputs=unknown)
        facts = {name: self.input(name).coerce(value) for name, value in raw.items()}
        if self.check:
            self.check(facts)
        return facts

    def evaluate(self, raw: Mapping[str, Any], as_of: dt.date | None = None) -> Decision:
        ev = Evaluation(self, self.coerce_inputs(raw), as_of, probing=False)
        decision = self.decide(ev)
        if decision.outcome not in self.outcomes:
            raise ValueError(f"rule {self.id} reached the undeclared outcome {decision.outcome!r}")
        return decision

    def needed_inputs(self, raw: Mapping[str, Any], as_of: dt.date | None = None) -> tuple[list[str], str | None]:
        """(inputs this case depends on, the next one to ask or None when complete)."""
        ev = Evaluation(self, self.coerce_inputs(raw), as_of, probing=True)
        try:
            self.decide(ev)
        except MissingInput as missing:
            return ev.asked_inputs, missing.input_name
        return ev.asked_inputs, None
