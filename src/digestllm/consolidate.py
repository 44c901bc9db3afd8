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
    """One metric per figure and subject; evidence points at the first statement.

    Subjects are the same when one begins with the other (`农民工` and `农民工抵达湖州`). A statement
    repeated elsewhere ("30个项目…158.2亿元" told again in a quote) is dropped too: two figures that
    both recur side by side, one of them distinctive (money, a decimal, a large count), are the same
    facts said twice; small round counts alone coincide too often to tell.
    """
    kept: list[Metric] = []
    for metric in sorted(metrics, key=lambda m: m.evidence.start):
        same = next((k for k in kept if _same_fact(k, metric)), None)
        if same is None:
            kept.append(metric)
        else:
            same.origin = combine_origins(same.origin, metric.origin)
    return _drop_repeated_statements(kept)


def _same_fact(a: Metric, b: Metric) -> bool:
    if metric_key(a)[:2] != metric_key(b)[:2] or not a.subject or not b.subject:
        return False
    first, second = to_simplified(a.subject), to_simplified(b.subject)
    return first.startswith(second) or second.startswith(first)


def _drop_repeated_statements(metrics: list[Metric], nearby: int = 40) -> list[Metric]:
    by_figure: dict[tuple[str, str], list[Metric]] = {}
    for metric in metrics:
        by_figure.setdefault(metric_key(metric)[:2], []).append(metric)
    repeated = [occurrences for occurrences in by_figure.values() if len(occurrences) > 1]
    dropped: set[int] = set()
    for occurrences in repeated:
        first, later = occurrences[0], occurrences[1:]
        for other in repeated:
            if other is occurrences or not (_distinctive(first) or _distinctive(other[0])):
                continue
            if abs(other[0].evidence.start - first.evidence.start) > nearby:
                continue
            for again in later:
                if any(abs(o.evidence.start - again.evidence.start) <= nearby for o in other[1:]):
                    dropped.add(id(again))
    return [m for m in metrics if id(m) not in dropped]


def _distinctive(metric: Metric) -> bool:
    value = float(metric.value)
    return value != int(value) or value >= 1000 or to_simplified(metric.unit) == "元"


def order_events(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: e.evidence.start)
