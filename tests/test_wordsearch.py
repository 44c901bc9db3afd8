"""`find_words` finds what a regex alternation of the words, longest first, finds."""

from __future__ import annotations

import random
import re

import pytest

from digestllm.wordsearch import MANY_WORDS, WordHit, find_words, word_starts


def _by_regex(text: str, words: list[str], start: int, end: int) -> list[WordHit]:
    ordered = sorted(set(words), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, ordered)))
    return [WordHit(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("李明亮和李明出席", ["李明", "李明亮"], [(0, 3, "李明亮"), (4, 6, "李明")]),  # the longest where both start
        ("王五王五王", ["王五王"], [(0, 3, "王五王")]),  # no overlap: the search goes on after a hit
        ("张三李四", ["李四", "三李"], [(1, 3, "三李")]),  # leftmost first, even when shorter ones follow
        ("无名", ["", "张三"], []),
    ],
)
def test_planted_cases(text: str, words: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert find_words(text, words) == [WordHit(*hit) for hit in expected]


def test_random_texts_agree_with_the_regex_alternation() -> None:
    rng = random.Random(7)
    alphabet = "李明亮王五张三"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 5))]
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert find_words(text, words, start, end) == _by_regex(text, words, start, end)


def test_word_starts_never_overlap() -> None:
    assert word_starts("王五王五王", "王五王") == [0]
    assert word_starts("李明和李明", "李明") == [0, 3]
    assert word_starts("李明", "") == []


def test_many_words_agree_with_the_regex_alternation_too() -> None:
    rng = random.Random(11)
    alphabet = "李明亮王五张三赵钱孙"
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(2, 4))) for _ in range(MANY_WORDS * 3)]
    text = "".join(rng.choice(alphabet + "、") for _ in range(2_000))
    assert len(set(words)) > MANY_WORDS
    assert find_words(text, words, 5, 1_900) == _by_regex(text, words, 5, 1_900)
