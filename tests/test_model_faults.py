"""The model path when the server misbehaves: each fault ends in a retry, a fallback or a dropped item."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from digestllm import ConfigurationError, SectionStatus, extract
from tests.conftest import SEED
from tests.fakes import EMPTY_ANSWER, ScriptedServer, tool_call_response

ARTICLE = "3月5日，市委副书记李龙到大城县调研企业复工复产，县长庞大鹏陪同。全县已复工企业83家。"
FAST = {
    "model": "fake-model",
    "base_url": "http://model.test/v1",
    "api_key": "sk-test-0000000000000000",
    "transport_retries": 1,
    "validation_retries": 1,
    "timeout": 5.0,
    "task": "records",  # the scripted answers read each section afresh (the slots task: test_model_slots.py)
}


def run(server: ScriptedServer, text: str = ARTICLE, **options: Any):
    return extract(text, reference_date="2020-03-06", mode="model", transport=server.transport, **{**FAST, **options})


def rules_only(text: str = ARTICLE):
    return extract(text, reference_date="2020-03-06", mode="rules")


def test_a_429_is_retried_by_the_client_and_then_succeeds() -> None:
    server = ScriptedServer(
        httpx.Response(429, headers={"retry-after": "0"}, json={"error": "slow down"}), tool_call_response(EMPTY_ANSWER)
    )
    result = run(server)
    section = result.sections[0]
    assert section.status is SectionStatus.OK
    assert section.usage is not None and section.usage.calls == 2 and section.usage.retries == 1
    assert "slow down" not in str(server.requests[1].content)  # a rate limit never reaches a prompt


def test_a_server_error_that_persists_falls_back_to_the_rules() -> None:
    server = ScriptedServer(httpx.Response(500, json={"error": "boom"}))
    result = run(server)
    section = result.sections[0]
    assert section.status is SectionStatus.FALLBACK
    assert section.extractor == "rules"
    assert "HTTP 500" in section.warnings[0]
    assert len(server.requests) == 2  # one try and one client retry
    assert [o.name for o in result.officials] == [o.name for o in rules_only().officials]


def test_a_timeout_falls_back_to_the_rules() -> None:
    server = ScriptedServer(httpx.ReadTimeout("read timed out"))
    result = run(server)
    assert result.sections[0].status is SectionStatus.FALLBACK
    assert "timed out" in result.sections[0].warnings[0]
    assert {o.name for o in result.officials} == {"李龙", "庞大鹏"}


def test_garbage_json_is_re_asked_then_falls_back() -> None:
    server = ScriptedServer(tool_call_response("{not json at all"))
    result = run(server)
    assert len(server.requests) == 2  # the first answer and one re-ask
    assert result.sections[0].status is SectionStatus.FALLBACK
    assert "did not fit the schema" in result.sections[0].warnings[0]


def test_a_re_ask_that_succeeds_keeps_the_model_path() -> None:
    server = ScriptedServer(tool_call_response({"officials": "nobody"}), tool_call_response(EMPTY_ANSWER))
    result = run(server)
    section = result.sections[0]
    assert section.status is SectionStatus.OK
    assert section.usage is not None and section.usage.calls == 2


def test_a_name_that_is_not_in_the_text_is_dropped_and_counted() -> None:
    answer = {
        "officials": [{"name": "张三", "titles": ["县委书记"]}, {"name": "李龙", "titles": ["市委副书记"]}],
        "events": [{"date_text": "3月5日", "officials": ["张三"], "action": "调研"}],
        "metrics": [{"quantity": "999家", "subject": "企业"}, {"quantity": "83家", "subject": "复工企业"}],
    }
    result = run(ScriptedServer(tool_call_response(answer)))
    names = {o.name for o in result.officials}
    assert "张三" not in names and "李龙" in names
    assert all("张三" not in e.officials for e in result.events)
    assert [m.value for m in result.metrics] == [83]
    assert "dropped 3 model item(s)" in result.sections[0].warnings[0]
    li_long = next(o for o in result.officials if o.name == "李龙")
    assert li_long.origin.value == "both"


def test_a_rejected_key_is_a_configuration_error_without_retries() -> None:
    server = ScriptedServer(httpx.Response(401, json={"error": {"message": "invalid api key"}}))
    with pytest.raises(ConfigurationError, match="rejected the API key"):
        run(server)
    assert len(server.requests) == 1


def test_a_cached_rerun_makes_no_call(tmp_path: Any) -> None:
    first = ScriptedServer(tool_call_response(EMPTY_ANSWER))
    run(first, cache_dir=tmp_path)
    second = ScriptedServer(tool_call_response(EMPTY_ANSWER))
    result = run(second, cache_dir=tmp_path)
    assert len(first.requests) == 1 and second.requests == []
    assert result.sections[0].usage is not None and result.sections[0].usage.cached


def test_sections_run_concurrently_one_call_each() -> None:
    server = ScriptedServer(tool_call_response(EMPTY_ANSWER), hold_until=8)
    result = run(server, text=SEED.read_text(encoding="utf-8"), concurrency=8)
    asked = [s for s in result.sections if s.kind.value != "byline"]
    assert len(server.requests) == len(asked) == 8
    assert server.most_in_flight == 8
    assert all(s.usage is not None and s.usage.calls == 1 for s in asked)


def test_concurrency_is_bounded() -> None:
    server = ScriptedServer(tool_call_response(EMPTY_ANSWER), hold_until=3)
    run(server, text=SEED.read_text(encoding="utf-8"), concurrency=3)
    assert server.most_in_flight == 3


def test_a_model_only_official_beside_a_post_is_kept() -> None:
    text = "3月5日，县应急管理局主要负责人王小明出席签约仪式。"
    answer = {"officials": [{"name": "王小明", "titles": ["县应急管理局主要负责人"]}], "events": [], "metrics": []}
    assert rules_only(text).officials == []
    result = run(ScriptedServer(tool_call_response(answer)), text=text)
    assert [(o.name, o.origin.value) for o in result.officials] == [("王小明", "model")]


def test_md_json_mode_reads_a_fenced_json_answer() -> None:
    answer = '```json\n{"officials": [{"name": "李龙", "titles": ["市委副书记"]}], "events": [], "metrics": []}\n```'
    body = {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "fake-model",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": answer}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }
    server = ScriptedServer(httpx.Response(200, json=body))
    result = run(server, instructor_mode="md_json")
    assert result.sections[0].status is SectionStatus.OK
    assert "tools" not in server.requests[0].content.decode()
    assert next(o for o in result.officials if o.name == "李龙").origin.value == "both"


def test_an_unknown_instructor_mode_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="instructor_mode"):
        run(ScriptedServer(tool_call_response(EMPTY_ANSWER)), instructor_mode="json_schema")


def test_sections_past_the_documents_model_budget_go_to_the_rules() -> None:
    server = ScriptedServer(tool_call_response(EMPTY_ANSWER))
    text = SEED.read_text(encoding="utf-8")
    result = run(server, text=text, max_document_chars=1000)
    statuses = [s.status for s in result.sections if s.kind.value != "byline"]
    assert statuses[:2] == [SectionStatus.OK, SectionStatus.OK]
    assert set(statuses[2:]) == {SectionStatus.FALLBACK}
    assert "max_document_chars" in result.sections[2].warnings[0]
    assert len(server.requests) == 2
