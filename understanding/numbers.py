"""Numbers written in Chinese numerals (一百, 两, 二十五, 二〇二五) read with cn2an.

Readings chosen: 两 is 2; a run of plain digits with a zero (二〇二五, 二零二五)
or of four digits is read digit by digit, as years are written; two or three
plain digits together (三四个月, "three or four months") are a range and are not
read at all.
"""

from __future__ import annotations

import re

import cn2an

from understanding.text import MAX_CHARS

ZH_DIGITS = "零〇一二两三四五六七八九"
ZH_NUMERAL = rf"[{ZH_DIGITS}十百千万]{{1,8}}"
# A number as people write it: up to 4 digits with 1 or 2 decimals, or Chinese numerals.
NUMBER = rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?|{ZH_NUMERAL})"
_DIGIT_VALUE = {char: str(value) for value, char in enumerate("零一二三四五六七八九")} | {"〇": "0", "两": "2"}
_ZH_RUN = re.compile(rf"(?<![{ZH_DIGITS}十百千万]){ZH_NUMERAL}(?![{ZH_DIGITS}十百千万])")


def number_value(written: str) -> float | None:
    """The value of a number written in digits or Chinese numerals, or None."""
    try:
        return float(written)
    except ValueError:
        pass
    if not re.fullmatch(ZH_NUMERAL, written):
        return None
    if not re.search("[十百千万]", written):
        if len(written) == 1 or "零" in written or "〇" in written or len(written) == 4:
            return float("".join(_DIGIT_VALUE[char] for char in written))
        return None  # 三四: three or four
    try:
        return float(cn2an.cn2an(written.replace("〇", "零"), "normal"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def chinese_numerals_to_digits(text: str) -> str:
    """Every Chinese numeral in the text written in digits (一百天 → 100天); unreadable ones left as they are.

    Only the first MAX_CHARS characters are read (and returned)."""

    def replace(match: re.Match) -> str:
        value = number_value(match.group())
        if value is None:
            return match.group()
        return str(int(value)) if value.is_integer() else str(value)

    return _ZH_RUN.sub(replace, text[:MAX_CHARS])
