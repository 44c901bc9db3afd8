"""Posts and the places inside them: `广安区委书记` is a post core (书记) read leftwards through organ words
(委) to one named place (广安区)."""

from __future__ import annotations

import re

from digestllm.rules.lexicon import (
    BODY_TOPICS,
    BODY_WORDS,
    BOUNDARY_BEFORE_PLACE,
    LEVEL_CHARS,
    NON_PLACE_NAMES,
    NON_PLACE_START,
    ORGAN_TOKENS,
    PLACE_SUFFIXES,
    POST_CORES,
    PROVINCES,
    is_common_han,
    read_words,
)
from digestllm.rules.lexicon import POST_CORE as LEXICON_POST_CORE
from digestllm.rules.officials.spans import Post
from digestllm.wordsearch import word_starts


def _by_last_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`words` longest first, grouped by their last character: the ones that may end right before a position."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[-1], []).append(word)
    return {last: tuple(group) for last, group in groups.items()}


# The post cores, compiled once: as a pattern (longest first) and as suffixes by their last character.
POST_CORE = LEXICON_POST_CORE  # compiled once in the lexicon
_CORES_BY_LAST_CHAR = _by_last_char(POST_CORES)

_ORGAN_WORDS = frozenset(ORGAN_TOKENS) | {t + w for t in BODY_TOPICS for w in BODY_WORDS}
_ORGAN_LENGTHS = tuple(sorted({len(w) for w in _ORGAN_WORDS}, reverse=True))
_ORGAN_LAST_CHARS = frozenset(w[-1] for w in _ORGAN_WORDS)
_PLACE_SUFFIXES_BY_LAST_CHAR = _by_last_char(PLACE_SUFFIXES)
_MAX_NESTED_PLACES = 2  # 广东省广州市番禺区新造镇: a province, a city and a district before a town
_INNER_LEVEL_CHARS = frozenset(LEVEL_CHARS) - {"州"}  # 州 ends city names too: 鄂州, 杭州
# The levels a place may be written right after (莘县王庄镇, 三门峡市卢氏县), whether or not that outer place reads.
_TOWN_OUTER = frozenset("县市区旗")
_COUNTY_OUTER = frozenset("市州盟省")
_OUTER_LEVEL_CHARS = {"镇": _TOWN_OUTER, "乡": _TOWN_OUTER, "街道": _TOWN_OUTER, "村": _TOWN_OUTER, "社区": _TOWN_OUTER}
_OUTER_LEVEL_CHARS |= {"县": _COUNTY_OUTER, "旗": _COUNTY_OUTER}
_POST_SEPARATORS = "、，,"
# Taiwan's counties and Hong Kong's districts, which a post may name with no level word (观塘民政事务专员)
_HK_TAIWAN_NAMES = frozenset(read_words("hk_taiwan_divisions.txt"))
# Divisions' short names may hold what other place names may not (新乡: 乡 inside; 市南: 市 first); a province's or
# a city's stands even without a boundary before it (听取了嘉峪关市人大…, 宁波象山县委…).
_CITY_NAMES = frozenset(read_words("division_names.txt")) | _HK_TAIWAN_NAMES
_CITY_NAME_LENGTHS = tuple(sorted({len(name) for name in _CITY_NAMES}, reverse=True))
_DIVISION_NAMES = _CITY_NAMES | frozenset(read_words("county_names.txt"))
# 湖北黄石市委书记: a province's short name glued before a city's; the city is the post's place
_PROVINCE_SHORT_NAMES = tuple(
    sorted(
        {re.sub("(?:壮族|回族|维吾尔)?(?:自治区|特别行政区)$|[省市]$", "", p) for p in PROVINCES}, key=len, reverse=True
    )
)
_SHARED_SUFFIXES = frozenset("省市县区镇乡")  # the first character of 省长, 市长, 县长 … may end the place before it
_WARD_CORES = ("里长", "村长")  # Taiwan's ward and village chiefs: the level word is shared with the place
# What a ward's name may follow: a boundary, a level word, 偕同 or another ward (东势区隆兴里长, 偕同东昌村长)
_BEFORE_A_WARD = BOUNDARY_BEFORE_PLACE | frozenset(LEVEL_CHARS) | frozenset("同里")
_MAX_UNKNOWN_POST_WORDS = 6


def core_ending_at(simplified: str, pos: int) -> int | None:
    """Where the longest post core ending right before `pos` (inside the text) starts, or None when none does."""
    for core in _CORES_BY_LAST_CHAR.get(simplified[pos - 1 : pos], ()):
        if simplified.endswith(core, 0, pos):
            return pos - len(core)
    return None


class PostReader:
    """Reads the post that ends at a post core, leftwards: organ words, then one place."""

    def __init__(self, simplified: str) -> None:
        self.text = simplified
        self._standing_places: dict[str, list[int]] = {}

    def start_of_post(self, core_start: int, floor: int) -> tuple[int, tuple[int, int] | None]:
        """Where the post ending in the core at `core_start` begins, and the named place inside it."""
        pos = core_start
        while pos > floor and (organ := self._organ_ending_at(pos, floor)):
            pos -= organ
        place = self._place_ending_at(pos, floor) if pos > floor else None
        if place is not None:  # 湖北黄石市委书记: the post holds the province's short name, the region is the city
            if not self.text.endswith(_PROVINCE_SHORT_NAMES, floor, place):
                return place, (place, pos)
            province = next(p for p in _PROVINCE_SHORT_NAMES if self.text.endswith(p, floor, place))
            return place - len(province), (place, pos)
        if pos == core_start and self.text.startswith(_WARD_CORES, core_start):
            ward = self._ward_before(core_start, floor)  # 隆兴里长, 东昌村长: the ward or village is the place
            if ward is not None:
                return ward, (ward, core_start + 1)
        if pos == core_start and self.text[core_start : core_start + 1] in _SHARED_SUFFIXES:
            shared = self._place_ending_at(core_start + 1, floor)  # 吉林省长: 省 ends the place and opens 省长
            if shared is not None and shared < core_start:
                return shared, (shared, core_start + 1)
        if pos - 1 > floor and self.text[pos - 1] in LEVEL_CHARS:  # 随县县委: a place, then its level's body
            named = self._place_ending_at(pos - 1, floor)
            if named is not None:
                return named, (named, pos - 1)
        if pos > floor and self.text[pos - 1] in LEVEL_CHARS:  # 市委, 县政府: this level's body
            return pos - 1, None
        district = self._district_before(pos, floor) if pos < core_start else None  # 观塘民政事务专员
        return (district, (district, pos)) if district is not None else (pos, None)

    def _ward_before(self, core_start: int, floor: int) -> int | None:
        """Start of a ward's or village's name of two or three characters right before 里长 or 村长, when the text
        opens it there (`_BEFORE_A_WARD`)."""
        for length in (2, 3):
            start = core_start - length
            if start < floor or not _may_name_a_place(self.text[start:core_start]):
                continue
            before = self.text[start - 1 : start] if start > floor else ""
            if not before or before in _BEFORE_A_WARD:
                return start
        return None

    def leadership_label(self, start: int, end: int, floor: int) -> Post:
        """A leadership word (`市领导`) as a post; a place whose suffix is the word's level (`襄阳市领导`)
        begins it and is its region."""
        if self.text[start] in LEVEL_CHARS and start > floor:
            place = self._place_ending_at(start + 1, floor)
            if place is not None and place < start:
                return Post(place, end, (place, start + 1))
        return Post(start, end)

    def chain_before(self, core_start: int, core_end: int, floor: int) -> list[Post]:
        """The post ending at `core_end` and the posts joined to it by 、 or ， before it.

        A post after 、 may hold words the post grammar does not know (`县人大常委会副主任、县慈善总会监事长`):
        up to a few of them are kept when a known post stands before the 、.
        """
        s = self.text
        post_start, region = self.start_of_post(core_start, floor)
        post_start = self._unknown_words_after_a_post(post_start, floor)
        chain = [Post(post_start, core_end, region)]
        while chain[0].start - 1 > floor and s[chain[0].start - 1] in _POST_SEPARATORS:
            separator = chain[0].start - 1
            previous_core = core_ending_at(s, separator)
            if previous_core is None:
                break
            previous_start, previous_region = self.start_of_post(previous_core, floor)
            chain.insert(0, Post(previous_start, separator, previous_region))
        return chain

    def _unknown_words_after_a_post(self, post_start: int, floor: int) -> int:
        """Where the post really starts when unknown words stand between it and a 、 after another post."""
        s = self.text
        reach = max(floor, post_start - _MAX_UNKNOWN_POST_WORDS - 1)
        separator = s.rfind("、", reach, post_start)
        if separator <= floor or separator == post_start - 1:
            return post_start
        between = s[separator + 1 : post_start]
        if not is_common_han(between) or core_ending_at(s, separator) is None:
            return post_start
        return separator + 1

    def _organ_ending_at(self, pos: int, floor: int) -> int:
        """Length of the longest organ word ending at `pos` (past `floor`), 0 when none does."""
        if self.text[pos - 1] not in _ORGAN_LAST_CHARS:
            return 0
        for length in _ORGAN_LENGTHS:
            if pos - length >= floor and self.text[pos - length : pos] in _ORGAN_WORDS:
                return length
        return 0

    def _place_ending_at(self, pos: int, floor: int) -> int | None:
        """Start of a named place (`广安区`, `枣山园区`) ending at `pos`, when one is plausible."""
        for suffix in _PLACE_SUFFIXES_BY_LAST_CHAR.get(self.text[pos - 1], ()):
            if self.text.endswith(suffix, floor, pos):
                return self._place_name_before(pos - len(suffix), suffix, floor)
        return None

    def _place_name_before(self, name_end: int, suffix: str, floor: int) -> int | None:
        """Start of the two to four characters before a place suffix that name the place, or None."""
        s = self.text
        # 随县县委, 沙市市委: a one-character name when the level word after the place repeats its suffix
        doubled = len(suffix) == 1 and s[name_end + 1 : name_end + 2] == suffix
        for length in (1, 2, 3, 4, 5) if doubled else (2, 3, 4, 5):  # five only for a province's (新疆维吾尔自治区)
            start = name_end - length
            if start < floor:
                break
            name = s[start:name_end]
            if name in _DIVISION_NAMES and s.endswith(_PROVINCE_SHORT_NAMES, floor, start):
                return start  # 湖北黄石市: the city, after its province's short name
            if name not in _DIVISION_NAMES and not _may_name_a_place(name):
                if length == 1:
                    continue  # 七都镇镇长: no one-character place 都, but 七都
                break
            preceded_by_boundary = start == floor or s[start - 1] in BOUNDARY_BEFORE_PLACE or s[start - 1].isdigit()
            preceded_by_boundary = preceded_by_boundary or s.endswith("中共", floor, start)
            # 莘县王庄镇: a place of a higher level right before, even one whose name is too short to read
            if s[start - 1] in _OUTER_LEVEL_CHARS.get(suffix, ()):
                preceded_by_boundary = True
            # 马鞍山市博望区, 贵州省普安县: a place inside the places written before it
            inside = not preceded_by_boundary and self._places_start(start, floor) is not None
            # A longer name must stand on its own elsewhere too (石家庄市 yes, 细化落实市 no), or be a province's.
            if (preceded_by_boundary or inside) and (
                length <= 2
                or name + suffix in PROVINCES
                or length < 5
                and (inside or self._recurs(name + suffix, start))
            ):
                return start
        return self._city_name_before(name_end, floor)

    def _city_name_before(self, name_end: int, floor: int) -> int | None:
        """Start of the longest province's or city's short name ending at `name_end`, or None."""
        for length in _CITY_NAME_LENGTHS:
            start = name_end - length
            if start >= floor and self.text[start:name_end] in _CITY_NAMES:
                return start
        return None

    def _district_before(self, pos: int, floor: int) -> int | None:
        """Start of a Hong Kong district's or a Taiwan county's name written with no level word before `pos`."""
        for length in (3, 2):
            if pos - length >= floor and self.text[pos - length : pos] in _HK_TAIWAN_NAMES:
                return pos - length
        return None

    def _places_start(self, end: int, floor: int, depth: int = 0) -> int | None:
        """Start of the places written right before `end` (贵州省, 广东省广州市) when they begin after a
        boundary, or None."""
        s = self.text
        for suffix in _PLACE_SUFFIXES_BY_LAST_CHAR.get(s[end - 1], ()) if end > floor else ():
            if not s.endswith(suffix, floor, end):
                continue
            for length in (2, 3, 4):
                start = end - len(suffix) - length
                if start < floor or not _may_name_a_place(s[start : end - len(suffix)]):
                    break
                if start == floor or s[start - 1] in BOUNDARY_BEFORE_PLACE or s.endswith("中共", floor, start):
                    return start
                if depth < _MAX_NESTED_PLACES and (outer := self._places_start(start, floor, depth + 1)) is not None:
                    return outer
        return None

    def _recurs(self, place: str, here: int) -> bool:
        """True when `place` also stands on its own (after a boundary) somewhere other than `here`."""
        if place not in self._standing_places:
            s = self.text
            self._standing_places[place] = [
                at for at in word_starts(s, place) if at == 0 or s[at - 1] in BOUNDARY_BEFORE_PLACE
            ][:2]
        return any(at != here for at in self._standing_places[place])


def _may_name_a_place(name: str) -> bool:
    """True when `name` may be the name part of a place: Han characters, no function word first, no level inside."""
    return (
        is_common_han(name)
        and name[0] not in NON_PLACE_START
        and not any(c in _INNER_LEVEL_CHARS for c in name[1:])
        and name not in NON_PLACE_NAMES
    )
