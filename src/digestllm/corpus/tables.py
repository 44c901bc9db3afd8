"""The flat tables of a corpus run: their columns, and the rows one document record contributes.

Every row starts with the document's id, date, source and url, and every record row carries the
span offsets of its evidence in the document's text. Rows are built from a result and its record's
metadata, the same way for a fresh result and for one read back from `documents/<id>.json`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from digestllm.schemas import DigestResult, Event, GroundedRecord, Metric, Official

Row = tuple[Any, ...]
Rows = dict[str, list[Row]]

LIST_SEPARATOR = "; "  # joins titles and event officials into one cell

_KEY = (("document_id", "string"), ("document_date", "date"), ("source", "string"), ("url", "string"))
_SPAN = (("span_start", "int"), ("span_end", "int"))
_GROUNDING = (("section", "int"), ("origin", "string"), ("alignment", "string"))

# Each table's columns and their types (string, int, float, date), as data.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        *_KEY,
        ("path", "string"),
        ("title", "string"),
        ("script", "string"),
        ("mode", "string"),
        ("characters", "int"),
        ("sections", "int"),
        ("officials", "int"),
        ("events", "int"),
        ("metrics", "int"),
        ("warnings", "string"),
        ("text_sha256", "string"),
        ("prompt_version", "string"),
        ("model_calls", "int"),
        ("prompt_tokens", "int"),
        ("completion_tokens", "int"),
    ),
    "officials": (
        *_KEY,
        ("official_index", "int"),
        ("name", "string"),
        ("titles", "string"),
        ("region", "string"),
        ("mentions", "int"),
        ("origin", "string"),
        ("alignment", "string"),
        *_SPAN,
        ("mention", "string"),
    ),
    "events": (
        *_KEY,
        ("event_index", "int"),
        ("event_date", "date"),
        ("date_text", "string"),
        ("kind", "string"),
        ("action", "string"),
        ("location", "string"),
        ("officials", "string"),
        *_GROUNDING,
        *_SPAN,
        ("evidence", "string"),
    ),
    "event_officials": (
        *_KEY,
        ("event_index", "int"),
        ("official", "string"),
        ("event_date", "date"),
        ("kind", "string"),
        *_SPAN,
    ),
    "metrics": (
        *_KEY,
        ("metric_index", "int"),
        ("value", "float"),
        ("unit", "string"),
        ("raw", "string"),
        ("subject", "string"),
        ("region", "string"),
        *_GROUNDING,
        *_SPAN,
        ("evidence", "string"),
    ),
}
# The columns after the document key that order each table's rows within a document.
ORDER: dict[str, tuple[str, ...]] = {
    "documents": (),
    "officials": ("official_index",),
    "events": ("event_index",),
    "event_officials": ("event_index", "official"),
    "metrics": ("metric_index",),
}
TABLES = tuple(COLUMNS)


def rows_of(record: Mapping[str, Any], result: DigestResult) -> Rows:
    """The rows of every table for one document: its record's metadata (`documents/<id>.json` but the
    result) and its result."""
    reference = result.reference_date
    key: Row = (record["id"], reference, record.get("source"), record.get("url"))
    events = result.events
    return {
        "documents": [_document_row(key, record, result)],
        "officials": [_official_row(key, i, official) for i, official in enumerate(result.officials)],
        "events": [_event_row(key, i, event) for i, event in enumerate(events)],
        "event_officials": [
            (*key, i, name, event.date, event.kind.value, event.evidence.start, event.evidence.end)
            for i, event in enumerate(events)
            for name in event.officials
        ],
        "metrics": [_metric_row(key, i, metric) for i, metric in enumerate(result.metrics)],
    }


def _document_row(key: Row, record: Mapping[str, Any], result: DigestResult) -> Row:
    sections = result.sections
    usages = [section.usage for section in sections if section.usage is not None]
    warnings = [*result.warnings, *(w for section in sections for w in section.warnings)]
    return (
        *key,
        record.get("path"),
        result.title,
        result.script.value,
        result.mode.value,
        len(record.get("text") or ""),
        len(sections),
        len(result.officials),
        len(result.events),
        len(result.metrics),
        "\n".join(warnings) or None,
        record.get("text_sha256"),
        result.prompt_version,
        sum(usage.calls for usage in usages),
        sum(usage.prompt_tokens for usage in usages),
        sum(usage.completion_tokens for usage in usages),
    )


def _official_row(key: Row, index: int, official: Official) -> Row:
    first = official.mentions[0] if official.mentions else None
    return (
        *key,
        index,
        official.name,
        LIST_SEPARATOR.join(official.titles) or None,
        official.region,
        len(official.mentions),
        official.origin.value,
        official.alignment.value,
        first.start if first else None,
        first.end if first else None,
        first.text if first else None,
    )


def _event_row(key: Row, index: int, event: Event) -> Row:
    return (
        *key,
        index,
        event.date,
        event.date_text,
        event.kind.value,
        event.action,
        event.location,
        LIST_SEPARATOR.join(event.officials) or None,
        *_grounded(event),
    )


def _metric_row(key: Row, index: int, metric: Metric) -> Row:
    return (
        *key,
        index,
        float(metric.value),
        metric.unit,
        metric.raw,
        metric.subject,
        metric.region,
        *_grounded(metric),
    )


def _grounded(record: GroundedRecord) -> Row:
    """Section, origin, alignment, then the evidence's offsets and text."""
    evidence = record.evidence
    return record.section, record.origin.value, record.alignment.value, evidence.start, evidence.end, evidence.text
