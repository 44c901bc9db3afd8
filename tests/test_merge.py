"""The merge of the rules' records with a model's, one rule of its conflict policy per test."""

from __future__ import annotations

import datetime as dt

import pytest

from digestllm.merge import FIELD_POLICY, FieldPolicy, merge_section
from digestllm.records import SectionRecords
from digestllm.schemas import Event, EventKind, Metric, Official, Origin, Span


def span(start: int, text: str) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def official(name: str, titles: list[str], origin: Origin = Origin.RULES, at: int = 0) -> Official:
    return Official(name=name, titles=titles, mentions=[span(at, name)], origin=origin)


def event(names: list[str], origin: Origin = Origin.RULES, **fields: object) -> Event:
    values: dict[str, object] = {"date": dt.date(2020, 2, 27), "evidence": span(0, "2月27日，文建平送行。")}
    values.update(fields)
    return Event(officials=names, origin=origin, **values)  # type: ignore[arg-type]


def metric(at: int, subject: str | None, origin: Origin = Origin.RULES) -> Metric:
    return Metric(value=343, unit="名", raw="343名", subject=subject, evidence=span(at, "343名"), origin=origin)


def test_officials_are_one_per_name_across_scripts_with_posts_united() -> None:
    rules = SectionRecords(officials=[official("文建平", ["區委書記"])])
    model = SectionRecords(officials=[official("文建平", ["市人大常委會副主任"], Origin.MODEL, at=30)])
    merged, _ = merge_section(rules, model, {"文建平"})
    assert len(merged.officials) == 1
    kept = merged.officials[0]
    assert kept.titles == ["區委書記", "市人大常委會副主任"] and kept.origin is Origin.BOTH
    assert [m.start for m in kept.mentions] == [0, 30]


def test_a_figure_is_one_per_place_in_the_text_and_the_rules_value_stands() -> None:
    rules = SectionRecords(metrics=[metric(10, None)])
    model = SectionRecords(metrics=[metric(10, "農民工", Origin.MODEL), metric(40, "工人", Origin.MODEL)])
    merged, _ = merge_section(rules, model, set())
    assert [(m.evidence.start, m.subject, m.origin) for m in merged.metrics] == [
        (10, "農民工", Origin.BOTH),  # the blank subject filled in
        (40, "工人", Origin.MODEL),  # a figure only the model quoted
    ]


def test_a_subject_the_rules_read_is_kept_when_the_policy_only_fills_blanks() -> None:
    assert FIELD_POLICY["subject"] is FieldPolicy.FILL
    merged, _ = merge_section(
        SectionRecords(metrics=[metric(10, "農民")]), SectionRecords(metrics=[metric(10, "農民工")]), set()
    )
    assert merged.metrics[0].subject == "農民"


def test_a_model_event_of_strangers_is_set_aside() -> None:
    merged, set_aside = merge_section(
        SectionRecords(), SectionRecords(events=[event(["董事會"], Origin.MODEL)]), {"文建平"}
    )
    assert not merged.events
    assert set_aside == ["event of 董事會 (not an official of the document)"]


def test_a_model_event_adds_only_officials_without_a_rules_event() -> None:
    rules = SectionRecords(events=[event(["文建平"])])
    model = SectionRecords(events=[event(["文建平", "劉永明"], Origin.MODEL, evidence=span(20, "劉永明送行"))])
    merged, _ = merge_section(rules, model, {"文建平", "刘永明"})
    assert [(e.officials, e.origin) for e in merged.events] == [(["文建平", "劉永明"], Origin.BOTH)]


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (FieldPolicy.RULES, ("送行", None, EventKind.OTHER)),
        (FieldPolicy.FILL, ("送行", "車站", EventKind.RECEPTION)),  # the blanks (no place, kind other) filled
        (FieldPolicy.MODEL, ("到車站為農民工送行", "車站", EventKind.RECEPTION)),
    ],
)
def test_the_skeleton_event_the_model_filled_in_takes_its_fields_as_the_policy_says(
    monkeypatch: pytest.MonkeyPatch, policy: FieldPolicy, expected: tuple[str, str | None, EventKind]
) -> None:
    for name in ("action", "location", "kind"):
        monkeypatch.setitem(FIELD_POLICY, name, policy)
    rules = SectionRecords(events=[event(["文建平"], action="送行", location=None, kind=EventKind.OTHER)])
    filled = event(["文建平"], Origin.MODEL, action="到車站為農民工送行", location="車站", kind=EventKind.RECEPTION)
    merged, _ = merge_section(rules, SectionRecords(events=[filled]), {"文建平"})
    result = merged.events[0]
    assert (result.action, result.location, result.kind) == expected
    assert result.origin is Origin.BOTH


def test_every_descriptive_field_has_a_policy() -> None:
    assert set(FIELD_POLICY) == {"action", "location", "kind", "subject"}


def test_a_model_kind_of_other_never_replaces_a_rules_kind() -> None:
    rules = SectionRecords(events=[event(["文建平"], kind=EventKind.RECEPTION)])
    merged, _ = merge_section(rules, SectionRecords(events=[event(["文建平"], Origin.MODEL)]), {"文建平"})
    assert merged.events[0].kind is EventKind.RECEPTION
