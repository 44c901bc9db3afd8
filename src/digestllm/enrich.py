"""The last step of an extraction: each official's name in pinyin and each post normalised, with codes.

`enrich_officials(result, year=2020)` returns a copy of the result whose officials carry `pinyin` and
`posts` (role, level, region and, with the `geo` extra, the region's division code for that year).
A post whose title names no place of its own (市人大常委会副主任 of an official of 广安区) takes the
division above the official's region at the post's level (广安市, 511600); a post held in a
county-level city (华蓥市委书记) takes the county level its code shows.
"""

from __future__ import annotations

from collections.abc import Iterable

from digestllm.pinyin import romanise_name
from digestllm.places import Place, division, geo_available, resolve_places
from digestllm.posts import PostInfo, normalise_post
from digestllm.schemas import DigestResult, Official, Post, PostLevel

# The code of the division above a county-level place, by the level of the post held there.
_PARENT_CODE_FIELDS = {PostLevel.CITY: "city_code", PostLevel.PROVINCE: "province_code"}


def document_year(result: DigestResult, year: int | None = None) -> int | None:
    """The year to read a document's places in: the one given, else its reference date's."""
    if year is not None:
        return year
    return result.reference_date.year if result.reference_date else None


def document_places(result: DigestResult, year: int | None, extra: Iterable[str] = ()) -> dict[str, Place]:
    """Every place string of a document resolved together (officials' regions and posts, event locations,
    metric regions), the title and `extra` strings helping to choose between divisions of one name."""
    texts: set[str] = set()
    for official in result.officials:
        if official.region:
            texts.add(official.region)
        texts.update(info.region for info in _infos(official) if info.region)
    texts.update(event.location for event in result.events if event.location)
    texts.update(metric.region for metric in result.metrics if metric.region)
    return resolve_places(texts, year=year, anchors=[result.title or "", *extra])


def _infos(official: Official) -> list[PostInfo]:
    return [normalise_post(title, official.region) for title in official.titles]


def _post(info: PostInfo, own: Place | None, places: dict[str, Place], year: int | None) -> Post:
    place = places.get(info.region) if info.region else None
    level = info.level
    if place is not None and place.resolved:
        if level is PostLevel.CITY and place.level is PostLevel.COUNTY:
            level = PostLevel.COUNTY  # a county-level city: 华蓥市
        return _make_post(info, level, place.name, place.code)
    if info.region is None and own is not None and own.resolved and level in _PARENT_CODE_FIELDS:
        parent_code = getattr(own, _PARENT_CODE_FIELDS[level])
        parent = division(parent_code, year=year) if parent_code and parent_code != own.code else None
        if parent is not None and parent.resolved:
            return _make_post(info, level, parent.name, parent.code)
    return _make_post(info, level, info.region, None)


def _make_post(info: PostInfo, level: PostLevel, region: str | None, code: str | None) -> Post:
    # Built without validation: every field comes typed from PostInfo and Place.
    return Post.model_construct(title=info.title, role=info.role, level=level, region=region, region_code=code)


def enrich_official(official: Official, places: dict[str, Place], year: int | None) -> Official:
    """A copy of `official` with its pinyin and its posts (codes from `places`, the document's places)."""
    own = places.get(official.region) if official.region else None
    posts = [_post(info, own, places, year) for info in _infos(official)]
    return official.model_copy(update={"pinyin": romanise_name(official.name), "posts": posts})


def enrich_officials(
    result: DigestResult, *, year: int | None = None, context: Iterable[str] = (), codes: bool = True
) -> DigestResult:
    """A copy of `result` whose officials carry their pinyin and normalised posts, with division codes
    for the document's year when `codes` is set and the `geo` extra is installed (its table takes about
    a second to load, once). `context` may add strings that name the document's places (its source's
    name, the text itself) to choose between divisions of one name."""
    resolved_year = document_year(result, year)
    places = document_places(result, resolved_year, context) if codes and geo_available() else {}
    return enrich_with_places(result, places, resolved_year)


def enrich_with_places(result: DigestResult, places: dict[str, Place], year: int | None) -> DigestResult:
    """`enrich_officials` with the document's places already resolved (see `document_places`)."""
    officials = [enrich_official(official, places, year) for official in result.officials]
    return result.model_copy(update={"officials": officials})
