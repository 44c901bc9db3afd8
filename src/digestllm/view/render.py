"""HTML pages of results: `render_html(result, text)` for one document, self-contained and offline.

The page carries its CSS and script inline, declares UTF-8, and forbids every request by its content security
policy. Templates are Jinja2 with autoescaping; the source text is escaped by `markup.text_escape`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from digestllm.schemas import DigestResult, Script
from digestllm.view.highlights import EVENT, METRIC, OFFICIAL, TYPE_NAMES, result_highlights, split_placed
from digestllm.view.markup import section_label, source_blocks, source_markup
from digestllm.view.records import record_rows, records_json

ORIGINS = ("rules", "model", "both")
_LANGUAGES = {Script.TRADITIONAL: "zh-Hant", Script.SIMPLIFIED: "zh-Hans"}


@dataclass(frozen=True)
class PageLinks:
    """Where a document's page points: the corpus index (when there is one) and the document's id."""

    index_href: str | None = None
    document_id: str | None = None
    source: str | None = None


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment of the page templates (autoescaping everything)."""
    env = Environment(
        loader=PackageLoader("digestllm.view", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["TYPE_NAMES"] = TYPE_NAMES
    return env


@lru_cache(maxsize=4)
def asset(name: str) -> Markup:
    """A static file of the templates folder (CSS, script), to be inlined as is."""
    return Markup((files("digestllm.view") / "templates" / name).read_text(encoding="utf-8"))


def source_text(result: DigestResult) -> str | None:
    """The source text rebuilt from the sections, which tile it; None when they do not tile it from 0."""
    position = 0
    pieces: list[str] = []
    for section in sorted(result.sections, key=lambda item: item.span.start):
        if section.span.start != position:
            return None
        pieces.append(section.span.text)
        position = section.span.end
    return "".join(pieces) if pieces else None


def render_html(result: DigestResult, text: str | None = None, *, links: PageLinks | None = None) -> str:
    """One self-contained HTML page: `text` with every record highlighted, and the side panel.

    Without `text`, the text is rebuilt from the result's sections; when that fails too, the page lists the
    records and says that it cannot show them in the text.
    """
    links = links or PageLinks()
    if text is None:
        text = source_text(result)
    placed, unplaced = split_placed(result_highlights(result), text)
    rows = record_rows(result, placed)
    text_html = None
    if text is not None:
        text_html = Markup(source_markup(text, source_blocks(text, result.sections), placed))
    context: dict[str, Any] = {
        "result": result,
        "links": links,
        "title": result.title or links.document_id or "digestllm",
        "lang": _LANGUAGES.get(result.script, "zh"),
        "text_html": text_html,
        "rows": rows,
        "highlight_counts": {kind: sum(1 for item in placed if item.type == kind) for kind in TYPE_NAMES},
        "record_counts": {OFFICIAL: len(result.officials), EVENT: len(result.events), METRIC: len(result.metrics)},
        "sections": [(section, section_label(section)) for section in result.sections],
        "unplaced": [(item, _row_title(rows, item.record)) for item in unplaced] if text is not None else [],
        "origins": ORIGINS,
        "records_json": Markup(records_json(rows)),
        "css": asset("view.css"),
        "script": asset("view.js"),
    }
    return environment().get_template("page.html.j2").render(context)


def notebook_html(result: DigestResult, height: int = 640) -> str:
    """The page of `result` in a sandboxed frame, for Jupyter: its styles and script stay inside the frame."""
    page = render_html(result)
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #d9dee7"></iframe>'
    )


def _row_title(rows: dict[str, list[Any]], record: str) -> str:
    for row in rows[record[0]]:
        if row.id == record:
            return str(row.title)
    return record
