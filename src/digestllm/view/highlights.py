"""The highlights of a result: one per record span (official mention, event evidence, metric evidence).

A highlight is placed when its span's text equals the source characters at its offsets; a highlight whose
span does not fit the source (a result shown against another text, a hand-edited JSON) is unplaced, and the
page lists its record apart instead of drawing it at the wrong place.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from digestllm.schemas import DigestResult, Section, Span

OFFICIAL, EVENT, METRIC = "o", "e", "m"
TYPE_NAMES = {OFFICIAL: "official", EVENT: "event", METRIC: "metric"}


@dataclass(frozen=True)
class Highlight:
    """One record span to draw: `id` is unique on the page, `record` names the record it belongs to."""

    id: str
    record: str
    type: str
    start: int
    end: int
    text: str
    origin: str
    alignment: str
    section: int


def record_id(record_type: str, index: int) -> str:
    """The page-wide id of a record: `o3` is the fourth official, `e0` the first event, `m12` a metric."""
    return f"{record_type}{index}"


def result_highlights(result: DigestResult) -> list[Highlight]:
    """Every record span of `result`, in record order: official mentions, then events, then metrics."""
    locate = _Locator(result.sections)
    found: list[Highlight] = []
    for index, official in enumerate(result.officials):
        rid = record_id(OFFICIAL, index)
        for number, mention in enumerate(official.mentions):
            origin, alignment = official.origin.value, official.alignment.value
            found.append(_highlight(rid, number, OFFICIAL, mention, origin, alignment, locate(mention.start)))
    for records, record_type in ((result.events, EVENT), (result.metrics, METRIC)):
        for index, record in enumerate(records):
            rid = record_id(record_type, index)
            origin, alignment = record.origin.value, record.alignment.value
            found.append(_highlight(rid, 0, record_type, record.evidence, origin, alignment, record.section))
    return found


def split_placed(highlights: list[Highlight], text: str | None) -> tuple[list[Highlight], list[Highlight]]:
    """(placed, unplaced): a highlight is placed when its text equals `text[start:end]`; no text places none."""
    if text is None:
        return [], list(highlights)
    placed: list[Highlight] = []
    unplaced: list[Highlight] = []
    for highlight in highlights:
        fits = highlight.end <= len(text) and text[highlight.start : highlight.end] == highlight.text
        (placed if fits else unplaced).append(highlight)
    return placed, unplaced


def _highlight(
    rid: str, number: int, record_type: str, span: Span, origin: str, alignment: str, section: int
) -> Highlight:
    return Highlight(
        id=f"{rid}-{number}",
        record=rid,
        type=record_type,
        start=span.start,
        end=span.end,
        text=span.text,
        origin=origin,
        alignment=alignment,
        section=section,
    )


class _Locator:
    """The index of the section an offset falls in (-1 outside every section)."""

    def __init__(self, sections: list[Section]) -> None:
        ordered = sorted(sections, key=lambda section: section.span.start)
        self.starts = [section.span.start for section in ordered]
        self.sections = ordered

    def __call__(self, offset: int) -> int:
        position = bisect_right(self.starts, offset) - 1
        if position < 0:
            return -1
        section = self.sections[position]
        return section.index if offset < max(section.span.end, section.span.start + 1) else -1
