"""The corpus index page: documents with their counts and failures, officials across documents, a timeline.

Every document with a result links to its own page (`page_names` gives the file names); events link to their
place on that page (`<page>#e3`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from digestllm.schemas import DigestResult, SectionStatus
from digestllm.view.documents import ViewDocument
from digestllm.view.highlights import EVENT, record_id
from digestllm.view.render import asset, environment

_UNSAFE = re.compile(r"[^0-9A-Za-z._\-\u3400-\u9fff]+")
_MAX_STEM = 80


@dataclass(frozen=True)
class Shown:
    """A document that has a page: its id, result and page name."""

    id: str
    result: DigestResult
    page: str


@dataclass
class OfficialEntry:
    """One name across the corpus: every post it holds anywhere, the documents and events it is in."""

    name: str
    posts: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    documents: list[tuple[str, str]] = field(default_factory=list)  # (document id, page)
    events: int = 0


@dataclass(frozen=True)
class TimelineEntry:
    """One event of the corpus in the timeline."""

    date: str
    kind: str
    officials: str
    action: str
    location: str
    document: str
    href: str


def page_names(documents: list[ViewDocument]) -> list[str | None]:
    """A distinct, file-system-safe page name per document with a result, None for the others, in order.

    Two documents with the same id get two pages; `index.html` is reserved.
    """
    names: list[str | None] = []
    taken = {"index.html"}
    for document in documents:
        if document.result is None:
            names.append(None)
            continue
        stem = _UNSAFE.sub("_", document.id).strip("._")[:_MAX_STEM] or "document"
        if stem != document.id:
            stem = f"{stem}-{hashlib.sha256(document.id.encode('utf-8')).hexdigest()[:8]}"
        name, number = f"{stem}.html", 2
        while name.lower() in taken:
            name, number = f"{stem}-{number}.html", number + 1
        taken.add(name.lower())
        names.append(name)
    return names


def render_index(documents: list[ViewDocument], pages: list[str | None], title: str = "digestllm corpus") -> str:
    """The index page of `documents`, linking to the pages named in `pages` (one per document, in order)."""
    shown = [
        Shown(document.id, document.result, page)
        for document, page in zip(documents, pages, strict=True)
        if document.result is not None and page is not None
    ]
    context: dict[str, Any] = {
        "title": title,
        "documents": [_document_row(document, page) for document, page in zip(documents, pages, strict=True)],
        "failed": sum(1 for document in documents if document.result is None),
        "officials": _officials(shown),
        "timeline": _timeline(shown),
        "css": asset("view.css"),
    }
    return environment().get_template("index.html.j2").render(context)


def _document_row(document: ViewDocument, page: str | None) -> dict[str, Any]:
    result = document.result
    row: dict[str, Any] = {"id": document.id, "page": page, "source": document.source, "error": document.error}
    if result is not None:
        row.update(
            title=result.title or "",
            date=str(result.reference_date or ""),
            script=result.script.value,
            mode=result.mode.value,
            officials=len(result.officials),
            events=len(result.events),
            metrics=len(result.metrics),
            fallbacks=sum(1 for section in result.sections if section.status is SectionStatus.FALLBACK),
            warnings=len(result.warnings) + sum(len(section.warnings) for section in result.sections),
        )
    return row


def _officials(shown: list[Shown]) -> list[OfficialEntry]:
    entries: dict[str, OfficialEntry] = {}
    for document in shown:
        for official in document.result.officials:
            entry = entries.setdefault(official.name, OfficialEntry(official.name))
            entry.posts.extend(post for post in official.titles if post not in entry.posts)
            if official.region and official.region not in entry.regions:
                entry.regions.append(official.region)
            if (document.id, document.page) not in entry.documents:
                entry.documents.append((document.id, document.page))
        for event in document.result.events:
            for name in set(event.officials):
                if name in entries:
                    entries[name].events += 1
    return sorted(entries.values(), key=lambda entry: (-len(entry.documents), -entry.events, entry.name))


def _timeline(shown: list[Shown]) -> list[TimelineEntry]:
    entries: list[tuple[bool, str, int, TimelineEntry]] = []
    for order, document in enumerate(shown):
        for index, event in enumerate(document.result.events):
            date = event.date.isoformat() if event.date else ""
            entry = TimelineEntry(
                date=date or "undated",
                kind=event.kind.value,
                officials="、".join(event.officials) or "—",
                action=event.action or "—",
                location=event.location or "",
                document=document.id,
                href=f"{document.page}#{record_id(EVENT, index)}",
            )
            entries.append((not date, date, order, entry))
    entries.sort(key=lambda item: item[:3])
    return [item[3] for item in entries]
