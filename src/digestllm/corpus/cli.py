"""`digestllm corpus INPUT… --out DIR`: a whole corpus into records, tables and a DuckDB database."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import Any

from digestllm.corpus.inputs import Columns, check_sources, iter_documents

_COLUMN_FLAGS = ("text", "id", "date", "url", "source")


def add_subcommand(subparsers: Any) -> None:
    """Register `corpus` on the `digestllm` command's subparsers."""
    corpus = subparsers.add_parser(
        "corpus",
        help="extract a whole corpus into per-document JSON, CSV/Parquet tables and a DuckDB database",
        description="Extract every document of the inputs into DIR: documents/<id>.json, tables/*.csv and "
        "*.parquet, digest.duckdb, failures.jsonl, run.json. A rerun reuses what is done.",
    )
    corpus.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a text file, a folder (searched recursively), a .jsonl or .csv file, or - for standard input",
    )
    corpus.add_argument("--out", type=Path, required=True, metavar="DIR", help="the output folder")
    corpus.add_argument("--glob", default="*.txt", metavar="PATTERN", help="files to take from folders (default *.txt)")
    corpus.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="processes (rules), or documents in flight (model)",
    )
    corpus.add_argument("--mode", choices=("auto", "rules", "model"), default="auto", help="extractor (default: auto)")
    corpus.add_argument("--model", help="model name (or DIGESTLLM_MODEL)")
    corpus.add_argument("--base-url", help="an OpenAI-compatible endpoint (or DIGESTLLM_BASE_URL)")
    corpus.add_argument("--simplified", action="store_true", help="report strings in Simplified script")
    corpus.add_argument("--max-total-tokens", type=_positive, metavar="N", help="the model's token budget for the run")
    corpus.add_argument("--excel", action="store_true", help="start each CSV with a byte-order mark, for Excel")
    corpus.add_argument(
        "--places", action="store_true", help="administrative division codes for places (the geo extra)"
    )
    corpus.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    corpus.add_argument("--source", dest="default_source", metavar="NAME", help="the source of documents without one")
    corpus.add_argument(
        "--stdin-format",
        choices=("auto", "text", "jsonl", "csv"),
        default="auto",
        help="what standard input holds (auto: JSONL when it starts with '{', else one text)",
    )
    for name in _COLUMN_FLAGS:
        corpus.add_argument(f"--{name}-column", metavar="NAME", help=f"the column holding the {name} (default {name})")
    corpus.set_defaults(command=corpus_command)


def corpus_command(args: argparse.Namespace) -> int:
    """Run the corpus command; returns the exit status (1 when any document failed)."""
    import pyarrow.parquet  # noqa: F401  (loaded before the heap is frozen below)

    from digestllm.corpus.runner import CorpusOptions, run_corpus  # pyarrow and duckdb load only here

    gc.freeze()  # this process is the command's: the collector need not walk the modules loaded so far
    columns = _columns(args)
    total = check_sources(args.inputs, pattern=args.glob, columns=columns)
    items = iter_documents(
        args.inputs,
        pattern=args.glob,
        columns=columns,
        stdin_format=args.stdin_format,
        default_source=args.default_source,
    )
    options: dict[str, Any] = {"mode": args.mode, "simplified": args.simplified, "places": args.places}
    options.update({k: v for k, v in (("model", args.model), ("base_url", args.base_url)) if v})
    run = CorpusOptions(
        workers=args.workers,
        excel=args.excel,
        places=args.places,
        progress=not args.no_progress,
        max_total_tokens=args.max_total_tokens,
        total=total,
    )
    summary = run_corpus(items, args.out, options, run)
    documents = summary["documents"]
    print(
        f"{args.out}: {documents['extracted']} extracted, {documents['reused']} reused, {documents['failed']} failed"
        f" ({summary['seconds']} s, {summary['documents_per_second']} documents/s); "
        f"{documents['in_tables']} documents in the tables",
        file=sys.stderr,
    )
    if summary["budget"]["documents_on_rules"]:
        print(
            f"{args.out}: the token budget was spent; {summary['budget']['documents_on_rules']} documents "
            "were extracted by the rules alone",
            file=sys.stderr,
        )
    if documents["failed"]:
        print(f"{args.out}: see failures.jsonl for the {documents['failed']} documents that failed", file=sys.stderr)
    return 1 if documents["failed"] else 0


def _columns(args: argparse.Namespace) -> Columns:
    given = {name: getattr(args, f"{name}_column") for name in _COLUMN_FLAGS if getattr(args, f"{name}_column")}
    required = frozenset(name for name in given if name != "text")
    return Columns(**given, required=required)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number ≥ 1")
    return number
