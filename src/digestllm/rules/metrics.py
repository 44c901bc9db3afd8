"""Metrics: stated quantities with their unit and what they measure.

`343名农民工` → 343 名; `7600万元` → 76000000 元; `近40亿元` → 4000000000 元; `93.1%` → 93.1 %.
Not metrics: dates and clock times, years, ordinals (`第120次`), road numbers (`省道208线`),
numbered slogans (`“十四五”`, `“1123”规划`, `三个一线`, `两手抓`).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from digestllm.numbers import MAGNITUDES, parse_number
from digestllm.rules.lexicon import COMMON_HAN_CLASS, SMALL_CHINESE_NUMERAL_UNITS, UNIT_TABLE, UNITS
from digestllm.rules.subjects import follows_closely, is_rate, subject_span

_ARABIC = r"[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?"
_ARABIC_PART = r"[0-9０-９]+(?:[,，][0-9]{3})*"
# 1万3,773人, 9万3千人, 5億3,882萬8千元, 1,455 億 5,573萬3,000 元: the rest after a magnitude, in parts of smaller
# magnitudes
_ARABIC_REST = rf" ?{_ARABIC_PART}(?: ?万(?: ?{_ARABIC_PART}千?)?| ?千)?"
_MAGNITUDE = "千万|百万|万亿|万|亿|千|百"
_REST_PART = re.compile(r"([0-9０-９,，]+) ?([千万]?)")
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
_UNIT = "|".join(re.escape(u) for u in sorted(set(UNITS), key=len, reverse=True))
QUANTITY = re.compile(
    r"(?=[0-9０-９零〇一二两三四五六七八九十百千万亿])(?:"  # skip, at one character's cost, where no figure starts
    rf"(?P<percent_words>百分之(?P<percent_number>{_CHINESE}|{_ARABIC}))"
    rf"|(?<![0-9０-９.．])(?P<arabic>{_ARABIC})(?: ?(?P<magnitude>{_MAGNITUDE})(?P<rest>{_ARABIC_REST})?)?"
    rf"(?: ?(?P<arabic_approx>余|多))? ?(?P<arabic_unit>{_UNIT})"  # 287 个, 2130 多家: a figure spaced from its words
    rf"|(?<![零〇○一二两三四五六七八九十百千万亿几数])(?P<chinese>{_CHINESE})(?P<approx>余|多)?(?P<chinese_unit>{_UNIT})"
    r")"
)
# 工程经费1亿2000万, 斥资1亿1,650万, 800亿的农业产值: money that leaves out its 元, right after a word of spending
# or budgets, or right before a word of value
_BARE_MONEY = re.compile(
    r"(?=[经投资预补斥编收总耗拨0-9０-９一二两三四五六七八九十百千])"  # skip where no amount nor its word starts
    r"(?:(?:经费|投资|资金|预算|补助|斥资|投入|编列|收入|总额|耗资|拨款|补贴)(?:了|约|近|逾|超|达|共|为|高达|超过)? ?)?"
    rf"(?<![0-9０-９.．,，])(?P<number>{_ARABIC}|[一二两三四五六七八九十百千]+)(?P<magnitude>万|亿)"
    rf"(?P<rest>{_ARABIC_PART}万?)?(?P<value_word>的?[\u4e00-\u9fff]{{0,2}}?(?:产值|经费|预算|投资|资金))?"
)
_QUOTES = re.compile(r"“[^“”]{0,12}”|\"[^\"]{0,12}\"|‘[^‘’]{0,12}’|「[^「」]{0,12}」")
_ROAD_OR_CODE_BEFORE = re.compile(r"(?:[A-Za-z]|国道|省道|县道|乡道|第|编号|代码|电话|届) ?$")  # 届: 八届五次全会
# A year of another calendar (民国46年, 103年第2次会报, 111年4月24日) is a date, not a figure.
_A_YEARS_DATE = re.compile(r" ?(?:[0-9０-９]{1,2} ?月|第)")
_YEAR_LIKE = re.compile(r"^(?:1[89]|20)\d\d$|^[〇零一二三四五六七八九]{4}$")
_REPUBLIC_YEAR = re.compile(r"^1[0-3][0-9]$")  # 108年, 114年: a Taiwan paper's year (民国 unsaid), no span
CODE_REACH = 3  # characters before a figure searched for a road or a code word (省道, 编号)
PLACE_REACH = 10  # characters before a figure searched for the place it counts in (广安区343名)
SMALL_COUNT_LIMIT = 10  # a Chinese numeral up to this counts only before a small-count unit (三名, 五项)
_LIST_JOINERS = frozenset({"", "和", "、", "及", "与", "或"})  # between two figures of one list
# 个 counts in a small Chinese numeral only before things that are counted (十个项目, 三个村, 十个接访小组), not in
# slogans (五个必须).
_COUNTED_THINGS = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:项目|村|社区|乡镇|街道|企业|部门|单位|园区|基地|工程|小组|工作组|学校|医院|法院|工地)"
)


_PLACE_BEFORE = re.compile(
    f"([{COMMON_HAN_CLASS}]{{2,4}}?" r"(?:自治州|自治县|省|市|县|区|镇|乡))(?:共计|累计|共|已|有|新增)?$"
)
_NOT_A_PLACE = re.compile(r"^[全本我该各][省市县区镇乡]$|城区|园区|市区|社区|片区|地区|景区|辖区|小区")


@dataclass(frozen=True)
class QuantityMention:
    start: int  # of the number (a prefix like 近 is not part of the quantity as written)
    end: int
    value: Decimal
    unit_start: int  # the unit as written sits at [unit_start, end)
    unit: str  # normalised, Simplified
    subject: tuple[int, int] | None
    region: tuple[int, int] | None = None  # a named place right before the figure: 广安区343名


def find_quantities(simplified: str, start: int, end: int) -> list[QuantityMention]:
    quoted = [m.span() for m in _QUOTES.finditer(simplified, start, end)]  # in order, never overlapping
    quote_starts = [q_start for q_start, _ in quoted]
    read: list[QuantityMention] = []
    for match in QUANTITY.finditer(simplified, start, end):
        index = bisect.bisect_right(quote_starts, match.start()) - 1
        if index >= 0 and match.start() < quoted[index][1]:
            continue  # a numbered name in short quotes: “十四五”
        mention = _read(simplified, match)
        if mention is not None:
            read.append(mention)
    if simplified.find("万", start, end) != -1 or simplified.find("亿", start, end) != -1:
        read = sorted([*read, *_bare_money(simplified, start, end, read)], key=lambda mention: mention.start)
    found: list[QuantityMention] = []
    for mention in read:
        found.append(_with_inherited_subject(simplified, mention, found[-1] if found else None))
    return found


def _bare_money(simplified: str, start: int, end: int, read: list[QuantityMention]) -> list[QuantityMention]:
    """Amounts of money written without 元 (`工程经费1亿2000万`), where no figure with a unit was read."""
    starts = [mention.start for mention in read]  # in order: each bare amount looks up the figure before it
    found: list[QuantityMention] = []
    for match in _BARE_MONEY.finditer(simplified, start, end):
        if match.start() == match.start("number") and not match["value_word"]:
            continue  # no word of money before it, none of value after it
        number_start, number_end = match.start("number"), match.end("rest") if match["rest"] else match.end("magnitude")
        before = bisect.bisect_right(starts, number_start) - 1
        if before >= 0 and read[before].end > number_start:
            continue  # a figure with its unit was read there
        value = _money_value(match)
        if value is not None:
            subject = subject_span(simplified, number_start, number_end)
            found.append(QuantityMention(number_start, number_end, value, number_end, "元", subject))
    return found


def _money_value(match: re.Match[str]) -> Decimal | None:
    number = parse_number(match["number"])
    magnitude = Decimal(MAGNITUDES[match["magnitude"]])
    if number is None:
        return None
    rest = _rest_value(match["rest"]) if match["rest"] else Decimal(0)
    if rest is None or rest >= magnitude:
        return None
    return number * magnitude + rest


def _with_inherited_subject(
    simplified: str, mention: QuantityMention, previous: QuantityMention | None
) -> QuantityMention:
    """A figure with no subject of its own measures the subject of the figure right before it when it is a rate
    told closely after it, or the next of a list (`总投资分别为2亿元和1.3亿元`, `常住农牧民122户422人`)."""
    if mention.subject is not None or previous is None or previous.subject is None:
        return mention
    listed = simplified[previous.end : mention.start] in _LIST_JOINERS
    if not listed and not (is_rate(mention.unit) and follows_closely(simplified, previous.end, mention.start)):
        return mention
    return replace(mention, subject=previous.subject)


def _read(simplified: str, match: re.Match[str]) -> QuantityMention | None:
    """The quantity `match` found, or None when it is no figure (a road, a session, a year, a slogan)."""
    if _ROAD_OR_CODE_BEFORE.search(simplified, max(0, match.start() - CODE_REACH), match.start()):
        return None
    subject = subject_span(simplified, match.start(), match.end())
    if match["percent_words"]:
        percent = parse_number(match["percent_number"])
        return (
            None if percent is None else QuantityMention(match.start(), match.end(), percent, match.end(), "%", subject)
        )
    read = _arabic(match) if match["arabic"] else _chinese(match, simplified)
    if read is None or _names_no_figure(simplified, match, read[1]):
        return None
    value, unit_text = read
    unit, factor = UNIT_TABLE[unit_text]
    return QuantityMention(
        match.start(),
        match.end(),
        value * factor,
        match.end() - len(unit),
        unit,
        subject,
        _region(simplified, match.start()),
    )


def _arabic(match: re.Match[str]) -> tuple[Decimal, str] | None:
    number, unit_text = match["arabic"], match["arabic_unit"]
    value = parse_number(number)
    if value is None or unit_text == "年" and (_YEAR_LIKE.match(number) or _REPUBLIC_YEAR.match(number)):
        return None
    if unit_text == "台" and _YEAR_LIKE.match(number):
        return None  # 2013台湾…: a year, then the island
    if match["magnitude"]:
        written = math.prod(MAGNITUDES[character] for character in match["magnitude"])  # 6千万元: 10^7
        magnitude = Decimal(written) / UNIT_TABLE[unit_text][1]  # 12亿5000万元: the rest is in the unit's magnitude
        if match["arabic_approx"]:  # 4千多万元: some 4,000 of the unit's 万元
            magnitude = Decimal(written)
        rest = _rest_value(match["rest"]) if match["rest"] else 0
        if rest is None or rest >= magnitude:
            return None  # 1万23456人 is no figure's writing
        value = value * magnitude + rest
    return value, unit_text


def _rest_value(rest: str) -> Decimal | None:
    """The value of what follows a magnitude, its parts summed: `3,882万8千` → 38,828,000."""
    total = Decimal(0)
    for digits, magnitude in _REST_PART.findall(rest):
        number = parse_number(digits.replace(",", "").replace("，", ""))
        if number is None:
            return None
        total += number * MAGNITUDES.get(magnitude, 1)
    return total


def _chinese(match: re.Match[str], simplified: str) -> tuple[Decimal, str] | None:
    """A figure in Chinese numerals; a small one only before a unit of counting (三名, 五项; 十个项目 but
    not the slogans' 三个代表, 两个确保)."""
    number, unit_text = match["chinese"], match["chinese_unit"]
    if number.startswith("零") and not number.startswith("零点"):
        return None  # 三年零七个月: the rest of a figure told before, not one of its own
    small_count = unit_text in SMALL_CHINESE_NUMERAL_UNITS or (
        unit_text == "个" and _COUNTED_THINGS.match(simplified, match.end()) is not None
    )
    if not _plausible_chinese_quantity(number, small_count, approximate=bool(match["approx"])):
        return None
    value = parse_number(number)
    if value is None or value <= 1 or value <= SMALL_COUNT_LIMIT and not small_count:
        return None
    return value, unit_text


def _names_no_figure(simplified: str, match: re.Match[str], unit_text: str) -> bool:
    """四家班子 (the four leading bodies), 人大五次会议 and 108次常委会 (a session), 3个月 and 2020年度 (time),
    建党100周年 (an anniversary: an ordinal)."""
    after = simplified[match.end() : match.end() + 1]
    before = simplified[max(0, match.start() - 2) : match.start()]
    return (
        simplified.startswith("班子", match.end())
        or unit_text == "部"
        and after == "队"  # 73127部队: a military unit's number
        or unit_text == "件"
        and simplified.startswith(("大事", "事", "实事"), match.end())  # 办好两件大事: a slogan's count
        or unit_text == "周"
        and after == "年"
        or unit_text == "次"
        and simplified.startswith(("会议", "全会", "全体会议", "常委会", "常务会"), match.end())
        or unit_text in ("年", "个")
        and after in ("月", "日", "号")
        or unit_text == "年"
        and (after == "度" or _A_YEARS_DATE.match(simplified, match.end()) is not None or before.endswith("民国"))
        or unit_text == "元"
        and _names_a_thing(match, after)
        or unit_text == "期"
        and after == "间"  # 五一期间: a time, not a figure
    )


def _names_a_thing(match: re.Match[str], after: str) -> bool:
    """三元煤业公司, 一元复始, 二元结构: a small Chinese numeral and 元 running into a word name a thing, not money
    (五元钱, 十元的 are money)."""
    written = match["chinese"] or ""
    return bool(written) and not _LARGE_NUMERALS.search(written) and _WORD_CHAR.match(after) is not None


_LARGE_NUMERALS = re.compile("[百千万亿]")
_WORD_CHAR = re.compile(rf"[{COMMON_HAN_CLASS}](?<![钱的])")


def _region(simplified: str, start: int) -> tuple[int, int] | None:
    place = _PLACE_BEFORE.search(simplified, max(0, start - PLACE_REACH), start)
    if place is None or _NOT_A_PLACE.search(place.group(1)):
        return None
    return place.span(1)


def _plausible_chinese_quantity(number: str, small_count: bool, approximate: bool) -> bool:
    """Chinese numerals also build words and slogans: 万家灯火, 千家万户, 一手抓, 十三五, 四家班子;
    a lone 百/千/万 counts only as an approximate figure: 百余名, 千余人; a lone 十 before a unit of counting."""
    if number in ("万", "千", "百", "亿", "十"):
        return approximate and number != "亿" or number == "十" and small_count
    return not _YEAR_LIKE.match(number)
