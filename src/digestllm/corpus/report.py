"""What a corpus run reports: `DIR/failures.jsonl` as it goes, `DIR/run.json` at the end."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from digestllm.corpus.inputs import DocumentFailure
from digestllm.corpus.work import EXTRACTED, FAILED, REUSED, Outcome, UsageTotals
from digestllm.errors import DigestError

FAILURES = "failures.jsonl"
RUN = "run.json"


class FailureLog:
    """One JSON line per document that failed: its id, path, error class and message."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / FAILURES
        self.stream: IO[str] | None = None

    def __enter__(self) -> FailureLog:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.stream = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed in __exit__
        except OSError as error:
            raise DigestError(f"{self.path}: cannot write ({error.strerror or error})") from None
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self.stream is not None:
            self.stream.close()

    def write(self, failure: DocumentFailure) -> None:
        assert self.stream is not None
        line = {"id": failure.id, "path": failure.path, "error": failure.error_class, "message": failure.message}
        self.stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.stream.flush()


@dataclass
class RunReport:
    """Counts, times and the model's usage, added up over a run."""

    workers: int
    started: float = field(default_factory=time.time)
    clock: float = field(default_factory=time.perf_counter)
    counts: dict[str, int] = field(default_factory=lambda: {EXTRACTED: 0, REUSED: 0, FAILED: 0, "kept": 0})
    characters: int = 0
    usage: UsageTotals = field(default_factory=UsageTotals)

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status == EXTRACTED:
            self.characters += outcome.characters
            self.usage.add(outcome.usage)

    @property
    def seen(self) -> int:
        return self.counts[EXTRACTED] + self.counts[REUSED] + self.counts[FAILED]

    def summary(self, tables: dict[str, int], settings: dict[str, Any]) -> dict[str, Any]:
        seconds = time.perf_counter() - self.clock
        extracted = self.counts[EXTRACTED]
        return {
            "started": _iso(self.started),
            "finished": _iso(time.time()),
            "seconds": round(seconds, 3),
            "workers": self.workers,
            "documents": {
                "input": self.seen,
                "extracted": extracted,
                "reused": self.counts[REUSED],
                "failed": self.counts[FAILED],
                "kept_from_earlier_runs": self.counts["kept"],
                "in_tables": tables.get("documents", 0),
            },
            "characters_extracted": self.characters,
            "documents_per_second": round(extracted / seconds, 2) if seconds else None,
            "characters_per_second": round(self.characters / seconds) if seconds else None,
            "usage": {
                "calls": self.usage.calls,
                "retries": self.usage.retries,
                "prompt_tokens": self.usage.prompt_tokens,
                "completion_tokens": self.usage.completion_tokens,
                "total_tokens": self.usage.tokens,
                "cached_sections": self.usage.cached_sections,
            },
            "tables": tables,
            **settings,
        }


def write_run_json(out_dir: Path, summary: dict[str, Any]) -> None:
    target, temporary = out_dir / RUN, out_dir / f".{RUN}.tmp"
    try:
        temporary.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, target)
    except OSError as error:
        raise DigestError(f"{target}: cannot write ({error.strerror or error})") from None


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat(timespec="seconds")
