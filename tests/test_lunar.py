"""The lunar calendar table against Spring Festival days known from the calendar, and its edges."""

from datetime import date

import pytest

from digestllm.rules.lunar import LUNAR_DAYS, lunar_day

SPRING_FESTIVALS = {
    2008: date(2008, 2, 7),
    2012: date(2012, 1, 23),
    2017: date(2017, 1, 28),
    2019: date(2019, 2, 5),
    2020: date(2020, 1, 25),
    2021: date(2021, 2, 12),
    2024: date(2024, 2, 10),
    2026: date(2026, 2, 17),
}


@pytest.mark.parametrize(("year", "festival"), SPRING_FESTIVALS.items())
def test_the_first_day_of_正月_is_the_spring_festival(year: int, festival: date) -> None:
    assert lunar_day(1, 1, date(year, 3, 1)) == festival
    assert lunar_day(12, 30, date(year, 3, 1)) == date.fromordinal(festival.toordinal() - 1)  # the eve


def test_the_lunar_year_is_the_one_nearest_before_the_reference() -> None:
    assert lunar_day(1, 4, date(2012, 1, 27)) == date(2012, 1, 26)
    assert lunar_day(1, 4, date(2012, 1, 10)) == date(2012, 1, 26)  # within two months ahead: this year's
    assert lunar_day(1, 4, date(2012, 12, 20)) == date(2013, 2, 13)  # two months ahead at most: the next one
    assert lunar_day(12, 29, date(2019, 2, 4)) == date(2019, 2, 3)


def test_day_words_and_days_past_a_month_or_the_table() -> None:
    assert (LUNAR_DAYS["初四"], LUNAR_DAYS["十五"], LUNAR_DAYS["廿九"], LUNAR_DAYS["二十九"]) == (4, 15, 29, 29)
    assert lunar_day(1, 4, date(1900, 2, 1)) is None
    assert lunar_day(1, 30, date(2021, 3, 15)) is None  # 正月 of 2021 has 29 days
    assert lunar_day(1, 30, date(2022, 3, 15)) == date(2022, 3, 2)  # and 2022's 30
