"""Table rows on their way to the final tables: buffered in memory, written out as Parquet parts.

A run writes its rows to `DIR/.parts/<table>/<prefix>-<n>.parquet` every few thousand documents, so
its memory stays bounded; at the end the parts are merged into the tables (see `database`). Parts
left by a run that was killed are removed when the next run starts: the tables are always made
from one complete run's parts.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from digestllm.corpus.tables import COLUMNS, TABLES, Rows
from digestllm.errors import DigestError

if TYPE_CHECKING:
    import pyarrow as pa

PARTS = ".parts"
FLUSH_ROWS = 50_000  # rows held in memory before they are written out


def parts_dir(out_dir: Path) -> Path:
    return out_dir / PARTS


def reset_parts(out_dir: Path) -> None:
    """Remove every part an earlier run left, finished or killed."""
    shutil.rmtree(parts_dir(out_dir), ignore_errors=True)


def arrow_schema() -> dict[str, pa.Schema]:
    """Each table's Arrow schema, from `tables.COLUMNS`."""
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    return {table: pa.schema([(name, types[kind]) for name, kind in columns]) for table, columns in COLUMNS.items()}


def to_arrow(table: str, rows: list[tuple[object, ...]], schema: pa.Schema) -> pa.Table:
    """Rows (tuples in the table's column order) → an Arrow table."""
    import pyarrow as pa

    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    arrays = [pa.array(values, column.type) for values, column in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


class PartWriter:
    """Collects rows and writes them out as numbered Parquet parts under one prefix."""

    def __init__(self, out_dir: Path, prefix: str = "part", flush_rows: int = FLUSH_ROWS) -> None:
        self.folder = parts_dir(out_dir)
        self.prefix = prefix
        self.flush_rows = flush_rows
        self.schemas = arrow_schema()
        self.buffers: Rows = {table: [] for table in TABLES}
        self.held = 0
        self.written = 0

    def add(self, rows: Rows) -> None:
        for table, table_rows in rows.items():
            self.buffers[table].extend(table_rows)
            self.held += len(table_rows)
        if self.held >= self.flush_rows:
            self.flush()

    def flush(self) -> None:
        """Write every buffered row out, one part per table that has rows."""
        import pyarrow.parquet as pq

        if not self.held:
            return
        for table, rows in self.buffers.items():
            if not rows:
                continue
            target = self.folder / table / f"{self.prefix}-{self.written:06d}.parquet"
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                pq.write_table(to_arrow(table, rows, self.schemas[table]), target)
            except OSError as error:
                raise DigestError(f"{target}: cannot write ({error.strerror or error})") from None
            rows.clear()
        self.held = 0
        self.written += 1
