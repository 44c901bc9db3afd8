"""Where `digestllm extract` writes: a table, JSON, JSON Lines, or one JSON file per input.

Every machine-readable output carries the same record per input, failures included:

    {"source": "examples/a.txt", "result": {...DigestResult...} | null,
     "error": {"type": "DecodeError", "message": "...", "exit_code": 4} | null}

`--format json` prints a list of records (also for one input), `--format jsonl` one record per line
as each input finishes, `--out DIR` writes each record to DIR/<name>.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from digestllm.errors import DigestError
from digestllm.render import render_result, visible
from digestllm.schemas import DigestResult
from digestllm.sources import write_text_file

STDIN_NAME = "stdin"


def record(source: str, result: DigestResult | None, error: DigestError | None) -> dict[str, Any]:
    """The one shape of an input's outcome in every JSON output."""
    return {
        "source": source,
        "result": None if result is None else result.model_dump(mode="json"),
        "error": None
        if error is None
        else {"type": type(error).__name__, "message": str(error), "exit_code": error.exit_code},
    }


class Sink:
    """Where outcomes go: `add` once per input, in order, then `finish` once."""

    def add(self, source: str, result: DigestResult | None, error: DigestError | None) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Write whatever was held back until the end."""


class TableSink(Sink):
    """Tables for people; a failed input is already reported on stderr, so it adds nothing here."""

    def __init__(self, titled: bool) -> None:
        self.console = Console()
        self.titled = titled

    def add(self, source: str, result: DigestResult | None, error: DigestError | None) -> None:
        if result is None:
            return
        if self.titled:
            self.console.rule(Text(visible(source)))
        render_result(result, self.console)


class JsonSink(Sink):
    """One JSON list of records, printed at the end."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    def add(self, source: str, result: DigestResult | None, error: DigestError | None) -> None:
        self.records.append(record(source, result, error))

    def finish(self) -> None:
        print(json.dumps(self.records, ensure_ascii=False, indent=2))


class JsonlSink(Sink):
    """One record per line, as each input finishes."""

    def add(self, source: str, result: DigestResult | None, error: DigestError | None) -> None:
        print(json.dumps(record(source, result, error), ensure_ascii=False), flush=True)


class OutDirSink(Sink):
    """One JSON file per input, named after it; inputs with the same name get numbered files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: set[Path] = set()

    def add(self, source: str, result: DigestResult | None, error: DigestError | None) -> None:
        stem = STDIN_NAME if source == "-" else Path(source).stem
        target = self.folder / f"{stem}.json"
        number = 2
        while target in self.written:
            target = self.folder / f"{stem}-{number}.json"
            number += 1
        self.written.add(target)
        write_text_file(target, pretty_json(record(source, result, error)))
        summary = (
            f"{len(result.officials)} officials, {len(result.events)} events, {len(result.metrics)} metrics"
            if result is not None
            else f"failed ({type(error).__name__})"
        )
        print(f"{visible(source)} → {target}: {summary}", file=sys.stderr)


def pretty_json(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
