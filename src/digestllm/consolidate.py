"""Per-section records → the document's record lists.

An official named in several sections is one official with every post in its fullest form; a
figure repeated for the same subject is one metric.
"""

from __future__ import annotations

import bisect
import math
from difflib import SequenceMatcher

from digestllm.schemas import Event, Metric, Official, Origin, Section, SectionStatus, Span
from digestllm.text import ScriptView, to_simplified
from digestllm.wordsearch import find_words

STATEMENT_REACH = 40  # characters: two figures this close, both told again, are one statement repeated
DISTINCTIVE_COUNT = 1000  # a count this large (or money, or a decimal) is too specific to recur by chance
SHARED_SUBJECT_CHARS = 3  # subjects sharing this many characters in a row name the same thing


def combine_origins(a: Origin, b: Origin) -> Origin:
    return a if a == b else Origin.BOTH


def fullest_titles(titles: list[str]) -> list[str]:
    """Each post once, in its fullest written form: `区委书记` goes when `前锋区委书记` is there."""
    keyed = [(to_simplified(t).strip(), t) for t in titles if t.strip()]
    # Every proper ending of every post: a post found here is part of a fuller one (linear, not pairwise).
    endings = {key[i:] for key in {key for key, _ in keyed} for i in range(1, len(key))}
    kept: list[str] = []
    seen: set[str] = set()
    for key, title in keyed:
        if key in seen or key in endings:
            continue
        seen.add(key)
        kept.append(title)
    return kept


def consolidate_officials(
    view: ScriptView, officials: list[Official], skip: list[tuple[int, int]] | None = None
) -> list[Official]:
    """One official per name (compared in Simplified script), with every post and every mention
    outside the `skip` ranges (bylines)."""
    merged = OfficialsByName()
    merged.add(officials)
    return merged.consolidated(view, skip)


class OfficialsByName:
    """Officials gathered section by section, one entry per name: what `consolidate_officials` needs of
    each, so a section's per-mention records can be let go once added (a long document's peak memory).
    """

    def __init__(self) -> None:
        self._firsts: dict[str, Official] = {}
        self._titles: dict[str, dict[str, None]] = {}  # each name's posts in order, each once
        self._regions: dict[str, str | None] = {}
        self._origins: dict[str, Origin] = {}

    def add(self, officials: list[Official]) -> None:
        for official in officials:
            key = to_simplified(official.name)
            if key not in self._firsts:
                self._firsts[key], self._titles[key], self._regions[key] = official, {}, None
                self._origins[key] = official.origin
            self._titles[key].update(dict.fromkeys(official.titles))
            self._regions[key] = self._regions[key] or official.region
            self._origins[key] = combine_origins(self._origins[key], official.origin)

    def consolidated(self, view: ScriptView, skip: list[tuple[int, int]] | None = None) -> list[Official]:
        """Each official with its fullest posts and every mention outside the `skip` ranges."""
        mentions = _all_mentions(view, set(self._firsts), sorted(skip or []))
        return [
            first.model_copy(
                update={
                    "titles": fullest_titles(list(self._titles[key])),
                    "region": self._regions[key],
                    "origin": self._origins[key],
                    "mentions": mentions.get(key) or first.mentions,
                }
            )
            for key, first in self._firsts.items()
        ]


def _all_mentions(view: ScriptView, names: set[str], skip: list[tuple[int, int]]) -> dict[str, list[Span]]:
    """Every place each (Simplified) name is written, but inside a longer official's name (李明 in
    李明亮) or in a skipped range (`wordsearch.find_words`: the longest name where several start).
    """
    found: dict[str, list[Span]] = {}
    written: dict[str, str] = {}  # one string per way a name is written, shared by its spans
    for at, end, name in find_words(view.simplified, names):
        if not _skipped(at, skip):
            original = view.original[at:end]
            span = Span(start=at, end=end, text=written.setdefault(original, original))
            found.setdefault(name, []).append(span)
    return found


def _skipped(at: int, skip: list[tuple[int, int]]) -> bool:
    """True when `at` lies in one of the `skip` ranges (sorted, not overlapping: the bylines)."""
    index = bisect.bisect_right(skip, (at, math.inf)) - 1
    return index >= 0 and at < skip[index][1]


def figure_key(metric: Metric) -> tuple[str, str]:
    """The figure as the scorer compares it: value to six significant digits, unit in Simplified."""
    return f"{float(metric.value):.6g}", to_simplified(metric.unit)


def deduplicate_metrics(metrics: list[Metric], headlines: list[tuple[int, int]] | None = None) -> list[Metric]:
    """One metric per figure and subject; evidence points at the first statement.

    A figure told again in the same section is the same fact when the subjects agree: one begins
    with the other, they share a specific phrase (重点项目, 贫困), or one of them is unknown; a
    headline's figure (`headlines`: their spans) is always the body's figure told first. Across
    sections (another leader of a digest) only the first test applies. A statement repeated
    elsewhere ("30个项目…158.2亿元" told again in a quote) is dropped too: two figures that both
    recur side by side, one of them distinctive (money, a decimal, a large count), are the same
    facts said twice; small round counts alone coincide too often to tell.
    """
    kept = _KeptMetrics(headlines or [])
    for metric in _drop_repeated_statements(sorted(metrics, key=lambda m: m.evidence.start)):
        figure = figure_key(metric)
        subject = to_simplified(metric.subject) if metric.subject else ""
        same = kept.first_same(figure, subject, metric)
        if same is not None:
            same.origin = combine_origins(same.origin, metric.origin)
            continue
        kept.add(figure, subject, metric)
    return kept.metrics


class _KeptMetrics:
    """The metrics kept so far, indexed so that finding the first one a new metric repeats costs time
    in proportion to the subject's length, not to the number kept (a 1 MB page repeating one figure
    would otherwise compare every statement with every other).

    `first_same` answers exactly what scanning the kept metrics of the figure in order would: the first
    `m` with `_same_subject(...)` or `_in_headline(m)`. Each index list holds only true matches for the
    lookups that use its head, except the two-character lists, which are checked one by one.
    """

    def __init__(self, headlines: list[tuple[int, int]]) -> None:
        self.metrics: list[Metric] = []
        self._order: dict[int, int] = {}  # id(metric) → its place in `metrics`
        self._lists: dict[tuple[object, ...], list[tuple[str, Metric]]] = {}
        self._headlines = sorted(headlines)
        self._headline_starts = [start for start, _ in self._headlines]

    def add(self, figure: tuple[str, str], subject: str, metric: Metric) -> None:
        self._order[id(metric)] = len(self.metrics)
        self.metrics.append(metric)
        keys: list[tuple[object, ...]] = [(figure, "section", metric.section)]
        if self._in_headline(metric):
            keys.append((figure, "headline"))
        if not subject:
            keys.append((figure, "unknown", metric.section))
        else:
            keys.append((figure, "subject", subject))
            keys += [(figure, "prefix", subject[:length]) for length in range(1, len(subject) + 1)]
            keys += [(figure, "3", metric.section, gram) for gram in _grams(subject, 3)]
            keys += [(figure, "2", metric.section, gram) for gram in _grams(subject, 2) - _GENERIC_SUBJECTS]
        for key in keys:
            self._lists.setdefault(key, []).append((subject, metric))

    def first_same(self, figure: tuple[str, str], subject: str, metric: Metric) -> Metric | None:
        keys: list[tuple[object, ...]] = [(figure, "headline")]
        if not subject:
            keys.append((figure, "section", metric.section))  # an unknown subject agrees with any
        else:
            keys += [(figure, "subject", subject[:length]) for length in range(1, len(subject) + 1)]
            keys += [(figure, "prefix", subject), (figure, "unknown", metric.section)]
            keys += [(figure, "3", metric.section, gram) for gram in _grams(subject, 3)]
        heads = [self._lists[key][0][1] for key in keys if key in self._lists]
        best = min(heads, key=self._place, default=None)
        for gram in _grams(subject, 2) - _GENERIC_SUBJECTS:  # a shared pair: only if it is the longest match
            for kept_subject, kept in self._lists.get((figure, "2", metric.section, gram), []):
                if best is not None and self._place(kept) >= self._place(best):
                    break
                if _same_subject(kept_subject, kept, subject, metric):
                    best = kept
                    break
        return best

    def _place(self, metric: Metric) -> int:
        return self._order[id(metric)]

    def _in_headline(self, metric: Metric) -> bool:
        at = bisect.bisect_right(self._headline_starts, metric.evidence.start) - 1
        return at >= 0 and metric.evidence.start < self._headlines[at][1]


def _grams(text: str, length: int) -> set[str]:
    return {text[i : i + length] for i in range(len(text) - length + 1)}


_GENERIC_SUBJECTS = frozenset({"项目", "企业", "单位", "工作", "人员", "群众", "农户", "资金", "村民", "人口"})


def _same_subject(first: str, kept: Metric, second: str, metric: Metric) -> bool:
    if first and second and (first.startswith(second) or second.startswith(first)):
        return True
    if kept.section != metric.section:
        return False
    if not first or not second:
        return True
    match = SequenceMatcher(None, first, second, autojunk=False).find_longest_match(0, len(first), 0, len(second))
    shared = first[match.a : match.a + match.size]
    return len(shared) >= SHARED_SUBJECT_CHARS or len(shared) == 2 and shared not in _GENERIC_SUBJECTS


def _drop_repeated_statements(metrics: list[Metric], nearby: int = STATEMENT_REACH) -> list[Metric]:
    positions: dict[tuple[str, str], list[int]] = {}
    for metric in metrics:  # in text order
        positions.setdefault(figure_key(metric), []).append(metric.evidence.start)
    repeated = {figure: starts for figure, starts in positions.items() if len(starts) > 1}
    distinctive = {figure: _distinctive(figure) for figure in repeated}
    # Repeated figures by their first occurrence: a figure's partners are found by bisection, so the
    # work grows with the figures near each one, not with all of them (linear, not quadratic).
    by_first = sorted(repeated, key=lambda figure: repeated[figure][0])
    firsts = [repeated[figure][0] for figure in by_first]
    dropped: set[int] = set()
    for figure, starts in repeated.items():
        low = bisect.bisect_left(firsts, starts[0] - nearby)
        high = bisect.bisect_right(firsts, starts[0] + nearby)
        partners = [
            other for other in by_first[low:high] if other != figure and (distinctive[figure] or distinctive[other])
        ]
        for again in starts[1:]:
            if any(_has_near(repeated[other], again, nearby) for other in partners):
                dropped.add(again)
    return [m for m in metrics if m.evidence.start not in dropped]


def _has_near(starts: list[int], position: int, nearby: int) -> bool:
    """True when a later occurrence (not the first) in sorted `starts` lies within `nearby` of `position`."""
    index = bisect.bisect_left(starts, position - nearby, lo=1)
    return index < len(starts) and starts[index] <= position + nearby


def _distinctive(figure: tuple[str, str]) -> bool:
    value = float(figure[0])
    return value != int(value) or value >= DISTINCTIVE_COUNT or figure[1] == "元"


def order_events(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: e.evidence.start)


def fallback_warning(sections: list[Section]) -> str | None:
    """The document-level word on a model run whose asked sections all fell back to the rules, or None.

    A section was asked when it has usage; the first fallback's reason says what went wrong.
    """
    asked = [section for section in sections if section.usage is not None]
    fallen = [section for section in asked if section.status is SectionStatus.FALLBACK]
    if not asked or len(fallen) < len(asked):
        return None
    reason = fallen[0].warnings[0].removeprefix("rules used instead of the model: ") if fallen[0].warnings else "?"
    return (
        f"the model answered none of the {len(asked)} section(s) it was asked for: the rules extracted them all "
        f"(first reason: {reason})"
    )
