"""The end of a run: Parquet parts → `DIR/digest.duckdb`, `DIR/tables/<table>.parquet` and `.csv`,
then the people tables (persons linked across all documents from the shares in the parts, event places).

DuckDB reads the parts, sorts each table by document and record, and writes the tables; every file
is written under a temporary name and renamed into place, so a run killed here leaves the previous
tables whole and the rerun writes them again.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import shutil
from pathlib import Path
from typing import Any

from digestllm.corpus.parts import parts_dir, read_people
from digestllm.corpus.people import PEOPLE_COLUMNS, people_rows
from digestllm.corpus.tables import COLUMNS, ORDER, TABLES
from digestllm.errors import DigestError

DATABASE = "digest.duckdb"
TABLES_DIR = "tables"
_SQL_TYPES = {"string": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "date": "DATE"}
_MEMORY_LIMIT = "256MB"  # DuckDB spills to disk past it: with the linked persons in memory, a run stays under 1 GiB


def build_tables(out_dir: Path, *, excel: bool = False) -> dict[str, int]:
    """Merge the run's parts into the database and the table files; returns each table's row count."""
    import duckdb

    database = out_dir / DATABASE
    temporary = out_dir / f".{DATABASE}.tmp"
    tables_dir = out_dir / TABLES_DIR
    counts: dict[str, int] = {}
    try:
        tables_dir.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        connection = duckdb.connect(str(temporary))
        try:
            connection.execute(f"SET memory_limit = '{_MEMORY_LIMIT}'")
            connection.execute(f"SET temp_directory = '{_quoted(str(out_dir / '.duckdb-spill'))}'")
            for table in TABLES:
                _create(connection, table, sorted((parts_dir(out_dir) / table).glob("*.parquet")))
                counts[table] = _count(connection, table)
                _export(connection, table, tables_dir, excel)
            people = people_rows(read_people(out_dir))
            for table in list(people):
                _create_from_rows(connection, table, people.pop(table))  # each table's rows go once it is made
                counts[table] = _count(connection, table)
                _export(connection, table, tables_dir, excel)
        finally:
            connection.close()
        os.replace(temporary, database)
    except (OSError, duckdb.Error) as error:
        raise DigestError(f"{out_dir}: cannot write the tables ({error})") from None
    finally:
        shutil.rmtree(out_dir / ".duckdb-spill", ignore_errors=True)
    return counts


def _count(connection: object, table: str) -> int:
    found = connection.execute(f"SELECT count(*) FROM {table}").fetchone()  # type: ignore[attr-defined]
    return int(found[0])


def _create_from_rows(connection: object, table: str, rows: list[dict[str, Any]]) -> None:
    """A table of the people tables, from its rows (through an Arrow table of the declared types)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "date": pa.date32()}
    schema = pa.schema([(name, types[kind]) for name, kind in PEOPLE_COLUMNS[table]])
    arrow = pa.Table.from_pylist([{name: row.get(name) for name in schema.names} for row in rows], schema=schema)
    execute = connection.execute  # type: ignore[attr-defined]
    connection.register("people_rows", arrow)  # type: ignore[attr-defined]
    execute(f"CREATE TABLE {table} AS SELECT * FROM people_rows")
    connection.unregister("people_rows")  # type: ignore[attr-defined]


def _create(connection: object, table: str, parts: list[Path]) -> None:
    columns = ", ".join(f"{name} {_SQL_TYPES[kind]}" for name, kind in COLUMNS[table])
    execute = connection.execute  # type: ignore[attr-defined]
    execute(f"CREATE TABLE {table} ({columns})")
    if parts:
        files = ", ".join(f"'{_quoted(str(part))}'" for part in parts)
        order = ", ".join(("document_id", *ORDER[table]))
        names = ", ".join(name for name, _ in COLUMNS[table])
        execute(f"INSERT INTO {table} SELECT {names} FROM read_parquet([{files}]) ORDER BY {order}")


def _export(connection: object, table: str, folder: Path, excel: bool) -> None:
    execute = connection.execute  # type: ignore[attr-defined]
    parquet, csv = folder / f"{table}.parquet", folder / f"{table}.csv"
    parquet_tmp, csv_tmp = folder / f".{table}.parquet.tmp", folder / f".{table}.csv.tmp"
    execute(f"COPY {table} TO '{_quoted(str(parquet_tmp))}' (FORMAT parquet)")
    execute(f"COPY {table} TO '{_quoted(str(csv_tmp))}' (FORMAT csv, HEADER true)")
    if excel:
        _prepend_bom(csv_tmp)
    os.replace(parquet_tmp, parquet)
    os.replace(csv_tmp, csv)


def _prepend_bom(path: Path) -> None:
    """Excel reads a CSV as UTF-8 only when it starts with a byte-order mark."""
    with_bom = path.with_name(path.name + ".bom")
    with open(path, "rb") as source, open(with_bom, "wb") as target:
        target.write(codecs.BOM_UTF8)
        shutil.copyfileobj(source, target, 1 << 20)
    os.replace(with_bom, path)


def _quoted(text: str) -> str:
    return text.replace("'", "''")
