"""Command line for staff: explain a rule's decision for a case.

    python -m policy_rules list
    python -m policy_rules waiting_period --gap-days 100 --payment-date 2025-03-10 --as-of 2025-05-01
    python -m policy_rules duplicate_enrolment --enrolment-pair employee_and_residents --employee-years 2 --json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from policy_rules import RULES, PolicyInputError, evaluate
from policy_rules.render import answer_text, trace_text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m policy_rules", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="rule", required=True, metavar="RULE")
    commands.add_parser("list", help="list the rules and their inputs")
    for rule in RULES.values():
        command = commands.add_parser(rule.id, help=rule.title, description=rule.title)
        for spec in rule.inputs:
            hint = f"one of {', '.join(spec.choices)}" if spec.choices else spec.kind
            if spec.kind == "date":
                hint = "YYYY-MM-DD"
            if spec.optional:
                hint += " or 'unknown'"
            command.add_argument(f"--{spec.name.replace('_', '-')}", dest=spec.name, metavar=hint.upper().replace(" ", "_")
                                 if not spec.choices else None, help=f"{spec.description} ({hint})")
        command.add_argument("--as-of", type=dt.date.fromisoformat, help="the date of the question (YYYY-MM-DD)")
        command.add_argument("--json", action="store_true", help="print the decision as JSON")
    return parser


def _list_rules() -> str:
    lines = []
    for rule in RULES.values():
        lines.append(f"{rule.id}: {rule.title}")
        for spec in rule.inputs:
            flags = ", ".join(flag for flag, on in (("optional", spec.optional), ("context", not spec.asked)) if on)
            lines.append(f"    --{spec.name.replace('_', '-')}  {spec.description}" + (f" [{flags}]" if flags else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = vars(_parser().parse_args(argv))
    rule_id = args.pop("rule")
    if rule_id == "list":
        print(_list_rules())
        return 0
    as_of, as_json = args.pop("as_of"), args.pop("json")
    inputs = {name: value for name, value in args.items() if value is not None}
    try:
        decision = evaluate(rule_id, inputs, as_of=as_of)
    except PolicyInputError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(decision.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(f"Outcome: {decision.outcome}\n\n{answer_text(decision)}\n\n{trace_text(decision)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
