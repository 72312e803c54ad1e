"""Build the spaCy pipeline and save it: python -m spacy_pipeline.build OUTPUT_DIR"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy_pipeline import import_spacy
from spacy_pipeline.patterns import DATE_PATTERNS, DURATION_PATTERNS, SCHEME_PATTERNS
from understanding.lexicon import has_han, lexicon, phrase_variants

spacy = import_spacy()


def build():
    nlp = spacy.blank("en")
    nlp.meta["name"] = "medical_insurance_rules"
    nlp.meta["description"] = "Blank English with an entity ruler for medical insurance conversations"
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True})
    patterns = [{"label": "duration", "pattern": pattern} for pattern in DURATION_PATTERNS]
    patterns += [{"label": "date", "pattern": pattern} for pattern in DATE_PATTERNS]
    patterns += [{"label": "scheme", "pattern": p} for variants in SCHEME_PATTERNS.values() for p in variants]
    for label, values in lexicon().items():
        for phrases in values.values():
            # Chinese phrases are found by understanding.spans: this English tokenizer does not split Chinese words
            patterns += [
                {"label": label, "pattern": variant}
                for phrase in phrases
                if not has_han(phrase)
                for variant in phrase_variants(phrase)
            ]
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
