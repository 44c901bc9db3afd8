"""The review page in a real browser (headless system Chromium): what a person sees and can do.

Checked in the live DOM: one highlight per record span, each reading exactly the source characters at its
span; clicks and hovers show the record's fields; filters hide and show; hostile text stays text; the corpus
index links to the pages; and no request leaves the page. Screenshots go to build/ as test artifacts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from digestllm import DigestResult, extract
from digestllm.cli import main
from digestllm.schemas import Origin, SectionStatus
from digestllm.view import render_html
from tests.browser import RequestLog, chromium, chromium_missing
from tests.conftest import ROOT, SEED
from tests.view_support import (
    HOSTILE_NAME,
    HOSTILE_TEXT,
    corpus_folder,
    expected_highlights,
    hostile_result,
    seed_corpus_entry,
)

pytestmark = pytest.mark.skipif(chromium_missing() is not None, reason=f"browser tests: {chromium_missing()}")

ARTIFACTS = ROOT / "build"
TRANSPARENT = "rgba(0, 0, 0, 0)"
HIGHLIGHT_TEXTS = """() => {
  const texts = {};
  document.querySelectorAll("#source mark[data-h]").forEach((mark) => {
    texts[mark.dataset.h] = (texts[mark.dataset.h] || "") + mark.textContent;
  });
  return texts;
}"""
BACKGROUNDS = """(selector) =>
  Array.from(document.querySelectorAll(selector), (mark) => getComputedStyle(mark).backgroundColor)"""
OUTLINES = (
    """(selector) => Array.from(document.querySelectorAll(selector), (mark) => getComputedStyle(mark).outlineStyle)"""
)
HIDDEN_ROWS = """(selector) => Array.from(document.querySelectorAll(selector), (row) => row.hidden)"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as running:
        yield running


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    opened.requests = RequestLog(opened)
    opened.errors = []
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("dialog", lambda dialog: opened.errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
    yield opened
    context.close()


@pytest.fixture(scope="module")
def seed() -> tuple[str, DigestResult]:
    text = SEED.read_text(encoding="utf-8")
    return text, extract(text, reference_date="2020-03-02")


def open_page(page: Any, path: Path, html: str | None = None) -> None:
    if html is not None:
        path.write_text(html, encoding="utf-8")
    page.goto(path.resolve().as_uri())


def shown_value(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def test_seed_page_shows_every_record_at_its_exact_span(
    page: Any, tmp_path: Path, seed: tuple[str, DigestResult]
) -> None:
    text, result = seed
    open_page(page, tmp_path / "seed.html", render_html(result, text))
    assert (len(result.officials), len(result.events), len(result.metrics)) == (9, 9, 19)
    assert page.evaluate(HIGHLIGHT_TEXTS) == expected_highlights(result)
    assert page.evaluate("() => document.getElementById('source').textContent") == text
    assert TRANSPARENT not in page.evaluate(BACKGROUNDS, "#source mark[data-h]")
    assert page.locator(".officials tr.row").count() == 9
    assert page.locator("ol.timeline li.row").count() == 9
    assert page.locator(".metrics tr.row").count() == 19
    assert page.requests.leaving == [] and page.errors == []


def test_clicking_a_metric_shows_its_normalised_value(
    page: Any, tmp_path: Path, seed: tuple[str, DigestResult]
) -> None:
    text, result = seed
    open_page(page, tmp_path / "seed.html", render_html(result, text))
    for index, metric in enumerate(result.metrics):
        page.click(f"[id='m{index}-0']")
        assert page.get_attribute("#pop", "data-record") == f"m{index}"
        assert page.inner_text("#pop dd[data-field='value']") == f"{shown_value(metric.value)} {metric.unit}"
    page.click("[id='m2-0']")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "view-seed.png"))
    assert page.requests.leaving == [] and page.errors == []


def test_hover_and_panel_rows_show_officials_and_dated_events(
    page: Any, tmp_path: Path, seed: tuple[str, DigestResult]
) -> None:
    text, result = seed
    open_page(page, tmp_path / "seed.html", render_html(result, text))
    page.hover("[id='o0-0']")
    assert page.is_visible("#pop")
    assert page.inner_text("#pop dd[data-field='posts']") == "、".join(result.officials[0].titles)
    for index, event in enumerate(result.events):
        page.click(f"li.row[data-r='e{index}']")
        assert page.get_attribute("#pop", "data-record") == f"e{index}"
        assert page.inner_text("#pop dd[data-field='date']") == (event.date.isoformat() if event.date else "—")
        assert page.inner_text("#pop dd[data-field='officials']") == "、".join(event.officials)
    page.keyboard.press("Escape")
    assert not page.is_visible("#pop")


def test_filters_hide_and_show(page: Any, tmp_path: Path, seed: tuple[str, DigestResult]) -> None:
    text, result = seed
    open_page(page, tmp_path / "seed.html", render_html(result, text))
    page.uncheck("input[data-filter='t-m']")
    assert set(page.evaluate(BACKGROUNDS, "mark.t-m")) == {TRANSPARENT}
    assert TRANSPARENT not in page.evaluate(BACKGROUNDS, "mark.t-o")
    assert set(page.evaluate(HIDDEN_ROWS, "tr.row[data-t='m']")) == {True}
    page.click("[id='m0-0']")  # a hidden metric answers no more: the event around it does, or nothing
    assert not (page.get_attribute("#pop", "data-record") or "").startswith("m")
    page.check("input[data-filter='t-m']")
    assert TRANSPARENT not in page.evaluate(BACKGROUNDS, "mark.t-m")
    assert set(page.evaluate(HIDDEN_ROWS, "tr.row[data-t='m']")) == {False}

    page.uncheck("input[data-filter='s-1']")
    assert set(page.evaluate(BACKGROUNDS, "#s1 mark")) == {TRANSPARENT}
    assert TRANSPARENT not in page.evaluate(BACKGROUNDS, "#s2 mark")
    in_section_1 = [index for index, event in enumerate(result.events) if event.section == 1]
    assert in_section_1 and all(page.is_hidden(f"li.row[data-r='e{index}']") for index in in_section_1)
    assert page.is_visible(f"li.row[data-r='e{next(i for i, e in enumerate(result.events) if e.section != 1)}']")
    page.check("input[data-filter='s-1']")
    assert TRANSPARENT not in page.evaluate(BACKGROUNDS, "#s1 mark")

    page.uncheck("input[data-filter='g-rules']")  # every record of the seed comes from the rules
    assert set(page.evaluate(BACKGROUNDS, "#source mark")) == {TRANSPARENT}
    page.check("input[data-filter='g-rules']")
    assert TRANSPARENT not in page.evaluate(BACKGROUNDS, "#source mark")
    assert page.requests.leaving == [] and page.errors == []


def test_hostile_text_stays_text(page: Any, tmp_path: Path) -> None:
    result = hostile_result()
    open_page(page, tmp_path / "hostile.html", render_html(result, HOSTILE_TEXT))
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.evaluate("() => document.getElementById('source').textContent") == HOSTILE_TEXT
    assert page.evaluate(HIGHLIGHT_TEXTS) == expected_highlights(result)
    assert page.inner_text("h1") == result.title
    assert page.locator("#source img, #source b, #source script").count() == 0
    page.click("[id='o0-0']")
    assert page.inner_text("#pop dd[data-field='name']") == HOSTILE_NAME
    assert page.inner_text("#pop dd[data-field='posts']") == result.officials[0].titles[0]
    assert page.requests.leaving == [] and page.errors == []


def test_corpus_index_links_every_document_page(browser: Any, page: Any, tmp_path: Path) -> None:
    folder = corpus_folder(tmp_path, seed_corpus_entry())
    assert main(["view", str(folder), "-o", str(tmp_path / "site")]) == 0
    open_page(page, tmp_path / "site" / "index.html")
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in sorted((folder / "documents").glob("*.json"))]
    events = sum(len(document["result"]["events"]) for document in documents)
    assert page.locator("table.documents a").count() == len(documents)
    assert page.locator("tr.failed").count() == 1
    assert page.locator("ol.timeline li").count() == events
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "view-index.png"))

    page.click("table.documents a >> text=guangan/2020-03-02")
    page.wait_for_load_state("load")
    seed = DigestResult.model_validate(documents[0]["result"])
    assert page.evaluate(HIGHLIGHT_TEXTS) == expected_highlights(seed)
    page.click("a >> text=corpus index")
    page.wait_for_load_state("load")
    page.click("ol.timeline a >> nth=0")  # the earliest event, opened at its place in its document
    page.wait_for_load_state("load")
    assert page.is_visible("#pop")
    first = min((event for event in seed.events if event.date), key=lambda event: event.date)
    assert page.inner_text("#pop dd[data-field='date']") == first.date.isoformat()
    assert page.requests.leaving == [] and page.errors == []


def test_model_records_are_marked_and_filtered_and_section_warnings_shown(
    page: Any, tmp_path: Path, seed: tuple[str, DigestResult]
) -> None:
    text, result = seed
    warnings = ["model call failed after 3 attempts: timeout; the rules extracted this section", "dropped: 王五"]
    sections = list(result.sections)
    sections[1] = sections[1].model_copy(update={"status": SectionStatus.FALLBACK, "warnings": warnings})
    officials = [result.officials[0].model_copy(update={"origin": Origin.MODEL}), *result.officials[1:]]
    metrics = [result.metrics[0].model_copy(update={"origin": Origin.BOTH}), *result.metrics[1:]]
    mixed = result.model_copy(update={"sections": sections, "officials": officials, "metrics": metrics})
    open_page(page, tmp_path / "mixed.html", render_html(mixed, text))

    assert set(page.evaluate(OUTLINES, "mark.g-model")) == {"dashed"}
    assert "dashed" not in page.evaluate(OUTLINES, "mark.g-rules")
    label = page.evaluate("() => getComputedStyle(document.getElementById('s1'), '::before').content")
    assert "fallback" in label and "⚠ 2" in label
    assert all(page.get_by_text(warning).is_visible() for warning in warnings)

    page.uncheck("input[data-filter='g-model']")
    assert set(page.evaluate(BACKGROUNDS, "mark.g-model")) == {TRANSPARENT}
    assert TRANSPARENT not in page.evaluate(BACKGROUNDS, "mark.g-both, mark.g-rules.t-m")
    assert page.is_hidden("tr.row[data-r='o0']") and page.is_visible("tr.row[data-r='o1']")
    page.uncheck("input[data-filter='g-both']")
    assert page.is_hidden("tr.row[data-r='m0']") and page.is_visible("tr.row[data-r='m1']")
