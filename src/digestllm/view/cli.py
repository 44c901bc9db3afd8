"""`digestllm view INPUT… -o OUT`: HTML review pages, one per document, and an index for several.

OUT is a folder (`<id>.html` per document, `index.html` when there are several documents, failures or a
corpus folder), or a `.html` file when the inputs hold exactly one document.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from digestllm.api import extract_file
from digestllm.errors import DigestError, InputError
from digestllm.schemas import DigestResult
from digestllm.sources import write_text_file
from digestllm.view.documents import ViewDocument, load

INDEX = "index.html"


def add_subcommand(subparsers: Any) -> None:
    """Register `view` on the `digestllm` command's subparsers."""
    view = subparsers.add_parser("view", help="write HTML pages with every record highlighted in its source")
    view.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="INPUT",
        help="a text file (extracted here), a result JSON or JSONL file, or a folder (a corpus folder included)",
    )
    view.add_argument(
        "-o",
        "--out",
        type=Path,
        required=True,
        metavar="OUT",
        help="a folder for the pages, or a .html file for a single document",
    )
    view.add_argument("--reference-date", type=_iso_date, metavar="YYYY-MM-DD", help="for text inputs: their date")
    view.add_argument("--mode", choices=("auto", "rules", "model"), default="auto", help="for text inputs")
    view.add_argument("--simplified", action="store_true", help="for text inputs: report strings in Simplified")
    view.set_defaults(command=view_command)


def view_command(args: argparse.Namespace) -> int:
    """Read the inputs, write the pages; returns the exit status (the first error's code, else 0)."""
    errors: list[DigestError] = []

    def report(error: DigestError) -> None:
        errors.append(error)
        print(f"digestllm: {error}", file=sys.stderr)

    def extract(file: Path) -> DigestResult:
        return extract_file(file, reference_date=args.reference_date, mode=args.mode, simplified=args.simplified)

    documents = load(args.paths, extract, report)
    with_index = len(documents) > 1 or bool(errors) or any(_is_folder(path) for path in args.paths)
    if args.out.suffix.lower() == ".html":
        _write_single(documents, args.out)
    elif any(document.result is not None for document in documents) or with_index:
        _write_folder(documents, args.out, with_index)
    return errors[0].exit_code if errors else 0


def _write_single(documents: list[ViewDocument], target: Path) -> None:
    from digestllm.view.render import PageLinks, render_html  # Jinja2 only when pages are written

    shown = [document for document in documents if document.result is not None]
    if len(documents) != 1 or not shown:
        raise InputError(f"{target}: a .html file takes one document, and the inputs hold {len(documents)}")
    document = shown[0]
    assert document.result is not None
    page = render_html(document.result, document.text, links=PageLinks(document_id=document.id, source=document.source))
    write_text_file(target, page)
    print(f"wrote {target}", file=sys.stderr)


def _write_folder(documents: list[ViewDocument], folder: Path, with_index: bool) -> None:
    from digestllm.view.corpus_index import page_names, render_index  # Jinja2 only when pages are written
    from digestllm.view.render import PageLinks, render_html

    pages = page_names(documents)
    links_index = INDEX if with_index else None
    for document, page in zip(documents, pages, strict=True):
        if document.result is None or page is None:
            continue
        links = PageLinks(index_href=links_index, document_id=document.id, source=document.source)
        write_text_file(folder / page, render_html(document.result, document.text, links=links))
    if with_index:
        write_text_file(folder / INDEX, render_index(documents, pages))
    where = f"; open {folder / INDEX}" if with_index else ""
    written = sum(1 for page in pages if page is not None)
    count = f"{written} page" + ("" if written == 1 else "s")
    print(f"wrote {count} to {folder}{where}", file=sys.stderr)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None
