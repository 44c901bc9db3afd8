"""Reading a corpus: text files, folders, JSONL and CSV files, standard input → `Document`s.

Each input yields documents lazily, one at a time, so a corpus of any size streams through. A
document's id is stable across runs: the id column when the input has one, else the file's path
inside the folder given (without its suffix), else a hash of the text.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from digestllm.errors import DigestError, InputError, SourceNotFoundError
from digestllm.sources import decode_bytes, read_text_file

TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
STDIN = "-"
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_UNSAFE = re.compile(r"[^0-9A-Za-z._\-\u3400-\u9fff]+")
_MAX_NAME_BYTES = 180  # a file name stays well under the usual 255-byte limit


@dataclass(frozen=True)
class Document:
    """One text of a corpus and what is known about it."""

    id: str
    text: str
    reference_date: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class DocumentFailure:
    """A document that could not be read or extracted: its id, the error's class name and message."""

    id: str
    error_class: str
    message: str
    path: str | None = None

    @classmethod
    def of(cls, doc_id: str, error: BaseException, path: str | None = None) -> DocumentFailure:
        return cls(doc_id, type(error).__name__, " ".join(str(error).split()), path)


@dataclass(frozen=True)
class Columns:
    """Which columns of a JSONL or CSV input hold the text and the document's metadata.

    `required` names the metadata columns the user asked for by name: a CSV header without one of
    them is an error rather than a column silently left empty.
    """

    text: str = "text"
    id: str = "id"
    date: str = "date"
    url: str = "url"
    source: str = "source"
    required: frozenset[str] = field(default_factory=frozenset)


def content_id(text: str) -> str:
    """A document id derived from the text alone."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def file_name(doc_id: str) -> str:
    """A file-system-safe name for a document id; ids that needed changing get a hash of the original."""
    safe = _UNSAFE.sub("_", doc_id).strip("._") or "document"
    if safe == doc_id and len(safe.encode("utf-8")) <= _MAX_NAME_BYTES:
        return safe
    digest = hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:10]
    while len(safe.encode("utf-8")) > _MAX_NAME_BYTES:
        safe = safe[: len(safe) * 3 // 4]
    return f"{safe}-{digest}"


def iter_documents(
    sources: Sequence[str],
    *,
    pattern: str = "*.txt",
    columns: Columns | None = None,
    stdin_format: str = "auto",
    default_source: str | None = None,
) -> Iterator[Document | DocumentFailure]:
    """Every document of every input, in order; a document that cannot be read is a `DocumentFailure`.

    Problems with an input as a whole (a missing path, a CSV header without the text column) raise
    an `InputError` before any document of it is read: `check_sources` finds them up front.
    """
    columns = columns or Columns()
    for source in sources:
        for item in _documents_of(source, pattern, columns, stdin_format):
            if isinstance(item, Document) and item.source is None and default_source is not None:
                item = Document(item.id, item.text, item.reference_date, item.url, default_source, item.path)
            yield item


@dataclass(frozen=True)
class Shard:
    """One input file: a text file (one document, `doc_id`) or a table file (JSONL, CSV, Parquet)."""

    path: str
    kind: str  # text, jsonl, csv or parquet
    doc_id: str = ""


def list_shards(source: str, pattern: str = "*.txt") -> list[Shard]:
    """The files of one input argument (a file, or a folder searched recursively), in order."""
    path = Path(source)
    if _is_dir(path):
        files = [(file, file.relative_to(path).with_suffix("").as_posix()) for file in _folder_files(path, pattern)]
    else:
        files = [(_existing_file(path), path.stem)]
    return [Shard(str(file), TABLE_SUFFIXES.get(file.suffix.lower(), "text"), doc_id) for file, doc_id in files]


def read_shard(shard: Shard, columns: Columns) -> Iterator[Document | DocumentFailure]:
    """The documents of one input file."""
    if shard.kind == "parquet":
        yield from _table_documents(_parquet_rows(shard.path, columns), shard.path, columns)
    elif shard.kind != "text":
        with _open_text(Path(shard.path)) as stream:
            rows = _jsonl_rows(stream, shard.path) if shard.kind == "jsonl" else _csv_rows(stream, shard.path, columns)
            yield from _table_documents(rows, shard.path, columns)
    else:
        try:
            text = read_text_file(shard.path)
        except DigestError as error:
            yield DocumentFailure.of(shard.doc_id, error, shard.path)
            return
        found = _DATE_IN_NAME.search(Path(shard.path).name)
        yield Document(shard.doc_id, text, found.group(1) if found else None, path=shard.path)


def check_sources(sources: Sequence[str], *, pattern: str = "*.txt", columns: Columns | None = None) -> int | None:
    """Check every input before a run starts, and count its documents (None when stdin is among them)."""
    columns = columns or Columns()
    total: int | None = 0
    for source in sources:
        if source == STDIN:
            total = None
            continue
        for shard in list_shards(source, pattern):
            count = _check_table(shard, columns) if shard.kind != "text" else 1
            total = None if total is None else total + count
    return total


def _documents_of(
    source: str, pattern: str, columns: Columns, stdin_format: str
) -> Iterator[Document | DocumentFailure]:
    if source == STDIN:
        yield from _stdin_documents(sys.stdin.buffer, stdin_format, columns)
        return
    for shard in list_shards(source, pattern):
        yield from read_shard(shard, columns)


def _stdin_documents(stream: IO[bytes], stdin_format: str, columns: Columns) -> Iterator[Document | DocumentFailure]:
    data = stream.read()
    try:
        text = decode_bytes(data, "standard input")
    except DigestError as error:
        yield DocumentFailure.of("stdin", error, STDIN)
        return
    kind = stdin_format
    if kind == "auto":
        kind = "jsonl" if text.lstrip().startswith("{") else "text"
    if kind == "text":
        yield Document(content_id(text), text, path=STDIN)
    else:
        lines = io.StringIO(text)
        rows = _jsonl_rows(lines, STDIN) if kind == "jsonl" else _csv_rows(lines, STDIN, columns)
        yield from _table_documents(rows, STDIN, columns)


def _table_documents(
    rows: Iterable[tuple[int, dict[str, object] | InputError]], name: str, columns: Columns
) -> Iterator[Document | DocumentFailure]:
    for line, row in rows:
        where = f"{name}:{line}"
        if isinstance(row, InputError):
            yield DocumentFailure.of(where, row, where)
            continue
        try:
            yield document_from_row(row, columns, where)
        except InputError as error:
            doc_id = _text_or_none(row.get(columns.id)) or where
            yield DocumentFailure.of(doc_id, error, where)


def document_from_row(row: dict[str, object], columns: Columns, where: str) -> Document:
    if columns.text not in row:
        raise InputError(f"{where}: no {columns.text!r} column (it has {', '.join(map(repr, row)) or 'none'})")
    text = row[columns.text]
    if not isinstance(text, str):
        raise InputError(f"{where}: the {columns.text!r} column holds {type(text).__name__}, not text")
    doc_id = _text_or_none(row.get(columns.id)) or content_id(text)
    return Document(
        doc_id,
        text,
        reference_date=_text_or_none(row.get(columns.date)),
        url=_text_or_none(row.get(columns.url)),
        source=_text_or_none(row.get(columns.source)),
        path=where,
    )


def _text_or_none(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False).strip('"')


def _jsonl_rows(stream: Iterable[str], name: str) -> Iterator[tuple[int, dict[str, object] | InputError]]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, InputError(f"{name}:{number}: not a JSON object ({error.msg} at column {error.colno})")
            continue
        if not isinstance(row, dict):
            yield number, InputError(f"{name}:{number}: a JSON {type(row).__name__}, not an object")
            continue
        yield number, row


def _csv_rows(stream: IO[str], name: str, columns: Columns) -> Iterator[tuple[int, dict[str, object] | InputError]]:
    csv.field_size_limit(2**31 - 1)
    reader = csv.reader(stream)
    header = next(reader, None)
    if header is None:
        return
    _check_header(header, name, columns)
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield number, InputError(f"{name}:{number}: {len(row)} fields where the header has {len(header)}")
            continue
        yield number, dict(zip(header, row, strict=True))


def _check_header(header: list[str], name: str, columns: Columns) -> None:
    wanted = [columns.text, *sorted(getattr(columns, key) for key in columns.required)]
    for column in wanted:
        if column not in header:
            raise InputError(f"{name}: no {column!r} column in the header (it has {', '.join(map(repr, header))})")


def _parquet_rows(path: str, columns: Columns) -> Iterator[tuple[int, dict[str, object] | InputError]]:
    table = _parquet_file(path)
    _check_header(table.schema_arrow.names, path, columns)
    number = 0
    for batch in table.iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            number += 1
            yield number, {key: _plain(value) for key, value in row.items()}


def _plain(value: object) -> object:
    """A Parquet cell as JSON would hold it: dates and times as ISO text."""
    isoformat = getattr(value, "isoformat", None)
    return isoformat() if callable(isoformat) else value


def _parquet_file(path: str) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as error:
        raise InputError(f"{path}: not a readable Parquet file ({error})") from None


def _check_table(shard: Shard, columns: Columns) -> int:
    """The rows of a JSONL, CSV or Parquet file, after checking what can be checked of it as a whole."""
    if shard.kind == "parquet":
        table = _parquet_file(shard.path)
        _check_header(table.schema_arrow.names, shard.path, columns)
        return int(table.metadata.num_rows)
    with _open_text(Path(shard.path)) as stream:
        if shard.kind == "csv":
            csv.field_size_limit(2**31 - 1)
            reader = csv.reader(stream)
            header = next(reader, None)
            if header is None:
                return 0
            _check_header(header, shard.path, columns)
            return sum(1 for row in reader if any(cell.strip() for cell in row))
        return sum(1 for line in stream if line.strip())


def _open_text(file: Path) -> IO[str]:
    try:
        # Undecodable bytes become lone surrogates: the row holding them fails alone, with a clear error.
        return open(file, encoding="utf-8-sig", newline="", errors="surrogateescape")  # noqa: SIM115 - caller closes
    except OSError as error:
        raise SourceNotFoundError(f"{file}: cannot be read ({error.strerror or error})") from None


def _folder_files(folder: Path, pattern: str) -> list[Path]:
    try:
        files = sorted(file for file in folder.rglob(pattern) if file.is_file())
    except (OSError, ValueError) as error:
        raise SourceNotFoundError(f"{folder}: cannot be searched ({error})") from None
    if not files:
        raise SourceNotFoundError(f"{folder}: no files matching {pattern!r} in this folder or below")
    return files


def _existing_file(path: Path) -> Path:
    try:
        if path.is_file():
            return path
    except OSError:
        pass
    raise SourceNotFoundError(f"{path}: no such file or folder")


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False
