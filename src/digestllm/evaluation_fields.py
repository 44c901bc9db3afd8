"""The descriptive fields of ANNOTATION.md ("Descriptive fields"), scored as hit rates.

They are scored on the records the extractor found: officials matched by name (`region`), events
by (date, name) pair (`action`, `location`, `kind`), metrics by (value, unit) (`subject`). `region`
and `kind` must be equal; a phrase is a hit when it shares at least half its characters with the
gold phrase (character F1 ≥ 0.5, after t2s), and a null gold wants a null answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FIELDS: tuple[str, ...] = ("region", "action", "location", "kind", "subject")
PHRASE_HIT_F1 = 0.5

Record = Mapping[str, Any]


@dataclass(frozen=True)
class Hits:
    """How many matched records got one descriptive field right, of how many were scored."""

    hit: int = 0
    total: int = 0

    def __add__(self, other: Hits) -> Hits:
        return Hits(self.hit + other.hit, self.total + other.total)

    @property
    def rate(self) -> float | None:
        """hit / total, or None when no record was scored."""
        return self.hit / self.total if self.total else None


def character_f1(gold: str, predicted: str) -> float:
    """F1 over the characters of two normalised phrases (as bags); 1.0 when both are empty."""
    g, p = Counter(gold), Counter(predicted)
    if not g and not p:
        return 1.0
    shared = sum((g & p).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(p.values()), shared / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def phrase_hit(gold: str, predicted: str) -> bool:
    """A free-text field is right when it shares half its characters with gold; null gold wants null."""
    if not gold:
        return not predicted
    return bool(predicted) and character_f1(gold, predicted) >= PHRASE_HIT_F1


def field_hits(gold: Record, pred: Record, normalise: Any, value_key: Any) -> dict[str, Hits]:
    """The descriptive-field hits of one document (`normalise`, `value_key` as the scorer's)."""
    marks: dict[str, list[bool]] = {name: [] for name in FIELDS}
    _official_marks(gold, pred, normalise, marks)
    _event_marks(gold, pred, normalise, marks)
    _metric_marks(gold, pred, normalise, value_key, marks)
    return {name: Hits(sum(found), len(found)) for name, found in marks.items()}


def _official_marks(gold: Record, pred: Record, normalise: Any, marks: dict[str, list[bool]]) -> None:
    predicted = {normalise(o.get("name")): o for o in pred.get("officials") or [] if o.get("name")}
    for official in gold.get("officials") or []:
        found = predicted.get(normalise(official.get("name")))
        if found is not None:
            marks["region"].append(normalise(official.get("region")) == normalise(found.get("region")))


def _event_marks(gold: Record, pred: Record, normalise: Any, marks: dict[str, list[bool]]) -> None:
    by_pair: dict[tuple[str, str], list[Record]] = {}
    for event in pred.get("events") or []:
        for name in event.get("officials") or []:
            name = name.get("name") if isinstance(name, dict) else name
            by_pair.setdefault((str(event.get("date")), normalise(name)), []).append(event)
    for event in gold.get("events") or []:
        for name in event.get("officials") or []:
            found = by_pair.get((str(event.get("date")), normalise(name)))
            if not found:
                continue
            for key in ("action", "location"):
                gold_phrase = normalise(event.get(key))
                marks[key].append(any(phrase_hit(gold_phrase, normalise(f.get(key))) for f in found))
            if event.get("kind"):
                marks["kind"].append(any(f.get("kind") == event["kind"] for f in found))


def _metric_marks(gold: Record, pred: Record, normalise: Any, value_key: Any, marks: dict[str, list[bool]]) -> None:
    by_key: dict[tuple[str, str], list[Record]] = {}
    for metric in pred.get("metrics") or []:
        by_key.setdefault((value_key(metric.get("value")), normalise(metric.get("unit"))), []).append(metric)
    for metric in gold.get("metrics") or []:
        found = by_key.get((value_key(metric.get("value")), normalise(metric.get("unit"))))
        if found and metric.get("subject"):
            marks["subject"].append(phrase_hit(normalise(metric["subject"]), normalise(found.pop(0).get("subject"))))
