"""Where a person moves from and to, from the words around the cities they name.

Readings chosen:
- Each city takes the role of the nearest cue in its clause, looking first
  before it ("moved to Shenzhen", 从河源, 去深圳), then after it (河源辞职了,
  深圳入职): "from / left / quit / used to / my insurance is in" and 从 / 离开 /
  辞职 / 原来 / 医保在 mark the origin; "to / moved / now / new" and 到 / 去 /
  来 / 回 / 现在 mark the destination. "in" alone says neither: "I quit my job in Heyuan" is the origin.
- Without a cue, the last city named is the destination if none has been
  found, and a single city left over beside a destination is the origin
  ("我在深圳上班，想转回河源": 深圳 is the origin).
- A city named only as the origin leaves the destination unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ORIGIN = re.compile(
    r"\b(from|left|leave|leaving|quit|quitting|resigned|out of|used to|previously|former|originally|old|"
    r"(?:insurance|insured|enrolled)(?: is| was| still)?(?: still)?)\b"
    r"|从|离开|原来|原先|之前|以前|辞职|离职|辞了|辞掉|原参保地|参保地是|(?:医保|社保|参保|医保关系)(?:还|现在)?在",
    re.IGNORECASE,
)
_DESTINATION = re.compile(
    r"\b(to|into|moved|moving|move|relocat\w*|now|new|started|starting|joined|going|heading)\b"
    r"|到|去|来|迁入|转入|回|调往|现在|新|入职",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,.;!?，。；！？、]|\band\b|\bbut\b|\bthen\b|然后|后来|但是|可是|之后", re.IGNORECASE)
# A cue is looked for this far from the city: the words of its own phrase, not the whole message.
REACH = 40


def _role(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - REACH) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    before = before[breaks[-1].end() :] if breaks else before
    cues = [
        (len(before) - m.end(), role)
        for regex, role in ((_ORIGIN, "origin"), (_DESTINATION, "to"))
        for m in regex.finditer(before)
    ]
    if cues:
        return min(cues)[1]
    after = text[end : end + REACH]
    stop = _CLAUSE_BREAK.search(after)
    after = after[: stop.start()] if stop else after
    cues = [
        (m.start(), role) for regex, role in ((_ORIGIN, "origin"), (_DESTINATION, "to")) for m in regex.finditer(after)
    ]
    return min(cues)[1] if cues else None


def city_roles(text: str, cities: Sequence[tuple[int, int, str]]) -> tuple[str | None, str | None]:
    """(origin, destination) among the named cities, each (start, end, canonical name) in order of mention."""
    roles = [(_role(text, start, end), name) for start, end, name in cities]
    origin = next((name for role, name in roles if role == "origin"), None)
    destination = next((name for role, name in reversed(roles) if role == "to"), None)
    unplaced = [name for role, name in roles if role is None and name not in (origin, destination)]
    if destination is None and unplaced:
        destination = unplaced.pop()
    if origin is None and len(unplaced) == 1 and destination is not None:
        origin = unplaced[0]
    return origin, destination
