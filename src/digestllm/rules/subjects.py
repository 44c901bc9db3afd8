"""A figure's subject: what it counts or measures, the noun phrase beside it (ANNOTATION.md).

After the figure when a noun follows (`343名农民工` → 农民工, `83户规上企业` → 规上企业); else before
it, without the verb that links them (`一般公共预算收入增长8.2%` → 一般公共预算收入). A rate told
right after a figure of the same clause measures the same thing (`地区生产总值238.6亿元，同比增长16.3%`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from digestllm.rules.lexicon import COMMON_HAN_CLASS, METRIC_PREFIXES, alternation, read_words

Span = tuple[int, int]

MAX_SUBJECT_CHARS = 10
MAX_ROLL_CHARS = 24  # from 应出席 to its figure
# 应出席委员, 应到代表, 应到会人大代表: who a session's roll counts
_SHOULD_ATTEND = re.compile(r"应(?:出席|到会|到)(?P<who>(?:人大|政协|常委会组成人员|常委会)?(?:代表|委员|成员|人员))")
_ONE_CHARACTER_SUBJECTS = frozenset("村镇乡")
_PUNCTUATION = r"，,。；;：:！!？?、（）()“”\s0-9０-９%％"
# A subject after the figure ends at a word that begins a predicate or a new phrase (两天时间里: no subject).
_AFTER_STOP = re.compile(
    rf"[{_PUNCTUATION}]|的|在|已|时间|期间|全部|均|乘坐|有序|实现|完成|达到|其中|左右|到|进行|为|是|和|与|及|参加|参与|出席|列席|到会"
    r"|共|等|分别|将|对|向|从|被|把|开展|前往|来|赴|参观|担任|获得|受益|返岗|复工|落户|签约(?!项目)|每|先后|相继|纷纷|依次|齐聚|于|由|抵|亲手|亲自|一起|一同"
)
# 和/与 split two subjects, and so does 及 (秘书长张建昌及委员54人) but not in a word (普及率, 及时); 均 does not
# (贫困发生率均低于3%: the link says 均).
_BEFORE_STOP = re.compile(
    r"[，,。；;：:！!？?、“”\s0-9０-９%％]|的|在|已|全部|其中|和|与|(?<![普涉以危波])及(?![时早格])"
)
# The link between a subject and the figure after it: 增长, 同比增长, 达到, 低于 …
_LINK_BEFORE_FIGURE = re.compile(
    r"(?:(?:均|都|同比|比上年|较上年|比去年|较去年|分别|累计|共计|合计|总计|年均|平均|增速|总量|规模|可提供|提供|带动)?"
    r"(?:增长|下降|减少|提高|提升|增加|达到|达|为|是|低于|高于|超过|占|完成|实现|突破|有|共|约|近|超|逾|计|至))+$"
)
_OBJECT_VERB = re.compile("(?:" + alternation(read_words("object_verbs.txt")) + ")了?")
# 21个乡镇(办事处), 11个村(社区), 村(居)书记: the places of one level, named with their other name
_LEVEL_ASIDE = re.compile(r"(?:(?<=[村镇乡])|(?<=街道))[(（][\u4e00-\u9fff]{1,5}[)）]")
_PERIOD = re.compile(r"今年|去年|全年|当年|明年|上半年|下半年|前三季度|[一二三四]季度")
# 降水量比正常平均同期偏少24%: what the figure is compared with, and how it differs, goes
_COMPARED = re.compile(
    r"(?:比|较)[^，,。；;]{0,10}?(?:同期|往年|去年|上年|常年|平均)"
    r"(?:偏少|偏多|偏低|偏高|增加了?|减少了?|下降了?|增长了?|提高了?|多了?|少了?)?$"
)
_MODAL = re.compile(r"(?:预计能|预计|有望|将|能|可)$")
_QUALIFIER = re.compile(r"以上|以下|以内|左右")
_HELD_AT = re.compile(r"(?:保持|稳定|控制|维持)在$")
# 企业已复工复产413家, 玉米已收获56.48万亩: the figure counts those before the verb that did it.
_DONE = re.compile(
    r"(?:目前|现已|已经|已|均已|全部|累计)*(?:复工复产|复工|复产|复市|开工|竣工|投产|收获|收割|播种|落地|入驻)$"
)
MAX_DONE_CHARS = 10
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_COUNTER = re.compile(r"(?:多|余|个)?[家户个名人项件所座台辆位]")
_LEAD_WORDS = re.compile(r"(?:成功|完成|实现|申报|新增|累计|共计|共|有|达|约|其中|全市|全县|全区|全省|已)+")
_PREFIX = re.compile("(?:" + alternation(METRIC_PREFIXES) + ")$")
_PLACE = re.compile(f"[{COMMON_HAN_CLASS}]{{2,4}}?" r"(?:自治州|自治县|省|市|县|区|镇|乡)(?:共计|累计|共|已|有|新增)?")
_MEASURES = ("总投资", "总额", "总面积", "总产值")
_PARTY = "一行"
_GROUPS = tuple("团组队")
_RATE_UNITS = frozenset({"%", "个百分点", "倍", "成"})
_NAMED_THING = re.compile(r"项目|专案|公司|工程|集团|基地")


def subject_span(simplified: str, start: int, end: int) -> Span | None:
    """The subject of the figure written at `simplified[start:end]`, or None."""
    if simplified.startswith("人口", end - 1):  # 30万人口: the unit's word is what is counted
        return end - 1, end + 1
    if simplified.startswith("的", end) and simplified.endswith(_MEASURES, 0, start):
        return _before(simplified, start)  # 总投资5.5亿元的牧原集团…项目: the figure measures 总投资, not the project
    return _attendance(simplified, start) or _after(simplified, end) or _before(simplified, start)


def _attendance(simplified: str, start: int) -> Span | None:
    """A session's roll: `应出席委员230人` counts 委员 (those present, `实到198人`, are counted by 实到)."""
    if simplified.find("应", max(0, start - MAX_ROLL_CHARS), start) == -1:
        return None
    told = list(_SHOULD_ATTEND.finditer(simplified, max(0, start - MAX_ROLL_CHARS), start))
    return told[-1].span("who") if told and told[-1].end() == start else None


def _after(simplified: str, end: int) -> Span | None:
    qualifier = _QUALIFIER.match(simplified, end)  # 100万元以上: the figure's own word
    if qualifier is not None:
        end = qualifier.end()  # 1万个以上就业职缺: the subject follows it, if anything does
    if simplified.startswith("的", end):  # 500元的慰问金: what the figure measures follows 的
        end += 1
    after_end = _phrase_end(simplified, end)
    aside = _LEVEL_ASIDE.match(simplified, after_end) if after_end > end else None
    if aside is not None:  # 11个村(社区): the aside and what follows it, up to the next stop
        after_end = _phrase_end(simplified, aside.end())
    if after_end - end == 1 and simplified[end] in _ONE_CHARACTER_SUBJECTS:
        return end, after_end  # 三个村，: a village is a subject of one character
    return (end, after_end) if after_end - end >= 2 else None


def _phrase_end(simplified: str, start: int) -> int:
    """Where a subject read from `start` on ends: at the first stop, or after at most MAX_SUBJECT_CHARS."""
    limit = min(len(simplified), start + MAX_SUBJECT_CHARS)
    stop = _AFTER_STOP.search(simplified, start, limit)
    return stop.start() if stop else limit


def _before(simplified: str, start: int) -> Span | None:
    while start > 0 and simplified[start - 1] == " ":  # 增长 4.6%: a copy may space the figure from its words
        start -= 1
    held = _HELD_AT.search(simplified, max(0, start - 4), start)  # 大豆产量保持在2000万吨: the link ends in 在
    start = held.start() if held else start
    done = _DONE.search(simplified, max(0, start - MAX_DONE_CHARS), start)  # 规上企业已复工868户: who did it
    start = done.start() if done else start
    relative = simplified[start - 1 : start] == "的"  # 已经解决(A类)的418件: the clause before 的 is the subject
    start -= int(relative)
    floor = max(0, start - MAX_SUBJECT_CHARS - 4)
    before_start = start
    while before_start > floor and not _BEFORE_STOP.match(simplified, before_start - 1):
        before_start -= 1
    span = (before_start, start)
    for trim in _TRIMS[:-1] if relative else _TRIMS:  # a relative clause keeps its verb
        span = trim(simplified, *span)
    before_start, before_end = span
    if simplified.endswith(_PARTY, before_start, before_end) and not simplified.endswith(_GROUPS, 0, before_end - 2):
        before_start = before_end - len(_PARTY)  # 市长张百顺一行八人: the party is counted (考察团一行: the group)
    named = [m.end() for m in _NAMED_THING.finditer(simplified, before_start, before_end) if before_end - m.end() >= 3]
    if named:
        before_start = named[-1]  # …有限公司建设项目总投资: what the project's figure measures, not its name
    if before_end - before_start > MAX_SUBJECT_CHARS:
        before_start = before_end - MAX_SUBJECT_CHARS
    return (before_start, before_end) if before_end - before_start >= 2 else None


def _after_count(simplified: str, start: int, end: int) -> Span:
    """465家农业龙头企业: a figure's counter before the subject is the figure's, not the subject's."""
    counted = start > 0 and simplified[start - 1] in _DIGITS and _COUNTER.match(simplified, start, end)
    return (counted.end(), end) if counted else (start, end)


def _after_place(simplified: str, start: int, end: int) -> Span:
    place = _PLACE.match(simplified, start, end)
    return (place.end(), end) if place and place.end() < end else (start, end)


def _after_lead(simplified: str, start: int, end: int) -> Span:
    lead = _LEAD_WORDS.match(simplified, start, end)
    return (lead.end(), end) if lead else (start, end)


def _before_ending(pattern: re.Pattern[str]) -> Callable[[str, int, int], Span]:
    """A trim that drops what `pattern` finds at the end (a prefix of the figure, its link, a modal)."""

    def trim(simplified: str, start: int, end: int) -> Span:
        found = pattern.search(simplified, start, end)
        return (start, found.start()) if found else (start, end)

    return trim


def _after_last(pattern: re.Pattern[str]) -> Callable[[str, int, int], Span]:
    """A trim that starts the subject after the last match of `pattern` that leaves two characters."""

    def trim(simplified: str, start: int, end: int) -> Span:
        ends = [m.end() for m in pattern.finditer(simplified, start, end) if end - m.end() >= 2]
        return (ends[-1], end) if ends else (start, end)

    return trim


# In order: a figure's counter (465家), 全市 and 共计 go; the figure's prefix, its link (增长, 达到) and a
# modal (预计能) go; the subject starts after the period it is told for (今年年产值) and after the verb whose
# object it is (提出提案744件).
_TRIMS: tuple[Callable[[str, int, int], Span], ...] = (
    _after_count,
    _after_place,
    _after_lead,
    _before_ending(_PREFIX),
    _before_ending(_LINK_BEFORE_FIGURE),
    _before_ending(_MODAL),
    _before_ending(_COMPARED),
    _after_last(_PERIOD),
    _after_last(_OBJECT_VERB),
)


def is_rate(unit: str) -> bool:
    return unit in _RATE_UNITS


def follows_closely(simplified: str, previous_end: int, start: int) -> bool:
    """True when only a clause break and a link (`，同比增长`) stand between two figures."""
    between = simplified[previous_end:start]
    return len(between) <= MAX_SUBJECT_CHARS and not re.search(r"[。；;！!？?\n]", between)
