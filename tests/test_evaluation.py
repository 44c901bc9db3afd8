"""The project's scorer (`digestllm.evaluation`) against ANNOTATION.md and the reference `score.py`."""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import re
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType

import pytest
from opencc import OpenCC

from digestllm import extract
from digestllm.evaluation import (
    CorpusScore,
    DocumentScore,
    Tally,
    format_report,
    load_gold_corpus,
    score_corpus,
    score_document,
)
from digestllm.evaluation_fields import phrase_hit

CORPUS_DIR = Path(__file__).parent / "data" / "corpus"
SHARED_SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "score.py"
CORPUS = load_gold_corpus(CORPUS_DIR)


def metric(value: object, unit: str = "元") -> dict:
    return {"value": value, "unit": unit, "raw": str(value)}


def event(date: str | None, *officials: object) -> dict:
    return {"date": date, "officials": list(officials)}


# --- Tally conventions --------------------------------------------------------------------------


def test_empty_tally_is_perfect() -> None:
    tally = Tally()
    assert (tally.precision, tally.recall, tally.f1) == (1.0, 1.0, 1.0)


def test_nothing_predicted_but_gold_missed_scores_zero() -> None:
    tally = Tally(tp=0, fp=0, fn=3)
    assert (tally.precision, tally.recall, tally.f1) == (0.0, 0.0, 0.0)


def test_predictions_without_gold_have_full_recall_and_no_precision() -> None:
    tally = Tally(tp=0, fp=2, fn=0)
    assert (tally.precision, tally.recall, tally.f1) == (0.0, 1.0, 0.0)


def test_tally_ratios_and_sum() -> None:
    tally = Tally(tp=2, fp=1, fn=1) + Tally(tp=4, fp=0, fn=5)
    assert tally == Tally(tp=6, fp=1, fn=6)
    assert tally.precision == pytest.approx(6 / 7)
    assert tally.recall == pytest.approx(0.5)
    assert tally.f1 == pytest.approx(2 * (6 / 7) * 0.5 / (6 / 7 + 0.5))


# --- officials and titles -----------------------------------------------------------------------


def test_traditional_and_simplified_names_match() -> None:
    gold = {"officials": [{"name": "劉永明"}, {"name": "鄭鵬程"}]}
    pred = {"officials": [{"name": "刘永明"}, {"name": " 郑 鹏程\n"}]}
    assert score_document(gold, pred).officials == Tally(tp=2, fp=0, fn=0)


def test_officials_are_a_set_of_names() -> None:
    gold = {"officials": [{"name": "米亮"}]}
    pred = {"officials": [{"name": "米亮"}, {"name": "米亮"}, {"name": "蒋波"}, {"name": ""}]}
    assert score_document(gold, pred).officials == Tally(tp=1, fp=1, fn=0)


def test_titles_count_only_for_officials_found_on_both_sides() -> None:
    gold = {
        "officials": [
            {"name": "文建平", "titles": ["市人大常委會副主任", "廣安區委書記"]},
            {"name": "米亮", "titles": ["前鋒區委書記"]},
        ]
    }
    pred = {
        "officials": [
            {"name": "文建平", "titles": ["广安区委书记", "区委书记", "广安区委书记"]},
            {"name": "赵璞", "titles": ["邻水县委书记"]},
        ]
    }
    score = score_document(gold, pred)
    assert score.titles == Tally(tp=1, fp=1, fn=1)
    assert score.officials == Tally(tp=1, fp=1, fn=1)


def test_titles_of_repeated_official_records_are_merged() -> None:
    gold = {"officials": [{"name": "刘永明", "titles": ["广安区委副书记", "区长"]}]}
    pred = {"officials": [{"name": "刘永明", "titles": ["广安区委副书记"]}, {"name": "劉永明", "titles": ["區長"]}]}
    assert score_document(gold, pred).titles == Tally(tp=2, fp=0, fn=0)


# --- metrics ------------------------------------------------------------------------------------


def test_magnitude_written_either_way_matches() -> None:
    gold = {"metrics": [metric(76000000), metric(93.1, "%")]}
    pred = {"metrics": [metric(7.6e7), metric("93.1", "%")]}
    assert score_document(gold, pred).metrics == Tally(tp=2, fp=0, fn=0)


def test_values_compare_to_six_significant_digits() -> None:
    gold = {"metrics": [metric(88.8, "%"), metric(23500000000)]}
    pred = {"metrics": [metric(88.80000001, "%"), metric(23510000000)]}
    assert score_document(gold, pred).metrics == Tally(tp=1, fp=1, fn=1)


def test_unit_compares_across_scripts_and_must_agree() -> None:
    gold = {"metrics": [metric(83, "戶"), metric(3, "個")]}
    pred = {"metrics": [metric(83, "户"), metric(3, "家")]}
    assert score_document(gold, pred).metrics == Tally(tp=1, fp=1, fn=1)


def test_metrics_are_a_multiset() -> None:
    gold = {"metrics": [metric(30, "个"), metric(30, "个"), metric(30, "天")]}
    pred = {"metrics": [metric(30, "个"), metric(30, "天"), metric(30, "天")]}
    assert score_document(gold, pred).metrics == Tally(tp=2, fp=1, fn=1)


def test_optional_metrics_are_neither_hit_nor_miss() -> None:
    gold = {"metrics": [metric(343, "名")], "optional_metrics": [metric(100000000), metric(10, "项")]}
    predicted_optional = {"metrics": [metric(343, "名"), metric(1e8)]}
    assert score_document(gold, predicted_optional).metrics == Tally(tp=1, fp=0, fn=0)
    twice = {"metrics": [metric(343, "名"), metric(1e8), metric(1e8)]}
    assert score_document(gold, twice).metrics == Tally(tp=1, fp=1, fn=0)


def test_non_numeric_value_matches_no_number() -> None:
    gold = {"metrics": [metric(0)]}
    pred = {"metrics": [metric("several"), metric(None)]}
    assert score_document(gold, pred).metrics == Tally(tp=0, fp=2, fn=1)


# --- events -------------------------------------------------------------------------------------


def test_events_give_one_pair_per_official() -> None:
    gold = {"events": [event("2020-02-27", "文建平", "劉永明")]}
    pred = {"events": [event("2020-02-27", "文建平"), event("2020-02-28", "刘永明")]}
    assert score_document(gold, pred).events == Tally(tp=1, fp=1, fn=1)


def test_duplicate_event_pairs_collapse() -> None:
    gold = {"events": [event("2020-02-26", "毛加慶")]}
    pred = {"events": [event("2020-02-26", "毛加庆"), event("2020-02-26", "毛加慶", "毛加庆")]}
    assert score_document(gold, pred).events == Tally(tp=1, fp=0, fn=0)


def test_missing_date_is_the_string_none() -> None:
    gold = {"events": [event(None, "趙璞"), event(None, "謝洋波")]}
    pred = {"events": [{"officials": ["赵璞"]}, event("None", "谢洋波")]}
    assert score_document(gold, pred).events == Tally(tp=2, fp=0, fn=0)
    dated = {"events": [event("2020-03-01", "赵璞")]}
    assert score_document(gold, dated).events == Tally(tp=0, fp=1, fn=2)


def test_nested_official_record_gives_its_name() -> None:
    gold = {"events": [event("2020-02-24", "蔣波")]}
    pred = {"events": [event("2020-02-24", {"name": "蒋波", "titles": ["枣山园区党工委书记"]})]}
    assert score_document(gold, pred).events == Tally(tp=1, fp=0, fn=0)


# --- whole documents and corpora ----------------------------------------------------------------


def test_empty_gold_and_empty_prediction_score_one() -> None:
    score = score_document({}, {})
    assert all(t == Tally() for t in score.tallies().values())
    assert score.overall_f1 == 1.0


def test_empty_prediction_misses_everything() -> None:
    gold = {
        "officials": [{"name": "米亮"}],
        "metrics": [metric(12, "家")],
        "events": [event("2020-02-23", "米亮")],
    }
    score = score_document(gold, {"officials": [], "metrics": [], "events": []})
    assert (score.officials, score.metrics, score.events) == (Tally(fn=1), Tally(fn=1), Tally(fn=1))
    assert score.overall_f1 == 0.0


def test_overall_is_the_mean_of_officials_metrics_and_events_not_titles() -> None:
    gold = {"officials": [{"name": "米亮", "titles": ["前锋区委书记"]}], "metrics": [metric(1, "个")]}
    pred = {"officials": [{"name": "米亮", "titles": ["区长"]}]}
    score = score_document(gold, pred)
    assert score.titles.f1 == 0.0
    assert score.overall_f1 == pytest.approx((1.0 + 0.0 + 1.0) / 3)


def test_corpus_score_is_micro_averaged() -> None:
    perfect = {"metrics": [metric(n, "个") for n in range(1, 10)]}
    poor = {"metrics": [metric(1, "人")]}
    score = score_corpus([("a", perfect, perfect), ("b", poor, {})])
    assert isinstance(score, CorpusScore)
    assert score.metrics == Tally(tp=9, fp=0, fn=1)
    assert score.metrics.f1 == pytest.approx(2 * 0.9 / 1.9)  # a macro average would give 0.5
    assert list(score.documents) == ["a", "b"]
    assert score.documents["b"].tallies() == DocumentScore(Tally(), Tally(), Tally(fn=1), Tally()).tallies()


def test_corpus_rejects_a_document_scored_twice() -> None:
    with pytest.raises(ValueError, match="scored twice"):
        score_corpus([("a", {}, {}), ("a", {}, {})])


def test_load_gold_corpus_pairs_gold_with_text(tmp_path: Path) -> None:
    (tmp_path / "b.gold.json").write_text(json.dumps({"doc_date": "2020-01-02"}), encoding="utf-8")
    (tmp_path / "b.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")  # no a.txt: left out
    (tmp_path / "c.txt").write_text("无金标", encoding="utf-8")
    assert load_gold_corpus(tmp_path) == [("b", {"doc_date": "2020-01-02"}, "正文")]


def test_bundled_dev_corpus_loads() -> None:
    assert len(CORPUS) == 5
    for name, gold, text in CORPUS:
        assert text == (CORPUS_DIR / f"{name}.txt").read_text(encoding="utf-8")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["doc_date"])


def test_report_lists_each_type_and_overall() -> None:
    gold = {"officials": [{"name": "米亮"}], "events": [event("2020-02-23", "米亮")]}
    report = format_report(score_corpus([("doc", gold, {"officials": [{"name": "米亮"}, {"name": "蒋波"}]})]))
    lines = report.splitlines()
    assert lines[0].startswith("doc: officials f1=0.67 (tp=1 fp=1 fn=0)")
    assert "officials precision=0.500 recall=1.000 f1=0.667  (tp=1 fp=1 fn=0)" in lines
    assert "events    precision=0.000 recall=0.000 f1=0.000  (tp=0 fp=0 fn=1)" in lines
    assert lines[-1] == "overall_f1=0.556"
    assert format_report(score_document({}, {})).splitlines()[-1] == "overall_f1=1.000"


# --- cross-check against the reference scorer ---------------------------------------------------

_S2T = OpenCC("s2t").convert


def _identity(gold: dict) -> dict:
    return copy.deepcopy(gold)


def _dropped(gold: dict) -> dict:
    pred = copy.deepcopy(gold)
    pred["officials"] = pred.get("officials", [])[::2]
    pred["metrics"] = pred.get("metrics", [])[1::2]
    pred["events"] = pred.get("events", [])[::2]
    return pred


def _extra(gold: dict) -> dict:
    pred = copy.deepcopy(gold)
    pred["officials"] = pred.get("officials", []) + [{"name": "张三", "titles": ["村主任"]}]
    pred["metrics"] = pred.get("metrics", []) * 2 + gold.get("optional_metrics", []) * 2 + [metric(12345)]
    pred["events"] = pred.get("events", []) + [event("2020-01-01", "张三", gold["officials"][0]["name"])]
    return pred


def _wrong_dates(gold: dict) -> dict:
    pred = copy.deepcopy(gold)
    for i, e in enumerate(pred.get("events", [])):
        e["date"] = (None, "2019-12-31", e["date"])[i % 3]
    return pred


def _other_script(gold: dict) -> dict:
    """Names, titles and units in Traditional script; event officials as nested records."""
    pred = copy.deepcopy(gold)
    for o in pred.get("officials", []):
        o["name"] = _S2T(o["name"])
        o["titles"] = [_S2T(t) for t in o.get("titles", [])]
    for m in pred.get("metrics", []):
        m["unit"] = _S2T(m["unit"])
    for e in pred.get("events", []):
        e["officials"] = [{"name": _S2T(n)} for n in e["officials"]]
    return pred


def _wrong_titles_and_values(gold: dict) -> dict:
    pred = copy.deepcopy(gold)
    for o in pred.get("officials", []):
        o["titles"] = o.get("titles", [])[:1] + ["副县长"]
    for m in pred.get("metrics", []):
        m["value"] = str(m["value"]) if m["value"] % 2 else m["value"] * 10
    return pred


def _degenerate(gold: dict) -> dict:
    return {
        "officials": [
            {"name": "", "titles": ["书记"]},
            {"name": None},
            {"name": gold["officials"][0]["name"], "titles": None},
        ],
        "metrics": [metric(float("nan")), metric("abc", None), metric(None, "%"), metric(True, "个")],
        "events": [{"date": "", "officials": [None, {"titles": []}]}, {"officials": None}],
    }


def _empty(gold: dict) -> dict:
    return {}


def _descriptive_fields_changed(gold: dict) -> dict:
    """Regions dropped, actions cut or replaced, places nulled or given, kinds wrong, subjects shifted."""
    pred = copy.deepcopy(gold)
    for i, o in enumerate(pred.get("officials", [])):
        o["region"] = (None, o.get("region"), "广安区")[i % 3]
    for i, e in enumerate(pred.get("events", [])):
        action = e.get("action") or ""
        e["action"] = (action[: len(action) // 3], action + "并讲话", None, _S2T(action))[i % 4]
        e["location"] = (None, "会议室", e.get("location"))[i % 3]
        e["kind"] = ("other", e.get("kind"))[i % 2]
    for i, m in enumerate(pred.get("metrics", [])):
        m["subject"] = (None, (m.get("subject") or "") + "总数", "项目")[i % 3]
    return pred


VARIANTS: dict[str, Callable[[dict], dict]] = {
    f.__name__.lstrip("_"): f
    for f in (
        _identity,
        _dropped,
        _extra,
        _wrong_dates,
        _other_script,
        _wrong_titles_and_values,
        _degenerate,
        _empty,
        _descriptive_fields_changed,
    )
}

_TALLY_LINE = re.compile(r"^(\w+)\s+precision=\S+ recall=\S+ f1=(\S+)\s+\(tp=(\d+) fp=(\d+) fn=(\d+)\)$", re.M)
_HIT_LINE = re.compile(r"^(\w+)\s+hit=\S+\s+\((\d+) of (\d+) matched records\)$", re.M)
_FIELDS_HIT_LINE = re.compile(r"^fields_hit=(\S+)$", re.M)


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    if not SHARED_SCORER.is_file():
        pytest.skip(f"reference scorer not found at {SHARED_SCORER} (the shared folder is absent)")
    spec = importlib.util.spec_from_file_location("shared_reference_score", SHARED_SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference_score(reference: ModuleType, pairs: list[tuple[str, dict, dict]]) -> tuple[float, dict[str, tuple], str]:
    """The reference's overall F1, per type its printed F1 and (tp, fp, fn), and all it printed."""
    out = io.StringIO()
    with redirect_stdout(out):
        overall = reference.score(copy.deepcopy(pairs), verbose=False)
    rows = {m[1]: (m[2], (int(m[3]), int(m[4]), int(m[5]))) for m in _TALLY_LINE.finditer(out.getvalue())}
    assert set(rows) == {"officials", "titles", "metrics", "events"}, out.getvalue()
    return overall, rows, out.getvalue()


def _assert_agrees(reference: ModuleType, pairs: list[tuple[str, dict, dict]]) -> None:
    overall, rows, printed = _reference_score(reference, pairs)
    ours = score_corpus(pairs)
    for label, tally in ours.tallies().items():
        printed_f1, counts = rows[label]
        assert (tally.tp, tally.fp, tally.fn) == counts, label
        assert f"{tally.f1:.3f}" == printed_f1, label
    assert ours.overall_f1 == pytest.approx(overall, abs=1e-12)
    their_hits = {m[1]: (int(m[2]), int(m[3])) for m in _HIT_LINE.finditer(printed)}
    our_hits = {name: (hits.hit, hits.total) for name, hits in ours.fields.items() if hits.total}
    assert our_hits == their_hits
    fields_hit = _FIELDS_HIT_LINE.search(printed)
    ours_printed = None if ours.fields_hit is None else f"{ours.fields_hit:.3f}"
    assert (fields_hit[1] if fields_hit else None) == ours_printed


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("document", [name for name, _, _ in CORPUS])
def test_agrees_with_reference_scorer_per_document(reference: ModuleType, document: str, variant: str) -> None:
    gold = next(g for name, g, _ in CORPUS if name == document)
    _assert_agrees(reference, [(document, gold, VARIANTS[variant](gold))])


@pytest.mark.parametrize("variant", VARIANTS)
def test_agrees_with_reference_scorer_over_the_corpus(reference: ModuleType, variant: str) -> None:
    pairs = [(name, gold, VARIANTS[variant](gold)) for name, gold, _ in CORPUS]
    _assert_agrees(reference, pairs)
    if variant == "identity":
        assert score_corpus(pairs).overall_f1 == 1.0
        assert score_corpus(pairs).fields_hit == 1.0


def test_agrees_with_reference_scorer_on_the_extractors_output(reference: ModuleType) -> None:
    pairs = [
        (name, gold, extract(text, reference_date=gold["doc_date"], mode="rules").model_dump(mode="json"))
        for name, gold, text in CORPUS
    ]
    _assert_agrees(reference, pairs)
    assert score_corpus(pairs).fields["kind"].total > 0


# --- descriptive fields (ANNOTATION.md, "Descriptive fields") --------------------------------------


def test_a_phrase_sharing_half_its_characters_is_a_hit() -> None:
    assert phrase_hit("主持召开会议", "主持召开常委会会议")
    assert not phrase_hit("主持召开项城市脱贫攻坚问题交办会议", "交办会")  # too short a share
    assert phrase_hit("", "")  # a null gold wants a null answer
    assert not phrase_hit("", "会议室")
    assert not phrase_hit("会议室", "")


def test_kind_and_region_must_be_equal_and_fields_score_on_matched_records_only() -> None:
    gold = {
        "officials": [{"name": "米亮", "titles": [], "region": "前锋区"}, {"name": "蒋波", "region": None}],
        "events": [
            {
                "date": "2020-02-23",
                "officials": ["米亮"],
                "action": "主持研究疫情防控",
                "location": None,
                "kind": "meeting",
            }
        ],
        "metrics": [{"value": 83, "unit": "户", "subject": "规上企业"}],
    }
    pred = {
        "officials": [{"name": "米亮", "region": "前鋒區"}],  # 蒋波 not found: his region is not scored
        "events": [
            {"date": "2020-02-23", "officials": ["米亮"], "action": "主持研究", "location": "区委", "kind": "other"}
        ],
        "metrics": [{"value": 83, "unit": "戶", "subject": "規上企業"}],
    }
    fields = score_document(gold, pred).fields
    assert {name: (h.hit, h.total) for name, h in fields.items()} == {
        "region": (1, 1),
        "action": (1, 1),
        "location": (0, 1),
        "kind": (0, 1),
        "subject": (1, 1),
    }
    assert score_document(gold, pred).fields_hit == pytest.approx(3 / 5)
