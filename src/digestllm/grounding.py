"""Quotes → spans of the original text: nothing a model says is kept unless it is found there.

Alignment tries, in order: the quote verbatim in the section (`exact`); the quote and the section
both in Simplified script (`simplified`: a model may answer a Traditional text in Simplified);
for free-text fields only (action, location), the closest stretch of the section (`fuzzy`).
Names and figures must align exactly or in Simplified; whatever cannot be found is dropped and
counted in the section's warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from digestllm.records import SectionRecords
from digestllm.rules.dates import DATE_PATTERN, DateResolver
from digestllm.rules.extractor import metric_from_quantity
from digestllm.rules.lexicon import COMPOUND_SURNAMES, FUNCTION_CHARS, SINGLE_SURNAMES
from digestllm.rules.metrics import QuantityMention, find_quantities
from digestllm.rules.officials import is_plausible_name, reads_as_post, region_in_post
from digestllm.schemas import AlignmentStatus, Event, Metric, Official, Origin, Span
from digestllm.text import HAN_CLASS, ScriptView, is_han, to_simplified

_FUZZY_THRESHOLD = 0.75
MAX_LIST_CHARS = 60  # how far a list of names after a post may run
_NAME_LIST = re.compile(f"(?:[{HAN_CLASS}]{{2,4}}、)*[{HAN_CLASS}]{{2,4}}")
_POST_SEPARATOR = re.compile(r"[、，,]")


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
            return self.view.span(at, at + len(text)), AlignmentStatus.EXACT
        at = self.view.simplified.find(to_simplified(text), self.start, self.end)
        if at != -1:
            return self.view.span(at, at + len(text)), AlignmentStatus.SIMPLIFIED
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
        return self.view.span(self.start + begin, self.start + stop), AlignmentStatus.FUZZY


@dataclass
class GroundingReport:
    records: SectionRecords
    dropped: list[str] = field(default_factory=list)


_SHOWN_DROPS = 10  # dropped items named in a warning; the rest are counted
_SHOWN_CHARS = 60  # characters of one dropped item shown


def dropped_warning(dropped: list[str]) -> list[str]:
    """One warning naming the model's items that were dropped (not borne out, or set aside)."""
    if not dropped:
        return []
    shown = "; ".join(_shorten(item) for item in dropped[:_SHOWN_DROPS])
    more = f"; … and {len(dropped) - _SHOWN_DROPS} more" if len(dropped) > _SHOWN_DROPS else ""
    return [f"dropped {len(dropped)} model item(s) the text does not bear out: {shown}{more}"]


def _shorten(item: str) -> str:
    return item if len(item) <= _SHOWN_CHARS else item[: _SHOWN_CHARS - 1] + "…"


def ground_claims(
    view: ScriptView, index: int, start: int, end: int, claims: SectionClaims, reference: date | None
) -> GroundingReport:
    """The claims that the section's text bears out, as records with spans; the rest listed as dropped."""
    grounder = SectionGrounder(view, index, start, end, reference)
    report = GroundingReport(SectionRecords())
    for claim in claims.officials:
        official = grounder.official(claim)
        if official is None:
            report.dropped.append(f"official {claim.name!r}")
        else:
            report.records.officials.append(official)
    for metric_claim in claims.metrics:
        metric = grounder.metric(metric_claim)
        if metric is None:
            report.dropped.append(f"metric {metric_claim.quantity!r}")
        else:
            report.records.metrics.append(metric)
    for event_claim in claims.events:
        event = grounder.event(event_claim)
        if event is None:
            report.dropped.append(f"event of {', '.join(event_claim.officials) or 'nobody'}")
        else:
            report.records.events.append(event)
    return report


class SectionGrounder:
    """Checks one section's claims against its text, with the rules' own readers."""

    def __init__(self, view: ScriptView, index: int, start: int, end: int, reference: date | None) -> None:
        self.view = view
        self.index = index
        self.aligner = Aligner(view, start, end)
        self.reference = reference
        self._quantities: list[QuantityMention] | None = None

    @property
    def quantities(self) -> list[QuantityMention]:
        """The section's quantities as the rules read them, found once."""
        if self._quantities is None:
            self._quantities = find_quantities(self.view.simplified, self.aligner.start, self.aligner.end)
        return self._quantities

    def official(self, claim: OfficialClaim) -> Official | None:
        """The name must be in the text as a name, written right beside one of its claimed posts."""
        view, aligner = self.view, self.aligner
        found = aligner.find(claim.name)
        if found is None or not _plausible_claimed_name(view.simplified[found[0].start : found[0].end]):
            return None
        name_span, status = found
        posts = [
            t
            for t in (aligner.find(title) for title in split_posts(claim.titles))
            if t is not None and reads_as_post(view.simplified, t[0].start, t[0].end)
        ]
        name = view.simplified[name_span.start : name_span.end]
        if not any(_written_beside(aligner, view.simplified[p.start : p.end], name) for p, _ in posts):
            return None
        region = next((r for r in (region_in_post(view.simplified, p.start, p.end) for p, _ in posts) if r), None)
        return Official(
            name=name_span.text,
            titles=[p.text for p, _ in posts],
            region=view.original[region[0] : region[1]] if region else None,
            mentions=[name_span],
            origin=Origin.MODEL,
            alignment=_weakest([status, *(s for _, s in posts)]),
        )

    def metric(self, claim: MetricClaim) -> Metric | None:
        """The claimed quantity must be in the text and read as a quantity by the rules' own parser."""
        quoted = claim.quantity.strip()
        for at in self.aligner.find_all(quoted):
            stop = at + len(quoted)
            for quantity in self.quantities:
                if quantity.start < stop and at < quantity.end:
                    subject = self.aligner.find(claim.subject)
                    status = (
                        AlignmentStatus.EXACT if self.view.original[at:stop] == quoted else AlignmentStatus.SIMPLIFIED
                    )
                    return metric_from_quantity(
                        self.view,
                        quantity,
                        self.index,
                        Origin.MODEL,
                        status,
                        subject=subject[0].text if subject else None,
                    )
        return None

    def event(self, claim: EventClaim) -> Event | None:
        """Officials named in the text, and a day the text states (resolved as the rules would)."""
        view, aligner = self.view, self.aligner
        names = [
            n
            for n in (aligner.find(name) for name in claim.officials)
            if n is not None and is_plausible_name(view.simplified, n[0].start, n[0].end)
        ]
        if not names:
            return None
        statuses = [s for _, s in names]
        day: date | None = None
        date_span: Span | None = None
        if claim.date_text:
            found = aligner.find(claim.date_text)
            if found is None:
                return None
            date_span, date_status = found
            statuses.append(date_status)
            day = self._resolve_day(date_span)
            if day is None:
                return None
        action = aligner.find(claim.action, fuzzy=True)
        location = aligner.find(claim.location, fuzzy=True)
        return Event(
            date=day,
            date_text=date_span.text if date_span else None,
            officials=list(dict.fromkeys(n.text for n, _ in names)),
            action=action[0].text if action else None,
            location=location[0].text if location else None,
            evidence=date_span or names[0][0],
            section=self.index,
            origin=Origin.MODEL,
            alignment=_weakest(statuses + [a[1] for a in (action, location) if a]),
        )

    def _resolve_day(self, date_span: Span) -> date | None:
        """The day at `date_span`, reading the section's earlier dates first (`28日` after `2月27日`)."""
        simplified = self.view.simplified
        resolver = DateResolver(self.reference)
        target = DATE_PATTERN.search(simplified, date_span.start, date_span.end)
        if target is None:
            return None
        for earlier in DATE_PATTERN.finditer(simplified, self.aligner.start, target.start()):
            resolver.resolve(simplified, earlier)
        return resolver.resolve(simplified, target).day


_STRENGTH = [AlignmentStatus.EXACT, AlignmentStatus.SIMPLIFIED, AlignmentStatus.FUZZY]


def _weakest(statuses: list[AlignmentStatus]) -> AlignmentStatus:
    return max(statuses, key=_STRENGTH.index, default=AlignmentStatus.EXACT)


def _written_beside(aligner: Aligner, post: str, name: str) -> bool:
    """`县委书记孔阳` or `孔阳书记`, or a name further down a list after the post
    (`副主任辛莉、蒋斌、沈江涛`): post and name stand together somewhere in the section."""
    if aligner.find_all(post + name) or aligner.find_all(name + post):
        return True
    text = aligner.view.simplified
    for post_start in aligner.find_all(post):
        after = post_start + len(post)
        stop = min(aligner.end, after + MAX_LIST_CHARS)
        listed = _NAME_LIST.match(text, after, stop)
        if listed and any(item.startswith(name) for item in listed.group().split("、")):
            return True
    return False


def split_posts(titles: list[str]) -> list[str]:
    """Claimed posts, each one alone: `市委常委、市人民政府常务副市长` is two posts."""
    return [part.strip() for title in titles for part in _POST_SEPARATOR.split(title) if part.strip()]


def _plausible_claimed_name(name: str) -> bool:
    """A known surname, then one to three Han characters that are no function words (管旭日, 于洋)."""
    surname = 2 if name[:2] in COMPOUND_SURNAMES else 1 if name[:1] in SINGLE_SURNAMES else 0
    given = name[surname:]
    return bool(surname) and 1 <= len(given) <= 3 and all(is_han(c) and c not in FUNCTION_CHARS for c in given)
