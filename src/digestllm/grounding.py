"""Quotes → spans of the original text: nothing a model says is kept unless it is found there.

Alignment tries, in order: the quote verbatim in the section (`exact`); the quote and the section
both in Simplified script (`simplified`: a model may answer a Traditional text in Simplified);
for free-text fields only (action, location), the closest stretch of the section (`fuzzy`).
Names and figures must align exactly or in Simplified; whatever cannot be found is dropped and
counted in the section's warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from digestllm.rules.dates import DATE_PATTERN, DateResolver
from digestllm.rules.extractor import SectionRecords, span_of
from digestllm.rules.metrics import find_quantities
from digestllm.rules.officials import is_plausible_name, reads_as_post, region_in_post
from digestllm.numbers import as_json_number
from digestllm.schemas import AlignmentStatus, Event, Metric, Official, Origin, Span
from digestllm.text import ScriptView, to_simplified

_FUZZY_THRESHOLD = 0.75


@dataclass(frozen=True)
class OfficialClaim:
    name: str
    titles: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EventClaim:
    date_text: str | None
    officials: list[str]
    action: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class MetricClaim:
    quantity: str
    subject: str | None = None


@dataclass(frozen=True)
class SectionClaims:
    """What a model claims one section says, before any of it is checked."""

    officials: list[OfficialClaim] = field(default_factory=list)
    events: list[EventClaim] = field(default_factory=list)
    metrics: list[MetricClaim] = field(default_factory=list)


class Aligner:
    """Finds quotes inside one section of the original text."""

    def __init__(self, view: ScriptView, start: int, end: int) -> None:
        self.view = view
        self.start = start
        self.end = end

    def find(self, quote: str | None, *, fuzzy: bool = False) -> tuple[Span, AlignmentStatus] | None:
        text = (quote or "").strip()
        if not text or len(text) > self.end - self.start:
            return None
        at = self.view.original.find(text, self.start, self.end)
        if at != -1:
            return span_of(self.view, at, at + len(text)), AlignmentStatus.EXACT
        at = self.view.simplified.find(to_simplified(text), self.start, self.end)
        if at != -1:
            return span_of(self.view, at, at + len(text)), AlignmentStatus.SIMPLIFIED
        if fuzzy:
            return self._closest(to_simplified(text))
        return None

    def find_all(self, quote: str) -> list[int]:
        """Every start of `quote` in the section, on the Simplified copy."""
        target = to_simplified(quote.strip())
        starts: list[int] = []
        at = self.view.simplified.find(target, self.start, self.end) if target else -1
        while at != -1:
            starts.append(at)
            at = self.view.simplified.find(target, at + 1, self.end)
        return starts

    def _closest(self, target: str) -> tuple[Span, AlignmentStatus] | None:
        haystack = self.view.simplified[self.start : self.end]
        matcher = SequenceMatcher(None, haystack, target, autojunk=False)
        block = matcher.find_longest_match(0, len(haystack), 0, len(target))
        if block.size == 0:
            return None
        begin = max(0, block.a - block.b)
        stop = min(len(haystack), begin + len(target))
        if SequenceMatcher(None, haystack[begin:stop], target, autojunk=False).ratio() < _FUZZY_THRESHOLD:
            return None
        return span_of(self.view, self.start + begin, self.start + stop), AlignmentStatus.FUZZY


@dataclass
class GroundingReport:
    records: SectionRecords
    dropped: list[str] = field(default_factory=list)

    def warnings(self) -> list[str]:
        if not self.dropped:
            return []
        shown = "; ".join(_shorten(item) for item in self.dropped[:10])
        more = f"; … and {len(self.dropped) - 10} more" if len(self.dropped) > 10 else ""
        return [f"dropped {len(self.dropped)} model item(s) the text does not bear out: {shown}{more}"]


def _shorten(item: str, limit: int = 60) -> str:
    return item if len(item) <= limit else item[: limit - 1] + "…"


def ground_claims(view: ScriptView, index: int, start: int, end: int, claims: SectionClaims,
                  reference: date | None) -> GroundingReport:
    """The claims that the section's text bears out, as records with spans; the rest listed as dropped."""
    aligner = Aligner(view, start, end)
    report = GroundingReport(SectionRecords())
    for claim in claims.officials:
        official = _ground_official(view, aligner, claim)
        if official is None:
            report.dropped.append(f"official {claim.name!r}")
        else:
            report.records.officials.append(official)
    for metric_claim in claims.metrics:
        metric = _ground_metric(view, aligner, index, metric_claim)
        if metric is None:
            report.dropped.append(f"metric {metric_claim.quantity!r}")
        else:
            report.records.metrics.append(metric)
    for event_claim in claims.events:
        event = _ground_event(view, aligner, index, event_claim, reference)
        if event is None:
            report.dropped.append(f"event of {', '.join(event_claim.officials) or 'nobody'}")
        else:
            report.records.events.append(event)
    return report


def _ground_official(view: ScriptView, aligner: Aligner, claim: OfficialClaim) -> Official | None:
    """The name must be in the text as a name, written right beside one of its claimed posts."""
    found = aligner.find(claim.name)
    if found is None or not is_plausible_name(view.simplified, found[0].start, found[0].end):
        return None
    name_span, status = found
    posts = [t[0] for t in (aligner.find(title) for title in claim.titles)
             if t is not None and reads_as_post(view.simplified, t[0].start, t[0].end)]
    name = view.simplified[name_span.start : name_span.end]
    beside = [p for p in posts if _written_beside(aligner, view.simplified[p.start : p.end], name)]
    if not beside:
        return None
    region = next((r for r in (region_in_post(view.simplified, p.start, p.end) for p in posts) if r), None)
    return Official(name=name_span.text, titles=[p.text for p in posts],
                    region=view.original[region[0] : region[1]] if region else None,
                    mentions=[name_span], origin=Origin.MODEL, alignment=status)


def _written_beside(aligner: Aligner, post: str, name: str) -> bool:
    """`县委书记孔阳` or `孔阳书记`: post and name touch somewhere in the section."""
    return bool(aligner.find_all(post + name) or aligner.find_all(name + post))


def _ground_metric(view: ScriptView, aligner: Aligner, index: int, claim: MetricClaim) -> Metric | None:
    """The claimed quantity must be in the text and read as a quantity by the rules' own parser."""
    for at in aligner.find_all(claim.quantity):
        stop = at + len(claim.quantity.strip())
        for quantity in find_quantities(view.simplified, aligner.start, aligner.end):
            if quantity.start < stop and at < quantity.end:
                subject = aligner.find(claim.subject)
                return Metric(
                    value=as_json_number(quantity.value),
                    unit=view.original[quantity.unit_start : quantity.end] if quantity.unit != "%" else "%",
                    raw=view.original[quantity.start : quantity.end],
                    subject=subject[0].text if subject else None,
                    evidence=span_of(view, quantity.start, quantity.end),
                    section=index,
                    origin=Origin.MODEL,
                    alignment=AlignmentStatus.EXACT if view.original[at:stop] == claim.quantity.strip() else AlignmentStatus.SIMPLIFIED,
                )
    return None


def _ground_event(view: ScriptView, aligner: Aligner, index: int, claim: EventClaim,
                  reference: date | None) -> Event | None:
    names = [aligner.find(n) for n in claim.officials]
    grounded = [n[0] for n in names if n is not None and is_plausible_name(view.simplified, n[0].start, n[0].end)]
    if not grounded:
        return None
    day: date | None = None
    date_span: Span | None = None
    if claim.date_text:
        found = aligner.find(claim.date_text)
        if found is None:
            return None
        date_span = found[0]
        match = DATE_PATTERN.search(view.simplified, date_span.start, date_span.end)
        if match is None:
            return None
        day = DateResolver(reference).resolve(view.simplified, match).day
    action = aligner.find(claim.action, fuzzy=True)
    location = aligner.find(claim.location, fuzzy=True)
    evidence = date_span or grounded[0]
    return Event(
        date=day.isoformat() if day else None,
        date_text=date_span.text if date_span else None,
        officials=list(dict.fromkeys(n.text for n in grounded)),
        action=action[0].text if action else None,
        location=location[0].text if location else None,
        evidence=evidence,
        section=index,
        origin=Origin.MODEL,
        alignment=AlignmentStatus.EXACT,
    )
