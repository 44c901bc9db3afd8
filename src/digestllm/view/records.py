"""What the page says about each record: its rows in the side panel and the fields its pop-up shows.

Everything here is plain data (strings, numbers, lists); the template escapes it, and the script writes it
with `textContent`, so nothing from the source text is ever read as markup.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from digestllm.schemas import DigestResult, Event, Metric, Official
from digestllm.view.highlights import EVENT, METRIC, OFFICIAL, TYPE_NAMES, Highlight, record_id

_NONE = "—"
# In a <script> element the JSON must not contain "</script" or "<!--": these characters go as escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass
class RecordRow:
    """One record as the side panel lists it and its pop-up describes it."""

    id: str
    type: str
    origin: str
    alignment: str
    sections: list[int]
    anchor: str | None
    fields: list[tuple[str, str]]
    title: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.type]

    def value_of(self, label: str) -> str:
        """The display value of one of this record's fields."""
        return dict(self.fields).get(label, _NONE)


def format_value(value: float | int) -> str:
    """A normalised metric value as the page writes it: integers whole, other numbers as Python prints them."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def record_rows(result: DigestResult, placed: list[Highlight]) -> dict[str, list[RecordRow]]:
    """The side panel's rows: officials (by first mention), events as a timeline (by date), metrics."""
    anchors: dict[str, str] = {}
    sections: dict[str, set[int]] = defaultdict(set)
    for highlight in sorted(placed, key=lambda item: item.start, reverse=True):
        anchors[highlight.record] = highlight.id
    for highlight in placed:
        sections[highlight.record].add(highlight.section)
    events_per_name: dict[str, int] = defaultdict(int)
    for event in result.events:
        for name in set(event.officials):
            events_per_name[name] += 1
    officials = [
        _official_row(index, official, anchors, sections, events_per_name[official.name])
        for index, official in enumerate(result.officials)
    ]
    events = [_event_row(index, event, anchors) for index, event in enumerate(result.events)]
    events.sort(key=lambda row: (row.extra["date"] == "", row.extra["date"], row.extra["order"]))
    metrics = [_metric_row(index, metric, anchors) for index, metric in enumerate(result.metrics)]
    return {OFFICIAL: officials, EVENT: events, METRIC: metrics}


def records_json(rows: dict[str, list[RecordRow]]) -> str:
    """The records' pop-up contents as JSON that is safe inside a `<script type="application/json">`."""
    document = {
        row.id: {"type": row.type_name, "title": row.title, "anchor": row.anchor, "fields": row.fields}
        for group in rows.values()
        for row in group
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def _text(value: object) -> str:
    return _NONE if value is None or value == "" or value == [] else str(value)


def _provenance(origin: str, alignment: str) -> list[tuple[str, str]]:
    return [("origin", origin), ("alignment", alignment)]


def _official_row(
    index: int, official: Official, anchors: dict[str, str], sections: dict[str, set[int]], events: int
) -> RecordRow:
    rid = record_id(OFFICIAL, index)
    fields = [
        ("name", official.name),
        ("posts", "、".join(official.titles) or _NONE),
        ("region", _text(official.region)),
        ("mentions", str(len(official.mentions))),
        ("events", str(events)),
        *_provenance(official.origin.value, official.alignment.value),
    ]
    return RecordRow(
        id=rid,
        type=OFFICIAL,
        origin=official.origin.value,
        alignment=official.alignment.value,
        sections=sorted(sections.get(rid, set())),
        anchor=anchors.get(rid),
        fields=fields,
        title=official.name,
        extra={"events": str(events)},
    )


def _event_row(index: int, event: Event, anchors: dict[str, str]) -> RecordRow:
    rid = record_id(EVENT, index)
    date = event.date.isoformat() if event.date else ""
    fields = [
        ("date", date or _NONE),
        ("date as written", _text(event.date_text)),
        ("kind", event.kind.value),
        ("officials", "、".join(event.officials) or _NONE),
        ("action", _text(event.action)),
        ("location", _text(event.location)),
        ("section", str(event.section)),
        *_provenance(event.origin.value, event.alignment.value),
    ]
    return RecordRow(
        id=rid,
        type=EVENT,
        origin=event.origin.value,
        alignment=event.alignment.value,
        sections=[event.section],
        anchor=anchors.get(rid),
        fields=fields,
        title=f"{date or 'undated'} · {event.kind.value}",
        extra={"date": date, "order": f"{event.evidence.start:012d}"},
    )


def _metric_row(index: int, metric: Metric, anchors: dict[str, str]) -> RecordRow:
    rid = record_id(METRIC, index)
    fields = [
        ("value", f"{format_value(metric.value)} {metric.unit}"),
        ("as written", metric.raw),
        ("subject", _text(metric.subject)),
        ("region", _text(metric.region)),
        ("section", str(metric.section)),
        *_provenance(metric.origin.value, metric.alignment.value),
    ]
    return RecordRow(
        id=rid,
        type=METRIC,
        origin=metric.origin.value,
        alignment=metric.alignment.value,
        sections=[metric.section],
        anchor=anchors.get(rid),
        fields=fields,
        title=metric.raw,
        extra={"value": format_value(metric.value), "unit": metric.unit},
    )
