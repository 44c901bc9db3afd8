"""Throughput of the rules extractor on a workload built from the dev corpus.

Run from the repository root:

    .venv/bin/python bench/speed.py [--chars 1000000] [--passes 3] [--profile]

The workload repeats the texts of tests/data/corpus, each one a document of its own, until it holds
about `--chars` characters. One warm-up pass, then `--passes` timed passes of
`extract(doc, reference_date=..., mode="rules")`; then the same passes of
`digestllm.text.to_simplified` alone, and its share of the extraction time. `--profile` adds one
pass under cProfile and prints the top 25 functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import pstats
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from digestllm import extract
from digestllm.evaluation import load_gold_corpus
from digestllm.text import to_simplified

CORPUS_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"


@dataclass(frozen=True)
class Document:
    text: str
    reference_date: str


def build_workload(target_chars: int) -> list[Document]:
    """Corpus texts in turn, each a document, until their total length reaches `target_chars`."""
    corpus = [Document(text, gold["doc_date"]) for _, gold, text in load_gold_corpus(CORPUS_DIR)]
    if not corpus:
        raise SystemExit(f"no corpus documents in {CORPUS_DIR}")
    documents = itertools.cycle(corpus)
    workload: list[Document] = []
    total = 0
    while total < target_chars:
        document = next(documents)
        workload.append(document)
        total += len(document.text)
    return workload


def extract_all(workload: list[Document]) -> None:
    for document in workload:
        extract(document.text, reference_date=document.reference_date, mode="rules")


def simplify_all(workload: list[Document]) -> None:
    for document in workload:
        to_simplified(document.text)


def timed_passes(run: Callable[[list[Document]], None], workload: list[Document], passes: int) -> list[float]:
    """Seconds per pass, after one untimed warm-up pass."""
    run(workload)
    seconds = []
    for _ in range(passes):
        start = time.perf_counter()
        run(workload)
        seconds.append(time.perf_counter() - start)
    return seconds


def report_throughput(label: str, seconds: list[float], chars: int, docs: int) -> None:
    median, best = statistics.median(seconds), min(seconds)
    print(f"{label}: passes {', '.join(f'{s:.3f}' for s in seconds)} s")
    print(f"  median {chars / median:,.0f} chars/s  {docs / median:,.1f} docs/s")
    print(f"  best   {chars / best:,.0f} chars/s  {docs / best:,.1f} docs/s")


def profile(workload: list[Document], top: int = 25) -> str:
    """The `top` functions by cumulative time over one extraction pass."""
    profiler = cProfile.Profile()
    profiler.runcall(extract_all, workload)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(pstats.SortKey.CUMULATIVE).print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=1_000_000, help="workload size in characters")
    parser.add_argument("--passes", type=int, default=3, help="timed passes after the warm-up")
    parser.add_argument("--profile", action="store_true", help="also profile one pass with cProfile")
    args = parser.parse_args()

    workload = build_workload(args.chars)
    chars, docs = sum(len(d.text) for d in workload), len(workload)
    print(f"workload: {docs} documents, {chars:,} characters (mean {chars / docs:,.0f} per document)")

    extract_seconds = timed_passes(extract_all, workload, args.passes)
    report_throughput("extract(mode='rules')", extract_seconds, chars, docs)
    simplify_seconds = timed_passes(simplify_all, workload, args.passes)
    report_throughput("to_simplified alone", simplify_seconds, chars, docs)
    share = statistics.median(simplify_seconds) / statistics.median(extract_seconds)
    print(f"to_simplified / extract (median pass): {share:.1%}")

    if args.profile:
        print(f"\ncProfile, one extraction pass, top 25 by cumulative time:\n{profile(workload)}")


if __name__ == "__main__":
    main()
