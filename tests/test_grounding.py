"""Planted cases for the aligner and the grounding of model claims (langextract's alignment-case style).

Each case plants a quote in a section and says how it must align: verbatim (`exact`), only once both
sides are in Simplified script (`simplified`), as a close stretch (`fuzzy`, free-text fields only), or
not at all. Names must stand beside a post; figures must be read by the rules' own parser.
"""

from __future__ import annotations

from datetime import date

import pytest

from digestllm.grounding import (
    Aligner,
    EventClaim,
    MetricClaim,
    OfficialClaim,
    SectionClaims,
    dropped_warning,
    ground_claims,
    split_posts,
)
from digestllm.grounding_slots import EventSlotClaim, MetricSlotClaim, SlotClaims, ground_slots
from digestllm.records import SectionRecords
from digestllm.rules.extractor import RuleExtractor
from digestllm.schemas import AlignmentStatus, EventKind, Origin
from digestllm.sections import split_sections
from digestllm.text import ScriptView

TRADITIONAL = "2月27日，廣安區委書記文建平到車站為農民工送行。全區343名農民工返崗。"
SIMPLIFIED = "3月18日，项城市市长丁福浩主持召开项城市脱贫攻坚问题交办会议，市政府秘书长孙鸿俊参加。"


def aligner(text: str) -> Aligner:
    return Aligner(ScriptView(text), 0, len(text))


@pytest.mark.parametrize(
    ("text", "quote", "fuzzy", "expected"),
    [
        (TRADITIONAL, "文建平", False, ("文建平", AlignmentStatus.EXACT)),
        (TRADITIONAL, "广安区委书记", False, ("廣安區委書記", AlignmentStatus.SIMPLIFIED)),
        (TRADITIONAL, "广安区委书记王五", False, None),  # not in the text at all
        (
            SIMPLIFIED,
            "主持召开项城市脱贫攻坚问题交办会",
            True,
            ("主持召开项城市脱贫攻坚问题交办会", AlignmentStatus.EXACT),
        ),
        # one character off in 16: above the fuzzy threshold, aligned to the text's own characters
        (
            SIMPLIFIED,
            "主持召開项城市脱贫工作问题交办会议",
            True,
            ("主持召开项城市脱贫攻坚问题交办会议", AlignmentStatus.FUZZY),
        ),
        # most characters wrong: under the threshold
        (SIMPLIFIED, "主持研究春耕生产工作部署安排会议", True, None),
        # fuzzy matching is for free-text fields only
        (SIMPLIFIED, "主持召開项城市脱贫工作问题交办会议", False, None),
        (SIMPLIFIED, "", True, None),
        (SIMPLIFIED, SIMPLIFIED + "还有更多", True, None),  # longer than the section
    ],
)
def test_quotes_align_as_planted(
    text: str, quote: str, fuzzy: bool, expected: tuple[str, AlignmentStatus] | None
) -> None:
    found = aligner(text).find(quote, fuzzy=fuzzy)
    if expected is None:
        assert found is None
        return
    assert found is not None
    span, status = found
    assert (span.text, status) == expected
    assert text[span.start : span.end] == span.text


def test_every_occurrence_is_found_on_the_simplified_copy() -> None:
    text = "米亮調研。米亮主持。"
    assert aligner(text).find_all("米亮") == [0, 5]


def _claims(**kwargs: object) -> SectionClaims:
    return SectionClaims(**kwargs)  # type: ignore[arg-type]


def ground(text: str, claims: SectionClaims) -> tuple[SectionRecords, list[str]]:
    report = ground_claims(ScriptView(text), 0, 0, len(text), claims, date(2020, 3, 2))
    return report.records, report.dropped


def test_a_name_must_stand_beside_one_of_its_posts() -> None:
    records, dropped = ground(
        TRADITIONAL, _claims(officials=[OfficialClaim("文建平", ["廣安區委書記"]), OfficialClaim("文建平", ["區長"])])
    )
    assert [o.name for o in records.officials] == ["文建平"]  # 區長 is not in the text beside him
    assert records.officials[0].region == "廣安區"
    assert records.officials[0].origin is Origin.MODEL
    assert dropped == ["official '文建平'"]


def test_every_name_of_a_list_after_a_post_is_accepted() -> None:
    text = "縣人大常委會副主任辛莉、蔣斌、沈江濤、李世科出席會議。"
    claims = _claims(officials=[OfficialClaim(n, ["縣人大常委會副主任"]) for n in ("辛莉", "蔣斌", "沈江濤", "李世科")])
    records, dropped = ground(text, claims)
    assert [o.name for o in records.officials] == ["辛莉", "蔣斌", "沈江濤", "李世科"]
    assert not dropped


def test_a_name_far_from_its_post_is_dropped() -> None:
    text = "縣委書記辛莉出席。會議還邀請了專家，張三介紹情況。"
    records, dropped = ground(text, _claims(officials=[OfficialClaim("張三", ["縣委書記"])]))
    assert not records.officials and dropped == ["official '張三'"]


def test_combined_posts_are_split_at_the_enumeration_comma() -> None:
    assert split_posts(["市委常委、市人民政府常务副市长", " 县长 "]) == ["市委常委", "市人民政府常务副市长", "县长"]
    text = "市委常委、市人民政府常务副市长陈家本出席。"
    records, _ = ground(text, _claims(officials=[OfficialClaim("陈家本", ["市委常委、市人民政府常务副市长"])]))
    assert records.officials[0].titles == ["市委常委", "市人民政府常务副市长"]


def test_a_rare_but_real_name_is_accepted() -> None:
    text = "副县长管旭日出席。"
    records, _ = ground(text, _claims(officials=[OfficialClaim("管旭日", ["副县长"])]))
    assert [o.name for o in records.officials] == ["管旭日"]


def test_figures_are_read_by_the_rules_parser() -> None:
    records, dropped = ground(TRADITIONAL, _claims(metrics=[MetricClaim("343名", "農民工"), MetricClaim("500名")]))
    assert [(m.value, m.unit, m.subject) for m in records.metrics] == [(343, "名", "農民工")]
    assert dropped == ["metric '500名'"]


def test_an_event_needs_a_named_official_and_a_day_the_text_states() -> None:
    claims = _claims(
        events=[
            EventClaim("2月27日", ["文建平"], "送行", "車站"),
            EventClaim("3月1日", ["文建平"], "送行"),  # no such day in the text
            EventClaim(None, ["王五"], "调研"),  # no such official
        ]
    )
    records, dropped = ground(TRADITIONAL, claims)
    assert len(records.events) == 1
    event = records.events[0]
    assert (str(event.date), event.officials, event.action, event.location) == (
        "2020-02-27",
        ["文建平"],
        "送行",
        "車站",
    )
    assert len(dropped) == 2


def test_the_dropped_warning_names_and_counts_items() -> None:
    assert dropped_warning([]) == []
    warning = dropped_warning([f"metric '{n}名'" for n in range(12)])[0]
    assert warning.startswith("dropped 12 model item(s)") and warning.endswith("… and 2 more")


# --- the slots task: the skeleton filled in -------------------------------------------------------


def skeleton_of(text: str, reference: str = "2020-03-02") -> tuple[ScriptView, SectionRecords]:
    view = ScriptView(text)
    sections = split_sections(view)
    return view, RuleExtractor(view, sections, date.fromisoformat(reference)).extract(0, sections[0])


def test_slot_phrases_must_be_found_in_the_event_sentence() -> None:
    view, skeleton = skeleton_of(TRADITIONAL)
    assert len(skeleton.events) == 1 and len(skeleton.metrics) == 1
    claims = SlotClaims(
        events=[EventSlotClaim(0, "为农民工送行", "车站", "reception"), EventSlotClaim(3, "调研")],
        metrics=[MetricSlotClaim(0, "農民工"), MetricSlotClaim(0, "企業")],
    )
    report = ground_slots(view, 0, (0, len(TRADITIONAL)), skeleton, claims, None)
    event = report.records.events[0]
    assert (event.action, event.location, event.kind) == ("為農民工送行", "車站", EventKind.RECEPTION)
    assert event.evidence == skeleton.events[0].evidence and event.officials == skeleton.events[0].officials
    assert [m.subject for m in report.records.metrics] == ["農民工", None]
    assert report.dropped == ["event E4 (no such event)", "subject '企業' of M1"]


def test_an_unknown_kind_is_other() -> None:
    view, skeleton = skeleton_of(TRADITIONAL)
    report = ground_slots(view, 0, (0, len(TRADITIONAL)), skeleton, SlotClaims([EventSlotClaim(0, kind="party")]), None)
    assert report.records.events[0].kind is EventKind.OTHER
