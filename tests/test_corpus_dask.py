"""The corpus run on Dask: a LocalCluster with two worker processes writes the same tables as a local run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_corpus_command import assert_tables_match_records, corpus, corpus_folder, corpus_jsonl, records

distributed = pytest.importorskip(
    "dask.distributed", reason="the dask extra is not installed (pip install -e '.[dask]')"
)

# The client reaches the scheduler and the workers over TCP on 127.0.0.1 only.
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1", "/"])


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_a_dask_run_writes_the_tables_a_local_run_writes(tmp_path: Path, client: object) -> None:
    from digestllm.corpus.dask_run import run_on_dask

    folder = corpus_folder(tmp_path / "in", 12)
    corpus_jsonl(folder / "rows.jsonl", 9)
    out = tmp_path / "dask"
    summary = run_on_dask([str(folder)], out, {"mode": "rules"}, pattern="*.*", files_per_partition=4)
    assert summary["runner"] == "dask" and summary["documents"]["extracted"] == 21
    assert_tables_match_records(out)

    local = tmp_path / "local"
    assert corpus(str(folder), "--glob", "*.*", "--out", str(local)) == 0
    assert {k: r["result"] for k, r in records(out).items()} == {k: r["result"] for k, r in records(local).items()}
    assert summary["tables"] == json.loads((local / "run.json").read_text())["tables"]

    again = run_on_dask([str(folder)], out, {"mode": "rules"}, pattern="*.*", files_per_partition=4)
    assert again["documents"]["reused"] == 21 and again["documents"]["extracted"] == 0
    assert_tables_match_records(out)
