"""Durations, dates, schemes, payers, cities and situations, in English and Chinese.

The spans come from `understanding.spans`, which reads the one lexicon and the
duration and date expressions the fact readers use, so every entity found can
be read into a fact by the action server. It replaces spaCy's entity ruler in
the pipeline (see the measurements in tests/understanding/test_nlu_components.py
and README): the same English spans, plus Chinese, without loading spaCy.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.building import BuiltFromConfig
from understanding.question_kind import question_kind
from understanding.spans import find_entities

QUESTION_KIND_ENTITY = "question_kind"
FACT_LABELS = ("duration", "date")  # a fact of the citizen's case in the message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class InsuranceEntityExtractor(BuiltFromConfig, GraphComponent, EntityExtractorMixin):
    """Entity spans of the medical-insurance facts, in both languages, and what kind of question the message asks.

    Every message gets a `question_kind` entity (general, own or both, see understanding.question_kind), so the
    slot it fills always describes the latest message.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"dimensions": None}  # all labels; or a list such as [duration, date]

    def __init__(self, config: dict[str, Any]) -> None:
        self._config = config

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str):
                continue
            spans = find_entities(text)
            found = self.add_extractor_name(spans)
            found = self.filter_irrelevant_entities(found, self._config.get("dimensions"))
            message.set(
                ENTITIES, message.get(ENTITIES, []) + found + [self._question_kind(text, spans)], add_to_output=True
            )
        return messages

    def _question_kind(self, text: str, spans: list[dict[str, Any]]) -> dict[str, Any]:
        has_facts = any(span["entity"] in FACT_LABELS for span in spans)
        entity = {"entity": QUESTION_KIND_ENTITY, "value": question_kind(text, has_facts), "start": 0, "end": len(text)}
        return self.add_extractor_name([entity])[0]
