"""The source text as HTML: its sections as blocks, every placed highlight as `<mark>` elements.

The text is cut at every section and highlight boundary. Each piece is wrapped in one `<mark>` per highlight
covering it, the longest outermost, so overlapping and nested spans (a metric inside an event's evidence, a
name inside it too) all show. Every `<mark>` carries its highlight's id in `data-h`: joining the text of the
marks of one id gives back `source[start:end]`. The text content of the whole block is the source itself,
character for character (carriage returns are written as references, which the HTML parser keeps); section
labels are drawn from attributes, so they add no text.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass

from digestllm.schemas import Section
from digestllm.view.highlights import EVENT, METRIC, OFFICIAL, Highlight

_NESTING = {EVENT: 0, METRIC: 1, OFFICIAL: 2}  # at equal length, events outside, names innermost


@dataclass(frozen=True)
class Block:
    """A stretch of the source drawn as one element: a section, or a gap no section covers."""

    start: int
    end: int
    section: Section | None


def text_escape(text: str) -> str:
    """Text for an HTML text node: markup characters escaped, carriage returns kept as references."""
    return html.escape(text, quote=False).replace("\r", "&#13;")


def source_blocks(text: str, sections: list[Section]) -> list[Block]:
    """The blocks that tile `text`: each section whose span fits the text, and the gaps between them."""
    blocks: list[Block] = []
    position = 0
    for section in sorted(sections, key=lambda item: item.span.start):
        span = section.span
        if span.start < position or span.end <= span.start or text[span.start : span.end] != span.text:
            continue
        if span.start > position:
            blocks.append(Block(position, span.start, None))
        blocks.append(Block(span.start, span.end, section))
        position = span.end
    if position < len(text):
        blocks.append(Block(position, len(text), None))
    return blocks


def section_label(section: Section) -> str:
    """What a section's boundary says: its index, kind, header, status and number of warnings."""
    parts = [f"§{section.index} {section.kind.value}"]
    if section.header:
        parts.append(section.header)
    parts.append(f"{section.status.value} · {section.extractor.value}")
    if section.warnings:
        parts.append(f"⚠ {len(section.warnings)}")
    return " · ".join(parts)


def source_markup(text: str, blocks: list[Block], highlights: list[Highlight]) -> str:
    """The HTML of the source text: blocks with their marks (highlights must be placed: see `split_placed`)."""
    empties: dict[int, list[Highlight]] = defaultdict(list)
    spanning: list[Highlight] = []
    for highlight in highlights:
        (spanning if highlight.end > highlight.start else empties[highlight.start]).append(highlight)
    spanning.sort(key=lambda item: item.start)
    cuts = sorted({0, len(text)} | {block.start for block in blocks} | _bounds(spanning) | set(empties))
    out: list[str] = []
    active: list[Highlight] = []
    waiting = 0
    block_index = 0
    for start, end in zip(cuts, cuts[1:], strict=False):
        if blocks[block_index].start == start:
            out.append(_open_block(blocks[block_index]))
        out.extend(_mark(highlight, opens=True) + "</mark>" for highlight in empties.pop(start, []))
        active = [highlight for highlight in active if highlight.end > start]
        while waiting < len(spanning) and spanning[waiting].start <= start:
            active.append(spanning[waiting])
            waiting += 1
        covering = sorted(active, key=lambda item: (item.start - item.end, item.start, _NESTING[item.type]))
        out.extend(_mark(highlight, opens=highlight.start == start) for highlight in covering)
        out.append(text_escape(text[start:end]))
        out.append("</mark>" * len(covering))
        if blocks[block_index].end == end:
            if end == len(text):
                out.extend(_mark(highlight, opens=True) + "</mark>" for highlight in empties.pop(end, []))
            out.append("</section>" if blocks[block_index].section is not None else "</div>")
            block_index += 1
    return "".join(out)


def _bounds(highlights: list[Highlight]) -> set[int]:
    return {highlight.start for highlight in highlights} | {highlight.end for highlight in highlights}


def _open_block(block: Block) -> str:
    section = block.section
    if section is None:
        return '<div class="gap" data-sec="-1">'
    warned = " warned" if section.warnings else ""
    return (
        f'<section class="sec st-{section.status.value}{warned}" id="s{section.index}" data-sec="{section.index}" '
        f'data-label="{html.escape(section_label(section))}">'
    )


def _mark(highlight: Highlight, *, opens: bool) -> str:
    """The opening tag of one piece of a highlight; the piece where it begins carries its id as an anchor."""
    anchor = f' id="{html.escape(highlight.id)}"' if opens else ""
    classes = f"t-{highlight.type} g-{highlight.origin} a-{highlight.alignment}"
    return f'<mark class="{html.escape(classes)}" data-h="{html.escape(highlight.id)}"{anchor}>'
