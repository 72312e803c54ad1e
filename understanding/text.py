"""What every reader does to a message first: a length cap, Simplified characters, half-width forms.

- Only the first `MAX_CHARS` characters are looked at. No citizen's question
  needs more, and it bounds the work of every parser and NLU component
  (an adversarial message of 100,000 characters costs no more than one of 2,000).
- Traditional characters are turned into Simplified ones (OpenCC `t2s`), so
  one lexicon and one set of patterns serve both (繁體 → 繁体).
- Full-width digits, letters and punctuation (２０２５，？) become half-width
  (2025,?), and the ideographic space a plain space. The ideographic full stop
  and enumeration comma (。、) are kept: they have no ASCII form.

`normalise_text` keeps the length of the text whenever it can, so spans found
on the normalised text are also spans of what the citizen typed.
"""

from __future__ import annotations

import functools
import re

MAX_CHARS = 2000

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# Full-width forms to half-width, and the curly apostrophes phones type ("don’t", "I’m") to the straight one.
_FULL_WIDTH = (
    {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    | {0x3000: 0x20}
    | dict.fromkeys((0x2018, 0x2019, 0x02BC), ord("'"))
)


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported when first needed: the converter loads its dictionaries

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified Chinese, keeping the length when a phrase conversion would change it."""
    if not HAN.search(text):
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    per_char = "".join(c if len(s := _t2s().convert(c)) != 1 else s for c in text)
    return per_char


def normalise_text(text: str, limit: int = MAX_CHARS) -> str:
    """The first `limit` characters, half-width, straight apostrophes, in Simplified Chinese."""
    return to_simplified(text[:limit].translate(_FULL_WIDTH))


def language_of(text: str) -> str | None:
    """'zh' when the message has Chinese characters, 'en' when it has at least three Latin-letter words
    and no Chinese, else None: digits, dates, "ok" or emoji say nothing about the language."""
    text = text[:MAX_CHARS]
    if HAN.search(text):
        return "zh"
    for count, _ in enumerate(_LATIN_WORD.finditer(text.translate(_FULL_WIDTH)), start=1):
        if count >= 3:
            return "en"
    return None


_ASKS_FOR = {
    "en": re.compile(r"\benglish\b|英文|英语", re.IGNORECASE),
    "zh": re.compile(r"\b(chinese|mandarin)\b|中文|汉语|普通话|華語|华语", re.IGNORECASE),
}
# "English please", "请用中文回答": a request for a language is a short message (in characters, Chinese or Latin).
REQUEST_MAX_CHARS = {"zh": 12, "en": 40}


def requested_language(text: str) -> str | None:
    """The language a short message asks for by name ("English please", "说中文"), else None."""
    if len(text) > REQUEST_MAX_CHARS["zh" if HAN.search(text) else "en"]:
        return None
    named = [language for language, pattern in _ASKS_FOR.items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None


def han_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of Chinese characters."""
    return [match.span() for match in _HAN_RUN.finditer(text)]


def blank_out_han(text: str) -> str:
    """The text with each Chinese character replaced by a space (same length, same offsets)."""
    return _HAN_RUN.sub(lambda match: " " * len(match.group()), text)
