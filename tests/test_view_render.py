"""The review page as HTML: every span highlighted exactly, everything from the text escaped, self-contained.

What the page does in a browser is tested in test_view_browser.py; here the HTML itself is read back with
the standard library's parser.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digestllm import DigestResult, extract
from digestllm.schemas import Script
from digestllm.view import render_html
from digestllm.view.render import source_text
from tests.conftest import SEED
from tests.view_support import (
    HOSTILE_NAME,
    HOSTILE_TEXT,
    PageReader,
    expected_highlights,
    hostile_result,
    overlapping_result,
)


@pytest.fixture(scope="module")
def seed() -> tuple[str, DigestResult]:
    text = SEED.read_text(encoding="utf-8")
    return text, extract(text, reference_date="2020-03-02")


def test_seed_page_highlights_every_record_span_with_its_exact_text(seed: tuple[str, DigestResult]) -> None:
    text, result = seed
    page = PageReader.read(render_html(result, text))
    expected = expected_highlights(result)
    assert (len(result.officials), len(result.events), len(result.metrics)) == (9, 9, 19)
    assert len(expected) == sum(len(official.mentions) for official in result.officials) + 9 + 19
    assert page.highlight_texts() == expected
    assert "".join(page.source_text) == text


def test_text_is_rebuilt_from_the_sections_when_not_given(seed: tuple[str, DigestResult]) -> None:
    text, result = seed
    assert source_text(result) == text
    assert render_html(result) == render_html(result, text)


def test_page_is_self_contained_utf8_and_requests_nothing(seed: tuple[str, DigestResult]) -> None:
    text, result = seed
    page = render_html(result, text)
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page[:300]
    assert "default-src 'none'" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page)
    assert not re.search(r"url\(|@import|<link\b", page)
    assert '<html lang="zh-Hant">' in page


def test_hostile_text_renders_as_text_never_as_markup() -> None:
    result = hostile_result()
    page_html = render_html(result, HOSTILE_TEXT)
    page = PageReader.read(page_html)
    assert page.tags["script"] == 2  # the page's own records JSON and script, nothing from the text
    assert page.tags["img"] == 0 and page.tags["b"] == 0 and page.tags["i"] == 0 and page.tags["u"] == 0
    assert "".join(page.source_text) == HOSTILE_TEXT
    assert page.highlight_texts() == expected_highlights(result)
    assert HOSTILE_NAME in page_html  # the RTL override stays a character of the name
    assert "</script>" not in page_html.split('<script type="application/json" id="records">')[1].split("</script>")[0]


def test_overlapping_and_nested_spans_each_read_back_whole() -> None:
    text = "書記王五在縣城調研,看望120戶群眾,發放3萬元。"
    # the whole sentence; a name inside a longer name; a figure inside two events that overlap in part; twins
    bounds = [("e", 0, 25), ("o", 2, 4), ("o", 0, 4), ("m", 12, 16), ("e", 10, 18), ("e", 7, 14), ("m", 21, 24)]
    bounds += [("m", 12, 16)]
    result = overlapping_result(text, bounds)
    page = PageReader.read(render_html(result, text))
    assert page.highlight_texts() == expected_highlights(result)
    assert len(page.ids) == len(bounds)


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="王書記調研<>&\"'\r\n \u202e元12", min_size=1, max_size=30),
    picks=st.lists(st.tuples(st.sampled_from("oem"), st.integers(0, 30), st.integers(0, 30)), max_size=8),
)
def test_any_spans_over_any_text_read_back_exactly(text: str, picks: list[tuple[str, int, int]]) -> None:
    bounds = [(kind, min(a, b) % (len(text) + 1), max(a, b) % (len(text) + 1)) for kind, a, b in picks]
    bounds = [(kind, min(a, b), max(a, b)) for kind, a, b in bounds]
    result = overlapping_result(text, bounds)
    page = PageReader.read(render_html(result, text))
    assert "".join(page.source_text) == text
    assert page.highlight_texts() == expected_highlights(result)


def test_spans_that_do_not_fit_the_text_are_listed_apart(seed: tuple[str, DigestResult]) -> None:
    text, result = seed
    other = text.replace("文建平", "某某某")
    page_html = render_html(result, other)
    page = PageReader.read(page_html)
    moved = {key for key, value in expected_highlights(result).items() if "文建平" in value}
    assert moved and not moved & page.ids
    assert "Not placed in the text" in page_html
    assert page.highlight_texts() == {
        key: value for key, value in expected_highlights(result).items() if key not in moved
    }


def test_a_result_without_its_text_lists_its_records_and_says_why(seed: tuple[str, DigestResult]) -> None:
    _, result = seed
    partial = result.model_copy(update={"sections": result.sections[1:]})
    page_html = render_html(partial)
    assert "cannot be shown in the text" in page_html
    assert "<mark" not in page_html
    assert all(official.name in page_html for official in result.officials)


def test_simplified_pages_say_so() -> None:
    text = "2020年3月5日,市委书记张三在某县调研,看望慰问了120户困难群众。"
    result = extract(text, reference_date="2020-03-05")
    assert result.script is Script.SIMPLIFIED
    page_html = render_html(result, text)
    assert '<html lang="zh-Hans">' in page_html
    assert PageReader.read(page_html).highlight_texts() == expected_highlights(result)


def test_notebook_view_is_the_page_in_a_sandboxed_frame(seed: tuple[str, DigestResult]) -> None:
    _, result = seed
    frame = result._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame
    assert "<script" not in frame and "&lt;script" in frame


def test_importing_digestllm_or_its_command_line_does_not_load_jinja() -> None:
    code = "import sys, digestllm, digestllm.cli; print('jinja2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
