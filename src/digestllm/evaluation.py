"""Scoring an extraction against gold annotations, as `shared/ANNOTATION.md` defines it.

This is the project's own implementation of the reference scorer `shared/tools/score.py`; the test
suite holds the two equal on the dev corpus. Gold and predictions are plain dicts: a gold file as
loaded from JSON, and a prediction as `DigestResult.model_dump(mode="json")`.

- Strings compare after Traditional→Simplified conversion and whitespace removal.
- officials: the set of names; titles: per matched official, the set of titles.
- metrics: the multiset of (value, unit); gold `optional_metrics` are neither hit nor miss.
- events: the set of (date, official name) pairs.
- descriptive fields (`region`, `action`, `location`, `kind`, `subject`): hit rates on the records
  both sides share, and their mean `fields_hit` (see `evaluation_fields`).
- overall: the mean of the officials, metrics and events F1 (titles are reported, not averaged in).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digestllm.evaluation_fields import FIELDS, Hits, field_hits
from digestllm.text import to_simplified

RecordList = list[dict[str, Any]]
"""A list of records (officials, metrics or events) as they appear in JSON."""

SCORED_TYPES: tuple[str, ...] = ("officials", "titles", "metrics", "events")
"""Every figure reported, in report order."""

AVERAGED_TYPES: tuple[str, ...] = ("officials", "metrics", "events")
"""The figures whose F1 makes up `overall_f1`."""


@dataclass(frozen=True)
class Tally:
    """True positives, false positives and false negatives of one record type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @classmethod
    def compare(cls, gold: Counter[Any], predicted: Counter[Any], ignored: Counter[Any] | None = None) -> Tally:
        """Multiset comparison; predictions beyond gold that `ignored` covers are not false positives."""
        extra = predicted - gold
        if ignored:
            extra -= ignored
        return cls(
            tp=sum((gold & predicted).values()),
            fp=sum(extra.values()),
            fn=sum((gold - predicted).values()),
        )

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """tp / predicted; 1.0 when nothing was predicted and nothing was missed, else 0.0 when empty."""
        predicted = self.tp + self.fp
        if predicted:
            return self.tp / predicted
        return 0.0 if self.fn else 1.0

    @property
    def recall(self) -> float:
        """tp / gold; 1.0 when there is no gold."""
        gold = self.tp + self.fn
        return self.tp / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class _TypeTallies:
    """What a document score and a corpus score share: one `Tally` attribute per scored type."""

    officials: Tally
    titles: Tally
    metrics: Tally
    events: Tally
    fields: dict[str, Hits]

    def tallies(self) -> dict[str, Tally]:
        """Every tally by type name, in `SCORED_TYPES` order."""
        return {label: getattr(self, label) for label in SCORED_TYPES}

    @property
    def overall_f1(self) -> float:
        """The mean F1 of officials, metrics and events."""
        tallies = self.tallies()
        return sum(tallies[label].f1 for label in AVERAGED_TYPES) / len(AVERAGED_TYPES)

    @property
    def fields_hit(self) -> float | None:
        """The mean hit rate of the descriptive fields that were scored at all."""
        rates = [rate for hits in self.fields.values() if (rate := hits.rate) is not None]
        return sum(rates) / len(rates) if rates else None


@dataclass(frozen=True)
class DocumentScore(_TypeTallies):
    """The tallies of one document."""

    officials: Tally
    titles: Tally
    metrics: Tally
    events: Tally
    fields: dict[str, Hits] = field(default_factory=dict)


@dataclass(frozen=True)
class CorpusScore(_TypeTallies):
    """Micro-averaged tallies over a corpus (sums of the per-document tallies), and each document's."""

    officials: Tally
    titles: Tally
    metrics: Tally
    events: Tally
    fields: dict[str, Hits] = field(default_factory=dict)
    documents: dict[str, DocumentScore] = field(default_factory=dict)


def normalise(value: object) -> str:
    """Simplified script, whitespace removed; a missing or falsy value is the empty string."""
    text = str(value) if value else ""
    return "".join(to_simplified(text).split())


def value_key(value: object) -> str:
    """A metric value as compared: six significant digits (`7.6e7` and `76000000` agree).

    A value that is not a finite number keeps its own text behind a `?`, so it matches only itself.
    """
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return f"?{value}"
    if not math.isfinite(number):
        return f"?{value}"
    return f"{number:.6g}"


def official_names(officials: RecordList) -> Counter[Any]:
    """The set of normalised names of the officials that have a name."""
    return Counter({normalise(o["name"]) for o in officials if o.get("name")})


def titles_by_name(officials: RecordList) -> dict[str, Counter[Any]]:
    """Each official's set of normalised titles, merged across records with the same name."""
    titles: dict[str, Counter[Any]] = {}
    for official in officials:
        name = normalise(official.get("name"))
        if name:
            found = {normalise(t) for t in official.get("titles") or [] if t}
            titles.setdefault(name, Counter()).update(found)
    return titles


def metric_keys(metrics: RecordList) -> Counter[Any]:
    """The multiset of (value key, normalised unit)."""
    return Counter((value_key(m.get("value")), normalise(m.get("unit"))) for m in metrics)


def event_pairs(events: RecordList) -> Counter[Any]:
    """The set of (date, official name) pairs; a missing date is the string `"None"`.

    An event's official may be a name or a nested official record, whose name is used.
    """
    pairs: set[tuple[str, str]] = set()
    for event in events:
        for official in event.get("officials") or []:
            name = official.get("name") if isinstance(official, dict) else official
            pairs.add((str(event.get("date")), normalise(name)))
    return Counter(pairs)


def _records(document: Mapping[str, Any], key: str) -> RecordList:
    return list(document.get(key) or [])


def _titles_tally(gold: RecordList, predicted: RecordList) -> Tally:
    """Titles compared per official present on both sides; other officials do not count."""
    gold_titles, predicted_titles = titles_by_name(gold), titles_by_name(predicted)
    tally = Tally()
    for name in gold_titles.keys() & predicted_titles.keys():
        tally += Tally.compare(gold_titles[name], predicted_titles[name])
    return tally


def score_document(gold: dict[str, Any], pred: dict[str, Any]) -> DocumentScore:
    """Compare one prediction with its gold annotation."""
    gold_officials, pred_officials = _records(gold, "officials"), _records(pred, "officials")
    return DocumentScore(
        officials=Tally.compare(official_names(gold_officials), official_names(pred_officials)),
        titles=_titles_tally(gold_officials, pred_officials),
        metrics=Tally.compare(
            metric_keys(_records(gold, "metrics")),
            metric_keys(_records(pred, "metrics")),
            ignored=metric_keys(_records(gold, "optional_metrics")),
        ),
        events=Tally.compare(event_pairs(_records(gold, "events")), event_pairs(_records(pred, "events"))),
        fields=field_hits(gold, pred, normalise, value_key),
    )


def score_corpus(pairs: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> CorpusScore:
    """Score (name, gold, prediction) triples; names must be unique."""
    documents: dict[str, DocumentScore] = {}
    for name, gold, pred in pairs:
        if name in documents:
            raise ValueError(f"document {name!r} scored twice")
        documents[name] = score_document(gold, pred)
    totals = {label: sum((d.tallies()[label] for d in documents.values()), Tally()) for label in SCORED_TYPES}
    fields = {name: sum((d.fields[name] for d in documents.values()), Hits()) for name in FIELDS}
    return CorpusScore(**totals, fields=fields, documents=documents)


def load_gold_corpus(directory: Path) -> list[tuple[str, dict[str, Any], str]]:
    """(name, gold, text) for every `NAME.gold.json` in `directory` with `NAME.txt` beside it, by name."""
    corpus: list[tuple[str, dict[str, Any], str]] = []
    for gold_path in sorted(Path(directory).glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        text_path = gold_path.with_name(f"{name}.txt")
        if text_path.is_file():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            corpus.append((name, gold, text_path.read_text(encoding="utf-8")))
    return corpus


def _tally_line(label: str, tally: Tally) -> str:
    return (
        f"{label:9s} precision={tally.precision:.3f} recall={tally.recall:.3f} f1={tally.f1:.3f}"
        f"  (tp={tally.tp} fp={tally.fp} fn={tally.fn})"
    )


def _document_line(name: str, score: DocumentScore) -> str:
    cells = (f"{label} f1={t.f1:.2f} (tp={t.tp} fp={t.fp} fn={t.fn})" for label, t in score.tallies().items())
    return f"{name}: " + "  ".join(cells)


def format_report(score: CorpusScore | DocumentScore) -> str:
    """Per-document lines (for a corpus), then precision/recall/F1 with counts per type, then `overall_f1=`."""
    documents = score.documents if isinstance(score, CorpusScore) else {}
    lines = [_document_line(name, doc) for name, doc in documents.items()]
    lines += [_tally_line(label, tally) for label, tally in score.tallies().items()]
    lines += [
        f"{name:9s} hit={hits.rate:.3f}  ({hits.hit} of {hits.total} matched records)"
        for name, hits in score.fields.items()
        if hits.rate is not None
    ]
    if score.fields_hit is not None:
        lines.append(f"fields_hit={score.fields_hit:.3f}")
    lines.append(f"overall_f1={score.overall_f1:.3f}")
    return "\n".join(lines)
