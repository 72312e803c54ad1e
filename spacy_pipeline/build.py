"""Build the spaCy pipeline and save it: python -m spacy_pipeline.build OUTPUT_DIR"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import spacy

from spacy_pipeline.lexicon import lexicon
from spacy_pipeline.patterns import DATE_PATTERNS, DURATION_PATTERNS, SCHEME_PATTERNS

# "residents insurance" should also match "residents' insurance" and "resident's insurance".
POSSESSIVE_VARIANTS = (
    (re.compile(r"s\b"), "s'"),
    (re.compile(r"\b(employee|resident|worker|employer)\b"), r"\1's"),
)


def phrase_variants(phrase: str) -> set[str]:
    phrase = phrase.lower()
    return {phrase, phrase.replace("'", "")} | {regex.sub(repl, phrase) for regex, repl in POSSESSIVE_VARIANTS}


def build() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.meta["name"] = "medical_insurance_rules"
    nlp.meta["description"] = "Blank English with an entity ruler for medical insurance conversations"
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True})
    patterns = [{"label": "duration", "pattern": pattern} for pattern in DURATION_PATTERNS]
    patterns += [{"label": "date", "pattern": pattern} for pattern in DATE_PATTERNS]
    patterns += [{"label": "scheme", "pattern": p} for variants in SCHEME_PATTERNS.values() for p in variants]
    for label, values in lexicon().items():
        for phrases in values.values():
            patterns += [{"label": label, "pattern": variant} for phrase in phrases for variant in phrase_variants(phrase)]
    ruler.add_patterns(patterns)
    return nlp


def main(argv: list[str]) -> int:
    output = Path(argv[0] if argv else "build/spacy_pipeline")
    nlp = build()
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    print(f"spaCy pipeline with {len(nlp.get_pipe('entity_ruler'))} patterns written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
