"""The person tables of a dataset: rows for `persons`, `person_posts`, `person_mentions` (from a
PersonIndex) and `event_places` (from each document).

- persons: person_id, name, pinyin, region, region_code, first_seen, last_seen, documents, events
- person_posts: person_id, title (as first written), role, level, region, region_code, first_seen,
  last_seen: career spells as the news shows them
- person_mentions: document_id, official_index, name (as written), person_id, link_reason: joins the
  corpus's event_officials(document_id, event_index, name) to persons
- event_places: document_id, event_index, location, name, code, province_code, city_code, county_code,
  level, reason: each event location with its division codes (the `geo` extra) or why it has none
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from digestllm.enrich import document_places, document_year
from digestllm.persons.linking import LinkedMention, PersonIndex
from digestllm.persons.mentions import LEVEL_DEPTH, Mention
from digestllm.places import Place, geo_available, resolve_places
from digestllm.schemas import DigestResult
from digestllm.text import to_simplified

Row = dict[str, Any]


def _span(mentions: Iterable[Mention]) -> tuple[dt.date | None, dt.date | None]:
    firsts = [mention.first_seen for mention in mentions if mention.first_seen]
    lasts = [mention.last_seen for mention in mentions if mention.last_seen]
    return (min(firsts) if firsts else None, max(lasts) if lasts else None)


def _main_place(mentions: list[Mention]) -> tuple[str | None, str | None]:
    counts = Counter(mention.place for mention in mentions if mention.place is not None)
    if not counts:
        return None, None
    place = max(counts, key=lambda ref: (counts[ref], LEVEL_DEPTH.get(ref.level, -1) if ref.level else -1))
    return place.name, place.code


def _person_row(person_id: str, linked: list[LinkedMention]) -> Row:
    mentions = [item.mention for item in linked]
    first, last = _span(mentions)
    region, code = _main_place(mentions)
    return {
        "person_id": person_id,
        "name": mentions[0].key,
        "pinyin": next((mention.pinyin for mention in mentions if mention.pinyin), None),
        "region": region,
        "region_code": code,
        "first_seen": first,
        "last_seen": last,
        "documents": len({mention.document_id for mention in mentions}),
        "events": sum(mention.events for mention in mentions),
    }


def _post_rows(person_id: str, linked: list[LinkedMention]) -> list[Row]:
    spells: dict[tuple[str, str | None], Row] = {}
    for item in linked:
        mention = item.mention
        for post in mention.posts:
            key = (to_simplified(post.title), post.region_code or post.region)
            row = spells.setdefault(
                key,
                {
                    "person_id": person_id,
                    "title": post.title,
                    "role": post.role.value,
                    "level": post.level.value,
                    "region": post.region,
                    "region_code": post.region_code,
                    "first_seen": mention.first_seen,
                    "last_seen": mention.last_seen,
                },
            )
            row["first_seen"] = _pick(min, row["first_seen"], mention.first_seen)
            row["last_seen"] = _pick(max, row["last_seen"], mention.last_seen)
    return list(spells.values())


def _pick(choose: Callable[[dt.date, dt.date], dt.date], a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None or b is None:
        return a or b
    return choose(a, b)


def person_tables(index: PersonIndex) -> dict[str, list[Row]]:
    """Rows of `persons`, `person_posts` and `person_mentions` for a linked set of documents."""
    persons: list[Row] = []
    posts: list[Row] = []
    mentions: list[Row] = []
    for person_id, linked in index.persons.items():
        persons.append(_person_row(person_id, linked))
        posts.extend(_post_rows(person_id, linked))
        mentions.extend(
            {
                "document_id": item.mention.document_id,
                "official_index": item.mention.index,
                "name": item.mention.name,
                "person_id": person_id,
                "link_reason": item.link_reason,
            }
            for item in linked
        )
    return {"persons": persons, "person_posts": posts, "person_mentions": mentions}


def event_place_rows(
    document_id: str, result: DigestResult, *, year: int | None = None, codes: bool = True
) -> list[Row]:
    """Each event location of a document with its division codes, resolved among the document's places
    (`codes=False`: no division table is loaded, and every place says so)."""
    resolved_year = document_year(result, year)
    if not codes:
        not_asked = "division codes were not asked for (places=True, or --places on the command line)"
        places = {event.location: Place(event.location, reason=not_asked) for event in result.events if event.location}
    elif geo_available():
        places = document_places(result, resolved_year)
    else:
        places = resolve_places((event.location or "" for event in result.events), year=resolved_year)
    rows = []
    for event_index, event in enumerate(result.events):
        if not event.location:
            continue
        place = places[event.location]
        rows.append(
            {
                "document_id": document_id,
                "event_index": event_index,
                "location": event.location,
                "name": place.name,
                "code": place.code,
                "province_code": place.province_code,
                "city_code": place.city_code,
                "county_code": place.county_code,
                "level": place.level.value if place.level else None,
                "reason": place.reason,
            }
        )
    return rows
