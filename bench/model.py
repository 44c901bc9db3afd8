"""The model path side by side with the rules: calls, tokens, wall time and F1 on the dev corpus.

    .venv/bin/python bench/model.py                 replay the recorded cassettes (no server needed)
    .venv/bin/python bench/model.py --live          ask the local server (make serve-model) now
    .venv/bin/python bench/model.py --parallel      8 sections against a local fake server that answers
                                                    in parallel after 0.5–1.0 s: document time vs slowest section

"model" scores only the records the model found (alone or with the rules); "merged" is the result.
In replay, wall times are those of the replay, not of the recorded model.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.fake_server import FakeModelServer  # noqa: E402
from digestllm import DigestResult, extract  # noqa: E402
from digestllm.evaluation import CorpusScore, load_gold_corpus, score_corpus  # noqa: E402

LOCAL = {
    "model": "qwen2.5-coder-1.5b-instruct",
    "base_url": "http://127.0.0.1:8765/v1",
    "api_key": "local-server-ignores-this",
    "concurrency": 1,
    "timeout": 600.0,
    "transport_retries": 0,
}
CASSETTE = ROOT / "cassettes" / "test_merged_records_score_no_lower_than_the_rules_and_all_are_grounded.yaml"


@contextlib.contextmanager
def replaying(enabled: bool) -> Iterator[None]:
    if not enabled:
        yield
        return
    import vcr
    from tests.conftest import same_body

    recorder = vcr.VCR(record_mode="none", match_on=["method", "scheme", "host", "port", "path", "query", "json_body"])
    recorder.register_matcher("json_body", same_body)
    with recorder.use_cassette(str(CASSETTE), allow_playback_repeats=True):
        yield


def model_view(result: DigestResult) -> dict[str, Any]:
    """Only what the model found (alone or agreeing with the rules), in the scorer's shape."""
    data = result.model_dump(mode="json")
    for key in ("officials", "events", "metrics"):
        data[key] = [r for r in data[key] if r["origin"] in ("model", "both")]
    return data


def corpus_comparison(live: bool) -> None:
    documents = load_gold_corpus(ROOT / "tests" / "data" / "corpus")
    rules_pairs, model_pairs, merged_pairs = [], [], []
    calls = prompt_tokens = completion_tokens = retries = 0
    rules_seconds = model_seconds = 0.0
    with replaying(not live):
        for name, gold, text in documents:
            started = time.perf_counter()
            rules = extract(text, reference_date=gold["doc_date"], mode="rules")
            rules_seconds += time.perf_counter() - started
            started = time.perf_counter()
            merged = extract(text, reference_date=gold["doc_date"], mode="model", **LOCAL)
            model_seconds += time.perf_counter() - started
            for section in merged.sections:
                if section.usage:
                    calls += section.usage.calls
                    retries += section.usage.retries
                    prompt_tokens += section.usage.prompt_tokens
                    completion_tokens += section.usage.completion_tokens
                if section.status.value == "fallback":
                    print(f"  {name} section {section.index} fell back: {section.warnings}")
            rules_pairs.append((name, gold, rules.model_dump(mode="json")))
            model_pairs.append((name, gold, model_view(merged)))
            merged_pairs.append((name, gold, merged.model_dump(mode="json")))
    print(f"dev corpus: {len(documents)} documents ({'live server' if live else 'replayed cassettes'})")
    print(
        f"{'':10s}{'calls':>7s}{'retries':>9s}{'prompt tok':>12s}{'compl tok':>11s}{'wall s':>9s}"
        f"{'officials':>11s}{'metrics':>9s}{'events':>8s}{'overall':>9s}"
    )
    rows: list[tuple[str, CorpusScore, str]] = [
        ("rules", score_corpus(rules_pairs), f"{0:7d}{0:9d}{0:12d}{0:11d}{rules_seconds:9.2f}"),
        (
            "model",
            score_corpus(model_pairs),
            f"{calls:7d}{retries:9d}{prompt_tokens:12d}{completion_tokens:11d}{model_seconds:9.2f}",
        ),
        (
            "merged",
            score_corpus(merged_pairs),
            f"{calls:7d}{retries:9d}{prompt_tokens:12d}{completion_tokens:11d}{model_seconds:9.2f}",
        ),
    ]
    for label, score, usage in rows:
        f1 = {k: t.f1 for k, t in score.tallies().items()}
        print(
            f"{label:10s}{usage}{f1['officials']:11.3f}{f1['metrics']:9.3f}{f1['events']:8.3f}{score.overall_f1:9.3f}"
        )


def parallel_check() -> None:
    import digestllm.model.extractor  # noqa: F401 - load the model libraries before the clock starts

    text = (ROOT / "examples" / "guangan-2020-03-02.txt").read_text(encoding="utf-8")
    with FakeModelServer(delay=(0.5, 1.0)) as server:
        started = time.perf_counter()
        result = extract(
            text, reference_date="2020-03-02", mode="model", model="fake", base_url=server.base_url, concurrency=8
        )
        wall = time.perf_counter() - started
    sections = [s for s in result.sections if s.usage]
    slowest = max(s.usage.seconds for s in sections if s.usage)
    print(
        f"{len(sections)} sections, {server.requests} calls, document {wall:.2f} s, slowest section {slowest:.2f} s, "
        f"ratio {wall / slowest:.2f} (target ≤ 1.30)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--live", action="store_true", help="ask the local model server instead of replaying")
    parser.add_argument("--parallel", action="store_true", help="time 8 sections against a parallel fake server")
    args = parser.parse_args()
    if args.parallel:
        parallel_check()
    else:
        corpus_comparison(args.live)
    return 0


if __name__ == "__main__":
    sys.exit(main())
