"""Split a digest into its lead, one section per leader, and the closing byline.

A digest ("各区(市县)党政一把手上周在忙啥?") introduces each leader with a header line that gives
posts and a name and ends in a colon, then a headline, then the body. A text with no such header
is a plain news article: one section. The sections tile the input: every character belongs to
exactly one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digestllm.rules.lexicon import BYLINE_WORDS, COMMON_HAN_CLASS, POST_CORE, POST_CORES, SINGLE_SURNAMES, alternation
from digestllm.schemas import SectionKind
from digestllm.text import ScriptView

_MAX_HEADER_CHARS = 48
MAX_BYLINE_CHARS = 40  # a longer line with a byline word is prose, not a credit
_MAX_HEADLINE_CHARS = 60
_MAX_HEADER_RUN = 3  # bodiless header lines in a row that still count as leaders each
_HEADER_END = re.compile(r"[:：]\s*$")
_SENTENCE_PUNCT = re.compile(r"[。，,！!？?；;“”\"]")
_NUMBERED_LEADER = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*\S*(?:"
    + alternation(POST_CORES)
    + r")["
    + "".join(sorted(SINGLE_SURNAMES))
    + f"][{COMMON_HAN_CLASS}]{{1,2}}$"
)
_LINE = re.compile(r"[^\r\n\u2028\u2029]*(?:\r\n|[\r\n\u2028\u2029])|[^\r\n\u2028\u2029]+$")
_BYLINE_WORD = re.compile("|".join(BYLINE_WORDS))
_JUNK_LINE = re.compile(
    r"^\s*(?:分享到|相关文章|相关阅读|相关新闻|打印|关闭|返回|上一篇|下一篇|【[^】]*】)\s*[:：]?\s*$"
)
_TRAILING_PAREN = re.compile(r"[(（][^()（）]*[)）]\s*$")


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # exclusive, the line break included

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(frozen=True)
class RawSection:
    """A section before extraction: its kind, where it lies, its header and headline."""

    kind: SectionKind
    start: int
    end: int
    header: str | None = None
    headline: str | None = None


def split_lines(text: str) -> list[Line]:
    return [Line(m.start(), m.end()) for m in _LINE.finditer(text)]


def is_leader_header(line: str) -> bool:
    """A short line that names a post, with no sentence punctuation, ending in a colon
    (`前锋区委书记米亮:`) or numbered and ending in the leader's name (`一、省委常委、合肥市委书记虞爱华`)."""
    stripped = line.strip()
    if not 0 < len(stripped) <= _MAX_HEADER_CHARS or _SENTENCE_PUNCT.search(stripped):
        return False
    if _HEADER_END.search(stripped):
        return POST_CORE.search(stripped) is not None
    return _NUMBERED_LEADER.match(stripped) is not None


def find_byline_start(view: ScriptView, lines: list[Line], after: int) -> int | None:
    """Where the closing byline begins, looking only at or after `after`; None when there is none.

    A byline is a trailing block of short lines that name a reporter or are page furniture
    ("分享到:"), possibly preceded by a parenthesised credit closing the last paragraph
    ("(本报记者 刘定春 整理)").
    """
    simplified = view.simplified
    trailer_start: int | None = None
    for line in reversed(lines):
        if line.start < after:
            break
        text = line.text(simplified).strip()
        if (
            not text
            or _JUNK_LINE.match(text)
            or (len(text) <= MAX_BYLINE_CHARS and _BYLINE_WORD.search(text) and "。" not in text)
        ):
            trailer_start = line.start
            continue
        paren = _TRAILING_PAREN.search(line.text(simplified).rstrip("\r\n"))
        if paren and _BYLINE_WORD.search(paren.group()):
            return line.start + paren.start()
        break
    if trailer_start is None:
        return None
    # Leading blank lines of the trailer stay with the text before it.
    while trailer_start < len(view.original) and view.original[trailer_start] in "\r\n":
        trailer_start += 1
    return trailer_start if trailer_start < len(view.original) else None


def split_sections(view: ScriptView) -> list[RawSection]:
    """Sections that tile `view.original` from 0 to its end, in order."""
    text = view.original
    if not text:
        return []
    lines = split_lines(text)
    headers, runs = _collapse_header_runs(
        text, lines, [i for i, line in enumerate(lines) if is_leader_header(line.text(view.simplified))]
    )
    if not headers:
        return [RawSection(SectionKind.ARTICLE, 0, len(text), headline=_headline_after(text, lines, -1, len(text)))]

    sections: list[RawSection] = []
    first = lines[headers[0]].start
    if first > 0:
        sections.append(RawSection(SectionKind.LEAD, 0, first, headline=_headline_after(text, lines, -1, first)))
    byline_start = find_byline_start(view, lines, after=lines[headers[-1]].end)
    body_end = byline_start if byline_start is not None else len(text)
    for number, line_index in enumerate(headers):
        start = lines[line_index].start
        end = lines[headers[number + 1]].start if number + 1 < len(headers) else body_end
        header = _HEADER_END.sub("", lines[line_index].text(text).strip())
        headline = None if line_index in runs else _headline_after(text, lines, line_index, end)
        sections.append(RawSection(SectionKind.LEADER, start, end, header=header, headline=headline))
    if byline_start is not None:
        sections.append(RawSection(SectionKind.BYLINE, byline_start, len(text)))
    return sections


def _collapse_header_runs(text: str, lines: list[Line], headers: list[int]) -> tuple[list[int], set[int]]:
    """Header lines with no body between them, more than `_MAX_HEADER_RUN` in a row, are a list (of
    posts and names), not a digest's leaders: the run becomes one section, opened by its first header.
    Returns the headers kept and those of them that open such a run. Linear in the number of lines."""
    kept: list[int] = []
    runs: set[int] = set()
    run: list[int] = []
    for index in [*headers, -1]:  # -1 closes the last run
        if run and index != -1 and all(not lines[i].text(text).strip() for i in range(run[-1] + 1, index)):
            run.append(index)
            continue
        if len(run) > _MAX_HEADER_RUN:
            kept.append(run[0])
            runs.add(run[0])
        else:
            kept.extend(run)
        run = [index]
    return kept, runs


def _headline_after(text: str, lines: list[Line], header_index: int, section_end: int) -> str | None:
    """The first non-empty line after a header (-1: from the top), when it reads as a headline."""
    for index in range(header_index + 1, len(lines)):
        line = lines[index]
        if line.start >= section_end:
            return None
        stripped = line.text(text).strip()
        if not stripped:
            continue
        if len(stripped) <= _MAX_HEADLINE_CHARS and not stripped.endswith(("。", ".", "!", "！")):
            return stripped
        return None
    return None
