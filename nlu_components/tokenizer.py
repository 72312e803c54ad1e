"""A tokenizer for a model that serves Chinese and English in the same pipeline.

Rasa's own JiebaTokenizer only accepts `language: zh`. This one cuts the text
into runs of Chinese characters, segmented by jieba (with the lexicon's
Chinese phrases added to jieba's dictionary, so 职工医保 or 灵活就业 stay one
token), and everything else, tokenized as before by spaCy's English tokenizer
in lower case, as Rasa's SpacyNLP + SpacyTokenizer did until now (SpacyNLP is
case-insensitive by default; whitespace is not a token). Offsets are those of
the message text. Only the first
MAX_CHARS characters are tokenized.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from understanding.lexicon import has_han, lexicon
from understanding.text import MAX_CHARS, han_runs

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def chinese_segmenter():
    """A jieba tokenizer of our own (jieba's global one is left alone) that knows the lexicon's phrases."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    for values in lexicon().values():
        for phrases in values.values():
            for phrase in phrases:
                if has_han(phrase) and " " not in phrase:
                    segmenter.add_word(phrase)
    return segmenter


@functools.lru_cache(maxsize=1)
def english_tokenizer():
    """The tokenizer of spaCy's blank English model (no model to download)."""
    from spacy_pipeline import import_spacy

    return import_spacy().blank("en").tokenizer


def tokenize_text(text: str) -> List[Token]:
    """Tokens of a text: jieba words in Chinese runs, spaCy's English tokens elsewhere."""
    text = text[:MAX_CHARS]
    tokens: List[Token] = []
    position = 0
    for start, end in han_runs(text) + [(len(text), len(text))]:
        if position < start:
            segment = text[position:start]
            lower = segment.lower()
            segment = lower if len(lower) == len(segment) else segment  # "İ".lower() is two characters
            tokens += [Token(t.text, position + t.idx) for t in english_tokenizer()(segment) if t.text.strip()]
        if start < end:
            tokens += [Token(word, start + offset) for word, offset, _ in
                       chinese_segmenter().tokenize(text[start:end]) if word.strip()]
        position = end
    return tokens


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class BilingualTokenizer(Tokenizer):
    """Chinese runs segmented by jieba, the rest by spaCy's English tokenizer."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls(config)

    @staticmethod
    def required_packages() -> List[Text]:
        return ["jieba"]  # spaCy is imported through spacy_pipeline.import_spacy (see there why)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        return self._apply_token_pattern(tokenize_text(message.get(attribute)))
