"""Extract every examples/*.txt and print the results as tables.

Offline on the rules by default: `.venv/bin/python examples/run_examples.py` (from anywhere).
Through a model: `examples/run_examples.py --model NAME --base-url URL` (what `make demo-model` runs).
Exits 1 when any file fails.
"""

from __future__ import annotations

import argparse
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


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Extract every examples/*.txt and print tables.")
    parser.add_argument("--model", help="model name; without it the rules run offline")
    parser.add_argument("--base-url", help="an OpenAI-compatible endpoint, e.g. http://127.0.0.1:8765/v1")
    parser.add_argument("--concurrency", type=int, default=1, help="sections in flight at once (default 1)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    options: dict[str, object] = {"mode": "rules"}
    if args.model:
        options = {
            "mode": "model",
            "model": args.model,
            "base_url": args.base_url,
            "concurrency": args.concurrency,
            "timeout": 600.0,
        }
    console = Console()
    results: list[DigestResult] = []
    failures = 0
    files = sorted(EXAMPLES.glob("*.txt"))
    for file in files:
        console.rule(Text(file.name))
        try:
            result = extract_file(file, reference_date=reference_date(file), **options)
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
