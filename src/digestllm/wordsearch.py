"""Every place a document's known words stand, found with `str.find` instead of a regex made per document.

The names of a document's officials are looked up in its text again and again (each sentence, each
mention). A regex alternation of them would be compiled anew for every document (Python caches only
512 patterns, and each document's names make a new one): 13% of the rules' time on a corpus of
distinct documents. `find_words` gives what such an alternation, longest word first, finds: at each
place the longest word that stands there, then the search goes on after it. A text naming thousands of
officials (a long list) is searched with that alternation after all, once: one `str.find` pass a word would make
the search quadratic there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

MANY_WORDS = 64


class WordHit(NamedTuple):
    """One place a word stands: `text[start:end] == word`."""

    start: int
    end: int
    word: str


def find_words(text: str, words: Iterable[str], start: int = 0, end: int | None = None) -> list[WordHit]:
    """The words' places in `text[start:end]`, left to right, never overlapping: where several start at
    one place the longest wins, and the next is looked for after it.

    Each word is looked for with `str.find`, one pass over the text a word; past `MANY_WORDS` words (a list of
    thousands of names) one regex pass over the text costs less than that many passes, and its compiling too."""
    stop = len(text) if end is None else end
    distinct = {word for word in words if word}
    if len(distinct) > MANY_WORDS:
        pattern = re.compile("|".join(map(re.escape, sorted(distinct, key=len, reverse=True))))
        return [WordHit(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, stop)]
    candidates: list[tuple[int, int, str]] = []  # (start, -length, word): leftmost first, then longest
    for word in distinct:
        at = text.find(word, start, stop)
        while at != -1:
            candidates.append((at, -len(word), word))
            at = text.find(word, at + 1, stop)
    candidates.sort()
    hits: list[WordHit] = []
    free_from = start
    for at, negative_length, word in candidates:
        if at >= free_from:
            hits.append(WordHit(at, at - negative_length, word))
            free_from = at - negative_length
    return hits


def word_starts(text: str, word: str) -> list[int]:
    """Where `word` starts in `text`, left to right, never overlapping (as `re.finditer(re.escape(word))`)."""
    starts: list[int] = []
    at = text.find(word) if word else -1
    while at != -1:
        starts.append(at)
        at = text.find(word, at + len(word))
    return starts
