"""enrich_officials on results of extract(): pinyin, posts normalised, division codes."""

from __future__ import annotations

import pytest

from digestllm import extract
from digestllm.enrich import enrich_officials
from digestllm.schemas import DigestResult, PostLevel, PostRole
from tests.conftest import DATA


@pytest.fixture(scope="module")
def seed() -> DigestResult:
    text = (DATA / "corpus" / "guangan-2020-03-02.txt").read_text(encoding="utf-8")
    return enrich_officials(extract(text, reference_date="2020-03-02"))


def _official(result: DigestResult, name: str) -> tuple[str | None, list[tuple[str, str, str, str | None, str | None]]]:
    official = next(official for official in result.officials if official.name == name)
    posts = [(p.title, p.role.value, p.level.value, p.region, p.region_code) for p in official.posts]
    return official.pinyin, posts


def test_every_official_of_the_seed_gets_pinyin_and_one_post_per_title(seed: DigestResult) -> None:
    assert all(official.pinyin for official in seed.officials)
    assert all([post.title for post in official.posts] == official.titles for official in seed.officials)


def test_a_county_post_and_a_city_post_of_one_official(seed: DigestResult) -> None:
    assert _official(seed, "文建平") == (
        "Wen Jianping",
        [
            ("市人大常委會副主任", "congress_cppcc", "city", "广安市", "511600"),
            ("廣安區委書記", "party_secretary", "county", "广安区", "511602"),
        ],
    )


def test_a_county_level_city_is_at_the_county_level(seed: DigestResult) -> None:
    assert _official(seed, "謝洋波")[1] == [("華鎣市委書記", "party_secretary", "county", "华蓥市", "511681")]


def test_a_zone_without_its_parent_keeps_its_name_and_no_code(seed: DigestResult) -> None:
    assert _official(seed, "蔣波")[1] == [("棗山園區黨工委書記", "party_secretary", "zone", "枣山园区", None)]


def test_the_extraction_is_otherwise_unchanged(seed: DigestResult) -> None:
    text = (DATA / "corpus" / "guangan-2020-03-02.txt").read_text(encoding="utf-8")
    plain = extract(text, reference_date="2020-03-02")
    assert seed.model_dump(exclude={"officials"}) == plain.model_dump(exclude={"officials"})
    assert [o.model_dump(exclude={"pinyin", "posts"}) for o in seed.officials] == [
        o.model_dump(exclude={"pinyin", "posts"}) for o in plain.officials
    ]


def test_the_year_decides_the_codes() -> None:
    text = (DATA / "corpus" / "guangan-2020-03-02.txt").read_text(encoding="utf-8")
    result = enrich_officials(extract(text, reference_date="2020-03-02"), year=2010)
    mi_liang = next(official for official in result.officials if official.name == "米亮")
    assert mi_liang.posts[0].region_code is None  # 前锋区 did not exist in 2010
    assert mi_liang.posts[0].role is PostRole.PARTY_SECRETARY and mi_liang.posts[0].level is PostLevel.COUNTY


def test_the_json_carries_pinyin_and_posts(seed: DigestResult) -> None:
    official = seed.model_dump(mode="json")["officials"][0]
    assert official["pinyin"] == "Wen Jianping"
    assert official["posts"][1] == {
        "title": "廣安區委書記",
        "role": "party_secretary",
        "level": "county",
        "region": "广安区",
        "region_code": "511602",
    }
