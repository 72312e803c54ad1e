"""First component of the pipeline: the text every later component (and the action server) reads.

- Traditional characters become Simplified (OpenCC t2s), full-width digits,
  letters and punctuation half-width, and only the first MAX_CHARS characters
  are kept (`understanding.text.normalise_text`; the length is otherwise kept,
  so entity offsets hold on what the citizen typed).
- A `language` entity ("zh" or "en") is added when the message metadata says
  {"language": "zh"|"en"} (a channel that knows, e.g. a language switch in the
  web page) or else when the text makes it clear (`understanding.text.language_of`:
  Chinese characters, or at least three Latin-letter words). Digits, dates,
  "ok" or emoji decide nothing, and then no entity is added.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu_components.building import BuiltFromConfig
from understanding.text import MAX_CHARS, language_of, normalise_text, requested_language

LANGUAGES = ("zh", "en")
LANGUAGE_ENTITY = "language"


def message_language(text: str, metadata: Any) -> str | None:
    """The language the metadata names, else the one the message asks for, else the one the text makes clear,
    else None."""
    if isinstance(metadata, dict) and metadata.get("language") in LANGUAGES:
        return metadata["language"]
    return requested_language(text) or language_of(text)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class TextNormaliser(BuiltFromConfig, GraphComponent):
    """Simplified characters, half-width forms, a length cap, and the message's language as an entity."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"max_chars": MAX_CHARS}

    def __init__(self, config: dict[str, Any]) -> None:
        self._max_chars = int(config.get("max_chars", MAX_CHARS))

    @staticmethod
    def required_packages() -> list[str]:
        return ["opencc"]

    def _normalise(self, message: Message) -> str | None:
        text = message.get(TEXT)
        if not isinstance(text, str):
            return None
        normal = normalise_text(text, self._max_chars)
        if normal != text:
            message.set(TEXT, normal, add_to_output=True)
        return normal

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples are read like messages (entity annotations keep their offsets)."""
        for example in training_data.training_examples:
            self._normalise(example)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = self._normalise(message)
            if text is None:
                continue
            language = message_language(text, message.get("metadata"))
            if language:
                entity = {
                    "entity": LANGUAGE_ENTITY,
                    "value": language,
                    "start": 0,
                    "end": len(text),
                    "extractor": type(self).__name__,
                }
                message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
        return messages
