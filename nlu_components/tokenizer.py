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
import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from nlu_components.building import BuiltFromConfig
from understanding.lexicon import has_han, lexicon
from understanding.text import MAX_CHARS, blank_out_han, han_runs

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
    import spacy

    return spacy.blank("en").tokenizer


# spaCy's prefix and suffix rules take time growing with the square of a chunk's length (2,000
# characters of ",.;!?" took a second); a chunk this long is no word and is cut into letters, digits
# and single marks instead.
_LONG_CHUNK = re.compile(r"\S{41,}")
_SIMPLE_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_")


def tokenize_text(text: str) -> list[Token]:
    """Tokens of a text: jieba words in Chinese runs, spaCy's English tokens (lower case) elsewhere.

    Each tokenizer is called once, on the text with the other language's characters blanked out,
    so offsets are those of the text and the work does not grow with the number of runs."""
    text = text[:MAX_CHARS]
    lower = text.lower()
    text = lower if len(lower) == len(text) else text  # "İ".lower() is two characters
    runs = han_runs(text)
    latin = blank_out_han(text)
    tokens: list[Token] = []
    for chunk in _LONG_CHUNK.finditer(latin):
        tokens += [Token(m.group(), chunk.start() + m.start()) for m in _SIMPLE_TOKEN.finditer(chunk.group())]
    latin = _LONG_CHUNK.sub(lambda chunk: " " * len(chunk.group()), latin)
    tokens += [Token(t.text, t.idx) for t in english_tokenizer()(latin) if t.text.strip()]
    if runs:
        chinese = [" "] * len(text)
        for start, end in runs:
            chinese[start:end] = text[start:end]
        tokens += [
            Token(word, start) for word, start, _ in chinese_segmenter().tokenize("".join(chinese)) if word.strip()
        ]
    return sorted(tokens, key=lambda token: token.start)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class BilingualTokenizer(BuiltFromConfig, Tokenizer):
    """Chinese runs segmented by jieba, the rest by spaCy's English tokenizer."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        # jieba reads its dictionary on first use (0.7 s): at start-up, not in the first Chinese reply.
        chinese_segmenter().initialize()

    @staticmethod
    def required_packages() -> list[str]:
        return ["jieba", "spacy"]

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        return self._apply_token_pattern(tokenize_text(message.get(attribute)))
