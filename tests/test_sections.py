"""Sectioning: lead, one section per leader, byline; a plain article is one section; nothing lost."""

from __future__ import annotations

from digestllm import SectionKind, extract
from digestllm.sections import split_sections
from digestllm.text import ScriptView
from tests.conftest import DATA, SEED


def tiles(text: str) -> bool:
    sections = split_sections(ScriptView(text))
    return (
        sections[0].start == 0
        and sections[-1].end == len(text)
        and all(a.end == b.start for a, b in zip(sections, sections[1:], strict=False))
    )


def test_the_seed_digest_has_a_lead_seven_leaders_and_a_byline() -> None:
    text = SEED.read_text(encoding="utf-8")
    sections = split_sections(ScriptView(text))
    assert [s.kind for s in sections] == [SectionKind.LEAD] + [SectionKind.LEADER] * 7 + [SectionKind.BYLINE]
    assert sections[1].header == "市人大常委會副主任、廣安區委書記文建平"
    assert sections[1].headline == "343名農民工乘坐東西部扶貧勞務協作專列抵達湖州"
    assert text[sections[-1].start :].startswith("(本報記者站")
    assert tiles(text)


def test_a_plain_article_is_one_section() -> None:
    for path in sorted((DATA / "corpus").glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        sections = split_sections(ScriptView(text))
        assert [s.kind for s in sections] == [SectionKind.ARTICLE], path.name


def test_page_furniture_ending_in_a_colon_is_no_leader() -> None:
    text = "縣委書記張三:\n\n正文一段。\n\n分享到:\n\n相關文章:\n"
    sections = split_sections(ScriptView(text))
    assert [s.kind for s in sections] == [SectionKind.LEADER, SectionKind.BYLINE]
    assert tiles(text)


def test_every_section_appears_in_the_result() -> None:
    result = extract(SEED.read_text(encoding="utf-8"), reference_date="2020-03-02", mode="rules")
    assert [s.index for s in result.sections] == list(range(9))
    assert result.sections[-1].status.value == "skipped"
    assert [s.counts["officials"] for s in result.sections] == [0, 2, 1, 2, 1, 1, 1, 1, 0]
    assert [s.counts["events"] for s in result.sections] == [0, 2, 1, 1, 1, 2, 1, 1, 0]
    assert [s.counts["metrics"] for s in result.sections] == [0, 8, 2, 5, 0, 0, 0, 5, 0]


def test_numbered_leader_lines_open_sections_too() -> None:
    text = (
        "市委书记的一周\n\n一、省委常委、合肥市委书记虞爱华\n\n5月23日上午,虞爱华出席座谈会。\n\n"
        "二、芜湖市委书记宁波\n\n近日,宁波调研企业。\n\n三、加快项目建设\n"
    )
    sections = split_sections(ScriptView(text))
    assert [s.kind for s in sections] == [SectionKind.LEAD, SectionKind.LEADER, SectionKind.LEADER]
    assert sections[1].header == "一、省委常委、合肥市委书记虞爱华"
    assert tiles(text)
