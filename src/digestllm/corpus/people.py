"""The corpus's people and places, built at the end of a run from every document record:

- `persons`, `person_posts`, `person_mentions`: the officials of all documents linked into persons
  (`digestllm.persons`), with their posts over time and the reason each mention was linked;
- `event_places`: each event location with its division codes for the document's year (the `geo` extra)
  or the reason it has none.

Each document's share (its officials as the linker sees them, its event places) is worked out where the
document is extracted, in the worker, and kept in the run's parts; linking needs every document at once, so it
runs at the end over those shares, a few hundred bytes an official, never over the results.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from digestllm.persons import document_mentions, event_place_rows, link_mentions, person_tables
from digestllm.persons.mentions import Mention
from digestllm.schemas import DigestResult

# Each table's columns and their types (string, int, date), as data.
PEOPLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "persons": (
        ("person_id", "string"),
        ("name", "string"),
        ("pinyin", "string"),
        ("region", "string"),
        ("region_code", "string"),
        ("first_seen", "date"),
        ("last_seen", "date"),
        ("documents", "int"),
        ("events", "int"),
    ),
    "person_posts": (
        ("person_id", "string"),
        ("title", "string"),
        ("role", "string"),
        ("level", "string"),
        ("region", "string"),
        ("region_code", "string"),
        ("first_seen", "date"),
        ("last_seen", "date"),
    ),
    "person_mentions": (
        ("document_id", "string"),
        ("official_index", "int"),
        ("name", "string"),
        ("person_id", "string"),
        ("link_reason", "string"),
    ),
    "event_places": (
        ("document_id", "string"),
        ("event_index", "int"),
        ("location", "string"),
        ("name", "string"),
        ("code", "string"),
        ("province_code", "string"),
        ("city_code", "string"),
        ("county_code", "string"),
        ("level", "string"),
        ("reason", "string"),
    ),
}


@dataclass(frozen=True)
class DocumentPeople:
    """What one document gives the people tables: its officials as the linker sees them, its event places."""

    document_id: str
    mentions: list[Mention]
    places: list[dict[str, Any]]


def document_people(document_id: str, result: DigestResult, text: str | None, *, codes: bool) -> DocumentPeople:
    """One document's share of the people tables; `codes` resolves places to division codes (the `geo`
    extra, whose table takes a few seconds to load)."""
    return DocumentPeople(
        document_id,
        document_mentions(document_id, result, text=text, codes=codes),
        event_place_rows(document_id, result, codes=codes),
    )


def people_rows(shares: Iterable[DocumentPeople]) -> dict[str, list[dict[str, Any]]]:
    """The rows of the people tables from every document's share. Documents are taken in the order of
    their ids, so person ids do not depend on the input's order, the workers or the runner."""
    mentions: list[Mention] = []
    places: list[dict[str, Any]] = []
    shared = _Shared()
    for share in sorted((shared.share(s) for s in shares), key=lambda share: share.document_id):
        mentions.extend(share.mentions)
        places.extend(share.places)
    return {**person_tables(link_mentions(mentions)), "event_places": places}


class _Shared:
    """One object for each post, place and set of places that documents repeat: a corpus's mentions are
    held together while they are linked, and most of their posts and places recur."""

    def __init__(self) -> None:
        self._objects: dict[object, Any] = {}

    def share(self, document: DocumentPeople) -> DocumentPeople:
        mentions = [
            replace(
                mention,
                posts=self._one(tuple(self._one(post) for post in mention.posts)),
                place=self._one(mention.place),
                document_places=self._one(mention.document_places),
            )
            for mention in document.mentions
        ]
        return DocumentPeople(document.document_id, mentions, document.places)

    def _one(self, value: Any) -> Any:
        return self._objects.setdefault(value, value)
