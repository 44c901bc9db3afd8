"""Checking what a caller hands in: the text, its reference date, and whether it reads as Chinese."""

from __future__ import annotations

import re
from datetime import date, datetime

from digestllm.errors import EmptyInputError, InputError, InputTooLargeError
from digestllm.text import HAN, ScriptView

DEFAULT_MAX_CHARS = 20_000_000
PLAUSIBLE_YEARS = (1900, 2100)  # a document date outside them is a misreading
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Letters of scripts that share Han characters with Chinese but are not Chinese text.
_KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")
_FOREIGN_SHARE_LIMIT = 0.2  # of the letters: more kana or Hangul than this is not a Chinese text


def parse_reference_date(value: date | str | None) -> date | None:
    """The document's date as a `date`, or an `InputError` for anything that is not one."""
    if value is None:
        return None
    if isinstance(value, datetime):
        parsed = value.date()
    elif isinstance(value, date):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(f"reference_date {value!r} is not a date in YYYY-MM-DD form") from None
    else:
        raise InputError(f"reference_date must be a date or a YYYY-MM-DD string, not {type(value).__name__}")
    if not PLAUSIBLE_YEARS[0] <= parsed.year <= PLAUSIBLE_YEARS[1]:
        raise InputError(
            f"reference_date {parsed.isoformat()} is outside the years {PLAUSIBLE_YEARS[0]}–{PLAUSIBLE_YEARS[1]} "
            "that news reports are dated in"
        )
    return parsed


def check_text(text: object, max_chars: int) -> str:
    """The text to extract from, or an `InputError` that says what is wrong with it."""
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise InputError(f"max_chars must be a positive integer, not {max_chars!r}")
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise InputError("extract() takes str; decode bytes first or use extract_file()")
    if not isinstance(text, str):
        raise InputError(f"extract() takes str, not {type(text).__name__}")
    if not text.strip():
        raise EmptyInputError("the input holds no text" + (f" ({len(text)} whitespace characters)" if text else ""))
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"the input has {len(text)} characters, over the limit of {max_chars}; split it or pass a larger max_chars"
        )
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:  # no UTF-8 can hold it: the result could never be written out
        raise InputError(
            f"the input holds a lone surrogate U+{ord(surrogate.group()):04X} at offset {surrogate.start()}, "
            "which is not text (bytes decoded with errors='surrogateescape'?); decode it properly first"
        )
    return text


def language_warnings(view: ScriptView) -> list[str]:
    """A warning when the text has no Chinese, or reads as Japanese or Korean."""
    if not HAN.search(view.original):
        return ["the text has no Chinese characters: nothing to extract"]
    foreign = _foreign_script_warning(view.original)
    return [foreign] if foreign else []


def _foreign_script_warning(text: str) -> str | None:
    """A warning when kana or Hangul make up much of the letters: Japanese or Korean, not Chinese."""
    if not _KANA.search(text) and not _HANGUL.search(text):
        return None
    letters = len(_LETTER.findall(text))
    for pattern, language in ((_KANA, "Japanese kana"), (_HANGUL, "Korean Hangul")):
        share = len(pattern.findall(text)) / letters
        if share > _FOREIGN_SHARE_LIMIT:
            return (
                f"the text does not look Chinese: {share:.0%} of its letters are {language}; "
                "its Han characters were read as Chinese and records from it are unreliable"
            )
    return None
