"""Terminal rendering of a `DigestResult` with rich: a header line, then one table per record type.

Text from the input never reaches the terminal raw: control characters (an escape sequence that
would retitle the window or make text blink, a bidirectional override) are shown as `\x1b`, `\u202e`.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.table import Table
from rich.text import Text

from digestllm.schemas import DigestResult, Span, Usage

_MISSING = "—"
_EVIDENCE_CHARS = 24  # of quoted evidence in a table cell; the JSON has it whole
# C0 and C1 controls, DEL, line and paragraph separators, bidirectional embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def visible(text: str) -> str:
    """`text` with every control character written as an escape (`\x1b`, `\n`, `\u202e`)."""
    return _CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def render_result(result: DigestResult, console: Console) -> None:
    """Print `result` to `console`: header, sections and their warnings (a fallback's reason), officials,
    events, metrics, the document's warnings."""
    console.print(_header(result))
    console.print(_sections(result))
    for section in result.sections:
        for warning in section.warnings:
            console.print(Text(visible(f"section {section.index} ({section.status.value}): {warning}"), style="yellow"))
    for table in (_officials(result), _events(result), _metrics(result)):
        console.print(table)
    for warning in result.warnings:
        console.print(Text(visible(f"warning: {warning}"), style="yellow"))


def _header(result: DigestResult) -> Text:
    header = Text(visible(result.title or "(untitled)"), style="bold")
    header.append(
        f"  reference date {result.reference_date or _MISSING}"
        f" · script {result.script.value} · mode {result.mode.value}",
        style="dim",
    )
    return header


def _span(span: Span) -> str:
    return f"[{span.start}:{span.end}]"


def _evidence(span: Span) -> str:
    """Where, and what the text says there (cut short)."""
    quoted = span.text if len(span.text) <= _EVIDENCE_CHARS else span.text[: _EVIDENCE_CHARS - 1] + "…"
    return f"{_span(span)} {quoted}"


def _or_missing(value: object) -> str:
    return _MISSING if value is None or value == "" else str(value)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _add_row(table: Table, *cells: str) -> None:
    """Add cells as plain `Text`, so that brackets in the source are never read as rich markup."""
    table.add_row(*(Text(visible(cell)) for cell in cells))


def _sections(result: DigestResult) -> Table:
    """One row per section; its warnings (a fallback's reason) are printed below the table."""
    with_usage = any(section.usage for section in result.sections)
    columns = ["#", "section", "status", "off/evt/met"] + (["model calls · tokens in/out · s"] if with_usage else [])
    table = _table("Sections", *columns)
    for column in (table.columns[0], table.columns[2], table.columns[3]):
        column.no_wrap = True
    for section in result.sections:
        counts = "/".join(str(section.counts.get(key, 0)) for key in ("officials", "events", "metrics"))
        status = section.status.value + ("" if section.extractor.value == "rules" else f" ({section.extractor.value})")
        cells = [
            str(section.index),
            f"{section.kind.value} {_or_missing(section.header or section.headline)}",
            status,
            counts,
        ]
        if with_usage:
            cells.append(_usage_cell(section.usage))
        _add_row(table, *cells)
    return table


def _usage_cell(usage: Usage | None) -> str:
    if usage is None:
        return _MISSING
    calls = f"{usage.calls}" + (" cached" if usage.cached else f" (+{usage.retries} retries)" if usage.retries else "")
    return f"{calls} · {usage.prompt_tokens}/{usage.completion_tokens} · {usage.seconds:.1f}"


def _officials(result: DigestResult) -> Table:
    table = _table("Officials", "name", "titles", "region", "mentions", "first", "from")
    for official in result.officials:
        first = _span(official.mentions[0]) if official.mentions else _MISSING
        _add_row(
            table,
            official.name,
            _or_missing("、".join(official.titles)),
            _or_missing(official.region),
            str(len(official.mentions)),
            first,
            official.origin.value,
        )
    return table


def _events(result: DigestResult) -> Table:
    table = _table("Events", "date", "officials", "action", "location", "evidence")
    for event in result.events:
        _add_row(
            table,
            _or_missing(event.date),
            _or_missing("、".join(event.officials)),
            _or_missing(event.action),
            _or_missing(event.location),
            _evidence(event.evidence) + _from(event.origin.value),
        )
    return table


def _metrics(result: DigestResult) -> Table:
    table = _table("Metrics", "raw", "value", "unit", "subject", "evidence")
    for metric in result.metrics:
        _add_row(
            table,
            metric.raw,
            f"{metric.value:,}",
            metric.unit,
            _or_missing(metric.subject),
            _span(metric.evidence) + _from(metric.origin.value),
        )
    return table


def _from(origin: str) -> str:
    """Which extractor found a record, when it is not the rules alone."""
    return "" if origin == "rules" else f" ({origin})"
