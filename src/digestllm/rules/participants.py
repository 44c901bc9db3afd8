"""Who takes part in a sentence's activity: the officials it names who are not merely cited
(`贯彻落实武国定副省长…指示精神`), grouped by what each did (`A主持会议，B、C出席` is one activity).
"""

from __future__ import annotations

import bisect
import re

from digestllm.rules.actions import action_span, best_action, is_bare
from digestllm.rules.lexicon import CITED_NOUNS, CITING_VERBS, alternation
from digestllm.wordsearch import WordHit

Span = tuple[int, int]

CITING = re.compile(alternation(CITING_VERBS))
_CITED_AFTER = re.compile(alternation(CITED_NOUNS))
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_BOOK_TITLE = re.compile(r"《[^《》\n]*》")
_DECIDED_AFTER = ("同志为", "同志辞去")
# 雷树平、廖兴云和刘丹当选副县长: those the session elected, a matter it decided
_ELECTED_AFTER = re.compile(r"(?:同志)?(?:[、和及][\u4e00-\u9fff]{2,4}(?:同志)?){0,30}?当选")
# 张剑同志为大家讲党课: 为 opening an audience, not the post someone is named to
_FOR_AN_AUDIENCE = re.compile(r"同志为(?:大家|全体|广大|与会|全镇|全县|全区|全市|学员|师生|党员)")
_IDEOLOGY_AFTER = ("新时代", "思想", "生态文明思想", "法治思想", "经济思想", "外交思想", "强军思想", "文化思想")
_BEFORE_NOW = re.compile(r"[^，,。；;]{0,6}?(?:[两三四五六七八九十多数]次|曾经|曾)(?:亲临|到|来|莅临|视察|考察)")
_DECIDED_BEFORE = ("任命", "免去", "提名")
# Right after a name (and its post): that person's instructions, report or speech (市长批示, 总理所作的政府工作报告,
# 书记在…大会上的讲话); not a report made for others at the meeting (局长梁建文受县政府委托所作的…报告)
_WORDS_OF = re.compile(r"[^，,。；;、]{0,6}?(?:批示|指示|(?<!委托)所作的|在[^，,。；;]{0,40}?(?:上|时)的(?:重要)?讲话)")
# Who led a team, told before what the team did (A带队，B、C…赴杭州调研)
_LEADING_ONLY = frozenset({"带队", "率队"})
# Verbs whose object is a person: an official named right after one is received or called on, not a new actor.
_CALLS_ON = re.compile(r"(?:会见|接见|会晤|看望|慰问|拜会|拜访|宴请|欢迎|送别|接待|探望|颁发|授予)了?")


def groups_by_action(
    simplified: str, participants: list[WordHit], s_end: int, section_start: int
) -> list[tuple[list[WordHit], Span | None]]:
    """The sentence's officials grouped by what each did: `A主持会议，B、C出席` is one activity (B and
    C attend A's), `A作重要讲话，B主持会议` two. Names before a verb share it; a bare attending verb
    (出席, 陪同, 致辞) joins the activity told before it in the sentence."""
    groups: list[tuple[list[WordHit], Span | None]] = []
    pending: list[WordHit] = []
    for index, name in enumerate(participants):
        pending.append(name)
        next_start = participants[index + 1].start if index + 1 < len(participants) else s_end
        action = action_span(simplified, name.end, next_start, section_start)
        if action is not None and action[1] == next_start < s_end and _CALLS_ON.match(simplified, *action):
            # 周清利…会见了黄国荣一行, 会见了由扬州市委书记谢正义率领的…: the guest (and his post) is the verb's
            # object, and the action runs on through him
            action = action_span(simplified, name.end, s_end, section_start)
        if action is None and index + 1 < len(participants):
            continue
        if groups and (action is None or is_bare(simplified, action)):
            names, told = groups[-1]
            groups[-1] = ([*names, *pending], best_action(simplified, [told, action]))
        elif groups and _only_leads(simplified, groups[-1][1]):  # A带队，B、C…赴杭州调研: the team A led did it
            groups[-1] = ([*groups[-1][0], *pending], action)
        else:
            groups.append((pending, action))
        pending = []
    return groups


def _only_leads(simplified: str, action: Span | None) -> bool:
    """True for an action that only says who led the team (`带队`, `率队`), told before what the team did."""
    return action is not None and simplified[action[0] : action[1]] in _LEADING_ONLY


def participants_of(simplified: str, names: list[WordHit], s_start: int, s_end: int) -> list[WordHit]:
    """The named officials who take part, not those cited: `贯彻落实武国定副省长…指示精神`.

    Linear in the sentence: clause breaks and cited nouns are found once, each name looks them up.
    """
    if not names:
        return []
    has_titles = simplified.find("《", s_start, s_end) != -1
    titles = [m.span() for m in _BOOK_TITLE.finditer(simplified, s_start, s_end)] if has_titles else []
    breaks = [
        m.end()
        for m in _CLAUSE_BREAK.finditer(simplified, s_start, s_end)
        if not any(start < m.start() < end for start, end in titles)  # 《…精神,以…》: one title, one clause
    ]
    cited_ends = [m.start() for m in _CITED_AFTER.finditer(simplified, s_start, s_end)]
    citing = [(m.start(), m.end()) for m in CITING.finditer(simplified, s_start, s_end)]
    last_cited = cited_ends[-1] if cited_ends else -1
    kept = []
    for name in names:
        if any(start < name.start < end for start, end in titles):
            continue  # 《…副院长李普生同志个人履职情况的专项工作报告》: a name inside a title takes no part
        index = bisect.bisect_right(breaks, name.start) - 1
        clause_start = breaks[index] if index >= 0 else s_start
        cites = any(clause_start <= c_start and c_end <= name.start for c_start, c_end in citing)
        if cites and last_cited >= name.end:
            continue
        if citing and citing[0][1] <= name.start and _WORDS_OF.match(simplified, name.end, s_end):
            continue  # 传达学习…,以及吴贤德市长批示要求: the words of one cited earlier in the sentence
        if simplified.startswith(_IDEOLOGY_AFTER, name.end):
            continue  # 以习近平新时代中国特色社会主义思想为指导: a name inside a doctrine's name
        if _BEFORE_NOW.match(simplified, name.end, s_end):
            continue  # 习近平总书记两次亲临天津视察: visits of the past, not the day's
        decided = (
            simplified.startswith(_DECIDED_AFTER, name.end) and not _FOR_AN_AUDIENCE.match(simplified, name.end)
        ) or _ELECTED_AFTER.match(simplified, name.end) is not None
        if decided or simplified.endswith(_DECIDED_BEFORE, 0, name.start):
            continue  # 任命黄育奇同志为…, 庄稼祥同志辞去…: a matter the meeting decided, not one who took part
        kept.append(name)
    return kept
