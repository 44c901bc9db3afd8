"""Shared by the view tests: hand-made results (hostile, overlapping) and a parser that reads a page back."""

from __future__ import annotations

import json
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

from digestllm import extract
from digestllm.schemas import (
    DigestResult,
    Event,
    Metric,
    Official,
    Origin,
    Script,
    Section,
    SectionKind,
    Span,
)
from tests.conftest import SEED

# A name with a right-to-left override inside, markup, quotes and an ampersand around it.
HOSTILE_NAME = "張\u202e三"
HOSTILE_TEXT = (
    '市委書記張\u202e三</span><script>window.__pwned = 1</script>主持召開"會議"\'&amp;<b>加粗</b>,'
    '發放慰問金3.5萬元。<!-- 注釋 --><img src=x onerror="window.__pwned = 2">'
)


def span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def whole_section(text: str) -> Section:
    return Section(index=0, kind=SectionKind.ARTICLE, span=span(text, 0, len(text)))


def hostile_result() -> DigestResult:
    """A result over `HOSTILE_TEXT`: an official whose name holds an RTL mark, an event over the markup, a metric."""
    text = HOSTILE_TEXT
    name_at = text.index(HOSTILE_NAME)
    figure_at = text.index("3.5萬元")
    return DigestResult(
        title='<script>window.__pwned = 3</script>"標題"',
        script=Script.TRADITIONAL,
        sections=[whole_section(text)],
        officials=[
            Official(
                name=HOSTILE_NAME,
                titles=["市委書記</td><td>"],
                region="<i>市</i>",
                mentions=[span(text, name_at, name_at + len(HOSTILE_NAME))],
            )
        ],
        events=[
            Event(
                officials=[HOSTILE_NAME],
                action='主持召開"會議"',
                location="<u>x</u>",
                evidence=span(text, 0, figure_at + len("3.5萬元")),
            )
        ],
        metrics=[
            Metric(
                value=35000,
                unit="元",
                raw="3.5萬元",
                subject="慰問金</script>",
                evidence=span(text, figure_at, figure_at + len("3.5萬元")),
            )
        ],
        warnings=["<b>not bold</b>"],
    )


def overlapping_result(text: str, bounds: list[tuple[str, int, int]]) -> DigestResult:
    """A result with one record per (type, start, end) over `text`: o official, e event, m metric."""
    officials: list[Official] = []
    events: list[Event] = []
    metrics: list[Metric] = []
    for kind, start, end in bounds:
        evidence = span(text, start, end)
        if kind == "o":
            officials.append(Official(name=evidence.text or "x", mentions=[evidence], origin=Origin.MODEL))
        elif kind == "e":
            events.append(Event(evidence=evidence, origin=Origin.BOTH))
        else:
            metrics.append(Metric(value=1, unit="個", raw=evidence.text, evidence=evidence))
    return DigestResult(
        script=Script.SIMPLIFIED,
        sections=[whole_section(text)] if text else [],
        officials=officials,
        events=events,
        metrics=metrics,
    )


class PageReader(HTMLParser):
    """Reads a page back: the text of the source block, the text of each highlight id, the tags seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.source_text: list[str] = []
        self.highlights: dict[str, list[str]] = defaultdict(list)
        self.tags: dict[str, int] = defaultdict(int)
        self.ids: set[str] = set()
        self._in_source = 0
        self._marks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        attributes = dict(attrs)
        if self._in_source:
            self._in_source += 1
        elif attributes.get("id") == "source":
            self._in_source = 1
        if tag == "mark" and attributes.get("data-h"):
            self._marks.append(attributes["data-h"] or "")
            self.ids.add(attributes["data-h"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._marks:
            self._marks.pop()
        if self._in_source:
            self._in_source -= 1

    def handle_data(self, data: str) -> None:
        if self._in_source:
            self.source_text.append(data)
            for highlight in self._marks:
                self.highlights[highlight].append(data)

    @classmethod
    def read(cls, page: str) -> PageReader:
        reader = cls()
        reader.feed(page)
        reader.close()
        return reader

    def highlight_texts(self) -> dict[str, str]:
        return {highlight: "".join(self.highlights.get(highlight, [])) for highlight in self.ids}


def expected_highlights(result: DigestResult) -> dict[str, str]:
    """What each highlight id must read: the text of its span (ids as the page names them)."""
    expected: dict[str, str] = {}
    for index, official in enumerate(result.officials):
        for number, mention in enumerate(official.mentions):
            expected[f"o{index}-{number}"] = mention.text
    for index, event in enumerate(result.events):
        expected[f"e{index}-0"] = event.evidence.text
    for index, metric in enumerate(result.metrics):
        expected[f"m{index}-0"] = metric.evidence.text
    return expected


def seed_corpus_entry() -> dict[str, object]:
    """The seed as `digestllm corpus` stores a document: id, source, text and result."""
    text = SEED.read_text(encoding="utf-8")
    result = extract(text, reference_date="2020-03-02")
    return {"id": "guangan/2020-03-02", "source": "seed", "text": text, "result": result.model_dump(mode="json")}


def corpus_folder(root: Path, seed_entry: dict[str, object]) -> Path:
    """A folder as `digestllm corpus` writes it: documents/*.json and failures.jsonl."""
    documents = root / "corpus" / "documents"
    documents.mkdir(parents=True)
    (documents / "guangan_2020-03-02.json").write_text(json.dumps(seed_entry, ensure_ascii=False), encoding="utf-8")
    text = "2020年3月5日,市委书记张三在某县调研,看望慰问了120户困难群众。"
    short = {"id": "short", "text": text, "result": extract(text, reference_date="2020-03-05").model_dump(mode="json")}
    (documents / "short.json").write_text(json.dumps(short, ensure_ascii=False), encoding="utf-8")
    failure = {"id": "broken", "path": "in/broken.txt", "error": "DecodeError", "message": "invalid bytes at 3"}
    (root / "corpus" / "failures.jsonl").write_text(json.dumps(failure) + "\n", encoding="utf-8")
    return root / "corpus"
