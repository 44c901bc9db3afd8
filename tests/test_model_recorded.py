"""The model path's `records` task (each section read afresh) against responses recorded from a real
model server (see cassettes/README.md); the default `slots` task is in `test_model_slots_recorded.py`.

CI replays them with no network (pytest-recording's default record mode, `none`): a request that
is not in the cassette fails the call, the section falls back, and these tests see that.
Re-record with `make cassettes` after changing a prompt or the response model.
"""

from __future__ import annotations

import pytest

from digestllm import SectionStatus, extract
from digestllm.evaluation import load_gold_corpus, score_corpus
from digestllm.model.prompts import load_prompts
from tests.conftest import DATA, SEED

LOCAL_SERVER = {
    "model": "qwen2.5-coder-1.5b-instruct",
    "base_url": "http://127.0.0.1:8765/v1",
    "api_key": "local-server-ignores-this",
    "concurrency": 1,  # the llama.cpp server answers one request at a time
    "timeout": 600.0,
    "transport_retries": 0,
}
RECORDS_TASK = {**LOCAL_SERVER, "task": "records"}


def _with_model(text: str, reference_date: str):
    return extract(text, reference_date=reference_date, mode="model", **RECORDS_TASK)


@pytest.mark.vcr
def test_every_seed_section_is_answered_by_the_model() -> None:
    result = _with_model(SEED.read_text(encoding="utf-8"), "2020-03-02")
    asked = [s for s in result.sections if s.kind.value != "byline"]
    assert len(asked) == 8
    for section in asked:
        assert section.status is SectionStatus.OK, section.warnings
        assert section.extractor == "rules+model"
        assert section.usage is not None and section.usage.calls >= 1
        assert section.usage.prompt_tokens > 0 and section.usage.completion_tokens > 0
    assert result.prompt_version == load_prompts().version


@pytest.mark.vcr
def test_a_simplified_article_is_answered_and_grounded() -> None:
    name, gold, text = next(d for d in load_gold_corpus(DATA / "corpus") if d[0].startswith("13_"))
    result = _with_model(text, gold["doc_date"])
    assert [s.status for s in result.sections] == [SectionStatus.OK]
    assert result.sections[0].usage is not None and result.sections[0].usage.calls >= 1
    assert {o.name for o in result.officials} >= {"丁福浩", "孙鸿俊"}


@pytest.mark.vcr
def test_merged_records_score_no_lower_than_the_rules_and_all_are_grounded() -> None:
    rules_pairs, merged_pairs = [], []
    for name, gold, text in load_gold_corpus(DATA / "corpus"):
        rules = extract(text, reference_date=gold["doc_date"], mode="rules")
        merged = _with_model(text, gold["doc_date"])
        assert all(s.status is SectionStatus.OK for s in merged.sections if s.kind.value != "byline"), name
        for record in [*merged.metrics, *merged.events]:
            assert text[record.evidence.start : record.evidence.end] == record.evidence.text
        for official in merged.officials:
            assert all(text[m.start : m.end] == m.text for m in official.mentions)
            assert official.name in text
        rules_pairs.append((name, gold, rules.model_dump(mode="json")))
        merged_pairs.append((name, gold, merged.model_dump(mode="json")))
    assert score_corpus(merged_pairs).overall_f1 >= score_corpus(rules_pairs).overall_f1
