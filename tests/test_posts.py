"""Posts normalised: role, level and region of a title, the title itself untouched."""

from __future__ import annotations

import pytest

from digestllm.posts import normalise_post, place_level, split_place
from digestllm.schemas import PostLevel, PostRole

CASES = [
    # title, official's region, role, level, region
    ("廣安區委副書記", None, PostRole.DEPUTY_PARTY_SECRETARY, PostLevel.COUNTY, "广安区"),
    ("市人大常委會副主任", "廣安區", PostRole.CONGRESS_CPPCC, PostLevel.CITY, None),
    ("區長", "廣安區", PostRole.GOVERNMENT_HEAD, PostLevel.COUNTY, "广安区"),
    ("縣委書記", None, PostRole.PARTY_SECRETARY, PostLevel.COUNTY, None),
    ("梅县区委书记", None, PostRole.PARTY_SECRETARY, PostLevel.COUNTY, "梅县区"),
    ("常务副市长", "六安市", PostRole.DEPUTY_GOVERNMENT_HEAD, PostLevel.CITY, "六安市"),
    ("代县长", None, PostRole.GOVERNMENT_HEAD, PostLevel.COUNTY, None),
    ("邳州市长", None, PostRole.GOVERNMENT_HEAD, PostLevel.CITY, "邳州市"),
    ("杭州市副市长", None, PostRole.DEPUTY_GOVERNMENT_HEAD, PostLevel.CITY, "杭州市"),
    ("县委常委", "大城县", PostRole.STANDING_COMMITTEE, PostLevel.COUNTY, "大城县"),
    ("党工委委员", None, PostRole.STANDING_COMMITTEE, PostLevel.UNKNOWN, None),
    ("县政协主席", None, PostRole.CONGRESS_CPPCC, PostLevel.COUNTY, None),
    ("武夷山市政协党组书记", None, PostRole.CONGRESS_CPPCC, PostLevel.CITY, "武夷山市"),
    ("政法委书记", None, PostRole.DEPARTMENT_HEAD, PostLevel.ORGAN, None),
    ("县委统战部部长", None, PostRole.DEPARTMENT_HEAD, PostLevel.COUNTY, None),
    ("县扶贫办主任", "大城县", PostRole.DEPARTMENT_HEAD, PostLevel.COUNTY, "大城县"),
    ("局长", None, PostRole.DEPARTMENT_HEAD, PostLevel.ORGAN, None),
    ("副局长", None, PostRole.OTHER, PostLevel.ORGAN, None),
    ("瓜沥镇党委书记", None, PostRole.PARTY_SECRETARY, PostLevel.TOWNSHIP, "瓜沥镇"),
    ("村党委书记", None, PostRole.PARTY_SECRETARY, PostLevel.VILLAGE, None),
    ("棗山園區黨工委書記", "棗山園區", PostRole.PARTY_SECRETARY, PostLevel.ZONE, "枣山园区"),
    ("示范区管委会副主任", None, PostRole.DEPUTY_GOVERNMENT_HEAD, PostLevel.ZONE, "示范区"),
    ("宁夏回族自治区党委书记", None, PostRole.PARTY_SECRETARY, PostLevel.PROVINCE, "宁夏回族自治区"),
    ("省委常委", None, PostRole.STANDING_COMMITTEE, PostLevel.PROVINCE, None),
    ("总书记", None, PostRole.PARTY_SECRETARY, PostLevel.NATIONAL, None),
    ("县领导", None, PostRole.OTHER, PostLevel.COUNTY, None),
]


@pytest.mark.parametrize(("title", "region", "role", "level", "post_region"), CASES)
def test_normalise_post(
    title: str, region: str | None, role: PostRole, level: PostLevel, post_region: str | None
) -> None:
    info = normalise_post(title, region)
    assert (info.title, info.role, info.level, info.region) == (title, role, level, post_region)


def test_a_place_is_split_off_before_the_organ_word() -> None:
    assert split_place("华蓥市委书记") == ("华蓥市", "委书记")
    assert split_place("市市长") == ("市", "市长")
    assert split_place("邳州市长") == ("邳州市", "长")
    assert split_place("杭州市副市长") == ("杭州市", "副市长")
    assert split_place("常务副县长") == ("", "常务副县长")


@pytest.mark.parametrize(
    ("place", "level"),
    [("广安区", PostLevel.COUNTY), ("广安经开区", PostLevel.ZONE), ("协兴镇", PostLevel.TOWNSHIP), ("会议室", None)],
)
def test_place_level(place: str, level: PostLevel | None) -> None:
    assert place_level(place) is level
