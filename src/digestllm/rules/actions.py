"""An event's action: the activity verb with its whole object, up to the clause's end.

`深入部分企业，督导调研疫情防控、复工复产复业工作` → `督导调研疫情防控、复工复产复业工作`: a verb of
motion (深入, 前往) leads to the place, the activity comes after it; a list joined by 、 stays whole.
`主持会议` after `区政协召开三届十六次主席会议` is that meeting: a generic object (会议, 仪式,
活动) is replaced by the named occasion the section told before (`召开三届十六次主席会议`).
"""

from __future__ import annotations

import re

from digestllm.rules.lexicon import ACTIVITY_VERBS, GENERIC_OCCASIONS, ITEM_MARKS, MOTION_VERBS, alternation

# 宣讲团, 督导组, 研究室主任, 慰问金 (not 到访金华街), 检查站, 接待服务中心, 研究中心, 慰问之意, 调研情况,
# 在座谈会上, 签约仪式上, 举行的美食节, “…对策研究”课题: verbs that begin or end a noun or describe one are no
# activity; nor are 开工项目, 签约项目, 观摩项目 and 决策部署, nor 在…陪同下 (what another did).
_ACTIVITY = re.compile(
    r"(?:" + alternation(ACTIVITY_VERBS) + r")"
    r"(?![团组员队室所院品点站”」]|金(?:[^\u4e00-\u9fff]|[和及与等]|$)|情况|服务中心|中心|之|会[上中前后]|(?:仪式|活动)[上中]|的"
    r"|下(?!一步|一阶段|阶段|半年))"
    r"(?<!开工(?=项目))(?<!签约(?=项目))(?<!观摩(?=项目))(?<!决策(?=部署))"
)
_MOTION = frozenset(MOTION_VERBS)
_GOING = ("来到", "前往", "走进", "深入", "赶赴", "奔赴")
# What a cited speech was given at, or a leader's own doing in a doctrine: 在福建考察调研时的重要讲话,
# 视察广东重要讲话、重要指示精神, 亲自谋划、亲自部署的国家战略
_CITED_OCCASION = re.compile(r"[^，,。；;：:]{0,12}?(?:时的|重要(?:讲话|指示)[^，,。；;：:]{0,8}?精神)")
_OWN_DOING = "亲自"
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?\n]")
# `调研时强调`, `听取汇报后指出`: what follows is speech about the activity, not the activity.
_SPEECH_AFTER = re.compile(r"(?:时|后|期间|过程中|中|上)(?=[，,]?(?:强调|指出|表示|要求|说|提出|希望|代表))")
# Only a chaired meeting stands for the meeting named before (主持会议 → 召开三届十六次主席会议); an
# attended ceremony stays as written (出席仪式).
_GENERIC_OBJECT = re.compile(
    r"(?:了)?(?:有关|相关|此次|本次|上述|这次)?(?:会议|大会|活动)?(?:并(?:讲话|致辞|作总结讲话))?$"
)
_RESOLVING_VERBS = ("主持", "出席", "参加", "列席")
_SEATED = frozenset({"就座", "就坐"})
_CONVENED = re.compile(r"(?:召开|举行)(?!.*(?:召开|举行))")
_OCCASION = re.compile(
    r"(?P<verb>召开|举行|举办|组织召开|主持召开|开展|组织开展)[^，,。；;：:！!？?\n]{2,40}?(?:会议|大会|会|活动|仪式|典礼)"
    r"(?![议见谈晤长动])"
    r"|(?<=[，,。；;：:！!？?\n”\s)）])(?:(?!出席|参加|列席|主持)[^，,。；;：:！!？?\n“”()（）\s"
    + ITEM_MARKS  # △ 全市…会议召开: the occasion starts after the item's mark
    + r"]){4,40}?(?:会议|大会|仪式|典礼|现场会)"
    r"(?=(?:今天|今日|当天|上午|下午)?(?:在|召开|举行|[，,。]))"
)
# 出席开工仪式, 主持召开常委会会议: the action names the occasion the officials took part in.
_NAMES_OCCASION = re.compile(r"(?:仪式|典礼|会议|大会|会)(?:并|$)")
# 出席, 参加活动, 陪同, 致辞, 出席并讲话: attending or speaking at an occasion told elsewhere.
_BARE = re.compile(
    r"(?:(?:参加|出席|列席|陪同|一同参加|共同出席)(?:了)?(?:有关|相关|此次|本次|上述|这次)?(?:"
    + alternation(GENERIC_OCCASIONS)
    + r")?)?(?:并)?(?:致辞|讲话|发言|作讲话)?"
)
# 参加了视察活动, 参加调研: attending an activity of the officials' hosts, named by its verb.
_ATTENDED = re.compile(
    r"(?:参加|出席|列席)了?(?:此次|本次|上述|这次)?(?P<what>视察|调研|考察|检查|督查|督导)(?:活动)?(?:并讲话)?"
)
# 参加活动, 参加: taking part in the activity the item told (陪同, 致辞, 出席仪式 stay as written).
_TAKES_PART = re.compile(r"(?:参加|列席)了?(?:此次|本次|上述|这次|相关)?(?:活动)?")
_OPENING = re.compile(r"开展|组织开展|进行|举行")
_AT_OCCASION = re.compile(r"在(?P<what>[^，,。；;：:！!？?\n“”]{2,30}?(?:仪式|典礼|会议|大会|会|活动))上")
_LIGHT_VERBS = ("进行", "开展")
# 就 and 围绕 opening the topic of a light verb (not 成就, 早就, 就是); what 对 opens stays out, as the
# guide's examples keep it (对…项目建设复工情况进行了调研 → 调研)
_TOPIC_LEAD = re.compile(r"(?<![成早也])就(?!是)|围绕")
# 向 and 与 opening those a verb of calling on or talking is done to: 向…职工拜年, 与调研组一行座谈 (not 参与, 给与)
_PEOPLE_LEAD = re.compile(r"(?<![参给赋])与|向(?![前后上下外内])")
_TOGETHER = ("一起", "一同", "共同")
_DATED_ITEM = re.compile(r"\s*(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日")
_CLAUSE_MARKS = tuple("，,。；;：:！!？?\n")
MAX_ACTION_CHARS = 80  # a longer clause is cut at its last 、 within the limit


def best_action(simplified: str, spans: list[tuple[int, int] | None]) -> tuple[int, int] | None:
    """Of the actions one event was told with, the first that names its occasion, else the first with an
    object, else the first that is more than attending."""
    found = [span for span in spans if span is not None]
    naming = [span for span in found if _NAMES_OCCASION.search(simplified, span[0], span[1])]
    telling = [span for span in found if not is_bare(simplified, span)]
    with_object = [  # 调研脱贫攻坚工作, not 调研 nor 参加调研 (attending the activity told by its verb)
        span
        for span in telling
        if not _ACTIVITY.fullmatch(simplified, *span) and not _ATTENDED.fullmatch(simplified, *span)
    ]
    return next(iter(naming + with_object + telling + found), None)


def is_bare(simplified: str, span: tuple[int, int]) -> bool:
    """True for an action that only attends or speaks (出席, 陪同, 参加活动, 致辞, 出席并讲话)."""
    return _BARE.fullmatch(simplified, span[0], span[1]) is not None


def only_goes(simplified: str, span: tuple[int, int]) -> bool:
    """True for an action that only tells where its officials went: `来到郭庄村…家中`, `前往…`."""
    return simplified.startswith(_GOING, span[0]) and _ACTIVITY.search(simplified, span[0] + 2, span[1]) is None


def action_span(simplified: str, start: int, end: int, section_start: int) -> tuple[int, int] | None:
    """The action of the event told in `simplified[start:end]` (a sentence, from its first official on)."""
    verb = _activity_verb(simplified, start, end)
    at_occasion = _AT_OCCASION.search(simplified, start, verb.start() if verb else end)
    if at_occasion is not None:  # 张伟在签约仪式上说: the occasion told before, else as named here
        told_from = _told_from(simplified, section_start, at_occasion.start())
        return _last_occasion(simplified, told_from, at_occasion.start()) or at_occasion.span("what")
    if verb is None:
        return None
    stop = _clause_end(simplified, verb.start(), end)
    told_from = _told_from(simplified, section_start, verb.start())
    if verb.group() in _SEATED:  # …在主席台就座: seated at the occasion told before
        return _last_occasion(simplified, told_from, verb.start()) or (verb.start(), stop)
    named = _named_occasion(simplified, verb.end(), stop, told_from)
    joined = named or _joined_activity(simplified, verb, stop, told_from)
    if joined is None and _TAKES_PART.fullmatch(simplified, verb.start(), stop):
        joined = _told_activity(simplified, told_from, verb.start())
    return joined or (_topic_before(simplified, start, verb.start()), stop)


def _topic_before(simplified: str, start: int, verb_start: int) -> int:
    """Where the action starts: at its verb, at the topic a light verb takes before it (`就安全生产情况进行检查`,
    `围绕…开展调研`), or at the people a verb of calling on takes before it (`向…职工拜年`, `与调研组一行座谈`)."""
    lead = _TOPIC_LEAD if simplified.startswith(_LIGHT_VERBS, verb_start) else _PEOPLE_LEAD
    if lead.search(simplified, start, verb_start) is None or simplified.endswith(_TOGETHER, start, verb_start):
        return verb_start  # 与…500多人一起参加义务植树活动: those who joined in, not whom it was done to
    clause_start = max((simplified.rfind(mark, start, verb_start) for mark in _CLAUSE_MARKS), default=-1) + 1
    leads = list(lead.finditer(simplified, max(start, clause_start), verb_start))
    return leads[-1].start() if leads else verb_start


def _told_activity(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    """`参加活动` after `代表委员们集中视察参观循环产业园等重点项目`: the activity the item told before, from
    its verb to its clause's end (an attending or a moving verb tells none)."""
    told = [
        verb
        for verb in _ACTIVITY.finditer(simplified, start, end)
        if verb.group() not in _MOTION and verb.group() not in _RESOLVING_VERBS and not _inside_a_word(simplified, verb)
    ]
    if not told:
        return None
    last = told[-1]
    stop = _clause_end(simplified, last.start(), end)
    return (last.start(), stop) if stop - last.start() > len(last.group()) else None


def _told_from(simplified: str, section_start: int, at: int) -> int:
    """Where what an attending word refers to may be told: its own item of a digest (◆ …, or a chronicle's
    dated line `2日 区长…`), never an earlier one."""
    told_from = max(section_start, *(simplified.rfind(mark, section_start, at) for mark in ITEM_MARKS))
    line_start = simplified.rfind("\n", section_start, at) + 1
    if _DATED_ITEM.match(simplified, line_start):
        told_from = max(told_from, line_start)
    return told_from


def _activity_verb(simplified: str, start: int, end: int) -> re.Match[str] | None:
    """The first activity verb that is no verb of motion, else the first verb of motion; not one that describes
    the next official (`在遂督查有关工作的省信访局二级巡视员董仁白`)."""
    first: re.Match[str] | None = None
    for verb in _ACTIVITY.finditer(simplified, start, end):
        if _inside_a_word(simplified, verb) or _describes_who_follows(simplified, verb.end(), end):
            continue
        if _cited(simplified, verb, end):
            continue
        if verb.group() not in _MOTION:
            return verb
        first = first or verb
    return first


def _inside_a_word(simplified: str, verb: re.Match[str]) -> bool:
    """`工作报告` holds no `作报告` (checked here: a lookbehind in the pattern would slow every scan sevenfold)."""
    return verb.group() == "作报告" and simplified.endswith("工", 0, verb.start())


def _cited(simplified: str, verb: re.Match[str], end: int) -> bool:
    """True for a verb that names what a cited speech was given at (`考察调研时的重要讲话`), or a leader's own
    doing in a doctrine (`亲自部署`)."""
    own_doing = simplified.endswith(_OWN_DOING, 0, verb.start())
    return own_doing or _CITED_OCCASION.match(simplified, verb.end(), end) is not None


def _describes_who_follows(simplified: str, verb_end: int, end: int) -> bool:
    """True when the verb's clause runs, through a 的, into the next official's name at `end`."""
    return (
        end < len(simplified)
        and _CLAUSE_END.match(simplified, end) is None  # a name stands at `end`, not a line's end
        and _CLAUSE_END.search(simplified, verb_end, end) is None
        and (simplified.find("的", verb_end, end) != -1)
    )


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


def _joined_activity(simplified: str, verb: re.Match[str], stop: int, section_start: int) -> tuple[int, int] | None:
    """`参加了视察活动` after `人大常委会组织代表视察2024年全县重点工程`: the activity the section told
    before, from its verb (or the 开展 that opens it) to its clause's end."""
    attended = _ATTENDED.fullmatch(simplified, verb.start(), stop)
    if attended is None:
        return None
    told = simplified.rfind(attended.group("what"), section_start, verb.start())
    if told == -1:
        return None
    clause_start = max((simplified.rfind(mark, section_start, told) for mark in _CLAUSE_MARKS), default=-1) + 1
    openings = list(_OPENING.finditer(simplified, max(clause_start, section_start), told))
    start = openings[-1].start() if openings else told
    end = _clause_end(simplified, told, verb.start())
    return (start, end) if end - start > len(attended.group("what")) else None


def _named_occasion(simplified: str, object_start: int, stop: int, section_start: int) -> tuple[int, int] | None:
    """The occasion the section named before, when the object is a bare `会议`, `仪式`, `活动`."""
    verb_start = object_start - 2
    if simplified[verb_start:object_start] not in _RESOLVING_VERBS:
        return None
    if not _GENERIC_OBJECT.match(simplified, object_start, stop):
        return None
    return _last_occasion(simplified, section_start, verb_start)


def _last_occasion(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    """The last occasion `simplified[start:end]` names (召开三届十六次主席会议), or None."""
    found: tuple[int, int] | None = None
    for occasion in _OCCASION.finditer(simplified, start, end):
        found = occasion.span()
    if found is None:
        return None
    convened = _CONVENED.search(simplified, *found)  # 第七次会议在…大会堂举行预备会议: from 举行 on
    return (convened.start(), found[1]) if convened and found[1] - convened.start() > 2 else found
