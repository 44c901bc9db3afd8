"""One official in one document, as the linker sees it: name, posts, own place, the document's places.

Places compare by division code when the `geo` extra gave one (a county lies inside its city by its
code), else by name only (so without the extra 广安区 and 广安市 are simply different places).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from digestllm.enrich import document_places, document_year, enrich_with_places
from digestllm.places import Place, geo_available, text_places
from digestllm.schemas import DigestResult, Official, Post, PostLevel, PostRole
from digestllm.text import to_simplified

# How deep each level lies; a link between nested places spans at most one step.
LEVEL_DEPTH = {
    PostLevel.NATIONAL: 0,
    PostLevel.PROVINCE: 1,
    PostLevel.CITY: 2,
    PostLevel.COUNTY: 3,
    PostLevel.ZONE: 3,
    PostLevel.TOWNSHIP: 4,
    PostLevel.VILLAGE: 5,
}


class Relation(str, Enum):
    """How two places stand to each other."""

    SAME = "same"
    NESTED = "nested"
    DISJOINT = "disjoint"


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place as the linker compares it: its code (or None), its name, its level."""

    code: str | None
    name: str
    level: PostLevel | None

    def label(self) -> str:
        """The place for a link reason: 广安区 (511602)."""
        return f"{self.name} ({self.code})" if self.code else self.name


def _contains(outer: str, inner: str) -> bool:
    if outer.endswith("0000"):
        return inner[:2] == outer[:2]
    return outer.endswith("00") and inner[:4] == outer[:4]


def relation(a: PlaceRef, b: PlaceRef) -> Relation:
    """Same place, one inside the other, or unrelated (by code when both have one, else by name)."""
    if a.code and b.code:
        if a.code == b.code:
            return Relation.SAME if a.name == b.name or a.level == b.level else Relation.NESTED
        return Relation.NESTED if _contains(a.code, b.code) or _contains(b.code, a.code) else Relation.DISJOINT
    return Relation.SAME if a.name == b.name else Relation.DISJOINT


def depth_gap(a: PlaceRef, b: PlaceRef) -> int:
    """How many levels apart two places lie (0 when a level is unknown)."""
    if a.level not in LEVEL_DEPTH or b.level not in LEVEL_DEPTH:
        return 0
    return abs(LEVEL_DEPTH[a.level] - LEVEL_DEPTH[b.level])


@dataclass(frozen=True, slots=True)
class PostRef:
    """A post as the linker and the people tables read it: the schema's `Post` in a few dozen bytes."""

    title: str
    role: PostRole
    level: PostLevel
    region: str | None
    region_code: str | None

    @classmethod
    def of(cls, post: Post) -> PostRef:
        return cls(post.title, post.role, post.level, post.region, post.region_code)


@dataclass(frozen=True, slots=True)
class Mention:
    """An official of one document: the unit the linker clusters."""

    document_id: str
    index: int  # the official's index in the document's result
    name: str  # as written
    key: str  # the Simplified name: the block the linker compares within
    pinyin: str | None
    posts: tuple[PostRef, ...]
    place: PlaceRef | None  # the most specific place of the official's own posts and region
    document_places: frozenset[PlaceRef]
    first_seen: dt.date | None
    last_seen: dt.date | None
    events: int

    @property
    def national(self) -> bool:
        """Whether one of the official's posts is of the national tier (总书记)."""
        return any(post.level is PostLevel.NATIONAL for post in self.posts)

    def post_kinds(self) -> frozenset[tuple[str, str]]:
        """(role, level) of each post."""
        return frozenset((post.role.value, post.level.value) for post in self.posts)


def _place_ref(place: Place | None, text: str, level: PostLevel | None) -> PlaceRef:
    if place is not None and place.resolved:
        return PlaceRef(place.code, place.name or to_simplified(text), place.level)
    return PlaceRef(None, to_simplified(text), level)


def _own_place(official: Official, places: dict[str, Place]) -> PlaceRef | None:
    refs = [PlaceRef(post.region_code, post.region, post.level) for post in official.posts if post.region]
    if official.region:
        place = places.get(official.region)
        refs.append(_place_ref(place, official.region, place.level if place else None))
    if not refs:
        return None
    return max(refs, key=lambda ref: (LEVEL_DEPTH.get(ref.level, -1) if ref.level else -1, ref.code is not None))


def _event_dates(result: DigestResult) -> dict[str, tuple[list[dt.date], int]]:
    """For each official's name: the dates of the events naming them, and how many events name them."""
    found: dict[str, tuple[list[dt.date], int]] = {}
    for event in result.events:
        for name in set(event.officials):
            dates, count = found.get(name, ([], 0))
            found[name] = ([*dates, event.date] if event.date is not None else dates, count + 1)
    return found


def _document_refs(
    result: DigestResult, places: dict[str, Place], text: str | None, year: int | None, codes: bool
) -> set[PlaceRef]:
    if not (codes and geo_available()):
        return {PlaceRef(None, to_simplified(o.region), None) for o in result.officials if o.region}
    found = [*places.values(), *text_places(f"{result.title or ''}\n{text or ''}", year=year)]
    return {_place_ref(place, place.text, place.level) for place in found if place.resolved}


def document_mentions(
    document_id: str, result: DigestResult, *, year: int | None = None, text: str | None = None, codes: bool = True
) -> list[Mention]:
    """The mentions of one document's officials, enriching the result first when it was not; the
    document's places come from its result, its title and, when given, its text. `codes=False` compares
    places by name only (no division table is loaded)."""
    resolved_year = document_year(result, year)
    places = document_places(result, resolved_year) if codes and geo_available() else {}
    if any(official.pinyin is None for official in result.officials):  # not enriched yet
        result = enrich_with_places(result, places, resolved_year)
    refs = frozenset(_document_refs(result, places, text, resolved_year, codes))
    events = _event_dates(result)
    mentions = []
    for index, official in enumerate(result.officials):
        dated, count = events.get(official.name, ([], 0))
        if not dated and result.reference_date is not None:
            dated = [result.reference_date]
        mentions.append(
            Mention(
                document_id=document_id,
                index=index,
                name=official.name,
                key=to_simplified(official.name).strip(),
                pinyin=official.pinyin,
                posts=tuple(PostRef.of(post) for post in official.posts),
                place=_own_place(official, places),
                document_places=refs,
                first_seen=min(dated) if dated else None,
                last_seen=max(dated) if dated else None,
                events=count,
            )
        )
    return mentions
