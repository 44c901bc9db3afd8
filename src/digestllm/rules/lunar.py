"""Days told by the lunar calendar: `农历正月初四`, `大年初一`, `腊月二十九`, `大年三十`, `除夕`.

Festival news dates its visits so (`农历正月初四，县委常委…深入…`). The lunar year is the one that puts the day
nearest before the reference date (news reports the recent past). Month starts come from `data/lunar_months.tsv`;
a leap month (闰月) is not read.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from digestllm.rules.lexicon import read_table

_UNITS = "一二三四五六七八九"
# 正月 and 腊月 by name, any month after 农历 by its number (冬月 is the eleventh)
LUNAR_MONTHS = {
    "正": 1,
    **{unit: n for n, unit in enumerate(_UNITS + "十", 1)},
    "十一": 11,
    "冬": 11,
    "十二": 12,
    "腊": 12,
}
# 初一 … 初十, 十一 … 十九, 二十 / 廿 …, 三十
LUNAR_DAYS = {
    **{"初" + unit: n for n, unit in enumerate(_UNITS + "十", 1)},
    **{"十" + unit: 10 + n for n, unit in enumerate(_UNITS, 1)},
    "二十": 20,
    **{"二十" + unit: 20 + n for n, unit in enumerate(_UNITS, 1)},
    **{"廿" + unit: 20 + n for n, unit in enumerate(_UNITS, 1)},
    "三十": 30,
}
LATEST_AHEAD = timedelta(days=62)  # how far after the reference a day may lie and still be this year's


@cache
def _month_starts() -> dict[tuple[int, int], date]:
    return {(int(y), int(m)): date.fromisoformat(first) for y, m, first in read_table("lunar_months.tsv")}


def lunar_day(month: int, day: int, reference: date) -> date | None:
    """The Gregorian day of lunar `month`/`day` nearest before the reference (up to `LATEST_AHEAD` after it), or
    None outside the table or for a day past its month's end. Day 30 of 腊月 stands for 除夕 whatever its length."""
    best: date | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        start = _month_starts().get((year, month))
        following = _month_starts().get((year, month + 1)) or _month_starts().get((year + 1, 1))
        if start is None or following is None:
            continue
        told = start + timedelta(days=day - 1)
        if told >= following:
            if not (month == 12 and day == 30):
                continue
            told = following - timedelta(days=1)  # 大年三十 in a 腊月 of 29 days: the eve
        if told - reference <= LATEST_AHEAD and (best is None or told > best):
            best = told
    return best
