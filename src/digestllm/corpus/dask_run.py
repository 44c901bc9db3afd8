"""A corpus run on a Dask cluster: the same per-document work, mapped over a `dask.bag` of shards.

A shard is one input file: a text file, or a JSONL, CSV or Parquet file of many documents. Each bag
partition (a few text files, or one table file) runs on a Dask worker: it reuses or extracts its
documents, writes their records to `DIR/documents/`, and its table rows to Parquet parts under
`DIR/.parts/`; the client then merges the parts into the tables and the DuckDB database, as a local
run does. `DIR` must be a folder every worker can write (a shared file system on a cluster).

    from dask.distributed import Client
    from digestllm.corpus.dask_run import run_on_dask

    with Client(scheduler_address):
        summary = run_on_dask(["archive/"], Path("dataset"), {"mode": "rules"})

Needs the `dask` extra: `pip install "digestllm[dask]"`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digestllm.corpus.budget import TokenBudget
from digestllm.corpus.database import build_tables
from digestllm.corpus.documents import DocumentStore
from digestllm.corpus.inputs import Columns, DocumentFailure, Shard, list_shards, read_shard
from digestllm.corpus.parts import PartWriter, reset_parts
from digestllm.corpus.pool import batches
from digestllm.corpus.report import FailureLog, RunReport, write_run_json
from digestllm.corpus.run import check_options, uses_model
from digestllm.corpus.runner import DuplicateIdError, earlier_records, run_key, settings, unique
from digestllm.corpus.work import CorpusSetup, Outcome, corpus_outcomes, stored_rows
from digestllm.errors import ConfigurationError, InputError

TEXT_FILES_PER_PARTITION = 64


@dataclass(frozen=True)
class _PartitionSetup:
    corpus: CorpusSetup
    columns: Columns


def run_on_dask(
    sources: Sequence[str],
    out_dir: Path,
    options: dict[str, Any] | None = None,
    *,
    pattern: str = "*.txt",
    columns: Columns | None = None,
    excel: bool = False,
    files_per_partition: int = TEXT_FILES_PER_PARTITION,
) -> dict[str, Any]:
    """Run the inputs on the current Dask client (or Dask's local scheduler); returns `run.json`'s content."""
    try:
        import dask.bag as db
    except ImportError:
        raise ConfigurationError('the Dask runner needs the dask extra: pip install "digestllm[dask]"') from None
    options = dict(options or {})
    check_options(options)
    model = uses_model(options)
    setup = _PartitionSetup(CorpusSetup(out_dir, options, run_key(options, model)), columns or Columns())
    store = DocumentStore(out_dir)
    store.clear_temporary()
    reset_parts(out_dir)
    shards = [shard for source in sources for shard in list_shards(source, pattern)]
    report = RunReport(workers=0)
    if shards:
        bag = db.from_sequence(_partitions(shards, files_per_partition), npartitions=None, partition_size=1)  # type: ignore[no-untyped-call]
        summaries = bag.map(_run_partition, setup).compute()
    else:
        summaries = []
    seen = _collect(summaries, report, out_dir)
    writer = PartWriter(out_dir, prefix="earlier")
    for record in earlier_records(store, seen):
        writer.add(stored_rows(record, places=False))
        report.counts["kept"] += 1
    writer.flush()
    tables = build_tables(out_dir, excel=excel)
    summary = report.summary(tables, {**settings(setup.corpus, model, TokenBudget()), "runner": "dask"})
    write_run_json(out_dir, summary)
    return summary


def _partitions(shards: list[Shard], files_per_partition: int) -> Iterator[list[Shard]]:
    """Table files one to a partition; text files in groups."""
    group: list[Shard] = []
    for shard in shards:
        if shard.kind != "text":
            yield [shard]
            continue
        group.append(shard)
        if len(group) >= files_per_partition:
            yield group
            group = []
    if group:
        yield group


def _run_partition(shards: list[Shard], setup: _PartitionSetup) -> dict[str, Any]:
    """One partition on a Dask worker: records written, rows in Parquet parts; returns its tally.

    The parts' prefix comes from the shards' paths, so a partition Dask runs again overwrites its
    own parts rather than adding to them.
    """
    prefix = hashlib.sha256("\0".join(s.path for s in shards).encode("utf-8")).hexdigest()[:16]
    writer = PartWriter(setup.corpus.out_dir, prefix=prefix)
    seen: set[str] = set()
    outcomes: list[Outcome] = []
    items = unique((item for shard in shards for item in read_shard(shard, setup.columns)), seen)
    for batch in batches(items):
        for outcome in corpus_outcomes(batch, setup.corpus):
            if outcome.rows is not None:
                writer.add(outcome.rows)
            outcome.rows = None  # the client needs the tally only
            outcomes.append(outcome)
    writer.flush()
    return {"names": sorted(seen), "outcomes": outcomes}


def _collect(summaries: list[dict[str, Any]], report: RunReport, out_dir: Path) -> set[str]:
    """Add the partitions' tallies up, write failures.jsonl; the ids seen, each once across partitions."""
    seen: set[str] = set()
    repeated: list[str] = []
    store = DocumentStore(out_dir)
    with FailureLog(out_dir) as failures:
        for summary in summaries:
            for name in summary["names"]:
                if name in seen:
                    repeated.append(name)
                seen.add(name)
            for outcome in summary["outcomes"]:
                report.add(outcome)
                if outcome.failure is not None:
                    _record_failure(outcome.failure, failures, store)
    if repeated:
        raise InputError(
            f"{len(repeated)} document ids are given in more than one input file (first: {repeated[0]!r}); "
            "give each document one id"
        )
    return seen


def _record_failure(failure: DocumentFailure, failures: FailureLog, store: DocumentStore) -> None:
    failures.write(failure)
    if failure.error_class != DuplicateIdError.__name__:
        store.remove(failure.id)
