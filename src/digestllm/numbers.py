"""Numbers as written in Chinese news text → numeric values.

Shared by the rules and the model path, so that `7600萬元` means 76000000 whoever read it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

MAGNITUDES: dict[str, int] = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百": 100, "萬": 10_000, "億": 100_000_000}
CHINESE_DIGITS = "零〇一二三四五六七八九十百千万亿两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億点點"
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_ARABIC = re.compile(r"^\d+(?:\.\d+)?$")
_TRADITIONAL_NUMERALS = str.maketrans(
    {"兩": "两", "萬": "万", "億": "亿", "點": "点", "貳": "贰", "參": "叁", "陸": "陆"}
)


def normalise_digits(text: str) -> str:
    """Full-width digits and separators → ASCII; thousands separators dropped."""
    return text.translate(_FULLWIDTH).replace(",", "")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Decimal | None:
    """`93.1` → 93.1, `一百二十` → 120, `1.5万` → 15000, `7600萬` → 76000000; None when not a number."""
    cleaned = normalise_digits(text.strip()).translate(_TRADITIONAL_NUMERALS)
    if not cleaned:
        return None
    if _ARABIC.match(cleaned):
        return Decimal(cleaned)
    if cleaned in MAGNITUDES:  # a lone 百/千/万, as in 百余名
        return Decimal(MAGNITUDES[cleaned])
    multiplier = 1
    while cleaned and cleaned[-1] in MAGNITUDES and not _is_pure_chinese(cleaned):
        multiplier *= MAGNITUDES[cleaned[-1]]
        cleaned = cleaned[:-1]
    if _ARABIC.match(cleaned):
        return Decimal(cleaned) * multiplier
    try:
        value = cn2an.cn2an(cleaned, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    try:
        return Decimal(str(value)) * multiplier
    except InvalidOperation:
        return None


def _is_pure_chinese(text: str) -> bool:
    """True when the whole string is Chinese numerals, where 万/亿 are part of the numeral itself."""
    return all(c in CHINESE_DIGITS for c in text)


def as_json_number(value: Decimal) -> int | float:
    """An int when the value is whole, else a float (93.1 stays 93.1)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
