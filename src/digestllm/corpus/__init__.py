"""Corpus runs: many documents to a dataset (records, tables, a DuckDB database), resumable.

`extract_many` / `aextract_many` are the library's entry points; `digestllm corpus` the command's;
`digestllm.corpus.dask_run` the same work on a Dask cluster. The runner loads multiprocessing and
rich, and the tables pyarrow and duckdb: each only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from digestllm.corpus.inputs import Document

if TYPE_CHECKING:
    from digestllm.corpus.run import aextract_many, extract_many


def __getattr__(name: str) -> object:
    if name in ("extract_many", "aextract_many"):
        from digestllm.corpus import run

        return getattr(run, name)
    raise AttributeError(f"module 'digestllm.corpus' has no attribute {name!r}")


__all__ = ["Document", "aextract_many", "extract_many"]
