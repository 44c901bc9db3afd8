"""The officials strategies' table: each named strategy finds its own shape, and a stretch one strategy
claimed is not claimed again by a later one (the interval set of claimed stretches)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digestllm.rules.officials.finder import OfficialFinder
from digestllm.rules.officials.spans import ClaimedSpans
from digestllm.rules.officials.strategies import (
    APPOINTMENTS,
    BARE_NAMES_ATTENDING,
    NAMES_AFTER_LEADERSHIP_WORD,
    NAMES_BEFORE_LEADERS,
    NAMES_ON_THE_ROSTRUM,
    POSTS_BEFORE_A_NAME,
    POSTS_IN_PARENTHESES,
    STRATEGIES,
    TITLE_AFTER_A_NAME,
)

Found = dict[str, list[tuple[str, list[str]]]]


def found_by_strategy(text: str) -> Found:
    """Names and their posts, by the strategy that found them (strategies that found nothing left out)."""
    found = OfficialFinder(text).find_each(0, len(text))
    return {
        strategy: [(text[m.start : m.end], [text[p.start : p.end] for p in m.posts]) for m in mentions]
        for strategy, mentions in found.items()
        if mentions
    }


def test_the_table_names_each_strategy_once_in_priority_order() -> None:
    assert [s.name for s in STRATEGIES] == [
        POSTS_BEFORE_A_NAME,
        TITLE_AFTER_A_NAME,
        POSTS_IN_PARENTHESES,
        BARE_NAMES_ATTENDING,
        NAMES_BEFORE_LEADERS,
        NAMES_AFTER_LEADERSHIP_WORD,
        NAMES_ON_THE_ROSTRUM,
        APPOINTMENTS,
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市委副书记、市长张旭晨主持会议。", {POSTS_BEFORE_A_NAME: [("张旭晨", ["市委副书记", "市长"])]}),
        ("会上，孔阳书记讲话。", {TITLE_AFTER_A_NAME: [("孔阳", ["书记"])]}),
        (
            "区领导陆秋明、薛建忠参加活动。",
            {NAMES_AFTER_LEADERSHIP_WORD: [("陆秋明", ["区领导"]), ("薛建忠", ["区领导"])]},
        ),
        ("张三（市委常委、副市长）出席会议。", {POSTS_IN_PARENTHESES: [("张三", ["市委常委", "副市长"])]}),
        (
            "吴丽鸣、卫祥玉、侯波出席活动。",
            {BARE_NAMES_ATTENDING: [("吴丽鸣", []), ("卫祥玉", []), ("侯波", [])]},
        ),
        ("陈德志、林文建等领导参加调研。", {NAMES_BEFORE_LEADERS: [("林文建", ["领导"]), ("陈德志", ["领导"])]}),
        ("会议决定任命黄育奇同志为代理县长。", {APPOINTMENTS: [("黄育奇", ["代理县长"])]}),
    ],
    ids=["posts-before", "title-after", "leadership-list", "parentheses", "bare-names", "before-leaders", "appointed"],
)
def test_each_strategy_finds_its_shape(text: str, expected: Found) -> None:
    assert found_by_strategy(text) == expected


def test_names_attending_need_two_names_and_an_attending_word() -> None:
    assert found_by_strategy("吴丽鸣出席活动。") == {}
    assert found_by_strategy("吴丽鸣、卫祥玉研究工作。") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 张三 is read after 副市长 first: the parentheses after him find no free name.
        ("副市长张三（市委常委）出席会议。", {POSTS_BEFORE_A_NAME: [("张三", ["副市长"])]}),
        # 孔阳 is read after 市长 first: 书记 after him is no second mention of him.
        ("市长孔阳书记讲话。", {POSTS_BEFORE_A_NAME: [("孔阳", ["市长"])]}),
    ],
)
def test_a_stretch_claimed_by_an_earlier_strategy_is_not_claimed_again(text: str, expected: Found) -> None:
    assert found_by_strategy(text) == expected


def test_find_lists_every_strategys_mentions_in_the_tables_order() -> None:
    text = "孔阳书记强调，市委副书记、市长张旭晨主持会议。"
    finder = OfficialFinder(text)
    assert [text[m.start : m.end] for m in finder.find(0, len(text))] == ["张旭晨", "孔阳"]


def test_claimed_spans_are_free_only_outside_every_claim() -> None:
    claimed = ClaimedSpans()
    claimed.claim(3, 6)
    claimed.claim(10, 12)
    assert claimed.is_free(0, 3) and claimed.is_free(6, 10) and claimed.is_free(12, 20)
    assert not claimed.is_free(5, 7) and not claimed.is_free(2, 4) and not claimed.is_free(0, 20)
    assert claimed.is_free(4, 4)  # an empty stretch holds no claimed position
    claimed.claim(6, 10)  # touching both: the three become one
    assert not claimed.is_free(7, 8)
    assert claimed.is_free(12, 13) and claimed.is_free(0, 3)


# Stretches over a short text, so that they meet, touch and nest often; a few are empty or reversed.
_STRETCHES = st.tuples(st.integers(0, 12), st.integers(-1, 5)).map(lambda s: (s[0], s[0] + s[1]))


# The same examples on every run (the suite must not fail on a new draw).
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(claims=st.lists(_STRETCHES, max_size=12), probes=st.lists(_STRETCHES, min_size=1, max_size=8))
def test_claimed_spans_agree_with_the_set_of_claimed_positions(
    claims: list[tuple[int, int]], probes: list[tuple[int, int]]
) -> None:
    """The interval set answers as the set of every claimed position would (what it replaced)."""
    spans = ClaimedSpans()
    positions: set[int] = set()
    for start, end in claims:
        spans.claim(start, end)
        positions.update(range(start, end))
    for start, end in probes:
        assert spans.is_free(start, end) == positions.isdisjoint(range(start, end))
