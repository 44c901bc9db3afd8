"""The corpus's people and places, built at the end of a run from every document record:

- `persons`, `person_posts`, `person_mentions`: the officials of all documents linked into persons
  (`digestllm.persons`), with their posts over time and the reason each mention was linked;
- `event_places`: each event location with its division codes for the document's year (the `geo` extra)
  or the reason it has none.

Linking needs every document at once, so it runs over `documents/*.json` after the other tables, keeping
only each official's mention (a few hundred bytes) in memory, never the results.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
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


def people_rows(documents_dir: Path, *, codes: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The rows of the people tables for every record in `documents_dir`; `codes` resolves places to
    division codes (the `geo` extra, whose table takes a few seconds to load)."""
    mentions: list[Mention] = []
    places: list[dict[str, Any]] = []
    for document_id, result, text in _records(documents_dir):
        mentions.extend(document_mentions(document_id, result, text=text, codes=codes))
        places.extend(event_place_rows(document_id, result, codes=codes))
    return {**person_tables(link_mentions(mentions)), "event_places": places}


def _records(documents_dir: Path) -> Iterator[tuple[str, DigestResult, str | None]]:
    for path in sorted(documents_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        yield record["id"], DigestResult.model_validate(record["result"]), record.get("text")
