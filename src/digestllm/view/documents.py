"""What `digestllm view` reads: text files (extracted here), result JSON, and corpus folders.

A JSON input is a bare result (`DigestResult` JSON), an entry `{"id", "source", "text", "result", "error"}`
(every key optional but `result` or `error`; the `extract` command's `{"source", "result", "error"}` too), a list of
entries, or JSON Lines of entries. A corpus folder (from `digestllm corpus`) holds `documents/*.json` entries
and, when documents failed, `failures.jsonl`; any other folder is read for its `*.json`, `*.jsonl` and `*.txt`
files. Without a text, a page rebuilds it from the result's sections, which tile it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from digestllm.errors import ConfigurationError, DigestError, InputError, SourceNotFoundError
from digestllm.schemas import DigestResult

JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
CORPUS_DOCUMENTS = "documents"
CORPUS_FAILURES = "failures.jsonl"

Extractor = Callable[[Path], DigestResult]


@dataclass(frozen=True)
class ViewDocument:
    """One document to show: its id, result and text when known, where it came from, or why it failed."""

    id: str
    result: DigestResult | None = None
    text: str | None = None
    source: str | None = None
    error: str | None = None


def is_corpus(path: Path) -> bool:
    """Whether `path` is a folder written by `digestllm corpus` (it has a `documents/` folder)."""
    return (path / CORPUS_DOCUMENTS).is_dir()


def input_files(path: Path) -> list[Path]:
    """The files an argument stands for: itself, a corpus folder's documents, or a folder's inputs."""
    try:
        if not path.is_dir():
            if not path.exists():
                raise SourceNotFoundError(f"{path}: no such file or folder")
            return [path]
        if is_corpus(path):
            files = sorted((path / CORPUS_DOCUMENTS).glob("*.json"))
            failures = path / CORPUS_FAILURES
            return [*files, failures] if failures.is_file() else files
        files = sorted(item for item in path.iterdir() if item.is_file() and _readable_suffix(item))
    except OSError as error:
        raise SourceNotFoundError(f"{str(path)[:80]}: cannot be read ({error.strerror or error})") from None
    if not files:
        raise SourceNotFoundError(f"{path}: no *.json, *.jsonl or *.txt files in this folder")
    return files


def read_documents(file: Path, extract: Extractor) -> Iterator[ViewDocument]:
    """The documents of one file: a text file is extracted with `extract`; JSON files are read."""
    if file.suffix.lower() not in JSON_SUFFIXES:
        yield ViewDocument(id=file.stem, result=extract(file), source=str(file))
        return
    content = _read(file)
    if file.name == CORPUS_FAILURES or file.suffix.lower() != ".json":
        for number, line in enumerate(content.splitlines(), start=1):
            if line.strip():
                yield _document(_parse(line, f"{file}:{number}"), f"{file.stem}-{number}", file)
        return
    data = _parse(content, str(file))
    if isinstance(data, list):
        for number, item in enumerate(data, start=1):
            yield _document(item, f"{file.stem}-{number}", file)
    else:
        yield _document(data, file.stem, file)


def _readable_suffix(file: Path) -> bool:
    return file.suffix.lower() in JSON_SUFFIXES or file.suffix.lower() == ".txt"


def _read(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise SourceNotFoundError(f"{file}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{file}: JSON that is not UTF-8 (byte offset {error.start})") from None


def _parse(content: str, where: str) -> Any:
    try:
        return json.loads(content)
    except ValueError as error:
        raise InputError(f"{where}: not JSON ({error})") from None


def _document(item: Any, default_id: str, file: Path) -> ViewDocument:
    if not isinstance(item, dict):
        raise InputError(f"{file}: a result or an entry must be a JSON object, not {type(item).__name__}")
    if "sections" in item or "script" in item:  # a bare result
        return ViewDocument(id=default_id, result=_result(item, file), source=str(file))
    if "result" not in item and "error" not in item:
        raise InputError(f"{file}: neither a digestllm result nor an entry with a result or an error")
    named = item.get("file") or item.get("path") or item.get("source")  # the extract command's records: source
    doc_id = item.get("id") or (Path(str(named)).stem if named else default_id)
    text = item.get("text")
    result = item.get("result")
    return ViewDocument(
        id=str(doc_id),
        result=_result(result, file) if isinstance(result, dict) else None,
        text=text if isinstance(text, str) else None,
        source=str(item.get("url") or item.get("source") or named or file),
        error=_error_text(item) if result is None else None,
    )


def _result(data: dict[str, Any], file: Path) -> DigestResult:
    try:
        return DigestResult.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        place = ".".join(str(part) for part in first["loc"]) or "result"
        raise InputError(f"{file}: not a digestllm result ({place}: {first['msg']})") from None


def _error_text(item: dict[str, Any]) -> str:
    error: Any = item.get("error")
    message: Any = item.get("message")
    if isinstance(error, dict):
        error, message = error.get("class") or error.get("type"), error.get("message")
    parts = [str(part) for part in (error, message) if part]
    return ": ".join(parts) or "no result"


def load(paths: list[Path], extract: Extractor, report: Callable[[DigestError], None]) -> list[ViewDocument]:
    """Every document of the arguments; a file that cannot be read is reported and shown as a failure."""
    documents: list[ViewDocument] = []
    for path in paths:
        try:
            files = input_files(path)
        except DigestError as error:
            report(error)
            documents.append(ViewDocument(id=path.stem or str(path), source=str(path), error=str(error)))
            continue
        for file in files:
            try:
                documents.extend(read_documents(file, extract))
            except ConfigurationError:  # the same for every file: stop at once
                raise
            except DigestError as error:
                report(error)
                documents.append(ViewDocument(id=file.stem, source=str(file), error=str(error)))
    return documents
