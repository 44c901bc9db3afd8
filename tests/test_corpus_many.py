"""`extract_many` and `aextract_many`: input order, errors per document, workers, the model path, budgets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from digestllm import (
    ConfigurationError,
    DigestError,
    DigestResult,
    EmptyInputError,
    aextract_many,
    extract,
    extract_many,
)
from digestllm.corpus import Document
from tests.conftest import DATA
from tests.fakes import EMPTY_ANSWER, ScriptedServer, tool_call_response

# Worker processes started beside a running thread come from a fork server, reached over a Unix
# socket (a path): those are allowed, every network host stays blocked.
pytestmark = pytest.mark.block_network(allowed_hosts=["/"])
TEXTS = [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("heldout*/*.txt"))[:12]]
FAKE_MODEL = {
    "model": "fake-model",
    "base_url": "http://model.test/v1",
    "api_key": "sk-test-0000000000000000",
    "transport_retries": 0,
    "validation_retries": 0,
    "timeout": 5.0,
}


def documents() -> list[Document]:
    return [Document(f"doc-{i:02d}", text, "2021-01-08") for i, text in enumerate(TEXTS)]


def test_results_come_in_input_order_and_match_extract() -> None:
    outcomes = list(extract_many(documents(), workers=1))
    assert [doc_id for doc_id, _ in outcomes] == [d.id for d in documents()]
    for (_, result), document in zip(outcomes, documents(), strict=True):
        assert isinstance(result, DigestResult)
        assert result == extract(document.text, reference_date=document.reference_date, mode="rules")


def test_two_workers_give_the_same_results_as_one() -> None:
    many = documents() * 3
    one = list(extract_many(many, workers=1))
    two = list(extract_many(many, workers=2))
    assert one == two and len(two) == len(many)


def test_a_bad_document_is_its_own_outcome_and_the_run_goes_on() -> None:
    items: list[Any] = [TEXTS[0], "   ", {"id": "mapped", "text": TEXTS[1], "date": "2021-01-08"}]
    outcomes = list(extract_many(items, workers=2))
    assert isinstance(outcomes[0][1], DigestResult)
    assert isinstance(outcomes[1][1], EmptyInputError)  # rebuilt with its class across the process boundary
    assert outcomes[2][0] == "mapped" and isinstance(outcomes[2][1], DigestResult)
    assert str(outcomes[2][1].reference_date) == "2021-01-08"


def test_unknown_options_stop_the_run_before_the_first_document() -> None:
    with pytest.raises(ConfigurationError, match="unknown option"):
        next(extract_many(TEXTS, colour="red"))
    with pytest.raises(ConfigurationError, match="mode must be"):
        next(extract_many(TEXTS, mode="fast"))


def test_a_long_input_streams_through(tmp_path: Path) -> None:
    def endless() -> Any:
        for i in range(400):
            yield Document(f"d{i}", TEXTS[i % len(TEXTS)])

    seen = 0
    for doc_id, result in extract_many(endless(), workers=2):
        assert doc_id == f"d{seen}" and isinstance(result, DigestResult)
        seen += 1
    assert seen == 400


async def test_aextract_many_is_the_async_twin() -> None:
    outcomes = [outcome async for outcome in aextract_many(documents()[:4], workers=2)]
    assert outcomes == list(extract_many(documents()[:4], workers=1))


def test_the_model_path_runs_documents_concurrently_in_order() -> None:
    server = ScriptedServer(tool_call_response(EMPTY_ANSWER), hold_until=3)
    outcomes = list(extract_many(documents()[:6], workers=3, mode="model", transport=server.transport, **FAKE_MODEL))
    assert [doc_id for doc_id, _ in outcomes] == [d.id for d in documents()[:6]]
    assert all(isinstance(r, DigestResult) and r.mode == "model" for _, r in outcomes)
    assert server.most_in_flight >= 3  # documents overlapped: three reached the server at once


def test_past_the_token_budget_the_remaining_documents_go_to_the_rules() -> None:
    server = ScriptedServer(tool_call_response(EMPTY_ANSWER))  # 120 tokens a call
    outcomes = list(
        extract_many(
            documents()[:5], workers=1, mode="model", transport=server.transport, max_total_tokens=100, **FAKE_MODEL
        )
    )
    results = [result for _, result in outcomes]
    assert all(isinstance(r, DigestResult) for r in results)
    assert results[0].mode == "model"  # type: ignore[union-attr]
    for result in results[1:]:
        assert isinstance(result, DigestResult) and result.mode == "rules"
        assert any("token budget (100) was spent" in w for w in result.warnings)


async def test_async_model_path_reports_errors_per_document() -> None:
    server = ScriptedServer(tool_call_response(EMPTY_ANSWER))
    items: list[Any] = [TEXTS[0], "", TEXTS[1]]
    outcomes = [o async for o in aextract_many(items, mode="model", transport=server.transport, **FAKE_MODEL)]
    assert isinstance(outcomes[1][1], DigestError)
    assert isinstance(outcomes[0][1], DigestResult) and isinstance(outcomes[2][1], DigestResult)


def test_import_digestllm_leaves_the_corpus_libraries_unloaded() -> None:
    code = (
        "import sys, digestllm; print(sorted({'pyarrow', 'duckdb', 'dask', 'digestllm.corpus.run'} & set(sys.modules)))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"
    code = "import digestllm; print(digestllm.extract_many.__module__)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == (
        "digestllm.corpus.run"
    )
