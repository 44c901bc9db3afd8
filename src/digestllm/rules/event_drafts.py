"""An event as the reader drafts it from a sentence, and how the drafts of one activity become one event.

Sentences of one day that share an official, join the activity told before, add no action or kind of their own,
or are of the same kind in one paragraph tell one event; the same officials at two places named apart, or others
of one sentence doing their own thing at their own place, tell two. An undated draft of officials who have a
dated one in the section told that activity already and is dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from digestllm.rules.actions import best_action, is_bare, only_goes
from digestllm.rules.lexicon import GENERIC_OCCASIONS, ITEM_MARKS
from digestllm.schemas import EventKind

Span = tuple[int, int]

MERGE_WINDOW = 32  # the latest events of a day a sentence may join
_LINE_BREAK = re.compile("\n")
# Attending an activity named by its verb: 参加会见, 出席签约, 陪同考察
_ATTENDS = re.compile(r"(?:参加|出席|列席|陪同|一同参加)了?(?P<verb>[\u4e00-\u9fff]{2})(?:活动)?")
_ATTENDING = ("陪同", "一同", "参加", "出席", "随同")
_TOUR_PLACE = re.compile(r"[我本全该][省市县区镇乡村]")  # the writer's own place: a tour of it
_STOP_LISTS = ("等地", "等处", "等乡镇", "等村", "等企业", "等单位")
# A chronicle's line opens with its day and a space: `2日 市长…`, `是日 …`
_CHRONICLE_DAY = re.compile(r"[ \t\u3000]*(?:[0-9０-９]{1,2}日|是日|同日|当日)[ \t\u3000]")
_ITEM_MARK_SET = frozenset(ITEM_MARKS)
_FIRST_CHARACTER = re.compile(r"\s*(\S)")


@dataclass
class EventDraft:
    day: date | None
    date_span: Span | None
    officials: list[str]  # Simplified names, in order of appearance
    evidence: Span  # the sentence
    action: Span | None
    location: Span | None
    kind: EventKind = EventKind.OTHER
    name_spans: dict[str, Span] = field(default_factory=dict)
    joins: bool = False  # its officials joined an activity told before: 县长某某一同参加调研
    speaks: bool = False  # its action is in what its official said: 赵璞指出,…要加快推进…建设
    present: bool = False  # its officials were there too (到访中总的还有…): they join the day's first event
    next_step: bool = False  # its sentence opens with what came next (其后,…考察…), or is a report: its own


def merge_same_activity(text: str, drafts: list[EventDraft]) -> list[EventDraft]:
    """One event per activity: sentences of one day that share an official, join the activity told
    before, add no action or kind of their own, or are of the same kind in one paragraph, tell one event.

    Each sentence is compared with the last `MERGE_WINDOW` events of its day only, and paragraphs are
    found by bisection: linear in the section however many sentences tell the same day.
    """
    bounds = (drafts[0].evidence[0], drafts[-1].evidence[1]) if drafts else (0, 0)
    breaks = [line_break.start() for line_break in _LINE_BREAK.finditer(text, *bounds)]
    kept: list[EventDraft] = []
    by_day: dict[date | None, list[EventDraft]] = {}
    for draft in drafts:
        recent = by_day.setdefault(draft.day, [])[-MERGE_WINDOW:]
        if draft.present and by_day[draft.day]:
            same: EventDraft | None = by_day[draft.day][0]
        else:
            # …参加会见: the 会见 told, whichever event came first; else the first event of the same activity
            attended = (k for k in recent if _attends_the_same(text, k, draft))
            same = next(attended, None) or next((k for k in recent if _same_activity(text, breaks, k, draft)), None)
        if same is None:
            kept.append(draft)
            by_day[draft.day].append(draft)
            continue
        for name in draft.officials:
            if name not in same.name_spans:
                same.officials.append(name)
                same.name_spans[name] = draft.name_spans[name]
        if not draft.speaks or same.action is None:  # 董可强调，要…落实…部署要求: what was said, not done
            same.action = best_action(text, [same.action, draft.action])
            if same.action is not None and same.action == draft.action and draft.kind is EventKind.RECEPTION:
                same.kind = EventKind.RECEPTION  # …考察。…会见了黄国荣一行: the guests received, the action kept
        same.location = same.location or draft.location
        if same.kind is EventKind.OTHER:
            same.kind = draft.kind
    return _drop_retold_undated(text, kept)


def _same_activity(text: str, breaks: list[int], kept: EventDraft, draft: EventDraft) -> bool:
    """Whether the draft tells the kept event's activity again (attending it by its verb is checked before)."""
    one_paragraph = bisect.bisect(breaks, kept.evidence[0]) == bisect.bisect(breaks, draft.evidence[0])
    if not one_paragraph and _an_item(text, breaks, draft):
        return False  # the items of a column or a chronicle (●…, △…, 2日 …, 是日 …): each its own activity
    alike = EventKind.OTHER in (kept.kind, draft.kind) or kept.kind is draft.kind
    if _elsewhere(text, kept, draft) or _others_at_their_own(text, kept, draft):
        return False
    return (
        draft.action is None
        or kept.action is None
        or draft.joins
        or one_paragraph
        and alike
        or (one_paragraph or alike or draft.speaks)
        and not draft.next_step
        and any(name in kept.name_spans for name in draft.officials)
    )


def _elsewhere(text: str, kept: EventDraft, draft: EventDraft) -> bool:
    """Two activities of the same officials, told with their own verbs at two places the text names apart: two
    stops of their day."""
    if kept.location is None or draft.location is None or kept.action is None or draft.action is None:
        return False
    if not all(name in kept.name_spans for name in draft.officials):
        return False  # others named at another place went along: the same activity
    if is_bare(text, kept.action) or is_bare(text, draft.action):
        return False
    kept_place, draft_place = text[slice(*kept.location)], text[slice(*draft.location)]
    if _TOUR_PLACE.match(kept_place) or draft_place.endswith(_STOP_LISTS):
        return False  # 到我县调研。…先后来到儒里村、斜溪村等地调研: the stops of one tour
    return kept_place not in draft_place and draft_place not in kept_place


def _others_at_their_own(text: str, kept: EventDraft, draft: EventDraft) -> bool:
    """`曾国衞到访黄大仙区…；而罗致光亦到观塘区…派发…`: other officials of the same sentence doing a thing of their
    own, at a place of their own."""
    if kept.evidence != draft.evidence or draft.location is None or draft.location == kept.location:
        return False
    if kept.action is None or draft.action is None or is_bare(text, kept.action) or is_bare(text, draft.action):
        return False
    return not any(name in kept.name_spans for name in draft.officials)


def _attends_the_same(text: str, kept: EventDraft, draft: EventDraft) -> bool:
    """`…参加会见` after `刘伟在济南会见了…`: attending the activity the kept event told, by its verb."""
    if kept.action is None or draft.action is None:
        return False
    attended = _ATTENDS.fullmatch(text, *draft.action)
    if attended is not None:  # …参加观摩活动 after …进行实地调研观摩: the verb anywhere in the activity told
        verb = attended.group("verb")
        if verb in GENERIC_OCCASIONS:  # 出席会议: which meeting, the verb does not say
            return text.startswith(verb, kept.action[0])
        return text.find(verb, *kept.action) != -1
    start, end = draft.action  # 县委书记陈文敏等领导陪同调研: the verb alone, right after the attending word
    return end - start == 2 and text.endswith(_ATTENDING, 0, start) and text.startswith(text[start:end], kept.action[0])


def _an_item(text: str, breaks: list[int], draft: EventDraft) -> bool:
    """True when the draft's paragraph opens with a list mark (●, ◆, △ …) or a chronicle's day (`2日 `, `是日 `)."""
    index = bisect.bisect(breaks, draft.evidence[0]) - 1
    paragraph_start = breaks[index] + 1 if index >= 0 else 0
    return is_an_item(text, paragraph_start, paragraph_start, draft.evidence[0] + 1)


def is_an_item(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether the line at `line_start` opens with a chronicle's day, or its first character in `[start, end)`
    after any indent is a list mark. Reads only the indent and that character."""
    if _CHRONICLE_DAY.match(text, line_start) is not None:
        return True
    first = _FIRST_CHARACTER.match(text, start, end)
    return first is not None and first.group(1) in _ITEM_MARK_SET


def _drop_retold_undated(text: str, drafts: list[EventDraft]) -> list[EventDraft]:
    """An undated event's officials who have a dated event in the section told that activity already; where
    the dated event only says where they went (来到郭庄村…家中), the activity is the one told undated
    (…分别带队走访慰问我镇建档立卡贫困户)."""
    dated_officials = {name for d in drafts if d.day is not None for name in d.officials}
    kept = []
    for draft in drafts:
        if draft.day is None:
            _tell_what_they_did(text, draft, [d for d in drafts if d.day is not None])
            draft.officials = [name for name in draft.officials if name not in dated_officials]
            if not draft.officials:
                continue
        kept.append(draft)
    return sorted(kept, key=lambda d: d.evidence[0])


def _tell_what_they_did(text: str, undated: EventDraft, dated: list[EventDraft]) -> None:
    """Give the undated event's activity to its officials' dated events that only tell a going (来到, 前往)."""
    if undated.action is None or only_goes(text, undated.action):
        return
    for draft in dated:
        if draft.action is not None and only_goes(text, draft.action) and set(draft.officials) & set(undated.officials):
            draft.action = undated.action
            if draft.kind in (EventKind.OTHER, EventKind.INSPECTION) and undated.kind is not EventKind.OTHER:
                draft.kind = undated.kind
