"""Per-section records → the document's record lists.

An official named in several sections is one official with every post in its fullest form; a
figure repeated for the same subject is one metric.
"""

from __future__ import annotations

from digestllm.schemas import Event, Metric, Official, Origin, Span
from digestllm.text import ScriptView, to_simplified


def combine_origins(a: Origin, b: Origin) -> Origin:
    return a if a == b else Origin.BOTH


def fullest_titles(titles: list[str]) -> list[str]:
    """Each post once, in its fullest written form: `区委书记` goes when `前锋区委书记` is there."""
    keyed = [(to_simplified(t).strip(), t) for t in titles if t.strip()]
    kept: list[str] = []
    seen: set[str] = set()
    for key, title in keyed:
        if key in seen or any(other != key and other.endswith(key) for other, _ in keyed):
            continue
        seen.add(key)
        kept.append(title)
    return kept


def consolidate_officials(view: ScriptView, officials: list[Official]) -> list[Official]:
    merged: dict[str, Official] = {}
    for official in officials:
        key = to_simplified(official.name)
        kept = merged.get(key)
        if kept is None:
            merged[key] = official.model_copy(update={"titles": list(official.titles)})
            continue
        kept.titles = kept.titles + official.titles
        kept.region = kept.region or official.region
        kept.origin = combine_origins(kept.origin, official.origin)
    for key, official in merged.items():
        official.titles = fullest_titles(official.titles)
        official.mentions = _all_mentions(view, key) or official.mentions
    return list(merged.values())


def _all_mentions(view: ScriptView, simplified_name: str) -> list[Span]:
    spans: list[Span] = []
    at = view.simplified.find(simplified_name)
    while at != -1 and simplified_name:
        end = at + len(simplified_name)
        spans.append(Span(start=at, end=end, text=view.original[at:end]))
        at = view.simplified.find(simplified_name, end)
    return spans


def metric_key(metric: Metric) -> tuple[str, str, str]:
    subject = to_simplified(metric.subject or f"@{metric.evidence.start}")
    return f"{float(metric.value):.6g}", to_simplified(metric.unit), subject


def deduplicate_metrics(metrics: list[Metric]) -> list[Metric]:
    """One metric per figure, unit and subject; evidence points at the first statement."""
    kept: dict[tuple[str, str, str], Metric] = {}
    for metric in sorted(metrics, key=lambda m: m.evidence.start):
        key = metric_key(metric)
        if key in kept:
            kept[key].origin = combine_origins(kept[key].origin, metric.origin)
        else:
            kept[key] = metric
    return list(kept.values())


def order_events(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: e.evidence.start)
