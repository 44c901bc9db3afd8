"""Events: what officials did, and on which day.

A sentence makes an event when an official takes part in it (is not merely cited as the source of
instructions) and it carries a day or an activity verb. The day comes from the sentence, or from
the last day stated earlier in the same section (`2月27日，…抵达。他们出发时，文建平…送行。`).
Within a section, events of the same day are one event; an undated event of an official who has a
dated one in the section is the same activity told again and is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from digestllm.rules.dates import DATE_PATTERN, DateResolver
from digestllm.rules.lexicon import ACTIVITY_VERBS, CITED_NOUNS, CITING_VERBS, SPEECH_VERBS, VAGUE_TIMES, alternation

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")
_ACTIVITY = re.compile(alternation(ACTIVITY_VERBS))
_VAGUE = re.compile(alternation(VAGUE_TIMES))
_SPEECH = re.compile(alternation(SPEECH_VERBS))
_CITING = re.compile(alternation(CITING_VERBS))
_CITED_AFTER = re.compile(alternation(CITED_NOUNS))
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_ACTION_END = re.compile(r"[，,。；;：:！!？?、“”\s]")
_LOCATION = re.compile(
    r"(?:在|到|赴|前往|来到|走进|深入)(?P<place>[^，,。；;：:、“”\s]{2,24}?)(?=" + _ACTIVITY.pattern + r"|[，,。；;])"
)
_MAX_ACTION = 16


@dataclass
class EventDraft:
    day: date | None
    date_span: tuple[int, int] | None
    officials: list[str]  # Simplified names, in order of appearance
    evidence: tuple[int, int]  # the sentence
    action: tuple[int, int] | None
    location: tuple[int, int] | None
    name_spans: dict[str, tuple[int, int]] = field(default_factory=dict)


class NameFinder:
    """Finds the known officials' names in a stretch of the Simplified text."""

    def __init__(self, names: list[str]) -> None:
        ordered = sorted(set(names), key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(n) for n in ordered)) if ordered else None

    def find(self, simplified: str, start: int, end: int) -> list[re.Match[str]]:
        if self._pattern is None:
            return []
        return list(self._pattern.finditer(simplified, start, end))


def find_events(simplified: str, start: int, end: int, names: NameFinder, resolver: DateResolver) -> list[EventDraft]:
    drafts: list[EventDraft] = []
    context_day: date | None = None
    context_span: tuple[int, int] | None = None
    dates = list(DATE_PATTERN.finditer(simplified, start, end))  # one scan of the section, read sentence by sentence
    next_date = 0
    for sentence in _SENTENCE.finditer(simplified, start, end):
        s_start, s_end = sentence.span()
        in_sentence = []
        while next_date < len(dates) and dates[next_date].start() < s_end:
            in_sentence.append(dates[next_date])
            next_date += 1
        event_days = [m for m in (resolver.resolve(simplified, d) for d in in_sentence) if m.is_event_day]
        participants = [
            m for m in names.find(simplified, s_start, s_end) if not _is_cited(simplified, m, s_start, s_end)
        ]
        if event_days:
            # Of several days, the last one told before the officials appear: "22日至23日…并于23日上午，市委书记…"
            first_official = participants[0].start() if participants else s_end
            day = ([d for d in event_days if d.start < first_official] or event_days)[-1]
            context_day, context_span = day.day, (day.start, day.end)
        elif _VAGUE.search(simplified, s_start, s_end):
            context_day, context_span = None, None
        if not participants:
            continue
        activity = _ACTIVITY.search(simplified, participants[0].start(), s_end) or _ACTIVITY.search(
            simplified, s_start, s_end
        )
        speaks_on_a_told_day = context_day is not None and _SPEECH.search(simplified, participants[0].end(), s_end)
        if activity is None and not event_days and not speaks_on_a_told_day:
            continue
        officials = list(dict.fromkeys(m.group() for m in participants))
        drafts.append(
            EventDraft(
                day=context_day,
                date_span=context_span,
                officials=officials,
                evidence=(s_start, s_end),
                action=_action_span(simplified, activity, s_end) if activity else None,
                location=_location_span(simplified, s_start, s_end),
                name_spans={m.group(): m.span() for m in participants},
            )
        )
    return _merge_same_day(drafts)


def _is_cited(simplified: str, name: re.Match[str], s_start: int, s_end: int) -> bool:
    """`贯彻落实武国定副省长…指示精神`: the official is the source of instructions, not a participant."""
    clause_start = s_start
    for brk in _CLAUSE_BREAK.finditer(simplified, s_start, name.start()):
        clause_start = brk.end()
    if not _CITING.search(simplified, clause_start, name.start()):
        return False
    return _CITED_AFTER.search(simplified, name.end(), s_end) is not None


def _action_span(simplified: str, activity: re.Match[str], s_end: int) -> tuple[int, int]:
    end = activity.end()
    limit = min(s_end, activity.start() + _MAX_ACTION)
    while end < limit and not _ACTION_END.match(simplified, end):
        end += 1
    return activity.start(), end


def _location_span(simplified: str, s_start: int, s_end: int) -> tuple[int, int] | None:
    match = _LOCATION.search(simplified, s_start, s_end)
    return match.span("place") if match else None


def _merge_same_day(drafts: list[EventDraft]) -> list[EventDraft]:
    by_day: dict[date | None, EventDraft] = {}
    for draft in drafts:
        kept = by_day.get(draft.day)
        if kept is None:
            by_day[draft.day] = draft
            continue
        for name in draft.officials:
            if name not in kept.officials:
                kept.officials.append(name)
                kept.name_spans[name] = draft.name_spans[name]
        kept.action = kept.action or draft.action
        kept.location = kept.location or draft.location
    undated = by_day.pop(None, None)
    if undated is not None:
        dated_officials = {name for d in by_day.values() for name in d.officials}
        undated.officials = [name for name in undated.officials if name not in dated_officials]
        if undated.officials:
            by_day[None] = undated
    return sorted(by_day.values(), key=lambda d: d.evidence[0])
