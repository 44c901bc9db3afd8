"""Table rows on their way to the final tables: buffered in memory, written out as parts.

A run writes its rows to `DIR/.parts/<table>/<prefix>-<n>.parquet` every few thousand documents, and
each document's share of the people tables to `DIR/.parts/people/<prefix>-<n>.pickle`, so its memory
stays bounded; at the end the parts are merged into the tables (see `database`). Parts left by a run
that was killed are removed when the next run starts: the tables are always made from one complete
run's parts, and a pickle is only ever read by the run that wrote it.
"""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from digestllm.corpus.people import DocumentPeople
from digestllm.corpus.tables import COLUMNS, TABLES, Rows
from digestllm.errors import DigestError

if TYPE_CHECKING:
    import pyarrow as pa

PARTS = ".parts"
FLUSH_ROWS = 50_000  # rows held in memory before they are written out
PEOPLE = "people"


@dataclass(frozen=True)
class DocumentRows:
    """Everything one document adds to the tables: its rows of the flat tables, its share of the people tables."""

    tables: Rows
    people: DocumentPeople


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
        self.people: list[DocumentPeople] = []
        self.held = 0
        self.written = 0

    def add(self, rows: DocumentRows) -> None:
        for table, table_rows in rows.tables.items():
            self.buffers[table].extend(table_rows)
            self.held += len(table_rows)
        if rows.people.mentions or rows.people.places:
            self.people.append(rows.people)
            self.held += len(rows.people.mentions)
        if self.held >= self.flush_rows:
            self.flush()

    def flush(self) -> None:
        """Write every buffered row out, one part per table that has rows."""
        import pyarrow.parquet as pq

        if not self.held:
            return
        name = f"{self.prefix}-{self.written:06d}"
        for table, rows in self.buffers.items():
            if rows:
                with _writing(self.folder / table / f"{name}.parquet") as target:
                    pq.write_table(to_arrow(table, rows, self.schemas[table]), target)
                rows.clear()
        if self.people:
            with _writing(self.folder / PEOPLE / f"{name}.pickle") as target:
                target.write_bytes(pickle.dumps(self.people))
            self.people = []
        self.held = 0
        self.written += 1


@contextmanager
def _writing(target: Path) -> Iterator[Path]:
    """The target, its folder made; an error writing it is the run's `DigestError`."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        yield target
    except OSError as error:
        raise DigestError(f"{target}: cannot write ({error.strerror or error})") from None


def read_people(out_dir: Path) -> Iterator[DocumentPeople]:
    """Every document's share of the people tables that this run's parts hold."""
    for part in sorted((parts_dir(out_dir) / PEOPLE).glob("*.pickle")):
        shares: list[DocumentPeople] = pickle.loads(part.read_bytes())  # written by this run (see above)
        yield from shares
