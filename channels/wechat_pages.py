"""WeChat text messages have a size limit: a long reply is cut into pages that each fit.

A passive reply and a customer-service text message hold at most 2048 bytes
(UTF-8: a Chinese character takes 3). A reply is cut between lines, each page
filled with as many lines as fit; a line longer than a page is cut between
characters, never inside one.
The first page goes back at once; the others go through the customer-service
API when it is configured, else they wait until the citizen asks for more
(the hint on the page says how).
"""

from __future__ import annotations

import re

from text_catalogue import say

WECHAT_TEXT_LIMIT_BYTES = 2048
# What a citizen types to get the next page (read, not shown: matched without case or spaces).
MORE_WORDS = {"详细", "详情", "更多", "继续", "下一页", "more", "next", "details"}
_HAN = re.compile(r"[\u4e00-\u9fff]")


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def language_of_reply(text: str) -> str:
    """The language a reply is written in (replies are in the conversation's language)."""
    return "zh" if _HAN.search(text) else "en"


def asks_for_more(text: str) -> bool:
    return "".join(text.split()).lower().strip("。.!！?？") in MORE_WORDS


def _by_characters(line: str, limit: int) -> list[str]:
    pieces, current = [], ""
    for character in line:
        if size(current + character) > limit:
            pieces.append(current)
            current = ""
        current += character
    return [*pieces, current]


def _cut(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` bytes: lines packed into each piece as they come, a line longer than a
    piece cut between characters; a piece never starts with the line breaks between two lines."""
    pieces: list[str] = []
    current = ""
    for line, breaks in re.findall(r"([^\n]*)(\n*)", text):
        for part in _by_characters(line, limit) if size(line) > limit else [line]:
            if current and size(current + part) > limit:
                pieces.append(current.rstrip("\n"))
                current = ""
            current += part
        current += breaks
    pieces.append(current.rstrip("\n"))
    return [piece for piece in pieces if piece]


def pages(text: str, with_hint: bool, limit: int = WECHAT_TEXT_LIMIT_BYTES) -> list[str]:
    """The reply as pages within `limit`; with_hint: every page but the last ends with how to get the next."""
    if size(text) <= limit:
        return [text]
    hint = "\n\n" + say(language_of_reply(text), "channel.wechat_more_hint") if with_hint else ""
    pieces = _cut(text, limit - size(hint))
    return [piece + hint for piece in pieces[:-1]] + pieces[-1:]
