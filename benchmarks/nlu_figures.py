"""Summarise `make nlu-report`: intent macro F1 and entity F1 per language, the weakest intents,
and a per-intent F1 table (Markdown, one column per language) for the README.

python -m benchmarks.nlu_figures results/nlu
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def figures(folder: Path) -> dict[str, object]:
    intents = json.loads((folder / "intent_report.json").read_text(encoding="utf-8"))
    entity_reports = sorted(folder.glob("*Extractor_report.json"))
    entities = json.loads(entity_reports[0].read_text(encoding="utf-8")) if entity_reports else {}
    per_intent = {
        name: row["f1-score"]
        for name, row in intents.items()
        if isinstance(row, dict) and "support" in row and name not in ("macro avg", "weighted avg", "micro avg")
    }
    return {
        "intent_macro_f1": round(intents["macro avg"]["f1-score"], 3),
        "entity_micro_f1": round(entities["micro avg"]["f1-score"], 3) if "micro avg" in entities else None,
        "weakest": sorted(per_intent.items(), key=lambda item: item[1])[:5],
        "per_intent": per_intent,
    }


def per_intent_table(summaries: dict[str, dict[str, object]]) -> str:
    """One row per intent, one F1 column per language (blank where a language lacks the intent)."""
    languages = list(summaries)
    scores = {language: summaries[language]["per_intent"] for language in languages}
    intents = sorted({name for table in scores.values() for name in table})  # type: ignore[attr-defined]
    rows = ["| intent | " + " | ".join(languages) + " |", "| --- |" + " --- |" * len(languages)]
    for name in intents:
        cells = [f"{scores[language][name]:.2f}" if name in scores[language] else "" for language in languages]  # type: ignore[index,operator]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "results/nlu")
    summaries: dict[str, dict[str, object]] = {}
    for folder in sorted(path for path in root.iterdir() if (path / "intent_report.json").exists()):
        summary = summaries[folder.name] = figures(folder)
        weakest = ", ".join(f"{name} {score:.2f}" for name, score in summary["weakest"])  # type: ignore[attr-defined]
        print(
            f"{folder.name}: intent macro F1 {summary['intent_macro_f1']}, "
            f"entity micro F1 {summary['entity_micro_f1']}; weakest intents: {weakest}"
        )
    print()
    print(per_intent_table(summaries))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
