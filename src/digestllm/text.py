"""The original text beside a Simplified copy of the same length.

Matching runs on the Simplified copy, offsets come back to the original unchanged: OpenCC's
`t2s` configuration maps one character to one character, phrases included, so index i of the copy
is index i of the original.

Speed: the pure-Python OpenCC walks a phrase tree for every clause. Here a character table taken
from OpenCC's own `TSCharacters` dictionary converts the whole text with `str.translate`, and only
the clauses holding a character whose conversion depends on its phrase (from `TSPhrases`) go back
to OpenCC itself. OpenCC stays the source of truth: both paths agree by construction, and a test
holds them equal.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from opencc import OpenCC

from digestllm.schemas import Script, Span

# One Han character class for the whole library: the unified ideographs, extension A, the compatibility
# ideographs and the supplementary planes' extensions.
HAN_CLASS = r"\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
HAN = re.compile(f"[{HAN_CLASS}]")


def is_han(char: str) -> bool:
    """True for one Han character (the class `HAN_CLASS`)."""
    return HAN.match(char) is not None


def _dictionary_path(name: str) -> str:
    import opencc

    return os.path.join(os.path.dirname(opencc.__file__), "dictionary", name)


def _read_pairs(name: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    with open(_dictionary_path(name), encoding="utf-8") as handle:
        for line in handle:
            key, _, value = line.rstrip("\n").partition("\t")
            if key and value:
                pairs[key] = value.split(" ")[0]
    return pairs


class _FastT2S:
    """`OpenCC("t2s").convert`, fast on text without phrase-dependent characters."""

    def __init__(self) -> None:
        characters = _read_pairs("TSCharacters.txt")
        self._table = {ord(k): v for k, v in characters.items() if len(k) == 1 and len(v) == 1}
        triggers: set[str] = set()
        for phrase, converted in _read_pairs("TSPhrases.txt").items():
            for char, target in zip(phrase, converted, strict=False):
                if self._table.get(ord(char), char) != target:
                    triggers.add(char)
        self._opencc = OpenCC("t2s")
        self._trigger = re.compile("[" + "".join(sorted(re.escape(c) for c in triggers)) + "]")
        self._separators = _separator_chars(self._opencc.split_chars_re.pattern)

    def __call__(self, text: str) -> str:
        converted = text.translate(self._table)
        pieces: list[str] = []
        last = 0
        for match in self._trigger.finditer(text):
            if match.start() < last:
                continue  # inside a clause already converted
            start, end = self._clause_around(text, match.start())
            pieces.append(converted[last:start])
            pieces.append(self._opencc.convert(text[start:end]))
            last = end
        if not pieces:
            return converted
        pieces.append(converted[last:])
        return "".join(pieces)

    def _clause_around(self, text: str, index: int) -> tuple[int, int]:
        """The clause OpenCC would convert on its own: the run between two separators."""
        start, end = index, index + 1
        while start > 0 and not self._is_separator(text[start - 1]):
            start -= 1
        while end < len(text) and not self._is_separator(text[end]):
            end += 1
        return start, end

    def _is_separator(self, char: str) -> bool:
        return char in self._separators or char.isspace()


def _separator_chars(pattern: str) -> frozenset[str]:
    """The single characters in OpenCC's clause-splitting pattern `(\\s+|-|,|…)`; whitespace aside."""
    alternatives = pattern.strip("()").split("|")
    return frozenset(re.sub(r"\\(.)", r"\1", a) for a in alternatives if a != r"\s+")


@cache
def _converter() -> _FastT2S:
    return _FastT2S()


SHORT_TEXT_CHARS = 24  # names, posts, units: converted once each and remembered


def to_simplified(text: str) -> str:
    """Traditional → Simplified, one character for one character."""
    if len(text) <= SHORT_TEXT_CHARS:
        return _short_to_simplified(text)
    return _checked(text, _converter()(text))


@lru_cache(maxsize=1 << 16)
def _short_to_simplified(text: str) -> str:
    return _checked(text, _converter()(text))


def _checked(text: str, simplified: str) -> str:
    if len(simplified) != len(text):  # never expected; keeps offsets honest if OpenCC ever changes
        raise AssertionError("t2s conversion changed the text's length")
    return simplified


def detect_script(text: str, simplified: str) -> Script:
    """Traditional, Simplified, mixed, or none (no Chinese characters)."""
    if not HAN.search(text):
        return Script.NONE
    has_simplified_only = not _simplified_only_chars().isdisjoint(text)
    if text == simplified:
        return Script.SIMPLIFIED
    return Script.MIXED if has_simplified_only else Script.TRADITIONAL


@cache
def _simplified_only_chars() -> frozenset[str]:
    """Characters that exist only in Simplified script: s2t changes them in every reading."""
    only: set[str] = set()
    with open(_dictionary_path("STCharacters.txt"), encoding="utf-8") as handle:
        for line in handle:
            key, _, values = line.rstrip("\n").partition("\t")
            if len(key) == 1 and key not in values.split(" "):
                only.add(key)
    return frozenset(only)


@dataclass(frozen=True)
class ScriptView:
    """The original string and its Simplified copy, index for index."""

    original: str

    @cached_property
    def simplified(self) -> str:
        return to_simplified(self.original)

    @cached_property
    def script(self) -> Script:
        return detect_script(self.original, self.simplified)

    def span(self, start: int, end: int) -> Span:
        """The stretch `[start, end)` of the original, as a `Span`."""
        return Span(start=start, end=end, text=self.original[start:end])

    def __len__(self) -> int:
        return len(self.original)
