"""Per-section records → the document's: officials merged, figures told again counted once."""

from __future__ import annotations

from digestllm.consolidate import consolidate_officials, deduplicate_metrics, fullest_titles
from digestllm.schemas import Metric, Official, Origin, Span
from digestllm.text import ScriptView


def test_each_post_once_in_its_fullest_form() -> None:
    assert fullest_titles(["區委書記", "前鋒區委書記", "前锋区委书记", "區長"]) == ["前鋒區委書記", "區長"]


def test_an_official_named_in_several_sections_is_one_with_every_mention() -> None:
    text = "前鋒區委書記米亮：米亮主持會議。記者 米亮"
    view = ScriptView(text)
    first = Official(name="米亮", titles=["區委書記"], mentions=[view.span(6, 8)])
    second = Official(
        name="米亮", titles=["前鋒區委書記"], region="前鋒區", mentions=[view.span(9, 11)], origin=Origin.MODEL
    )
    byline = (text.index("記者"), len(text))
    [merged] = consolidate_officials(view, [first, second], skip=[byline])
    assert merged.titles == ["前鋒區委書記"] and merged.region == "前鋒區" and merged.origin is Origin.BOTH
    assert [m.start for m in merged.mentions] == [6, 9]  # not the byline's 米亮


def test_a_shorter_name_inside_a_longer_one_is_not_its_mention() -> None:
    text = "李明亮調研。李明主持。"
    view = ScriptView(text)
    officials = [Official(name="李明亮", mentions=[view.span(0, 3)]), Official(name="李明", mentions=[view.span(6, 8)])]
    merged = {o.name: [m.start for m in o.mentions] for o in consolidate_officials(view, officials)}
    assert merged == {"李明亮": [0], "李明": [6]}


def figure(at: int, value: float, unit: str, subject: str | None, section: int = 0) -> Metric:
    raw = f"{value:g}{unit}"
    return Metric(
        value=value,
        unit=unit,
        raw=raw,
        subject=subject,
        evidence=Span(start=at, end=at + len(raw), text=raw),
        section=section,
    )


def test_a_figure_told_again_for_the_same_subject_is_one_metric() -> None:
    metrics = [
        figure(0, 83, "户", "规上企业"),
        figure(50, 83, "户", "规上企业复工"),
        figure(90, 83, "户", "贫困户", section=1),
    ]
    kept = deduplicate_metrics(metrics)
    assert [(m.evidence.start, m.subject) for m in kept] == [(0, "规上企业"), (90, "贫困户")]


def test_a_headline_figure_is_the_bodys_told_first() -> None:
    metrics = [figure(3, 343, "名", "农民工"), figure(40, 343, "名", "务工人员")]
    assert len(deduplicate_metrics(metrics, headlines=[(0, 20)])) == 1
    assert len(deduplicate_metrics(metrics)) == 2


def test_a_statement_repeated_elsewhere_is_dropped_with_its_partner_figures() -> None:
    metrics = [
        figure(0, 30, "个", "项目"),
        figure(10, 158.2, "亿元", "总投资"),
        figure(200, 30, "个", "项目"),
        figure(210, 158.2, "亿元", None),
    ]
    kept = deduplicate_metrics(metrics)
    assert [m.evidence.start for m in kept] == [0, 10]


def test_small_round_counts_alone_are_not_taken_for_a_repeated_statement() -> None:
    metrics = [
        figure(0, 3, "个", "乡镇"),
        figure(10, 5, "个", "村"),
        figure(300, 3, "个", "园区", 1),
        figure(310, 5, "个", "社区", 1),
    ]
    assert len(deduplicate_metrics(metrics)) == 4
