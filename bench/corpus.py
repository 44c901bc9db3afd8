"""Corpus runs at scale: workers, the command's overhead, memory over 50,000 documents, Dask.

    .venv/bin/python bench/corpus.py                       5,000 documents; RSS over 50,000; Dask
    .venv/bin/python bench/corpus.py --rss-documents 0     skip the 50,000-document run

Documents are the project's corpora (tests/data/*/*.txt, examples/*.txt) recombined: each is two
paragraph runs of two texts drawn with a seeded RNG, so no two documents are the same. Measured
and printed (nothing is asserted; the targets are printed beside the numbers):

1. `extract_many` on the rules with 1 and with 2 workers: documents/s, and the ratio (target ≥ 1.7);
2. `digestllm corpus … --out DIR` (a subprocess: records, CSV and Parquet tables, DuckDB, run.json)
   against `extract_many` alone with the same workers (target ≥ 0.8);
3. the command on 50,000 documents: peak RSS of the process and its workers (target < 1 GiB), and
   the RSS when 10,000 and when 50,000 documents are done (flat);
4. the same 5,000 documents on a Dask LocalCluster with 2 workers, when dask is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from digestllm import extract_many
from digestllm.corpus import Document

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*ROOT.glob("tests/data/*/*.txt"), *ROOT.glob("examples/*.txt")])


def recombined(count: int, seed: int = 9) -> Iterator[Document]:
    """`count` documents, each the head of one text and the tail of another."""
    texts = [path.read_text(encoding="utf-8") for path in SOURCES]
    paragraphs = [[p for p in text.split("\n") if p.strip()] for text in texts]
    rng = random.Random(seed)
    for i in range(count):
        first, second = rng.sample(paragraphs, 2)
        head = first[: max(1, rng.randint(1, len(first)))]
        tail = second[rng.randint(0, len(second) - 1) :]
        yield Document(f"doc{i:06d}", "\n".join([*head, *tail]) + "\n", source="bench")


def write_jsonl(path: Path, count: int) -> int:
    characters = 0
    with open(path, "w", encoding="utf-8") as out:
        for document in recombined(count):
            characters += len(document.text)
            row = {"id": document.id, "text": document.text, "source": document.source}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return characters


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (workers, subprocesses)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_extract_many(documents: list[Document], workers: int) -> tuple[float, float]:
    """Wall and CPU seconds of `extract_many` over the documents."""
    start, cpu = time.perf_counter(), _cpu()
    failures = sum(
        1 for _, outcome in extract_many(documents, workers=workers, mode="rules") if isinstance(outcome, Exception)
    )
    seconds = time.perf_counter() - start
    if failures:
        print(f"  ({failures} documents failed)")
    return seconds, _cpu() - cpu


def run_command(source: Path, out: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds of the corpus command, as a subprocess."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "digestllm", "corpus", str(source), "--out", str(out), "--no-progress"]
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run([*command, "--workers", str(workers), "--mode", "rules"], check=False, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, _cpu() - cpu


def workers_and_overhead(count: int, folder: Path) -> None:
    documents = list(recombined(count))
    characters = sum(len(d.text) for d in documents)
    print(f"{count:,} documents, {characters:,} characters ({characters // count} a document)")
    time_extract_many(documents[:200], 1)  # warm-up
    rates, cpus = {}, {}
    for workers in (1, 2):
        seconds, cpus[workers] = time_extract_many(documents, workers)
        rates[workers] = count / seconds
        print(
            f"extract_many, {workers} worker(s): {seconds:.2f} s, {rates[workers]:,.0f} documents/s, "
            f"{characters / seconds:,.0f} chars/s; {cpus[workers]:.2f} CPU s"
        )
    print(f"  2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (target >= 1.7)")
    source = folder / "bench.jsonl"
    write_jsonl(source, count)
    for workers in (1, 2):
        seconds, cpu = run_command(source, folder / "out", workers)
        run = json.loads((folder / "out" / "run.json").read_text(encoding="utf-8"))
        ratio = (count / seconds) / rates[workers]
        print(
            f"digestllm corpus, {workers} worker(s): {seconds:.2f} s wall (process start and tables included), "
            f"{count / seconds:,.0f} documents/s; run.json: {run['documents_per_second']:,.0f} documents/s; "
            f"{ratio:.2f}x extract_many (target >= 0.8); {cpu:.2f} CPU s, {cpus[workers] / cpu:.2f}x in CPU time"
        )


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def memory_over(count: int, folder: Path, workers: int) -> None:
    source = folder / "rss.jsonl"
    write_jsonl(source, count)
    out = folder / "rss-out"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "digestllm", "corpus", str(source), "--out", str(out), "--no-progress"]
    process = subprocess.Popen([*command, "--workers", str(workers), "--mode", "rules"], stderr=subprocess.DEVNULL)
    samples: list[tuple[int, int]] = []  # (documents done, RSS)
    peak = 0
    start = time.perf_counter()
    while process.poll() is None:
        rss = _tree_rss(process.pid)
        peak = max(peak, rss)
        done = sum(1 for _ in os.scandir(out / "documents")) if (out / "documents").is_dir() else 0
        samples.append((done, rss))
        time.sleep(1.0)
    seconds = time.perf_counter() - start
    mib = 1024 * 1024
    print(
        f"digestllm corpus on {count:,} documents, {workers} workers: {seconds:.1f} s, "
        f"{count / seconds:,.0f} documents/s"
    )
    print(f"  peak RSS, process and workers: {peak / mib:,.0f} MiB (target < 1024)")
    extracting = [(done, rss) for done, rss in samples if done < count]
    for mark in (10_000, count // 2, count):
        near = [rss for done, rss in extracting if mark - 5_000 <= done <= mark]
        if near:
            print(
                f"  RSS while documents {max(0, mark - 5_000):,}-{mark:,} were done: {max(near) / mib:,.0f} MiB at most"
            )
    merging = [rss for done, rss in samples if done >= count]
    if merging:
        print(f"  RSS while the tables were built (DuckDB): {max(merging) / mib:,.0f} MiB at most")


def on_dask(count: int, folder: Path) -> None:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("dask is not installed: pip install -e '.[dask]'")
        return
    from digestllm.corpus.dask_run import run_on_dask

    shards = folder / "shards"
    shards.mkdir(exist_ok=True)
    documents = list(recombined(count))
    for n in range(0, count, 500):
        with open(shards / f"part-{n // 500:03d}.jsonl", "w", encoding="utf-8") as out:
            for document in documents[n : n + 500]:
                out.write(json.dumps({"id": document.id, "text": document.text}, ensure_ascii=False) + "\n")
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster):
        start = time.perf_counter()
        run_on_dask([str(shards)], folder / "dask-out", {"mode": "rules"}, pattern="*.jsonl")
        seconds = time.perf_counter() - start
    print(
        f"Dask LocalCluster, 2 workers, {count:,} documents in JSONL shards of 500: {seconds:.2f} s, "
        f"{count / seconds:,.0f} documents/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=5_000, help="0 skips the workers and Dask runs")
    parser.add_argument("--rss-documents", type=int, default=50_000, help="0 skips the memory run")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the start")
    with tempfile.TemporaryDirectory(prefix="digestllm-bench-") as name:
        folder = Path(name)
        if args.documents:
            workers_and_overhead(args.documents, folder)
        if args.documents and not args.no_dask:
            on_dask(args.documents, folder)
        if args.rss_documents:
            memory_over(args.rss_documents, folder, workers=2)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
