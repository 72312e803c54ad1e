"""Summarise `make nlu-report`: intent macro F1 and entity F1 per language, and the weakest intents.

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


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "results/nlu")
    for folder in sorted(path for path in root.iterdir() if (path / "intent_report.json").exists()):
        summary = figures(folder)
        weakest = ", ".join(f"{name} {score:.2f}" for name, score in summary["weakest"])  # type: ignore[attr-defined]
        print(
            f"{folder.name}: intent macro F1 {summary['intent_macro_f1']}, "
            f"entity micro F1 {summary['entity_micro_f1']}; weakest intents: {weakest}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
