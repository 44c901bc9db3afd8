"""An event's kind, from the words that name it (the table `data/event_kinds.tsv`).

The first kind word of the action decides (the verb the action names wins where two kinds meet:
`出席签约仪式` is a ceremony, `会见…一行并座谈` a reception); without one there, the first of the
event's sentence; without any, `other`. A light verb (`data/light_verbs.txt`: 主持, 召开, 举行) counts
only when its phrase names no other kind, and then the phrase's last kind word names it: `主持签约仪式` is a
ceremony, `主持召开常委会会议` and `主持召开投资考察座谈会` are meetings.
"""

from __future__ import annotations

import re
from functools import cache

from digestllm.rules.lexicon import alternation, read_table, read_words
from digestllm.schemas import EventKind

# An action that opens with these names what it is done to or about first, its verb last (向…拜年, 与…座谈,
# 就…进行检查).
_LEADS_TO_THE_VERB = ("与", "向", "就", "围绕")
_MEETING_ENDS = ("会", "会议")
_BODIES_ENDING_IN_会 = (
    "工会",
    "协会",
    "商会",
    "学会",
    "基金会",
    "联合会",
    "理事会",
    "董事会",
    "委员会",
    "管委会",
    "居委会",
    "村委会",
)
_HOLDING = ("开展", "举行", "举办", "召开", "组织召开", "主持召开")
# What a visit word going to see work names, not people in need: 走访…重点项目, …企业
_WORKPLACES = re.compile(r"调研|项目|园区|工地")
_POST_AFTER = re.compile(r"(?:党组)?(?:副主任|主任|委员|秘书长|副主席|主席|书记|副书记)")


@cache
def _kind_words() -> tuple[re.Pattern[str], dict[str, EventKind], frozenset[str]]:
    kinds = {word: EventKind(kind) for word, kind in read_table("event_kinds.tsv")}
    return re.compile(alternation(kinds)), kinds, frozenset(read_words("light_verbs.txt"))


def kind_of(simplified: str, spans: list[tuple[int, int]]) -> EventKind:
    """The kind named first in the first of `spans` (Simplified text) that names one; else `other`."""
    pattern, kinds, light = _kind_words()
    for start, end in spans:
        light_kind: EventKind | None = None
        words = list(pattern.finditer(simplified, start, end))
        if (
            simplified.startswith(_HOLDING, start)
            and simplified.endswith(_MEETING_ENDS, start, end)
            and not simplified.endswith(_BODIES_ENDING_IN_会, start, end)
        ):
            return EventKind.MEETING  # 开展…宣讲暨…座谈会: what is held is the meeting its phrase ends with
        if simplified.startswith(_LEADS_TO_THE_VERB, start):  # 与调研组一行座谈: the verb comes last
            words.reverse()
        elif words and words[0].group() in light:  # 主持召开投资考察座谈会: the occasion's last word names it
            if simplified.endswith(_MEETING_ENDS, start, end) and kinds.get(words[0].group()) is EventKind.MEETING:
                return EventKind.MEETING  # 主持召开…代表建议督办会
            words = [*reversed(words[1:]), words[0]]
        for found in words:
            if _POST_AFTER.match(simplified, found.end()):  # 人大常委会主任: a post, not a meeting
                continue
            if found.group() not in light:
                kind = kinds[found.group()]
                if kind is EventKind.VISIT and _WORKPLACES.search(simplified, found.end(), end):
                    return EventKind.INSPECTION  # 走访调研重点项目, 走访联系服务重点企业: going to see work
                return kind
            light_kind = light_kind or kinds.get(found.group())
        if light_kind is not None:
            return light_kind
    return EventKind.OTHER
