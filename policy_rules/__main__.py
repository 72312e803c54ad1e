"""Command line for staff: explain a rule's decision for a case, in English or Chinese.

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
from policy_rules.engine import plain
from text_catalogue import DEFAULT_LANGUAGE, LANGUAGES, say
from text_catalogue.decisions import decision_text, error_text, input_description, trace_text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m policy_rules", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the answer")
    commands = parser.add_subparsers(dest="rule", required=True, metavar="RULE")
    commands.add_parser("list", help="list the rules and their inputs")
    for rule in RULES.values():
        title = say(DEFAULT_LANGUAGE, f"rule.{rule.id}.title")
        command = commands.add_parser(rule.id, help=title, description=title)
        for spec in rule.inputs:
            hint = (
                "YYYY-MM-DD"
                if spec.kind == "date"
                else f"one of {', '.join(spec.choices)}"
                if spec.choices
                else spec.kind
            )
            if spec.optional:
                hint += " or 'unknown'"
            command.add_argument(
                f"--{spec.name.replace('_', '-')}",
                dest=spec.name,
                help=f"{input_description(DEFAULT_LANGUAGE, spec.name)} ({hint})",
            )
        command.add_argument("--as-of", type=dt.date.fromisoformat, help="the date of the question (YYYY-MM-DD)")
        command.add_argument("--json", action="store_true", help="print the decision as JSON")
    return parser


def _list_rules(language: str) -> str:
    lines = []
    for rule in RULES.values():
        lines.append(f"{rule.id}: {say(language, f'rule.{rule.id}.title')}")
        for spec in rule.inputs:
            flags = ", ".join(flag for flag, on in (("optional", spec.optional), ("context", not spec.asked)) if on)
            lines.append(
                f"    --{spec.name.replace('_', '-')}  {input_description(language, spec.name)}"
                + (f" [{flags}]" if flags else "")
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = vars(_parser().parse_args(argv))
    rule_id, language = args.pop("rule"), args.pop("language")
    if rule_id == "list":
        print(_list_rules(language))
        return 0
    as_of, as_json = args.pop("as_of"), args.pop("json")
    inputs = {name: value for name, value in args.items() if value is not None}
    try:
        decision = evaluate(rule_id, inputs, as_of=as_of)
    except PolicyInputError as error:
        print(f"error: {error_text(language, error)}", file=sys.stderr)
        return 2
    if as_json:
        print(
            json.dumps(
                {
                    **decision.to_dict(),
                    "text": decision_text(language, decision),
                    "why": trace_text(language, decision),
                    "facts": plain(decision.facts),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print(f"Outcome: {decision.outcome}\n\n{decision_text(language, decision)}\n\n{trace_text(language, decision)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped to `head`: stop quietly
        sys.stderr.close()
        sys.exit(0)
