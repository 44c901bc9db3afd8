"""The rule-based extractor: the embedded default, and the model path's fallback and check.

Officials are read over the whole document first (a name's length and posts are settled by every
place it occurs); then each section yields its own records, in text order, so that a day like
`28日` takes its month from the date before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from digestllm.numbers import as_json_number
from digestllm.records import SectionRecords
from digestllm.rules.dates import DateResolver
from digestllm.rules.event_drafts import EventDraft
from digestllm.rules.events import NameFinder, find_events
from digestllm.rules.metrics import QuantityMention, find_quantities
from digestllm.rules.officials import OfficialFinder, OfficialMention
from digestllm.rules.references import surname_references
from digestllm.schemas import AlignmentStatus, Event, Metric, Official, Origin, SectionKind
from digestllm.sections import RawSection
from digestllm.text import ScriptView


class RuleExtractor:
    """Extracts one document section by section; build it once per document."""

    def __init__(self, view: ScriptView, sections: list[RawSection], reference: date | None) -> None:
        self.view = view
        self._resolver = DateResolver(reference)
        simplified = view.simplified
        self._mentions: dict[int, list[OfficialMention]] = {}
        known: set[str] = set()
        finder = OfficialFinder(simplified)
        for index, section in enumerate(sections):
            if section.kind is SectionKind.BYLINE:
                continue
            found = finder.find(section.start, section.end, known)
            self._mentions[index] = found
            known.update(simplified[m.start : m.end] for m in found)
        self.official_names = sorted(known)
        everyone = (m for found in self._mentions.values() for m in found)
        self._names = NameFinder(self.official_names, surname_references(simplified, everyone))

    def extract(self, index: int, section: RawSection) -> SectionRecords:
        """Records of one section. Call in section order: dates carry forward through the text."""
        if section.kind is SectionKind.BYLINE:
            return SectionRecords()
        simplified = self.view.simplified
        drafts = find_events(simplified, section.start, section.end, self._names, self._resolver)
        quantities = find_quantities(simplified, section.start, section.end)
        return SectionRecords(
            officials=[self._official(run) for run in self._runs(self._mentions.get(index, []))],
            events=[self._event(d, index) for d in drafts],
            metrics=[self._metric(q, index) for q in quantities],
        )

    def _runs(self, mentions: list[OfficialMention]) -> Iterator[list[OfficialMention]]:
        """Mentions in runs of consecutive ones written alike (name, posts): one record per run, not per
        mention, so a page naming one official thousands of times holds one record, not thousands."""
        original = self.view.original
        run: list[OfficialMention] = []
        for mention in mentions:
            if run and self._written(run[0], original) != self._written(mention, original):
                yield run
                run = []
            run.append(mention)
        if run:
            yield run

    @staticmethod
    def _written(mention: OfficialMention, original: str) -> tuple[str | None, ...]:
        """What a mention's record holds: its name, its posts and their region, as written."""
        region = _main_region(mention)
        posts = (original[p.start : p.end] for p in mention.posts)
        return original[mention.start : mention.end], original[region[0] : region[1]] if region else None, *posts

    def _official(self, run: list[OfficialMention]) -> Official:
        view = self.view
        mention = run[0]
        region = _main_region(mention)
        return Official(
            name=view.original[mention.start : mention.end],
            titles=[view.original[p.start : p.end] for p in mention.posts],
            region=view.original[region[0] : region[1]] if region else None,
            mentions=[view.span(m.start, m.end) for m in run],
            origin=Origin.RULES,
            alignment=AlignmentStatus.DERIVED,
        )

    def _event(self, draft: EventDraft, index: int) -> Event:
        view = self.view
        return Event(
            date=draft.day,
            date_text=view.original[draft.date_span[0] : draft.date_span[1]] if draft.date_span else None,
            officials=[view.original[s:e] for s, e in (draft.name_spans[n] for n in draft.officials)],
            action=view.original[draft.action[0] : draft.action[1]] if draft.action else None,
            location=view.original[draft.location[0] : draft.location[1]] if draft.location else None,
            kind=draft.kind,
            evidence=view.span(*draft.evidence),
            section=index,
        )

    def _metric(self, quantity: QuantityMention, index: int) -> Metric:
        return metric_from_quantity(self.view, quantity, index)


def _main_region(mention: OfficialMention) -> tuple[int, int] | None:
    """The place named in the official's main post: the last of its posts that names one."""
    return next((p.region for p in reversed(mention.posts) if p.region), None)


def _unit_as_written(view: ScriptView, quantity: QuantityMention) -> str:
    """The unit in the original's script; `%` for every way of writing a percentage, and the normalised unit
    where the text leaves it out (`工程经费1亿2000万`: 元)."""
    if quantity.unit == "%" or quantity.unit_start == quantity.end:
        return quantity.unit
    return view.original[quantity.unit_start : quantity.end]


def metric_from_quantity(
    view: ScriptView,
    quantity: QuantityMention,
    index: int,
    origin: Origin = Origin.RULES,
    alignment: AlignmentStatus = AlignmentStatus.DERIVED,
    subject: str | None = None,
) -> Metric:
    """A quantity the rules' parser read, as a Metric in the original's script; `subject` overrides."""
    if subject is None and quantity.subject:
        subject = view.original[quantity.subject[0] : quantity.subject[1]]
    return Metric(
        value=as_json_number(quantity.value),
        unit=_unit_as_written(view, quantity),
        raw=view.original[quantity.start : quantity.end],
        subject=subject,
        region=view.original[quantity.region[0] : quantity.region[1]] if quantity.region else None,
        evidence=view.span(quantity.start, quantity.end),
        section=index,
        origin=origin,
        alignment=alignment,
    )
