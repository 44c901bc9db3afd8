"""Extract every examples/*.txt offline (rules mode) and print the results as tables.

Run from anywhere: `.venv/bin/python examples/run_examples.py`. Exits 1 when any file fails.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

from digestllm import DigestError, DigestResult, extract_file
from digestllm.render import render_result

EXAMPLES = Path(__file__).resolve().parent
REFERENCE_DATES = {"guangan-2020-03-02.txt": "2020-03-02"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def reference_date(file: Path) -> str | None:
    """The document date: from REFERENCE_DATES, else a YYYY-MM-DD in the file name, else None."""
    if file.name in REFERENCE_DATES:
        return REFERENCE_DATES[file.name]
    found = _ISO_DATE.search(file.name)
    return found.group() if found else None


def main() -> int:
    console = Console()
    results: list[DigestResult] = []
    failures = 0
    files = sorted(EXAMPLES.glob("*.txt"))
    for file in files:
        console.rule(Text(file.name))
        try:
            result = extract_file(file, reference_date=reference_date(file), mode="rules")
        except DigestError as error:
            console.print(Text(f"{file.name}: {error}", style="red"))
            failures += 1
            continue
        render_result(result, console)
        results.append(result)
    console.print(summary(results, len(files), failures))
    return 1 if failures or not files else 0


def summary(results: list[DigestResult], files: int, failures: int) -> str:
    officials = sum(len(r.officials) for r in results)
    events = sum(len(r.events) for r in results)
    metrics = sum(len(r.metrics) for r in results)
    plural = "" if files == 1 else "s"
    failed = f" ({failures} failed)" if failures else ""
    return f"{officials} officials, {events} events, {metrics} metrics across {files} file{plural}{failed}"


if __name__ == "__main__":
    sys.exit(main())
