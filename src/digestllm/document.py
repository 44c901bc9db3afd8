"""One document end to end, for every mode, sync and async:

text → `ScriptView` → sections → the rules' skeleton (always) → a `SectionExtractor` per section
→ merge with the skeleton → consolidate → `DigestResult`.

The rules read the whole document first (a name's length and posts are settled by every place it
occurs; a day like `28日` takes its month from the date before it), so their records for every
section — the skeleton — exist before any other extractor is asked. An extractor (the model, or
anything later) reads one section at a time and returns records grounded in the text; they are
merged with the skeleton, or the section falls back to the skeleton when the extractor fails.
The core never imports the provider layer: the API builds the model extractor and hands it in.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from types import TracebackType
from typing import Protocol

from digestllm.consolidate import OfficialsByName, deduplicate_metrics, fallback_warning, order_events
from digestllm.grounding import dropped_warning
from digestllm.inputs import PLAUSIBLE_YEARS, language_warnings, parse_reference_date
from digestllm.merge import merge_section
from digestllm.numbers import absurd_figures_warning
from digestllm.records import SectionRecords
from digestllm.rules.dates import document_date
from digestllm.rules.extractor import RuleExtractor
from digestllm.schemas import (
    DigestResult,
    Event,
    Extractor,
    Metric,
    Mode,
    Section,
    SectionKind,
    SectionStatus,
    Usage,
)
from digestllm.sections import RawSection, split_sections
from digestllm.text import ScriptView, to_simplified


class Document:
    """One document's text, date and sections, with the rules' skeleton of every section."""

    def __init__(self, text: str, reference_date: date | str | None) -> None:
        self.view = ScriptView(text)
        self.warnings: list[str] = []
        self.reference = parse_reference_date(reference_date) or self._date_from_text()
        self.sections = split_sections(self.view)
        self.rules = RuleExtractor(self.view, self.sections, self.reference)

    @cached_property
    def skeleton(self) -> list[SectionRecords]:
        """The rules' records of every section, kept for extractors that read them (the model's slots)."""
        return list(self.rules_records())

    def rules_records(self) -> Iterator[SectionRecords]:
        """The rules' records section by section, in order, none kept: the rules path's lean way."""
        if "skeleton" in self.__dict__:
            yield from self.skeleton
            return
        for index, raw in enumerate(self.sections):
            yield self.rules.extract(index, raw)

    def section_text(self, index: int) -> str:
        raw = self.sections[index]
        return self.view.original[raw.start : raw.end]

    def _date_from_text(self) -> date | None:
        found = document_date(self.view.simplified)
        if found is None:
            self.warnings.append(
                "no reference date given or found in the text: days without a year are left undated "
                "(pass reference_date=..., or --reference-date on the command line)"
            )
            return None
        year, month, day = found
        if year is None:
            self.warnings.append(
                f"the text dates itself {month}/{day} without a year and no reference date was given: "
                "days without a year are left undated (pass reference_date=..., or --reference-date)"
            )
            return None
        try:
            found_date: date | None = date(year, month, day)
        except ValueError:
            found_date = None
        if found_date is None or not PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]:
            # An impossible day (2月30日) or a year no news report has (0001.01.01): say so instead of
            # silently dropping or trusting it.
            self.warnings.append(
                f"the text dates itself {year}-{month}-{day}, which is no plausible day, and no "
                "reference date was given: days without a year are left undated"
            )
            return None
        return found_date

    def headline_spans(self) -> list[tuple[int, int]]:
        """Where each section's headline is written (its first occurrence inside the section)."""
        spans = []
        for raw in self.sections:
            at = self.view.original.find(raw.headline, raw.start, raw.end) if raw.headline else -1
            if at != -1 and raw.headline:
                spans.append((at, at + len(raw.headline)))
        return spans


@dataclass
class SectionOutcome:
    """An extractor's reading of one section: its records, or why there are none."""

    records: SectionRecords | None
    usage: Usage | None = None
    dropped: list[str] = field(default_factory=list)  # claims the text did not bear out, for the warnings
    error: str | None = None  # set when `records` is None: the section falls back to the skeleton


class SectionExtractor(Protocol):
    """Reads one section of a document into grounded records: the rules, a model, anything later.

    Used as an async context manager around one document (a model extractor holds its HTTP client
    there); `extract` may be called for several sections at once and bounds its own concurrency.
    """

    mode: Mode
    prompt_version: str | None

    async def __aenter__(self) -> SectionExtractor: ...

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None: ...

    async def extract(self, document: Document, index: int) -> SectionOutcome | None:
        """The section's records; None when the extractor has nothing to say about it (a byline)."""
        ...


class RulesExtractor:
    """The embedded default: every section's records are the rules' skeleton."""

    mode = Mode.RULES
    prompt_version: str | None = None

    async def __aenter__(self) -> RulesExtractor:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        return None

    async def extract(self, document: Document, index: int) -> SectionOutcome | None:
        return SectionOutcome(document.skeleton[index])


def run_document(text: str, reference_date: date | str | None) -> DigestResult:
    """The rules on one document, synchronously (no event loop: the fast path of `extract`).

    Each section's records are folded into the result as soon as they are read: a long document
    never holds every section's per-mention records at once.
    """
    document = Document(text, reference_date)
    assembly = _Assembly(document)
    for index, records in enumerate(document.rules_records()):
        assembly.add(
            records, _section(document, index, records, Extractor.RULES, _plain_status(document.sections[index]))
        )
    return assembly.result(RulesExtractor())


async def arun_document(
    text: str, reference_date: date | str | None, extractor: SectionExtractor | None = None
) -> DigestResult:
    """One document through `extractor` (the rules when None), its sections read concurrently."""
    document = Document(text, reference_date)
    chosen: SectionExtractor = extractor or RulesExtractor()
    async with chosen:
        tasks = [asyncio.ensure_future(chosen.extract(document, i)) for i in range(len(document.sections))]
        try:
            outcomes = await asyncio.gather(*tasks)
        except BaseException:  # a ConfigurationError (or a cancellation) stops every section still in flight
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
    return _finish(document, list(outcomes), chosen)


def _finish(document: Document, outcomes: list[SectionOutcome | None], extractor: SectionExtractor) -> DigestResult:
    """Merge every section's outcome with its skeleton, then consolidate the document's records."""
    known = {to_simplified(name) for name in document.rules.official_names}
    known.update(
        to_simplified(o.name) for outcome in outcomes if outcome and outcome.records for o in outcome.records.officials
    )
    assembly = _Assembly(document)
    for index, outcome in enumerate(outcomes):
        assembly.add(*_settle(document, index, outcome, known))
    return assembly.result(extractor)


def _settle(
    document: Document, index: int, outcome: SectionOutcome | None, known: set[str]
) -> tuple[SectionRecords, Section]:
    """One section's records and its report: the skeleton, the merge, or the fallback."""
    skeleton = document.skeleton[index]
    if outcome is None or outcome.records is skeleton:
        status = _plain_status(document.sections[index])
        return skeleton, _section(document, index, skeleton, Extractor.RULES, status)
    if outcome.records is None:
        warnings = [f"rules used instead of the model: {outcome.error}"]
        return skeleton, _section(document, index, skeleton, Extractor.RULES, SectionStatus.FALLBACK, warnings, outcome)
    records, set_aside = merge_section(skeleton, outcome.records, known)
    warnings = dropped_warning([*outcome.dropped, *set_aside])
    return records, _section(document, index, records, Extractor.RULES_AND_MODEL, SectionStatus.OK, warnings, outcome)


def _section(
    document: Document,
    index: int,
    records: SectionRecords,
    extractor: Extractor,
    status: SectionStatus,
    warnings: list[str] | None = None,
    outcome: SectionOutcome | None = None,
) -> Section:
    """The report of one section: where it is, who read it, how it went and what it holds."""
    raw = document.sections[index]
    return Section(
        index=index,
        kind=raw.kind,
        span=document.view.span(raw.start, raw.end),
        header=raw.header,
        headline=raw.headline,
        extractor=extractor,
        status=status,
        warnings=warnings or [],
        usage=outcome.usage if outcome else None,
        counts=records.counts(),
    )


def _plain_status(raw: RawSection) -> SectionStatus:
    return SectionStatus.SKIPPED if raw.kind is SectionKind.BYLINE else SectionStatus.OK


class _Assembly:
    """The document's result taking shape section by section; a section's officials are folded into
    one entry per name as they come, its events and metrics kept for ordering and deduplication."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.sections: list[Section] = []
        self.officials = OfficialsByName()
        self.events: list[Event] = []
        self.metrics: list[Metric] = []

    def add(self, records: SectionRecords, section: Section) -> None:
        self.sections.append(section)
        self.officials.add(records.officials)
        self.events.extend(records.events)
        self.metrics.extend(records.metrics)

    def result(self, extractor: SectionExtractor) -> DigestResult:
        document = self.document
        view = document.view
        absurd = absurd_figures_warning(view.original)
        warnings = [
            *filter(None, [fallback_warning(self.sections)]),  # said first: what happened to the model
            *document.warnings,
            *language_warnings(view),
            *filter(None, [absurd]),
        ]
        bylines = [(raw.start, raw.end) for raw in document.sections if raw.kind is SectionKind.BYLINE]
        return DigestResult(
            title=next((raw.headline for raw in document.sections if raw.headline), None),
            reference_date=document.reference,
            script=view.script,
            mode=extractor.mode,
            prompt_version=extractor.prompt_version,
            sections=self.sections,
            officials=self.officials.consolidated(view, skip=bylines),
            events=order_events(self.events),
            metrics=deduplicate_metrics(self.metrics, headlines=document.headline_spans()),
            warnings=warnings,
        )
