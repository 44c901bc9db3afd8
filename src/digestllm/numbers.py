"""Numbers as written in Chinese news text → numeric values.

Shared by the rules and the model path, so that `7600萬元` means 76000000 whoever read it.
A figure no report states — more than 15 significant digits, 10^20 or more, or a non-zero value
under 10^-6 (`共999…9名` with 300 nines, `0.000…1亿元`) — is no number: `parse_number` gives None,
so every value it returns survives a round trip through a float (`Decimal(repr(float(v))) == v`), and
`absurd_figures_warning` says what was left out.
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
MAX_SIGNIFICANT_DIGITS = 15  # what survives a round trip through a float
_LARGEST = Decimal(10) ** 20
_SMALLEST = Decimal(10) ** -6
_MAGNITUDE_CHARS = "".join(MAGNITUDES)
# A run of digits a report never writes as a figure, right before a unit: 16 or more significant
# digits, or a fraction with six or more leading zeros.
_ABSURD_FIGURE = re.compile(
    r"(?=[\d.．０-９])(?<![\d.．０-９])(?:[1-9１-９][\d０-９]{15,}|[\d０-９]*[.．][0０]{6,}[\d０-９]*)(?![\d０-９])"
    r"(?=[万亿千百萬億]*[\u4e00-\u9fff%％])"
)
_TRADITIONAL_NUMERALS = str.maketrans(
    {"兩": "两", "萬": "万", "億": "亿", "點": "点", "貳": "贰", "參": "叁", "陸": "陆"}
)


def normalise_digits(text: str) -> str:
    """Full-width digits and separators → ASCII; thousands separators dropped."""
    return text.translate(_FULLWIDTH).replace(",", "")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Decimal | None:
    """`93.1` → 93.1, `一百二十` → 120, `1.5万` → 15000, `7600萬` → 76000000; None when not a number
    or not a figure a report states (see the module's docstring)."""
    cleaned = normalise_digits(text.strip()).translate(_TRADITIONAL_NUMERALS)
    if not cleaned:
        return None
    if cleaned in MAGNITUDES:  # a lone 百/千/万, as in 百余名
        return Decimal(MAGNITUDES[cleaned])
    exponent = 0
    if not _is_pure_chinese(cleaned):  # in a pure Chinese numeral 万/亿 are part of the numeral itself
        digits = cleaned.rstrip(_MAGNITUDE_CHARS)
        for magnitude in cleaned[len(digits) :]:
            exponent += len(str(MAGNITUDES[magnitude])) - 1
            if exponent > 20:
                return None
        cleaned = digits
    value = _plain_number(cleaned)
    if value is None or not _reportable(value):
        return None
    value = value * Decimal(10) ** exponent  # exact: at most 15 digits times a power of ten
    return value if _reportable(value) else None


def _plain_number(cleaned: str) -> Decimal | None:
    """An Arabic or Chinese numeral without trailing magnitudes → its exact value, or None."""
    if _ARABIC.match(cleaned):
        return Decimal(cleaned)
    try:
        value = cn2an.cn2an(cleaned, "smart")
    except (ValueError, KeyError, IndexError, OverflowError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _reportable(value: Decimal) -> bool:
    """A value a float carries faithfully and a report could state: see the module's docstring."""
    if not value.is_finite():
        return False
    if value == 0:
        return True
    digits = len(value.normalize().as_tuple().digits)
    return digits <= MAX_SIGNIFICANT_DIGITS and _SMALLEST <= abs(value) < _LARGEST


def absurd_figures_warning(text: str) -> str | None:
    """A warning naming the figures `parse_number` refuses as absurd (the first few), or None."""
    found = [match.group() for match in _ABSURD_FIGURE.finditer(text)]
    if not found:
        return None
    shown = ", ".join(f if len(f) <= 24 else f"{f[:20]}… ({len(f)} characters)" for f in found[:3])
    return (
        f"{len(found)} figure(s) with more than {MAX_SIGNIFICANT_DIGITS} significant digits or too small to state "
        f"were not read as metrics: {shown}"
    )


def _is_pure_chinese(text: str) -> bool:
    """True when the whole string is Chinese numerals, where 万/亿 are part of the numeral itself."""
    return all(c in CHINESE_DIGITS for c in text)


def as_json_number(value: Decimal) -> int | float:
    """An int when the value is whole, else a float (93.1 stays 93.1)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
