"""Dates as news prose writes them, resolved to ISO days.

`2月27日`, `28日下午` (month from the previous date), `2月26日至27日` (its first day),
`昨天下午` (the day before the reference date), `2020年3月5日`. A cut-off (`截至3月1日`) or the
start of a period (`2月18日以来`) is a date but no event's day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from digestllm.numbers import parse_number
from digestllm.rules.lexicon import ACTIVITY_VERBS, alternation
from digestllm.rules.lunar import LUNAR_DAYS, LUNAR_MONTHS, lunar_day

_NUM = r"[0-9０-９]{1,2}|[一二三四五六七八九十廿卅]{1,3}"  # 廿三日: 廿 is twenty, 卅 thirty
_YEAR = r"[0-9０-９]{4}|[〇零一二三四五六七八九]{4}"
ROC_YEAR_OFFSET = 1911
_DAY_PART = r"(?:上午|下午|晚上|晚间|傍晚|早上|清晨|凌晨|中午|晚)?"
_LUNAR_MONTH_NUMBERS = alternation(month for month in LUNAR_MONTHS if month not in "正腊")
_LUNAR_DAY_WORDS = alternation(LUNAR_DAYS)
DATE_PATTERN = re.compile(
    # The lookahead lets the scan skip, at one character's cost, every place no date can start.
    # not 第三日, a trip's third day
    r"(?=[0-9０-９〇零一二三四五六七八九十廿卅前昨今明当上本这民(（农正腊大除去])(?<!第)(?:"
    # 号 only after Arabic digits: “一号工程” is no date
    # a copy may space the figures from their words: `1 月 30 日`
    rf"(?:(?:(?P<year>{_YEAR})|民国(?P<roc_year>[0-9]{{2,3}})|(?<![0-9〇零一二三四五六七八九十])(?P<bare_roc_year>1[0-9]{{2}}|一[〇零一二三四五六七八九]{{2}})|(?P<this_year>今)|(?P<other_year>明|去|前))"
    r" ?年 ?)?"
    rf"(?:(?P<month>{_NUM}) ?月(?:份)? ?)?"
    # not 104号 (a house's number) nor 〔2011〕19号 (a document's)
    rf"(?:(?P<day>{_NUM}) ?日|(?<![0-9０-９〕﹞】\]）)])(?P<day_hao>[0-9０-９]{{1,2}})号(?![桥楼线院门馆井站房厂库机])"
    # 23-24日, 廿八及廿九日, after a month also 9月18-19,: the span's or the list's first day
    rf"|(?P<day_first>{_NUM})(?=(?:至|到|——|--|—|－|-|~|～|及|和|、)(?:{_NUM})(?:日|(?(month)[，,]|(?!))))"
    # 今(23)日, 昨(廿五)日, 今(17)晚: a press release's day; 许淑华(十)日下午: a Taiwan paper's day of the month
    rf"|(?:[今昨前] ?|上周|本周)[（(](?P<day_paren>{_NUM})[)）] ?(?:日|(?=[晚早午上下中]))"
    rf"|(?<![0-9０-９])[（(](?P<day_alone>{_NUM})[)）]日(?=上午|下午|中午|晚上|晚间|傍晚|早上|清晨|凌晨|[，,]))"
    rf"(?:(?:至|到|——|--|—|－|-|~|～)(?:(?:{_NUM})月)?(?:{_NUM})[日号])?{_DAY_PART}"
    # 明日(5日): a day named twice; its name says which
    rf"|(?P<relative>前天|前日(?![,，])|昨天|昨日|明[天日](?=[（(]|率|前往|赴|启程|出席)|昨(?=晚|午|早|[在率与赴出主前访视巡会接拜走参考调]))"
    rf"(?:[（(](?P<relative_day>{_NUM})日[)）])?{_DAY_PART}"
    # 今天上午; 今天, / 今天在…召开 / 今天率…, 今天起…; 今天是… opening a sentence (not a quote's 我们今天是…)
    rf"|(?P<today>今天|今日|当天|当日|(?<![至如])今(?=在|率|与|赴|出席|主持|前往|举行|举办|也|亦))"
    rf"(?:[（(](?:{_NUM})日[)）])?(?P<today_part>上午|下午|晚上|晚间|傍晚|早上|清晨|凌晨|中午"
    # 今天率…, 今日与…会面, 今天和区长…, 今天至大坑…, 今天开工 (not 今天至明天, nor 今天签约的项目: a verb that
    # describes a noun)
    r"|(?=[，,]|在|开幕|闭幕|率|起|到|至(?![0-9０-９一二三四五六七八九十明后下本])|由|与|同|联同|和(?![明昨])|下乡|也|亦"
    r"|(?:" + alternation(ACTIVITY_VERBS) + ")(?!的))"
    r"|(?<=^今天|^今日)(?=是)"
    r"|(?<=[\n。，,)） \u3000]今天|[\n。，,)） \u3000]今日)(?=是))"
    # 农历正月初四, 腊月二十九, 农历八月十二, 大年初一, 大年三十, 除夕当天: a day of the lunar calendar
    rf"|(?:农历)?(?P<lunar_month>正|腊|(?<=农历)(?:{_LUNAR_MONTH_NUMBERS}))月(?P<lunar_day>{_LUNAR_DAY_WORDS}){_DAY_PART}"
    rf"|大年(?P<new_year_day>初[一二三四五六七八九十]|三十){_DAY_PART}"
    rf"|(?P<eve>除夕)(?:(?:当天|当日){_DAY_PART}|(?=夜|之夜|上午|下午|晚上|[，,]))"
    rf"|(?P<week>上周|上星期|本周|这周|本星期)(?P<weekday>[一二三四五六日天]){_DAY_PART}"
    # a diary's day, a line of its own (`4/25`): the day of the items below it
    r"|(?<![^\n])(?P<line_month>[0-9]{1,2})/(?P<line_day>[0-9]{1,2})(?=[ \t　]*(?:\n|$))"
    # a chronicle's month heading, a line of its own (`7月`, `2021年7月份`, `(2024年5月)`) or its title
    # (`…2008年6月大事记`, `2020年1月大事要览`): the month of the days below it
    rf"|(?<![^\n])[（(]?(?:(?P<heading_year>{_YEAR})年)?(?P<heading_month>{_NUM})月(?:份)?[)）]?(?=[ \t　]*(?:\n|$))"
    rf"|(?P<title_year>{_YEAR})年(?P<title_month>{_NUM})月(?:份)?(?:工作)?(?:大事记|大事要览|大事纪要|要事记)"
    r"(?=[ \t　]*(?:\n|$))"
    # …大事记202008: the month as a code after the title; a year on a line of its own (`1989年`), or in a
    # chronicle's title (`…2021年执政纪事(7-12月)`): the year of the days below it
    rf"|(?<=大事记)(?P<code_year>(?:19|20)[0-9]{{2}})(?P<code_month>0[1-9]|1[0-2])(?=[ \t　]*(?:\n|$))"
    rf"|(?<![^\n])(?P<year_line>{_YEAR})年(?=[ \t　]*(?:\n|$))"
    rf"|(?P<chronicle_year>{_YEAR})年(?=[^\n。]{{0,12}}?(?:大事记|纪事|大事纪要))"
    r")"
)
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# 昨 alone: a Hong Kong or Taiwan paper's 昨访问; 明日 where it says what will be done (明日(5日)率团; 明天的效益: none)
_RELATIVE_DAYS = {"前天": -2, "前日": -2, "昨天": -1, "昨日": -1, "昨": -1, "明天": 1, "明日": 1}
# 今(17)日, 昨(四)日, 前(2)日: how many days before the writer's today the day in parentheses is
_DAYS_BEFORE_TODAY = {"今": 0, "昨": 1, "前": 2}
_YEARS_FROM_THIS = {"明": 1, "去": -1, "前": -2}
# A cut-off (截至3月1日), a plan (预计10月25日结束), a cited date (根据1月16日…公告), a length of days (展开六日考察,
# 为期三日) or a page's stamp (发布于 2024年06月25日) is no event's day.
_CUT_OFF_BEFORE = re.compile(
    r"(?:截至|截止到|截止|至|到|将自|预计|计划|力争|争取|确保|将于|拟于|定于|可望于|有望于|根据|按照|依据"
    r"|为期|一连|连续|展开|历时|每年|更新于|发布于|发表于|时间[:：])\s*$"
)
_PLAN = re.compile(r"将于|拟于|定于|计划于|预计于")
PLAN_REACH = 200  # characters before a date searched for the plan its sentence tells
_SENTENCE_ENDS = ("。", "！", "？", "\n")
# 讯/电, 清远消息, 北京电: a dateline, the report's day (12日下午前往: a going, not 12日前)
_DATELINE_WORD = r"(?:电(?![视话力站商网子影器])|讯)"  # 讯, 电 (not 电视, 电话 …)
_PERIOD_AFTER = re.compile(
    rf"^(?:以来|之前|以前|前后|之后|以后|前(?![往去来])|后|起|为止|止|讯|电|[\u4e00-\u9fff]{{1,4}}(?:消息|{_DATELINE_WORD})"
    r"|[\u4e00-\u9fff]{2,6}?以来)"  # 5月17日疫情爆发以来: since what began that day
)
_DATELINE_AFTER = re.compile(rf"(?:[\u4e00-\u9fff]{{1,4}}?)?{_DATELINE_WORD}")
# A date line opens the digest: `03.02 各区…`, `2020-03-02`; a figure (`12.5亿元`) is none.
_DOCUMENT_DATE_LINE = re.compile(
    r"^\s*(?:(?P<year>\d{4})[.\-/年])?(?P<month>\d{1,2})[.\-/月](?P<day>\d{1,2})日?(?![\d.万亿千百%％元个人户家名项])"
)
# 传达学习2月20日省委农村工作会议精神: the day of a cited occasion, not of this one
_CITED_OCCASION = re.compile(r"[^，,。；;\n]{0,20}?(?:会议|会|讲话|指示|批示)精神")
_FULL_DATE = re.compile(r"(?P<year>\d{4})[年\-/.](?P<month>\d{1,2})[月\-/.](?P<day>\d{1,2})日?")
_FUTURE_TOLERANCE = timedelta(days=62)
_CLAUSE_OPENERS = frozenset("，,。；;：:！!？?\n 　")
_LUNAR_AHEAD = timedelta(days=1)  # 紧盯正月初五 told before it: a festival day ahead is a plan
_LONG_BEFORE = timedelta(days=180)  # a day with its year this long before the reference is recalled, not told
_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_RANGE = re.compile(r"[至到—－\-~～]")
_OPENING_ONLY = re.compile(r"[\s（(【\[]*")
_CLOSING_ONLY = re.compile(r"[ \t　）)】\]]*(?:\n|$)")
# 他说，10月8日气温开始下降: a day told in what someone said is no event's day
_SAID_BEFORE = re.compile(r"(?:说|表示|指出|强调|介绍|认为)[，,：:]\s*$")
# 10月7日是重阳节: the day a holiday falls on, no event's day
_NAMES_A_HOLIDAY = re.compile(r"是[^，,。；;\n]{0,8}?(?:节|纪念日)")
SAID_REACH = 6  # characters before a date that may end in the verb of saying and its comma
CUT_OFF_REACH = 4  # characters before a date that may say it is a cut-off: long enough for 截止到
CITED_REACH = 26  # characters after a date in which a cited occasion's 精神 may end
PERIOD_REACH = 8  # characters after a date that may say it starts a period (以来, 为止) or ends a dateline (清远消息)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: date | None  # None when no year could be known
    is_event_day: bool  # False for cut-offs and period starts


def _int(text: str | None) -> int | None:
    if not text:
        return None
    value = parse_number(text.replace("廿", "二十").replace("卅", "三十"))
    return int(value) if value is not None and value == int(value) else None


def document_date(simplified: str, head_chars: int = 200) -> tuple[int | None, int, int] | None:
    """The digest's own date line (`03.02 各区…`, `2020年3月2日`) near the top: (year or None, month, day)."""
    head = simplified[:head_chars]
    full = _FULL_DATE.search(head)
    if full:
        return int(full["year"]), int(full["month"]), int(full["day"])
    line = _DOCUMENT_DATE_LINE.match(head)
    if line and 1 <= int(line["month"]) <= 12 and 1 <= int(line["day"]) <= 31:
        return (int(line["year"]) if line["year"] else None), int(line["month"]), int(line["day"])
    return None


class DateResolver:
    """Turns date mentions into days, carrying year and month forward through the text."""

    def __init__(self, reference: date | None) -> None:
        self.reference = reference
        self.previous: date | None = None
        self.written_today: date | None = None  # the writer's today, where 昨(四)日 or 今(17)日 tells it

    def resolve(self, simplified: str, match: re.Match[str]) -> DateMention:
        before = simplified[max(0, match.start() - CUT_OFF_REACH) : match.start()]
        after = simplified[match.end() : match.end() + PERIOD_REACH]
        is_event_day = (
            not _CUT_OFF_BEFORE.search(before)
            and not _SAID_BEFORE.search(simplified, max(0, match.start() - SAID_REACH), match.start())
            and not _NAMES_A_HOLIDAY.match(simplified, match.end())
            and not self._planned(simplified, match.start())
            and (not _PERIOD_AFTER.match(after) or match["today"] is not None and after.startswith("起"))
            and not _CITED_OCCASION.match(simplified, match.end(), match.end() + CITED_REACH)
            and not self._heads_a_column(simplified, match)
        )
        if match["heading_month"] or match["title_month"] or match["code_month"]:
            self._start_month(match)
            return DateMention(match.start(), match.end(), None, False)
        if match["year_line"] or match["chronicle_year"]:
            self._start_year(_int(match["year_line"] or match["chronicle_year"]))
            return DateMention(match.start(), match.end(), None, False)
        try:
            day = self._day(match)
        except OverflowError:  # a reference date at the edge of the calendar
            day = None
        if day is not None and _tells_a_lunar_day(match):
            # 紧盯正月初五、元宵节: a lunar day is an event's only where it opens a clause, and it leaves the months
            # of the days told after it as they were
            opens = match.start() == 0 or simplified[match.start() - 1] in _CLAUSE_OPENERS
            is_event_day = is_event_day and opens and not self._ahead(day, _LUNAR_AHEAD)
        elif day is not None:
            if not self._recalled(match, day):
                self.previous = day
            if _DATELINE_AFTER.match(after):
                self.written_today = day  # 本报湖州12月16日电 …今天: the writer's today is the dateline's
            if self._ahead(day, _FUTURE_TOLERANCE):
                is_event_day = False  # 今年12月5日举行选举, told in June: a plan, no event's day
        return DateMention(match.start(), match.end(), day, is_event_day)

    def _recalled(self, match: re.Match[str], day: date) -> bool:
        """`工程一一三年十二月九日举行开工典礼后，…三十日由乡长主持`: a day with its year, long before the reference and
        told in passing after the text's own days began, leaves the month of the days told after it alone."""
        return (
            self.previous is not None
            and bool(match["year"] or match["roc_year"] or match["bare_roc_year"])
            and self.reference is not None
            and self.reference - day > _LONG_BEFORE
        )

    def _ahead(self, day: date, tolerance: timedelta) -> bool:
        return self.reference is not None and day - self.reference > tolerance

    @staticmethod
    def _planned(simplified: str, start: int) -> bool:
        """Whether the sentence told a plan before the date (将于1月5日召开，1月8日结束: both days are planned)."""
        reach = max(0, start - PLAN_REACH)
        if simplified.find("于", reach, start) == -1:
            return False  # every word of a plan holds 于
        sentence_start = max(reach, *(simplified.rfind(mark, reach, start) + 1 for mark in _SENTENCE_ENDS))
        return _PLAN.search(simplified, sentence_start, start) is not None

    @staticmethod
    def _heads_a_column(simplified: str, match: re.Match[str]) -> bool:
        """`(5月20日—5月24日)` on a line of its own: the week a column covers, no event's day."""
        if not _RANGE.search(match.group()):
            return False
        line_start = simplified.rfind("\n", 0, match.start()) + 1
        return bool(
            _OPENING_ONLY.fullmatch(simplified, line_start, match.start())
            and _CLOSING_ONLY.match(simplified, match.end())
        )

    def _start_year(self, year: int | None) -> None:
        """A year heading: the days told below it, with their months, are of that year."""
        if year is not None and 1 <= year <= 9999:
            self.previous = date(year, 1, 1)

    def _start_month(self, heading: re.Match[str]) -> None:
        """A month heading: the days told below it are of that month (and of its year, else the nearest one)."""
        month = _int(heading["heading_month"] or heading["title_month"] or heading["code_month"])
        year = _int(heading["heading_year"] or heading["title_year"] or heading["code_year"])
        anchor = self.previous or self.reference
        if month is None or not 1 <= month <= 12 or (year is None and anchor is None):
            return
        if year is None:
            assert anchor is not None
            year = self._year_for(month, 1, anchor)
        self.previous = date(year, month, 1)

    def _day(self, match: re.Match[str]) -> date | None:
        if match["week"]:
            if self.reference is None:
                return None
            monday = self.reference - timedelta(days=self.reference.weekday())
            weeks_back = 1 if match["week"].startswith("上") else 0
            return monday - timedelta(weeks=weeks_back) + timedelta(days=_WEEKDAYS[match["weekday"]])
        if match["relative"] or match["today"]:
            return self._relative_day(match)
        if _tells_a_lunar_day(match):
            return self._lunar_day(match)
        day = _int(
            match["day"]
            or match["day_hao"]
            or match["day_first"]
            or match["day_paren"]
            or match["day_alone"]
            or match["line_day"]
        )
        year, month = self._written_year(match), _int(match["month"] or match["line_month"])
        if day is None or not 1 <= day <= 31 or month is not None and not 1 <= month <= 12:
            return None
        writers_day = match["day_paren"] and match.group()[0] in _DAYS_BEFORE_TODAY  # 今(2)日: the writer's month
        anchor = (self.written_today or self.reference) if writers_day else None
        anchor = anchor or self.previous or self.reference
        if anchor is None:  # nothing tells the missing year or month
            return date(year, month, day) if year and month and _valid(year, month, day) else None
        if month is None:
            month = self._month_for_day(day, anchor, match)
        if year is None:
            year = self._year_for(month, day, anchor)
        if not _valid(year, month, day):
            return None
        told = date(year, month, day)
        if writers_day:  # 昨(四)日: the writer's today is the 5th
            self.written_today = told + timedelta(days=_DAYS_BEFORE_TODAY[match.group()[0]])
        return told

    def _relative_day(self, match: re.Match[str]) -> date | None:
        """昨天, 前日, 明日 from the writer's today (the reference, unless 昨(四)日 told it); 今天上午: that day;
        当天下午: the day just told."""
        today = self.written_today or self.reference
        if match["today"] and match["today"].startswith("当"):
            return self.previous
        if today is None or match["today"]:
            return today
        named = today + timedelta(days=_RELATIVE_DAYS[match["relative"]])
        return _nearest_with_day(named, _int(match["relative_day"])) or named

    def _lunar_day(self, match: re.Match[str]) -> date | None:
        """农历正月初四, 大年初一, 大年三十 and 除夕 (the last day of 腊月), in the lunar year nearest before the
        reference."""
        anchor = self.reference or self.previous
        if anchor is None:
            return None
        if match["eve"]:
            return lunar_day(12, 30, anchor)
        if match["new_year_day"]:
            new_year_day = match["new_year_day"]
            return (
                lunar_day(12, 30, anchor) if new_year_day == "三十" else lunar_day(1, LUNAR_DAYS[new_year_day], anchor)
            )
        return lunar_day(LUNAR_MONTHS[match["lunar_month"]], LUNAR_DAYS[match["lunar_day"]], anchor)

    def _written_year(self, match: re.Match[str]) -> int | None:
        """The year the date writes: its own, a Republic of China year (民国113年, counted from 1912), or 今年 (the
        reference's, however far ahead the day is)."""
        if match["roc_year"] or match["bare_roc_year"]:  # 114年1月21日: a Taiwan paper's year, 民国 unsaid
            written = match["roc_year"] or match["bare_roc_year"]  # 114, or 一一四 digit by digit
            return int(written.translate(_CHINESE_DIGITS)) + ROC_YEAR_OFFSET
        if match["this_year"] and self.reference is not None:
            return self.reference.year
        if match["other_year"]:  # 明年1月4日, 去年12月底, 前年: a year from the reference's
            return self.reference.year + _YEARS_FROM_THIS[match["other_year"]] if self.reference else None
        return _int(match["year"])

    def _month_for_day(self, day: int, anchor: date, match: re.Match[str]) -> int:
        """A day without its month: the month of the date just told, else the reference's (or the one before);
        `本月15日`: the reference's, whatever the day."""
        if self.previous is not None or day <= anchor.day or match.string.endswith("本月", 0, match.start()):
            return anchor.month
        return 12 if anchor.month == 1 else anchor.month - 1

    def _year_for(self, month: int, day: int, anchor: date) -> int:
        year = anchor.year
        reference = self.reference or anchor
        if not _valid(year, month, day):
            return year
        # News reports the recent past: a day far after the reference belongs to the year before.
        if date(year, month, day) - reference > _FUTURE_TOLERANCE:
            return year - 1
        return year


def _tells_a_lunar_day(match: re.Match[str]) -> bool:
    return bool(match["lunar_day"] or match["new_year_day"] or match["eve"])


def _nearest_with_day(near: date, day: int | None) -> date | None:
    """The date with this day of the month within three days of `near` (昨日(7日) in a paper dated the 7th: the 7th,
    the day written), or None."""
    if day is None:
        return None
    for shift in (0, 1, -1, 2, -2, 3, -3):
        candidate = near + timedelta(days=shift)
        if candidate.day == day:
            return candidate
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
