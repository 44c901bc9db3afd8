"""The model's filled-in skeleton → records: each phrase it gives must be found in the text.

For the `slots` task the model returns, per event of the rules' skeleton, an action, a location and a
kind, and per figure a subject. An action must lie in the event's own sentence; a location and a
subject in the section. Alignment is exact, in Simplified script, or (for these free-text fields)
fuzzy, as in `grounding`; a kind must be one of the guide's seven. What cannot be found is dropped
and counted; the records keep the rules' spans, names and figures untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from digestllm.grounding import Aligner, GroundingReport, OfficialClaim, SectionGrounder
from digestllm.records import SectionRecords
from digestllm.schemas import Event, EventKind, Metric, Origin
from digestllm.text import ScriptView


@dataclass(frozen=True)
class EventSlotClaim:
    event: int  # the skeleton event's position in its section, from 0
    action: str | None = None
    location: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class MetricSlotClaim:
    metric: int  # the skeleton metric's position in its section, from 0
    subject: str | None = None


@dataclass(frozen=True)
class SlotClaims:
    """What a model claims about one section's skeleton, before any of it is checked."""

    events: list[EventSlotClaim] = field(default_factory=list)
    metrics: list[MetricSlotClaim] = field(default_factory=list)
    officials: list[OfficialClaim] = field(default_factory=list)


def ground_slots(
    view: ScriptView,
    index: int,
    bounds: tuple[int, int],
    skeleton: SectionRecords,
    claims: SlotClaims,
    reference: date | None,
) -> GroundingReport:
    """The skeleton's events and metrics with the model's grounded fields, and its grounded officials."""
    start, end = bounds
    report = GroundingReport(SectionRecords())
    aligner = Aligner(view, start, end)
    for claim in claims.events:
        event = _event(view, aligner, skeleton.events, claim, report.dropped)
        if event is not None:
            report.records.events.append(event)
    for metric_claim in claims.metrics:
        metric = _metric(aligner, skeleton.metrics, metric_claim, report.dropped)
        if metric is not None:
            report.records.metrics.append(metric)
    grounder = SectionGrounder(view, index, start, end, reference)
    for official_claim in claims.officials:
        official = grounder.official(official_claim)
        if official is None:
            report.dropped.append(f"official {official_claim.name!r}")
        else:
            report.records.officials.append(official)
    return report


def _event(
    view: ScriptView, aligner: Aligner, events: list[Event], claim: EventSlotClaim, dropped: list[str]
) -> Event | None:
    if not 0 <= claim.event < len(events):
        dropped.append(f"event E{claim.event + 1} (no such event)")
        return None
    rules = events[claim.event]
    sentence = Aligner(view, rules.evidence.start, rules.evidence.end)
    action = sentence.find(claim.action, fuzzy=True)
    location = aligner.find(claim.location, fuzzy=True)
    for name, quoted, found in (("action", claim.action, action), ("location", claim.location, location)):
        if quoted and found is None:
            dropped.append(f"{name} {quoted!r} of E{claim.event + 1}")
    kind = EventKind(claim.kind) if claim.kind in EventKind._value2member_map_ else None
    return rules.model_copy(
        update={
            "action": action[0].text if action else None,
            "location": location[0].text if location else None,
            "kind": kind or EventKind.OTHER,
            "origin": Origin.MODEL,
        }
    )


def _metric(aligner: Aligner, metrics: list[Metric], claim: MetricSlotClaim, dropped: list[str]) -> Metric | None:
    if not 0 <= claim.metric < len(metrics):
        dropped.append(f"metric M{claim.metric + 1} (no such figure)")
        return None
    subject = aligner.find(claim.subject, fuzzy=True)
    if claim.subject and subject is None:
        dropped.append(f"subject {claim.subject!r} of M{claim.metric + 1}")
    return metrics[claim.metric].model_copy(
        update={"subject": subject[0].text if subject else None, "origin": Origin.MODEL}
    )
