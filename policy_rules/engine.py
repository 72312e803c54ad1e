"""The small engine every rule runs on: evaluation context, traced rule units, decisions.

A *topic rule* (`Rule`) answers one question a citizen asks, from declared
inputs. It is built from *rule units*: small functions, each labelled with the
source passage it implements (`@unit`, with the passage quoted verbatim from
the source document). Every unit that runs adds a `TraceStep` with the facts
it read, the parameters it used and what it concluded; its source becomes one
of the decision's citations.

An asked fact the citizen does not know (`UNKNOWN`) is answered per case:
the rule is evaluated once for each case of the fact (yes and no, each
choice, or the ranges the rule declares in `unknown_cases`), and the decision
(outcome `depends_on_fact`) holds one `Branch` per case plus the rule's
"how to find this out" unit for that fact (`find_out`).

Readings: a month-only date, or facts that contradict one another, can be
read in more than one way; the rule is evaluated with each reading and asks
the citizen only when the answers differ (`Rule.evaluate`).

Nothing here is worded for citizens: a decision holds codes (`Statement`)
and facts; the catalogue package words them in each language.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from policy_rules.errors import InconsistentInputs, InvalidInput, MissingInput, PolicyInputError
from policy_rules.inputs import FIRST_DAY, UNKNOWN, InputSpec, MonthOnly
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
    branches: tuple[Branch, ...] = ()

    def gist(self) -> tuple[Any, ...]:
        """What the citizen is told, without the figures: two readings with the same gist need no question."""
        return (
            self.outcome,
            self.refer_to_bureau,
            tuple(statement.key for statement in self.answer),
            tuple((branch.when.key, branch.decision.gist()) for branch in self.branches),
        )

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
            "branches": [
                {"when": plain(branch.when), "answer": statements(branch.answer), "decision": branch.decision.to_dict()}
                for branch in self.branches
            ],
        }


@dataclass(frozen=True)
class Case:
    """One case of a fact the citizen does not know.

    when: says which case it is ("if the gap was up to 60 days"); values: the facts substituted for it.
    exact: the values are the case itself (yes or no, a choice), so the case's own answer is told; otherwise
    they only stand for a range and the case is told by its outcome (`outcome.<rule>.<outcome>`), which names
    no figure.
    """

    when: Statement
    values: Mapping[str, Any]
    exact: bool = True


@dataclass(frozen=True)
class Branch:
    """The answer for one case of an unknown fact."""

    when: Statement
    answer: tuple[Statement, ...]
    decision: Decision


class UnknownFact(Exception):
    """Raised inside a rule that reads an asked fact the citizen does not know; `Rule` answers per case."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def is_unknown(value: Any) -> bool:
    return isinstance(value, str) and value == UNKNOWN


def distinct(statements: Sequence[Statement]) -> tuple[Statement, ...]:
    """The statements in order, each once (statements hold dicts, so they are compared, not hashed)."""
    kept: list[Statement] = []
    for statement in statements:
        if statement not in kept:
            kept.append(statement)
    return tuple(kept)


def citations_of(trace: Sequence[TraceStep]) -> tuple[Citation, ...]:
    """The sources of the units in a trace, and of the numbers they used."""
    citations: list[Citation] = []
    for step in trace:
        if step.citation:
            citations.append(step.citation)
        for name in step.parameters:  # a number from another document cites that document too
            parameter = parameters()[name]
            if step.citation is None or parameter.source != step.citation.source_id:
                citations.append(cite(parameter.source, parameter.section))
    return tuple(dict.fromkeys(citations))


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
        """A fact the case cannot be decided without (an unknown one is answered per case by the Rule)."""
        self._note_read(name)
        if self._facts.get(name) is None:
            raise MissingInput("missing", name)
        if is_unknown(self._facts[name]):
            raise UnknownFact(name)
        self._record_fact(name, self._facts[name])
        return self._facts[name]

    def is_unknown(self, name: str) -> bool:
        """Whether the citizen said they do not know an asked fact (asked for first while probing)."""
        self._note_read(name)
        if name not in self._facts and self._probing:
            raise MissingInput("missing", name)
        return is_unknown(self._facts.get(name))

    def given(self, name: str) -> Any:
        """A fact's value if the caller gave one, else None; never asked for on its own."""
        value = self._facts.get(name)
        if value is not None and not is_unknown(value):
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

    def closing_trace(self, result: Any) -> list[TraceStep]:
        """The trace so far, with what the rule's combining code read as its last step."""
        trace = list(self._trace)
        combined = self._outside_units
        if combined.facts or combined.parameters:
            trace.append(
                TraceStep(f"{self.rule.id}.decision", dict(combined.facts), dict(combined.parameters), result, None)
            )
        return trace

    def decision(
        self,
        outcome: str,
        answer: Statement | Sequence[Statement],
        steps: Sequence[Statement] = (),
        notes: Sequence[Statement] = (),
        facts: Mapping[str, Any] | None = None,
        refer_to_bureau: bool = False,
    ) -> Decision:
        trace = self.closing_trace(outcome)
        return Decision(
            rule_id=self.rule.id,
            outcome=outcome,
            answer=(answer,) if isinstance(answer, Statement) else tuple(answer),
            steps=tuple(steps),
            notes=tuple(notes),
            facts=dict(facts or {}),
            refer_to_bureau=refer_to_bureau,
            citations=citations_of(trace),
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
CaseBuilder = Callable[[Evaluation], Sequence[Case]]
FindOut = Callable[[Evaluation], Statement]

#: The outcome of a decision that answers per case of a fact the citizen does not know.
DEPENDS_ON_FACT = "depends_on_fact"

#: The outcome of every general statement (`Rule.general`), which decides no case.
GENERAL_OUTCOME = "general_statement"


@dataclass(frozen=True)
class Rule:
    """A question citizens ask, answered from declared inputs (its title is `rule.<id>.title` in the catalogue).

    decide(ev) -> Decision holds the reasoning; it may only reach the declared `outcomes` (and DEPENDS_ON_FACT
    when an asked fact is unknown).
    check(facts) may raise InconsistentInputs for facts that contradict one another; it sees known facts only.
    unknown_cases: for a number or date the citizen does not know, the cases the answer is given for (yes/no and
      choices have theirs by default: each value).
    find_out: for every asked fact that is not optional, the unit saying how the citizen can find it out.
    general(ev) -> Decision states the rule without any fact of a citizen's case (outcome `GENERAL_OUTCOME`),
    for questions such as "how does this work?"; None when the rule has no general statement.
    """

    id: str
    inputs: tuple[InputSpec, ...]
    outcomes: tuple[str, ...]
    decide: Callable[[Evaluation], Decision]
    check: Check | None = None
    unknown_cases: Mapping[str, CaseBuilder] = field(default_factory=dict, compare=False)
    find_out: Mapping[str, FindOut] = field(default_factory=dict, compare=False)
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

    @property
    def answered_per_case(self) -> tuple[str, ...]:
        """The asked inputs an unknown value of which is answered per case (the others are optional)."""
        return tuple(spec.name for spec in self.inputs if spec.asked and not spec.optional)

    @property
    def possible_outcomes(self) -> tuple[str, ...]:
        return self.outcomes + ((DEPENDS_ON_FACT,) if self.answered_per_case else ())

    def cases(self, name: str, ev: Evaluation) -> tuple[Case, ...]:
        """The cases an unknown `name` is answered for: declared, or each yes/no or choice value."""
        if name in self.unknown_cases:
            return tuple(self.unknown_cases[name](ev))
        spec = self.input(name)
        if spec.kind == "bool":
            return (Case(says(f"case.{name}.yes"), {name: True}), Case(says(f"case.{name}.no"), {name: False}))
        if spec.kind == "choice":
            return tuple(Case(says(f"case.{name}.{choice}"), {name: choice}) for choice in spec.choices)
        raise ValueError(f"rule {self.id} declares no cases for an unknown {name}")

    # --- facts ---------------------------------------------------------------
    def _typed(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        declared = {spec.name for spec in self.inputs}
        unknown = sorted(set(raw) - declared)
        if unknown:
            raise InvalidInput("not_an_input_of_the_rule", unknown[0], rule=self.id, inputs=unknown)
        return {name: self.input(name).coerce(value) for name, value in raw.items()}

    def coerce_inputs(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """The typed facts; raises when they contradict one another or a month-only date needs its day."""
        facts = self._typed(raw)
        self._settle(facts, None)
        return facts

    def _differ(self, first: Mapping[str, Any], second: Mapping[str, Any], as_of: dt.date | None) -> bool | None:
        """Whether two readings of the facts are answered differently (None: the case is not complete yet)."""
        try:
            return self._decide(dict(first), as_of).gist() != self._decide(dict(second), as_of).gist()
        except PolicyInputError:
            return None

    def _settle(
        self, facts: dict[str, Any], as_of: dt.date | None
    ) -> tuple[dict[str, Any], tuple[Statement, ...], tuple[TraceStep, ...]]:
        """The facts the rule decides with, and the notes and trace steps saying how they were read.

        A month-only date is read as its safe day (`InputSpec.month_reading`) when the other day of the month
        gives the same answer, and asked again (`exact_day_needed`) when it does not. Contradicting facts are
        read the preferred way when every reading gives the same answer, and refused when they do not.
        """
        settled = dict(facts)
        notes: list[Statement] = []
        steps: list[TraceStep] = []
        months = {name: value for name, value in facts.items() if isinstance(value, MonthOnly)}
        readings = {
            name: (month.first_day(), month.last_day())
            if self.input(name).month_reading == FIRST_DAY
            else (month.last_day(), month.first_day())
            for name, month in months.items()
        }
        settled.update({name: safe for name, (safe, _other) in readings.items()})
        for name, (safe, other) in readings.items():
            if self._differ(settled, {**settled, name: other}, as_of):
                raise InvalidInput("exact_day_needed", name, month=months[name].first_day())
            notes.append(says("reading.month_as_day", month=months[name].first_day(), day=safe))
            steps.append(TraceStep(f"{self.id}.month_only_date", {name: months[name].month_text()}, {}, safe, None))
        if self.check:
            known = {name: value for name, value in settled.items() if value is not None and not is_unknown(value)}
            try:
                self.check(known)
            except InconsistentInputs as conflict:
                if not conflict.readings:
                    raise
                preferred, *others = ({**settled, **reading} for reading in conflict.readings)
                if any(self._differ(preferred, other, as_of) is not False for other in others):
                    raise
                blamed = {name: settled[name] for reading in conflict.readings for name in reading}
                steps.append(TraceStep(f"{self.id}.reading", blamed, {}, conflict.code, None))
                settled = preferred
        return settled, tuple(notes), tuple(steps)

    # --- deciding ------------------------------------------------------------
    def evaluate(self, raw: Mapping[str, Any], as_of: dt.date | None = None) -> Decision:
        facts, notes, steps = self._settle(self._typed(raw), as_of)
        decision = self._decide(facts, as_of)
        if notes or steps:
            decision = dataclasses.replace(decision, notes=decision.notes + notes, trace=steps + decision.trace)
        return decision

    def _decide(self, facts: dict[str, Any], as_of: dt.date | None, pending: tuple[str, ...] = ()) -> Decision:
        ev = Evaluation(self, facts, as_of, probing=False)
        try:
            decision = self.decide(ev)
        except UnknownFact as unknown:
            return self._per_case(facts, unknown.name, as_of, pending)
        if decision.outcome not in self.outcomes:
            raise ValueError(f"rule {self.id} reached the undeclared outcome {decision.outcome!r}")
        return decision

    def _per_case(self, facts: dict[str, Any], name: str, as_of: dt.date | None, pending: tuple[str, ...]) -> Decision:
        """One decision holding the answer for each case of the unknown fact `name`."""
        if name in pending:
            raise ValueError(f"rule {self.id}: the cases of {pending[-1]} and {name} depend on each other")
        ev = Evaluation(self, facts, as_of, probing=False)
        try:
            cases = self.cases(name, ev)
        except UnknownFact as other:  # the cases depend on another unknown fact: answer per case of that first
            return self._per_case(facts, other.name, as_of, (*pending, name))
        if name not in self.find_out:
            raise ValueError(f"rule {self.id} declares no way to find out {name}")
        find_out = self.find_out[name](ev)
        branches = []
        for case in cases:
            decision = self._decide({**facts, **case.values}, as_of)
            if case.exact or decision.branches:
                answer = decision.answer
            else:
                answer = (says(f"outcome.{self.id}.{decision.outcome}", **decision.facts),)
            branches.append(Branch(case.when, answer, decision))
        trace = [TraceStep(f"{self.id}.unknown_fact", {name: None}, {}, None, None), *ev.closing_trace(None)]
        for branch in branches:
            trace.extend(branch.decision.trace)

        def shared(part: str) -> tuple[Statement, ...]:
            first, *others = (getattr(branch.decision, part) for branch in branches)
            return tuple(item for item in first if all(item in other for other in others))

        return Decision(
            rule_id=self.id,
            outcome=DEPENDS_ON_FACT,
            answer=(says(f"depends_on.{name}"),),
            # how to find out this fact, and the facts a case still depends on; then what every case shares
            steps=distinct(
                [find_out]
                + [branch.decision.steps[0] for branch in branches if branch.decision.branches]
                + list(shared("steps"))
            ),
            notes=shared("notes"),
            facts={"unknown_fact": name},
            refer_to_bureau=any(branch.decision.refer_to_bureau for branch in branches),
            citations=citations_of(trace),
            trace=tuple(trace),
            branches=tuple(branches),
        )

    # --- what to ask ---------------------------------------------------------
    def needed_inputs(self, raw: Mapping[str, Any], as_of: dt.date | None = None) -> tuple[list[str], str | None]:
        """(inputs this case depends on, the next one to ask or None when complete).

        With an unknown fact, every case counts: the next question is the first one still missing in any case.
        """
        facts, _notes, _steps = self._settle(self._typed(raw), as_of)
        asked: list[str] = []
        return asked, self._probe(facts, as_of, asked)

    def _probe(self, facts: dict[str, Any], as_of: dt.date | None, asked: list[str]) -> str | None:
        ev = Evaluation(self, facts, as_of, probing=True)
        try:
            self.decide(ev)
            missing, unknown = None, None
        except MissingInput as error:
            missing, unknown = error.input_name, None
        except UnknownFact as error:
            missing, unknown = None, error.name
        asked.extend(name for name in ev.asked_inputs if name not in asked)
        return missing if unknown is None else self._probe_cases(facts, unknown, as_of, asked, ())

    def _probe_cases(
        self, facts: dict[str, Any], name: str, as_of: dt.date | None, asked: list[str], pending: tuple[str, ...]
    ) -> str | None:
        if name in pending:
            raise ValueError(f"rule {self.id}: the cases of {pending[-1]} and {name} depend on each other")
        ev = Evaluation(self, facts, as_of, probing=True)
        try:
            cases = self.cases(name, ev)
        except MissingInput as missing:
            return missing.input_name
        except UnknownFact as other:
            return self._probe_cases(facts, other.name, as_of, asked, (*pending, name))
        finally:
            asked.extend(item for item in ev.asked_inputs if item not in asked)
        following = [self._probe({**facts, **case.values}, as_of, asked) for case in cases]
        return next((item for item in following if item), None)
