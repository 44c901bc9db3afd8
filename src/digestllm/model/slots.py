"""The `slots` task: the rules' skeleton of a section, shown to the model, and its answer as claims.

The skeleton names the officials the rules found with their posts, each event (E1, E2, …) with its
day and officials, and each figure (M1, M2, …) as written; the model fills in actions, places,
kinds and subjects. A long section goes in pieces, each with the events and figures inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from digestllm.grounding import OfficialClaim
from digestllm.grounding_slots import EventSlotClaim, MetricSlotClaim, SlotClaims
from digestllm.model.response import SectionSlots
from digestllm.records import SectionRecords


@dataclass(frozen=True)
class SlotPiece:
    """One piece of a section sent to the model: its text and the skeleton items inside it."""

    text: str
    skeleton: str
    events: list[int]  # positions in the section's skeleton, in the order numbered E1, E2, …
    metrics: list[int]  # likewise for M1, M2, …


def slot_pieces(section_text: str, offset: int, skeleton: SectionRecords, limit: int) -> list[SlotPiece]:
    """The section in pieces of about `limit` characters, cut after sentence ends, each with its skeleton."""
    pieces = []
    for start, end in _piece_bounds(section_text, limit):
        events = [i for i, e in enumerate(skeleton.events) if start <= e.evidence.start - offset < end]
        metrics = [i for i, m in enumerate(skeleton.metrics) if start <= m.evidence.start - offset < end]
        text = section_text[start:end]
        pieces.append(SlotPiece(text, render_skeleton(text, skeleton, events, metrics), events, metrics))
    return [p for p in pieces if p.text.strip()]


def render_skeleton(text: str, skeleton: SectionRecords, events: list[int], metrics: list[int]) -> str:
    """`Officials: …`, then `E1: day …; officials …`, then `M1: 343名`."""
    officials = [o for o in skeleton.officials if o.name in text]
    lines = []
    if officials:
        named = {o.name: "、".join(o.titles) for o in officials}
        lines.append("Officials: " + ", ".join(f"{n} ({t})" if t else n for n, t in named.items()))
    for number, position in enumerate(events, start=1):
        event = skeleton.events[position]
        day = event.date_text or "not given"
        lines.append(f"E{number}: day {day}; officials {'、'.join(event.officials)}")
    for number, position in enumerate(metrics, start=1):
        lines.append(f"M{number}: {skeleton.metrics[position].raw}")
    return "\n".join(lines) or "nothing"


def slot_claims(answer: SectionSlots, piece: SlotPiece) -> SlotClaims:
    """The model's answer for one piece as claims on the section's skeleton (numbers → positions)."""
    return SlotClaims(
        events=[
            EventSlotClaim(piece.events[slot.event - 1], slot.action, slot.location, slot.kind)
            if 1 <= slot.event <= len(piece.events)
            else EventSlotClaim(-1)
            for slot in answer.events
        ],
        metrics=[
            MetricSlotClaim(piece.metrics[slot.metric - 1], slot.subject)
            if 1 <= slot.metric <= len(piece.metrics)
            else MetricSlotClaim(-1)
            for slot in answer.metrics
        ],
        officials=[OfficialClaim(o.name, list(o.titles)) for o in answer.missed_officials],
    )


def combine(claims: list[SlotClaims]) -> SlotClaims:
    return SlotClaims(
        events=[e for c in claims for e in c.events],
        metrics=[m for c in claims for m in c.metrics],
        officials=[o for c in claims for o in c.officials],
    )


def _piece_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    if len(text) <= limit:
        return [(0, len(text))]
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        cut = max(text.rfind(mark, start, end) for mark in "。！？!?\n")
        if end < len(text) and cut > start:
            end = cut + 1
        bounds.append((start, end))
        start = end
    return bounds
