"""An event's action: the activity verb with its whole object, up to the clause's end.

`深入部分企业，督导调研疫情防控、复工复产复业工作` → `督导调研疫情防控、复工复产复业工作`: a verb of
motion (深入, 前往) leads to the place, the activity comes after it; a list joined by 、 stays whole.
`主持会议` after `区政协召开三届十六次主席会议` is that meeting: a generic object (会议, 仪式,
活动) is replaced by the named occasion the section told before (`召开三届十六次主席会议`).
"""

from __future__ import annotations

import re

from digestllm.rules.lexicon import ACTIVITY_VERBS, GENERIC_OCCASIONS, MOTION_VERBS, alternation

_ACTIVITY = re.compile(alternation(ACTIVITY_VERBS))
_MOTION = frozenset(MOTION_VERBS)
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?\n]")
# `调研时强调`, `听取汇报后指出`: what follows is speech about the activity, not the activity.
_SPEECH_AFTER = re.compile(r"(?:时|后|期间|过程中|中)(?=[，,]?(?:强调|指出|表示|要求|说|提出|希望))")
# Only a chaired meeting stands for the meeting named before (主持会议 → 召开三届十六次主席会议); an
# attended ceremony stays as written (出席仪式).
_GENERIC_OBJECT = re.compile(r"(?:会议|大会)(?:并(?:讲话|致辞|作总结讲话))?$")
_OCCASION = re.compile(
    r"(?:(?P<verb>召开|举行|举办|开展|组织召开|组织开展|主持召开)(?P<named>[^，,。；;：:！!？?\n]{2,40}?)"
    r"|(?<=[，,。；;：:！!？?\n”\s])(?P<bare>[^，,。；;：:！!？?\n“”]{4,40}?))(?:"
    + alternation(GENERIC_OCCASIONS)
    + r")"
)
MAX_ACTION_CHARS = 80  # a longer clause is cut at its last 、 within the limit


def action_span(simplified: str, start: int, end: int, section_start: int) -> tuple[int, int] | None:
    """The action of the event told in `simplified[start:end]` (a sentence, from its first official on)."""
    verb = _activity_verb(simplified, start, end)
    if verb is None:
        return None
    stop = _clause_end(simplified, verb.start(), end)
    named = _named_occasion(simplified, verb.end(), stop, section_start)
    return named or (verb.start(), stop)


def _activity_verb(simplified: str, start: int, end: int) -> re.Match[str] | None:
    """The first activity verb that is no verb of motion, else the first verb of motion."""
    first: re.Match[str] | None = None
    for verb in _ACTIVITY.finditer(simplified, start, end):
        if verb.group() not in _MOTION:
            return verb
        first = first or verb
    return first


def _clause_end(simplified: str, start: int, end: int) -> int:
    brk = _CLAUSE_END.search(simplified, start, end)
    stop = brk.start() if brk else end
    speech = _SPEECH_AFTER.search(simplified, start, stop)
    if speech is not None:
        stop = speech.start()
    if stop - start > MAX_ACTION_CHARS:
        cut = simplified.rfind("、", start, start + MAX_ACTION_CHARS)
        stop = cut if cut > start else start + MAX_ACTION_CHARS
    return stop


def _named_occasion(simplified: str, object_start: int, stop: int, section_start: int) -> tuple[int, int] | None:
    """The occasion the section named before, when the object is a bare `会议`, `仪式`, `活动`."""
    if not _GENERIC_OBJECT.match(simplified, object_start, stop):
        return None
    found: tuple[int, int] | None = None
    for occasion in _OCCASION.finditer(simplified, section_start, object_start):
        found = occasion.span("verb")[0] if occasion.group("verb") else occasion.start("bare"), occasion.end()
    return found
