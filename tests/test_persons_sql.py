"""The README's query, "every event of one person, in date order, with the place codes", on the tables the
corpus command writes (events, event_officials) beside the person tables, in SQLite."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from digestllm import extract
from digestllm.persons import event_place_rows, link_persons, person_tables
from digestllm.schemas import DigestResult
from tests.conftest import DATA, ROOT


def _readme_query() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Persons and places") :]
    match = re.search(r"```sql\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


def _load(connection: sqlite3.Connection, name: str, rows: list[dict[str, Any]]) -> None:
    columns = list(rows[0])
    connection.execute(f"CREATE TABLE {name} ({', '.join(columns)})")
    values = [[str(value) if hasattr(value, "isoformat") else value for value in row.values()] for row in rows]
    connection.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' for _ in columns)})", values)


def _corpus_tables(documents: list[tuple[str, DigestResult]]) -> dict[str, list[dict[str, Any]]]:
    events, event_officials, event_places = [], [], []
    for document_id, result in documents:
        for index, event in enumerate(result.events):
            row = {"document_id": document_id, "event_index": index, "date": event.date}
            events.append({**row, "action": event.action, "location": event.location})
            event_officials.extend({**row, "name": name} for name in event.officials)
        event_places.extend(event_place_rows(document_id, result))
    return {"events": events, "event_officials": event_officials, "event_places": event_places}


def test_every_event_of_one_person_in_date_order_with_place_codes() -> None:
    texts = {
        "guangan": (DATA / "corpus" / "guangan-2020-03-02.txt", "2020-03-02"),
        "shenzhen-jan": (DATA / "heldout2" / "02_shenzhen-districts-jan-digest-simp.txt", "2024-01-07"),
        "shenzhen-apr": (DATA / "heldout2" / "03_shenzhen-districts-apr-digest-simp.txt", "2024-04-28"),
    }
    documents = [
        (key, extract(path.read_text(encoding="utf-8"), reference_date=day)) for key, (path, day) in texts.items()
    ]
    tables = {**person_tables(link_persons(documents)), **_corpus_tables(documents)}
    connection = sqlite3.connect(":memory:")
    for name, rows in tables.items():
        _load(connection, name, rows)
    person_id = next(row["person_id"] for row in tables["persons"] if row["name"] == "黄伟")
    rows = connection.execute(_readme_query().replace("'P000001'", f"'{person_id}'")).fetchall()
    expected = sorted(
        (str(event.date), document_id)
        for document_id, result in documents
        for event in result.events
        if "黄伟" in event.officials
    )
    assert [(row[0], row[1]) for row in rows] == expected
    assert {row[1] for row in rows} == {"shenzhen-jan", "shenzhen-apr"}
    assert all(row[9] == "440304" for row in rows)  # the person's region code: 福田区
