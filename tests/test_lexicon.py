"""The rules' word lists and tables (rules/lexicon.py and rules/data/) hold what their comments claim.

Matching runs on the Simplified copy of the text, so an entry in Traditional script can never match;
a repeated entry is a sign of a list edited without reading it; an ordering a comment promises is
one the code may rely on.
"""

from __future__ import annotations

import pytest

from digestllm.rules import lexicon
from digestllm.schemas import EventKind
from digestllm.text import to_simplified

WORD_LISTS = {
    name: value
    for name, value in vars(lexicon).items()
    if name.isupper() and isinstance(value, (tuple, frozenset)) and all(isinstance(w, str) for w in value)
}
CHARACTER_SETS = {name: value for name, value in WORD_LISTS.items() if all(len(w) == 1 for w in value)}


def test_the_lists_are_found() -> None:
    assert {"SINGLE_SURNAMES", "POST_CORES", "ACTIVITY_VERBS", "FOLLOWING_WORDS", "UNITS"} <= set(WORD_LISTS)


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_every_entry_is_simplified_and_can_match(name: str) -> None:
    traditional = [w for w in WORD_LISTS[name] if to_simplified(w) != w]
    assert not traditional, f"{name} holds entries the Simplified copy never contains: {traditional}"
    if name not in CHARACTER_SETS:  # sets of characters hold spaces and line breaks on purpose
        assert all(w.strip() == w and w for w in WORD_LISTS[name]), f"{name} holds blank or padded entries"


@pytest.mark.parametrize("name", sorted(set(WORD_LISTS) - set(CHARACTER_SETS)))
def test_no_entry_is_listed_twice(name: str) -> None:
    words = list(WORD_LISTS[name])
    assert len(words) == len(set(words)), f"{name} repeats {sorted({w for w in words if words.count(w) > 1})}"


@pytest.mark.parametrize("file", sorted(p.name for p in lexicon.DATA.iterdir() if p.suffix in (".txt", ".tsv")))
def test_no_data_file_repeats_a_line(file: str) -> None:
    rows = lexicon.read_table(file)
    assert len(rows) == len(set(rows)), f"{file} repeats {sorted({r for r in rows if rows.count(r) > 1})}"
    if file.startswith("surnames_single"):
        characters = lexicon.read_chars(file)
        assert len(characters) == len(set(characters))


def test_a_longer_post_core_comes_before_a_shorter_one_it_ends_with() -> None:
    cores = list(lexicon.POST_CORES)
    wrong = [(a, b) for i, a in enumerate(cores) for b in cores[i + 1 :] if b != a and b.endswith(a)]
    assert not wrong, f"longer cores listed after their suffixes: {wrong[:5]}"


def test_the_alternation_puts_longer_words_first() -> None:
    assert lexicon.alternation(["主持", "主持召开", "召开"]).split("|")[0] == "主持召开"


def test_every_unit_has_a_unit_and_a_positive_factor() -> None:
    for written, (unit, factor) in lexicon.UNIT_TABLE.items():
        assert unit and factor >= 1, written
        assert factor == 1 or written.endswith(unit) or written[-1] == unit[-1], written
    assert lexicon.UNIT_TABLE["亿元"] == ("元", 100_000_000)
    assert lexicon.UNIT_TABLE["％"] == ("%", 1)


def test_event_kind_words_name_one_of_the_guides_kinds_once() -> None:
    rows = lexicon.read_table("event_kinds.tsv")
    words = [word for word, _ in rows]
    assert len(words) == len(set(words))
    assert {EventKind(kind) for _, kind in rows} == set(EventKind) - {EventKind.OTHER}
    assert all(to_simplified(word) == word for word in words)


def test_every_place_word_is_simplified() -> None:
    words = lexicon.read_words("place_words.txt")
    assert len(words) == len(set(words)) and all(to_simplified(w) == w for w in words)
