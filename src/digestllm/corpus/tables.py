"""The flat tables of a corpus run: their columns, and the rows one document record contributes.

Every row starts with the document's id, date, source and url, and every record row carries the
span offsets of its evidence in the document's text. Rows are built from a document record (the JSON
of `documents/<id>.json`), so a fresh result and one reused from an earlier run give the same rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


def rows_of(record: Mapping[str, Any]) -> Rows:
    """The rows of every table for one document record."""
    result: Mapping[str, Any] = record["result"]
    key: Row = (record["id"], result.get("reference_date"), record.get("source"), record.get("url"))
    events = result.get("events", [])
    return {
        "documents": [_document_row(key, record, result)],
        "officials": [_official_row(key, i, official) for i, official in enumerate(result.get("officials", []))],
        "events": [_event_row(key, i, event) for i, event in enumerate(events)],
        "event_officials": [
            (*key, i, name, event.get("date"), event.get("kind"), *_span(event.get("evidence")))
            for i, event in enumerate(events)
            for name in event.get("officials", [])
        ],
        "metrics": [_metric_row(key, i, metric) for i, metric in enumerate(result.get("metrics", []))],
    }


def _document_row(key: Row, record: Mapping[str, Any], result: Mapping[str, Any]) -> Row:
    sections = result.get("sections", [])
    usages = [section["usage"] for section in sections if section.get("usage")]
    warnings = [*result.get("warnings", []), *(w for section in sections for w in section.get("warnings", []))]
    return (
        *key,
        record.get("path"),
        result.get("title"),
        result.get("script"),
        result.get("mode"),
        len(record.get("text") or ""),
        len(sections),
        len(result.get("officials", [])),
        len(result.get("events", [])),
        len(result.get("metrics", [])),
        "\n".join(warnings) or None,
        record.get("text_sha256"),
        result.get("prompt_version"),
        sum(usage.get("calls", 0) for usage in usages),
        sum(usage.get("prompt_tokens", 0) for usage in usages),
        sum(usage.get("completion_tokens", 0) for usage in usages),
    )


def _official_row(key: Row, index: int, official: Mapping[str, Any]) -> Row:
    mentions = official.get("mentions", [])
    first = mentions[0] if mentions else None
    return (
        *key,
        index,
        official.get("name"),
        LIST_SEPARATOR.join(official.get("titles", [])) or None,
        official.get("region"),
        len(mentions),
        official.get("origin"),
        official.get("alignment"),
        *_span(first),
        first.get("text") if first else None,
    )


def _event_row(key: Row, index: int, event: Mapping[str, Any]) -> Row:
    evidence = event.get("evidence")
    return (
        *key,
        index,
        event.get("date"),
        event.get("date_text"),
        event.get("kind"),
        event.get("action"),
        event.get("location"),
        LIST_SEPARATOR.join(event.get("officials", [])) or None,
        *_grounding(event),
        *_span(evidence),
        evidence.get("text") if evidence else None,
    )


def _metric_row(key: Row, index: int, metric: Mapping[str, Any]) -> Row:
    evidence = metric.get("evidence")
    return (
        *key,
        index,
        float(metric["value"]) if metric.get("value") is not None else None,
        metric.get("unit"),
        metric.get("raw"),
        metric.get("subject"),
        metric.get("region"),
        *_grounding(metric),
        *_span(evidence),
        evidence.get("text") if evidence else None,
    )


def _grounding(record: Mapping[str, Any]) -> Row:
    return record.get("section"), record.get("origin"), record.get("alignment")


def _span(span: Mapping[str, Any] | None) -> Row:
    return (span.get("start"), span.get("end")) if span else (None, None)
