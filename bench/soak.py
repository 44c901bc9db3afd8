"""Soak test: thousands of recombined documents through the rules, a few hundred through the model
path against a local fake server that is slow and often wrong; exits non-zero when an invariant breaks.

    .venv/bin/python bench/soak.py                                  2,000 rules + 200 model documents
    .venv/bin/python bench/soak.py --documents 500 --model-documents 50     a quick run
    .venv/bin/python bench/soak.py --hypothesis 200                 also 200 examples of the property test

Documents are built from the dev corpus (tests/data/corpus/*.txt), split into paragraphs: 3 to 12
paragraphs each, drawn with a seeded RNG; about half are digests, with leader header lines taken
from the seed example (examples/guangan-2020-03-02.txt) so that they have several sections, some
with its closing byline.

Invariants (each failure is listed, and the exit status is 1):
- every document returns a result (any exception is an error);
- the sections tile the document, and each has a status (ok / fallback / skipped);
- on the model path every asked section is either `ok` from rules+model or a `fallback` with a
  warning that says why: no section is lost to an injected fault; and since the fake server
  answers with nothing, each document's records equal the rules' records for it;
- the tracemalloc peak of the last 1,000 rules documents is within 20 % of the first 1,000's.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import os
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.fake_server import ALL_FAULTS, FakeModelServer  # noqa: E402
from digestllm import DigestResult, SectionStatus, aextract, extract  # noqa: E402
from digestllm.sections import is_leader_header  # noqa: E402
from digestllm.text import to_simplified  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
SEED = ROOT / "examples" / "guangan-2020-03-02.txt"
MEMORY_BLOCK = 1000
MEMORY_TOLERANCE = 0.20
_REASONS = [  # fallback warning → reason, first match wins
    ("no answer within", "section budget spent"),
    ("rate limited", "rate limited (429)"),
    ("timed out", "timed out"),
    ("cannot reach", "connection failed"),
    ("did not fit the schema", "answer did not fit the schema"),
    ("cut off", "answer cut off"),
]


# --- documents ----------------------------------------------------------------------------------


@dataclass
class Material:
    paragraphs: list[str]
    headers: list[str]
    byline: str


def load_material() -> Material:
    paragraphs: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not is_leader_header(to_simplified(line)):
                paragraphs.append(line.strip())
    seed = SEED.read_text(encoding="utf-8")
    headers = [line.strip() for line in seed.splitlines() if is_leader_header(to_simplified(line))]
    tail = seed.rstrip().splitlines()
    byline = "\n".join(line for line in tail[-6:] if not line.strip() or len(line.strip()) <= 10)
    if not paragraphs or not headers:
        raise SystemExit("soak: the corpus or the seed example yielded no paragraphs or no headers")
    return Material(paragraphs, headers, byline.strip("\n"))


def make_documents(count: int, seed: int) -> list[tuple[str, str | None]]:
    """(text, reference date or None), reproducible from `seed`."""
    rng = random.Random(seed)
    material = load_material()
    documents: list[tuple[str, str | None]] = []
    for _ in range(count):
        paragraphs = rng.choices(material.paragraphs, k=rng.randint(3, 12))
        lines: list[str] = []
        if rng.random() < 0.5:  # a digest: a lead (or none), then one to four leaders' sections
            leaders = rng.randint(1, min(4, len(paragraphs) - 1))
            starts = set(rng.sample(range(len(paragraphs)), leaders))
            for i, paragraph in enumerate(paragraphs):
                if i in starts:
                    lines.append(rng.choice(material.headers))
                lines.append(paragraph)
            if rng.random() < 0.3:
                lines.append(material.byline)
        else:
            lines = paragraphs
        separator = rng.choice(["\n\n", "\n", "\r\n"])
        documents.append(
            (separator.join(lines) + rng.choice(["", "\n"]), rng.choice(["2020-03-02", "2021-07-15", None]))
        )
    return documents


# --- checks -------------------------------------------------------------------------------------


@dataclass
class Tally:
    documents: int = 0
    results: int = 0
    sections: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    fallbacks: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=Counter)
    calls: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        if len(self.failures) < 50:
            self.failures.append(message)
        elif len(self.failures) == 50:
            self.failures.append("… further failures not listed")


def check_sections(number: int, text: str, result: DigestResult, tally: Tally) -> None:
    """The sections tile the text, and each one is ok, fallback or skipped."""
    tally.results += 1
    tally.sections += len(result.sections)
    tally.records.update(officials=len(result.officials), events=len(result.events), metrics=len(result.metrics))
    at = 0
    for section in result.sections:
        if section.span.start != at or text[section.span.start : section.span.end] != section.span.text:
            tally.fail(f"document {number}: section {section.index} does not continue the tiling at {at}")
        at = section.span.end
        tally.statuses[section.status.value] += 1
    if at != len(text):
        tally.fail(f"document {number}: the sections end at {at}, the text at {len(text)}")
    accounted = sum(
        1 for s in result.sections if s.status in (SectionStatus.OK, SectionStatus.FALLBACK, SectionStatus.SKIPPED)
    )
    if accounted != len(result.sections):
        tally.fail(f"document {number}: {len(result.sections) - accounted} section(s) without a known status")


def check_model_sections(number: int, text: str, result: DigestResult, tally: Tally) -> None:
    """Every asked section is ok from rules+model, or fell back and says why."""
    for section in result.sections:
        asked = section.usage is not None
        if section.usage:
            tally.calls += section.usage.calls
        if section.status is SectionStatus.FALLBACK:
            warning = next((w for w in section.warnings if w.startswith("rules used instead of the model: ")), None)
            if warning is None or section.extractor != "rules":
                tally.fail(f"model document {number}: section {section.index} fell back without saying why")
                continue
            tally.fallbacks[fallback_reason(warning)] += 1
        elif section.status is SectionStatus.OK and asked and section.extractor != "rules+model":
            tally.fail(f"model document {number}: section {section.index} is ok but not from rules+model")
        elif section.status is SectionStatus.OK and not asked and text[section.span.start : section.span.end].strip():
            tally.fail(f"model document {number}: section {section.index} has text but was never asked")
        elif section.status is SectionStatus.SKIPPED and section.kind.value != "byline":
            tally.fail(f"model document {number}: section {section.index} ({section.kind.value}) was skipped")


def fallback_reason(warning: str) -> str:
    for needle, reason in _REASONS:
        if needle in warning:
            return reason
    status = re.search(r"HTTP (\d{3})", warning)
    return f"HTTP {status.group(1)}" if status else "other: " + warning[len("rules used instead of the model: ") :][:60]


def records_of(result: DigestResult) -> dict[str, Any]:
    data = result.model_dump(mode="json")
    return {key: data[key] for key in ("officials", "events", "metrics")}


# --- phases -------------------------------------------------------------------------------------


def rules_phase(documents: list[tuple[str, str | None]], tally: Tally) -> tuple[float, float, list[int], list[int]]:
    """Every document through the rules twice: once as is, for the time, once under tracemalloc, for
    the invariants and the memory. Returns both wall times, and per block of documents the
    tracemalloc peak and the memory still held at the block's end (both relative to the start)."""
    for text, reference in documents[:5]:  # warm the lazily built tables before anything is measured
        extract(text, reference_date=reference, mode="rules")
    started = time.perf_counter()
    for text, reference in documents:
        with contextlib.suppress(Exception):  # counted in the checked pass below
            extract(text, reference_date=reference, mode="rules")
    plain_wall = time.perf_counter() - started

    gc.collect()
    tracemalloc.start()
    peaks: list[int] = []
    held: list[int] = []

    def close_block() -> None:
        peaks.append(tracemalloc.get_traced_memory()[1])
        gc.collect()
        held.append(tracemalloc.get_traced_memory()[0])

    started = time.perf_counter()
    for number, (text, reference) in enumerate(documents):
        if number % MEMORY_BLOCK == 0:
            if number:
                close_block()
            tracemalloc.reset_peak()
        tally.documents += 1
        try:
            result = extract(text, reference_date=reference, mode="rules")
        except Exception as error:  # noqa: BLE001 - a soak counts every failure
            tally.errors[type(error).__name__] += 1
            tally.fail(f"rules document {number}: {type(error).__name__}: {error}")
            continue
        check_sections(number, text, result, tally)
        del result
    close_block()
    traced_wall = time.perf_counter() - started
    tracemalloc.stop()
    return plain_wall, traced_wall, peaks, held


async def model_phase(
    documents: list[tuple[str, str | None]],
    server: FakeModelServer,
    options: dict[str, Any],
    in_flight: int,
    tally: Tally,
) -> float:
    gate = asyncio.Semaphore(in_flight)

    async def one(number: int, text: str, reference: str | None) -> None:
        async with gate:
            tally.documents += 1
            try:
                result = await aextract(
                    text, reference_date=reference, mode="model", base_url=server.base_url, **options
                )
            except Exception as error:  # noqa: BLE001 - a soak counts every failure
                tally.errors[type(error).__name__] += 1
                tally.fail(f"model document {number}: {type(error).__name__}: {error}")
                return
        check_sections(number, text, result, tally)
        check_model_sections(number, text, result, tally)
        rules = extract(text, reference_date=reference, mode="rules")
        if records_of(result) != records_of(rules):
            tally.fail(f"model document {number}: its records differ from the rules' though the model found nothing")

    started = time.perf_counter()
    await asyncio.gather(*(one(n, text, reference) for n, (text, reference) in enumerate(documents)))
    return time.perf_counter() - started


def hypothesis_phase(examples: int) -> tuple[int, str]:
    """The property "extract returns a result or raises a DigestError" at `examples` examples, run
    by pytest on tests/test_properties.py's own strategy. Returns pytest's exit code and last line."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/test_properties.py::test_extract_returns_a_result_or_raises_a_digest_error",
    ]
    env = {**os.environ, "DIGESTLLM_HYPOTHESIS_EXAMPLES": str(examples)}
    finished = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    lines = [line for line in finished.stdout.splitlines() if line.strip()]
    return finished.returncode, lines[-1] if lines else finished.stderr.strip()[-200:]


class CountingHandler(logging.Handler):
    """Counts what a library logs (and, being a handler, keeps Python's last-resort handler from
    printing its warnings and errors to stderr in the middle of the report)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[f"{record.name} {record.levelname}"] += 1


# --- report -------------------------------------------------------------------------------------


def print_tally(label: str, tally: Tally, wall: float) -> None:
    rate = tally.documents / wall if wall else float("inf")
    print(
        f"{label}: {tally.documents} documents in {wall:.1f} s = {rate:.1f} documents/s; "
        f"{tally.results} results, {sum(tally.errors.values())} errors {dict(tally.errors) or ''}"
    )
    print(f"  {tally.sections} sections: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.statuses.items())))
    print("  records: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.records.items())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2000, help="documents through the rules (default 2000)")
    parser.add_argument(
        "--model-documents", type=int, default=200, help="documents through the model path (default 200)"
    )
    parser.add_argument("--seed", type=int, default=20200302, help="seed of the document generator and the server")
    parser.add_argument(
        "--fault-rate", type=float, default=0.3, help="share of requests the server spoils (default 0.3)"
    )
    parser.add_argument(
        "--faults",
        default="429,500,503,garbage,hang,drop",
        help=f"comma-separated fault kinds among {','.join(ALL_FAULTS)}",
    )
    parser.add_argument("--delay", type=float, default=0.2, help="the server answers after 0 to DELAY s (default 0.2)")
    parser.add_argument("--timeout", type=float, default=1.0, help="one HTTP call's timeout in s (default 1)")
    parser.add_argument("--section-budget", type=float, default=3.0, help="one section's budget in s (default 3)")
    parser.add_argument("--concurrency", type=int, default=8, help="sections in flight per document (default 8)")
    parser.add_argument("--in-flight", type=int, default=4, help="model documents in flight at once (default 4)")
    parser.add_argument(
        "--hypothesis",
        type=int,
        default=0,
        metavar="N",
        help="also run N examples of 'extract returns or raises DigestError' (default 0: off)",
    )
    args = parser.parse_args()
    faults = tuple(f.strip() for f in args.faults.split(",") if f.strip())
    failed = False

    documents = make_documents(max(args.documents, args.model_documents), args.seed)
    chars = sum(len(t) for t, _ in documents[: args.documents])
    headers = load_material().headers
    digests = sum(1 for text, _ in documents[: args.documents] if any(h in text for h in headers))
    print(
        f"generated {len(documents)} documents (seed {args.seed}): {chars / max(1, args.documents):.0f} characters "
        f"on average, {digests} digests with leader headers, {args.documents - digests} plain articles"
    )

    rules = Tally()
    plain_wall, traced_wall, peaks, held = rules_phase(documents[: args.documents], rules)
    print_tally("rules", rules, plain_wall)
    print(f"  under tracemalloc (the checked pass): {rules.documents / traced_wall:.1f} documents/s")
    block_labels = [f"{i * MEMORY_BLOCK + 1}-{min((i + 1) * MEMORY_BLOCK, args.documents)}" for i in range(len(peaks))]
    print(
        "  tracemalloc per block of documents, peak / still held at its end: "
        + ", ".join(
            f"{label}: {peak / 1024:.0f} / {kept / 1024:.0f} KiB"
            for label, peak, kept in zip(block_labels, peaks, held, strict=True)
        )
    )
    print(f"  process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    if args.documents >= 2 * MEMORY_BLOCK:
        ratio = peaks[-1] / peaks[0]
        verdict = "ok" if ratio <= 1 + MEMORY_TOLERANCE else "FAILED"
        print(
            f"  memory high-water, last {MEMORY_BLOCK} vs first {MEMORY_BLOCK} documents: "
            f"{peaks[-1] / 1024:.0f} / {peaks[0] / 1024:.0f} KiB = ratio {ratio:.3f} "
            f"(limit {1 + MEMORY_TOLERANCE:.2f}) {verdict}"
        )
        if verdict != "ok":
            rules.fail(f"tracemalloc peak grew from {peaks[0]} to {peaks[-1]} bytes ({ratio:.2f}x)")
    else:
        print(f"  memory comparison needs at least {2 * MEMORY_BLOCK} documents: not checked")
    if rules.results != rules.documents:
        rules.fail(f"{rules.documents - rules.results} rules document(s) returned no result")

    model = Tally()
    if args.model_documents:
        options = {
            "model": "fake",
            "api_key": "soak-not-a-secret",
            "timeout": args.timeout,
            "section_budget": args.section_budget,
            "concurrency": args.concurrency,
        }
        library_logs = CountingHandler()
        logging.getLogger().addHandler(library_logs)
        with FakeModelServer(
            delay=(0.0, args.delay),
            fault_rate=args.fault_rate,
            faults=faults,
            hang_seconds=max(10.0, 3 * args.section_budget),
            seed=args.seed,
        ) as server:
            wall = asyncio.run(model_phase(documents[: args.model_documents], server, options, args.in_flight, model))
        print_tally("model", model, wall)
        print(
            f"  server: {server.requests} requests, {server.answered} answered, {server.faults_served} faults "
            f"({', '.join(f'{k} {v}' for k, v in server.faults.items())}); calls reported in section usage: "
            f"{model.calls}"
        )
        print("  fallbacks by reason: " + (", ".join(f"{k} {v}" for k, v in model.fallbacks.most_common()) or "none"))
        print(
            "  warnings and errors logged by libraries (no logging configured, these would reach stderr): "
            + (", ".join(f"{k} {v}" for k, v in library_logs.counts.most_common()) or "none")
        )
        logging.getLogger().removeHandler(library_logs)
        asked = model.statuses["ok"] + model.statuses["fallback"]
        print(
            f"  {model.statuses['fallback']} of {asked} sections fell back; {model.statuses['skipped']} bylines skipped"
        )
        if model.results != model.documents:
            model.fail(f"{model.documents - model.results} model document(s) returned no result")
        if args.fault_rate > 0 and server.faults_served == 0:
            model.fail("the server injected no fault: the model phase proved nothing")

    if args.hypothesis:
        code, summary = hypothesis_phase(args.hypothesis)
        print(f"hypothesis: {args.hypothesis} examples of 'returns a result or raises a DigestError': {summary}")
        if code != 0:
            model.fail("hypothesis: the property failed (rerun the test for hypothesis' minimal example)")

    for label, tally in (("rules", rules), ("model", model)):
        for failure in tally.failures:
            failed = True
            print(f"FAILED ({label}): {failure}")
    print("soak: " + ("FAILED" if failed else "all invariants held"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
