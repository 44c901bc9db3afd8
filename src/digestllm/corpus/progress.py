"""A progress bar on a terminal for long runs: documents, documents/s, ETA, failures, tokens.

On anything but a terminal (a pipe, a log file, CI) it shows nothing.
"""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _RateColumn(ProgressColumn):
    """Documents per second, averaged over the recent past."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.1f} docs/s", style="progress.data.speed")


class RunProgress:
    """`with RunProgress(total, enabled) as bar: bar.advance(failed=..., tokens=...)`."""

    def __init__(self, total: int | None, enabled: bool = True, tokens: bool = False) -> None:
        console = Console(stderr=True)
        self.enabled = enabled and console.is_terminal
        self.failures = 0
        self.tokens = 0
        columns: list[ProgressColumn | str] = [
            TextColumn("[bold]documents"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failures]} failed"),
        ]
        if tokens:
            columns.append(TextColumn("{task.fields[tokens]:,} tokens"))
        self.progress = Progress(*columns, console=console, speed_estimate_period=10.0, disable=not self.enabled)
        self.task = self.progress.add_task("documents", total=total, failures=0, tokens=0)

    def __enter__(self) -> RunProgress:
        if self.enabled:
            self.progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self.enabled:
            self.progress.stop()

    def advance(self, failed: bool = False, tokens: int = 0) -> None:
        self.failures += failed
        self.tokens += tokens
        self.progress.update(self.task, advance=1, failures=self.failures, tokens=self.tokens)
