"""Properties of `extract` and `to_simplified` over arbitrary text (hypothesis).

Whatever the text, `extract` returns a `DigestResult` or raises a `DigestError`; every span slices
the input exactly; the sections tile it; a second call gives the same result; `simplified=True`
reports Simplified names. `to_simplified` is OpenCC's `t2s`, one character for one.

DIGESTLLM_HYPOTHESIS_EXAMPLES sets the examples per test (default 200; the benchmark runs 10,000).
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache

import opencc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digestllm import DigestError, DigestResult, extract
from digestllm.text import to_simplified
from tests.conftest import DATA

MAX_EXAMPLES = int(os.environ.get("DIGESTLLM_HYPOTHESIS_EXAMPLES", "200"))
# The suite draws the same examples on every run (CI must not fail on a new draw); the benchmark
# (`bench/soak.py --hypothesis N`, which sets DIGESTLLM_HYPOTHESIS_EXAMPLES) explores afresh.
SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    print_blob=False,
    derandomize="DIGESTLLM_HYPOTHESIS_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

CORPUS_LINES = sorted(
    {
        line
        for path in sorted((DATA / "corpus").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
)
HEADERS = [
    "前鋒區委書記米亮:",
    "市人大常委會副主任、廣安區委書記文建平:",
    "华蓥市委书记谢洋波：",
    "鄰水縣委書記趙璞:",
    "市委常委、常务副市长陈家本:",
    "區委書記:",
    "书记：",
    "(本報記者 劉定春 整理)",
    "分享到:",
]
# Characters whose Simplified form depends on the phrase around them, and phrases that decide it.
PHRASE_DEPENDENT = "乾瞭著於麼髮後裡製鍾隻幹藉餘麪閒週佔彆睏託嚮鬆儘劃噹夥臺檯颱"
SEPARATORS = " \t\n\r\u3000-,.?!*，。、；：？！…“”‘’「」『』—－（）《》〈〉～．／＼【】\u00a0\u2028\x1c"
PUNCTUATION = "、，。：:“”\"',.;；!！?？()（）%％-—·"
DIGITS = "0123456789０１２３４５６７８９一二三四五六七八九十百千万亿"


@cache
def _opencc() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _phrases() -> list[str]:
    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSPhrases.txt")
    with open(path, encoding="utf-8") as handle:
        phrases = [line.split("\t", 1)[0] for line in handle if "\t" in line]
    return [p for p in phrases if any(c in PHRASE_DEPENDENT for c in p)][:3000] + phrases[::50]


cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
cjk_rare = st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF) | st.sampled_from("𠀀𠀁𪚥𫠠𬺓")
astral = st.sampled_from("😀🎉👍🏽𝟘𝟙𠀀") | st.characters(
    min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=("Cs",)
)
line_breaks = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])


@st.composite
def corpus_fragment(draw: st.DrawFn) -> str:
    line = draw(st.sampled_from(CORPUS_LINES))
    start = draw(st.integers(0, len(line)))
    end = draw(st.integers(start, len(line)))
    return line if draw(st.booleans()) else line[start:end]


@st.composite
def date_fragment(draw: st.DrawFn) -> str:
    """Date shapes, real or absurd: 2020年28日, 13月45日, 2月26日至27日, 上周五, 03.02, 昨天下午."""
    number = st.integers(0, 2100).map(str) | st.sampled_from(["一", "十二", "二〇二〇", "三十一"])
    parts = draw(
        st.lists(st.tuples(number, st.sampled_from(["年", "月", "日", "号", "至", ".", "-"])), min_size=1, max_size=4)
    )
    written = "".join(n + unit for n, unit in parts)
    return (
        written + draw(st.sampled_from(["", "上午", "下午", "以来", "前", "，"]))
        if draw(st.booleans())
        else draw(st.sampled_from(["昨天下午", "前天", "今天上午", "当天", "上周五", "本周一", "截至", "03.02 "]))
    )


# Reference dates outside 1900-2100 are an InputError (tests/test_hardening.py, item 10).
_DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
_MOMENTS = st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31, 23, 59))
references = st.none() | _DAYS | _MOMENTS | _DAYS.map(lambda d: d.isoformat())


pieces = st.one_of(
    date_fragment(),
    st.text(max_size=12),  # any Unicode but lone surrogates
    st.text(cjk, min_size=1, max_size=12),
    st.text(cjk_rare, min_size=1, max_size=3),
    st.text(st.sampled_from(PHRASE_DEPENDENT), min_size=1, max_size=4),
    st.text(st.sampled_from(DIGITS), min_size=1, max_size=6),
    st.text(st.sampled_from(PUNCTUATION), min_size=1, max_size=3),
    line_breaks,
    st.text(astral, min_size=1, max_size=3),
    corpus_fragment(),
    corpus_fragment(),
    st.sampled_from(HEADERS).map(lambda h: h + "\n"),
)
texts = st.lists(pieces, max_size=30).map("".join)


def extract_or_error(text: str, **options: object) -> DigestResult | None:
    """The result, or None when `extract` raised a `DigestError`; anything else propagates and fails."""
    try:
        result = extract(text, mode="rules", **options)
    except DigestError:
        return None
    assert isinstance(result, DigestResult)
    return result


@SETTINGS
@given(texts, references)
def test_extract_returns_a_result_or_raises_a_digest_error(text: str, reference: object) -> None:
    result = extract_or_error(text, reference_date=reference)
    if result is None:
        assert not text.strip()  # the only input refused here: nothing but whitespace
    else:
        result.model_dump_json()  # and it can always be written out


@SETTINGS
@given(texts)
def test_every_span_slices_the_input(text: str) -> None:
    result = extract_or_error(text)
    if result is not None:
        for span in result.spans():
            assert text[span.start : span.end] == span.text, span


@SETTINGS
@given(texts)
def test_sections_tile_the_input(text: str) -> None:
    result = extract_or_error(text)
    if result is not None:
        bounds = [(s.span.start, s.span.end) for s in result.sections]
        assert bounds and bounds[0][0] == 0 and bounds[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False)), bounds


@SETTINGS
@given(texts)
def test_extract_is_deterministic(text: str) -> None:
    first = extract_or_error(text)
    second = extract_or_error(text)
    assert (first and first.model_dump()) == (second and second.model_dump())


@SETTINGS
@given(texts)
def test_simplified_output_reports_simplified_names(text: str) -> None:
    result = extract_or_error(text, simplified=True)
    if result is not None:
        for official in result.officials:
            assert to_simplified(official.name) == official.name
            assert all(to_simplified(t) == t for t in official.titles)
        for event in result.events:
            assert all(to_simplified(n) == n for n in event.officials)
        for span in result.spans():  # spans keep the original script
            assert text[span.start : span.end] == span.text


simplifiable = st.lists(
    st.one_of(
        st.text(max_size=8),
        st.text(cjk, min_size=1, max_size=8),
        st.text(st.sampled_from(PHRASE_DEPENDENT), min_size=1, max_size=6),
        st.text(st.sampled_from(SEPARATORS), min_size=1, max_size=3),
        st.builds(lambda: None).flatmap(lambda _: st.sampled_from(_phrases())),
        corpus_fragment(),
        st.text(astral, min_size=1, max_size=2),
    ),
    max_size=20,
).map("".join)


@SETTINGS
@given(simplifiable)
def test_to_simplified_is_opencc_t2s_and_keeps_the_length(text: str) -> None:
    simplified = to_simplified(text)
    assert simplified == _opencc().convert(text)
    assert len(simplified) == len(text)
