"""The model path side by side with the rules: calls, tokens, wall time, F1 and descriptive-field hits.

    .venv/bin/python bench/model.py                 replay the recorded cassettes of both tasks (no server needed)
    .venv/bin/python bench/model.py --live          ask the local server (make serve-model) now
    .venv/bin/python bench/model.py --policy        the slots task under every merge policy of each field
    .venv/bin/python bench/model.py --parallel      8 sections against a local fake server that answers
                                                    in parallel after 0.5–1.0 s: document time vs slowest section

Two tasks: `slots` (the default: the model fills in the rules' skeleton) and `records` (the model reads each
section afresh). "model" scores only the records the model touched (alone or with the rules); "merged" is
the result. In replay, wall times are those of the replay, not of the recorded model.
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
from digestllm import merge as merge_module  # noqa: E402
from digestllm.evaluation import CorpusScore, load_gold_corpus, score_corpus  # noqa: E402
from digestllm.evaluation_fields import FIELDS  # noqa: E402

LOCAL = {
    "model": "qwen2.5-coder-1.5b-instruct",
    "base_url": "http://127.0.0.1:8765/v1",
    "api_key": "local-server-ignores-this",
    "concurrency": 1,
    "timeout": 600.0,
    "transport_retries": 0,
}
CASSETTES = {
    ("corpus", "slots"): ROOT
    / "cassettes"
    / "test_the_dev_corpus_filled_in_by_the_model_scores_no_lower_than_the_rules.yaml",
    ("corpus", "records"): ROOT
    / "cassettes"
    / "test_merged_records_score_no_lower_than_the_rules_and_all_are_grounded.yaml",
    ("heldout12", "slots"): ROOT
    / "cassettes"
    / "test_held_out_batches_filled_in_by_the_model_keep_every_record_grounded.yaml",
}
Pairs = list[tuple[str, dict[str, Any], dict[str, Any]]]


@contextlib.contextmanager
def replaying(cassette: Path | None) -> Iterator[None]:
    if cassette is None:
        yield
        return
    import vcr
    from tests.conftest import same_body

    recorder = vcr.VCR(record_mode="none", match_on=["method", "scheme", "host", "port", "path", "query", "json_body"])
    recorder.register_matcher("json_body", same_body)
    with recorder.use_cassette(str(cassette), allow_playback_repeats=True):
        yield


def model_view(result: DigestResult) -> dict[str, Any]:
    """Only what the model touched (alone or agreeing with the rules), in the scorer's shape."""
    data = result.model_dump(mode="json")
    for key in ("officials", "events", "metrics"):
        data[key] = [r for r in data[key] if r["origin"] in ("model", "both")]
    return data


class Run:
    """A gold folder through the rules and through one task of the model, with what the model spent."""

    def __init__(self, task: str, live: bool, folder: str = "corpus") -> None:
        self.task = task
        self.rules: Pairs = []
        self.model: Pairs = []
        self.merged: Pairs = []
        self.usage = {"calls": 0, "retries": 0, "prompt": 0, "completion": 0}
        self.seconds = {"rules": 0.0, "model": 0.0}
        self.fallbacks: list[str] = []
        with replaying(None if live else CASSETTES[folder, task]):
            for name, gold, text in load_gold_corpus(ROOT / "tests" / "data" / folder):
                self._document(name, gold, text)

    def _document(self, name: str, gold: dict[str, Any], text: str) -> None:
        started = time.perf_counter()
        rules = extract(text, reference_date=gold["doc_date"], mode="rules")
        self.seconds["rules"] += time.perf_counter() - started
        started = time.perf_counter()
        merged = extract(text, reference_date=gold["doc_date"], mode="model", task=self.task, **LOCAL)
        self.seconds["model"] += time.perf_counter() - started
        for section in merged.sections:
            if section.usage:
                self.usage["calls"] += section.usage.calls
                self.usage["retries"] += section.usage.retries
                self.usage["prompt"] += section.usage.prompt_tokens
                self.usage["completion"] += section.usage.completion_tokens
            if section.status.value == "fallback":
                self.fallbacks.append(f"{name} section {section.index}: {section.warnings}")
        self.rules.append((name, gold, rules.model_dump(mode="json")))
        self.model.append((name, gold, model_view(merged)))
        self.merged.append((name, gold, merged.model_dump(mode="json")))


HEADER = (
    f"{'':16s}{'calls':>6s}{'tokens in/out':>15s}{'wall s':>8s}"
    f"{'offic.':>8s}{'titles':>8s}{'metrics':>8s}{'events':>8s}"
    + "".join(f"{name[:8]:>9s}" for name in FIELDS)
    + f"{'fields':>8s}"
)


def row(label: str, score: CorpusScore, usage: str) -> str:
    f1 = {k: t.f1 for k, t in score.tallies().items()}
    hits = "".join(f"{h.rate:9.3f}" if h.rate is not None else f"{'–':>9s}" for h in score.fields.values())
    fields = f"{score.fields_hit:8.3f}" if score.fields_hit is not None else f"{'–':>8s}"
    return (
        f"{label:16s}{usage}{f1['officials']:8.3f}{f1['titles']:8.3f}{f1['metrics']:8.3f}{f1['events']:8.3f}"
        f"{hits}{fields}"
    )


def corpus_comparison(live: bool) -> None:
    for folder in ("corpus", "heldout12"):
        print(f"{folder} ({'live server' if live else 'replayed cassettes'})")
        print(HEADER)
        printed_rules = False
        for task in ("slots", "records"):
            if (folder, task) not in CASSETTES:
                continue
            run = Run(task, live, folder)
            if not printed_rules:
                print(row("rules", score_corpus(run.rules), f"{0:6d}{'0/0':>15s}{run.seconds['rules']:8.2f}"))
                printed_rules = True
            spent = run.usage
            usage = f"{spent['calls']:6d}{spent['prompt']:>9d}/{spent['completion']:<5d}{run.seconds['model']:8.2f}"
            print(row(f"{task}: model", score_corpus(run.model), usage))
            print(row(f"{task}: merged", score_corpus(run.merged), usage))
            for line in run.fallbacks:
                print(f"  fell back: {line}")
        print()


def policy_comparison() -> None:
    """The slots task replayed under each merge policy of each field: the hit rate each policy gives."""
    chosen = dict(merge_module.FIELD_POLICY)
    for folder in ("corpus", "heldout12"):
        print(f"slots task, {folder}, replayed: hit rate of each field under each merge policy")
        print(f"{'field':10s}" + "".join(f"{p.value:>8s}" for p in merge_module.FieldPolicy) + "   (now)")
        try:
            for name in ("action", "location", "kind", "subject"):
                rates = []
                for policy in merge_module.FieldPolicy:
                    merge_module.FIELD_POLICY[name] = policy
                    rate = score_corpus(Run("slots", live=False, folder=folder).merged).fields[name].rate
                    rates.append(f"{rate:8.3f}" if rate is not None else f"{'–':>8s}")
                merge_module.FIELD_POLICY[name] = chosen[name]
                print(f"{name:10s}" + "".join(rates) + f"   {chosen[name].value}")
        finally:
            merge_module.FIELD_POLICY.update(chosen)
        print()


def parallel_check() -> None:
    import digestllm.model.extractor  # noqa: F401 - load the model libraries before the clock starts

    text = (ROOT / "examples" / "guangan-2020-03-02.txt").read_text(encoding="utf-8")
    with FakeModelServer(delay=(0.5, 1.0)) as server:
        started = time.perf_counter()
        result = extract(
            text,
            reference_date="2020-03-02",
            mode="model",
            model="fake",
            base_url=server.base_url,
            concurrency=8,
            task="records",
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
    parser.add_argument("--policy", action="store_true", help="replay the slots task under every merge policy")
    args = parser.parse_args()
    if args.parallel:
        parallel_check()
    elif args.policy:
        policy_comparison()
    else:
        corpus_comparison(args.live)
    return 0


if __name__ == "__main__":
    sys.exit(main())
