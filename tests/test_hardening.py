"""Issue 12, "Hardening, round two": one or more tests per numbered item (4 and 11's rules parts are
tested with the rules; item 6 is tests/test_readme.py)."""

from __future__ import annotations

import io
import json
import logging
import math
import os
import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from rich.cells import cell_len
from rich.console import Console

from digestllm import (
    ConfigurationError,
    DecodeError,
    DigestError,
    InputError,
    InternalError,
    SectionKind,
    SectionStatus,
    extract,
    extract_file,
)
from digestllm.cli import main
from digestllm.consolidate import deduplicate_metrics, figure_key
from digestllm.model.credentials import redact
from digestllm.numbers import parse_number
from digestllm.render import render_result
from digestllm.schemas import Metric, Span
from digestllm.sources import decode_bytes, read_text_file
from tests.conftest import SEED
from tests.fakes import EMPTY_ANSWER, ScriptedServer, tool_call_response

SEED_TEXT = SEED.read_text(encoding="utf-8")
ARTICLE = "3月5日，市委副书记李龙到大城县调研企业复工复产，县长庞大鹏陪同。全县已复工企业83家。"
KEY = "sk-live-0123456789abcdefSECRET"
MODEL = {"model": "fake-model", "base_url": "http://model.test/v1", "transport_retries": 1, "timeout": 5.0}


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def names(result: Any) -> set[str]:
    return {official.name for official in result.officials}


# --- 1. The API key never lands in results, warnings, exceptions, logs or the cache ---------------


@pytest.mark.parametrize(
    "bad_key", [KEY + "\n", KEY + "\r\n", "sk-live 0123456789", "sk-live-ключ-0123456789", " " + KEY], ids=repr
)
def test_item1_a_key_that_is_no_key_is_a_configuration_error_at_once_never_quoted(bad_key: str) -> None:
    server = ScriptedServer(tool_call_response(EMPTY_ANSWER))
    with pytest.raises(ConfigurationError, match="API key holds") as caught:
        extract(ARTICLE, mode="model", api_key=bad_key, transport=server.transport, **MODEL)
    assert server.requests == []  # refused before any call, never retried as if the network were down
    message = str(caught.value)
    assert bad_key.strip() not in message and "0123456789" not in message


def test_item1_an_echoed_key_is_redacted_in_warnings_logs_exceptions_and_cache(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def echo(request: httpx.Request) -> httpx.Response:  # a proxy that quotes the request's headers
        auth = request.headers["authorization"]
        return httpx.Response(500, text=f"Illegal header value {auth.encode()!r} / {auth}")

    caplog.set_level(logging.DEBUG)
    result = extract(
        ARTICLE, mode="model", api_key=KEY, transport=ScriptedServer(echo).transport, cache_dir=tmp_path, **MODEL
    )
    assert result.sections[0].status is SectionStatus.FALLBACK
    assert KEY not in json.dumps(result.model_dump(mode="json"), ensure_ascii=False)
    assert KEY not in caplog.text
    assert all(
        KEY not in path.read_bytes().decode("utf-8", "replace") for path in tmp_path.rglob("*") if path.is_file()
    )

    def rejected(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": f"bad key {request.headers['authorization']}"})

    with pytest.raises(ConfigurationError) as caught:
        extract(ARTICLE, mode="model", api_key=KEY, transport=ScriptedServer(rejected).transport, **MODEL)
    assert KEY not in str(caught.value)


@pytest.mark.parametrize("form", [KEY, repr(KEY + "\n")[1:-1], repr((KEY + "\n").encode())[2:-1]])
def test_item1_redact_covers_every_quoted_form_of_the_key(form: str) -> None:
    assert KEY[5:] not in redact(f"Illegal header value b'Bearer {form}'", [KEY + "\n"])


# --- 2. Big5 with uncommon characters, Shift-JIS, EUC-KR, UTF-16 without BOM -----------------------


@pytest.mark.parametrize(("char", "encoding"), [*((c, "cp950") for c in "恒裏墻碁銹€"), ("嘅", "big5hkscs")])
def test_item2_big5_with_an_uncommon_character_is_read_as_big5(char: str, encoding: str, tmp_path: Path) -> None:
    text = SEED_TEXT[:300] + char + SEED_TEXT[300:]
    path = tmp_path / "seed.txt"
    path.write_bytes(text.encode(encoding))
    assert read_text_file(path) == text
    result = extract_file(path, reference_date="2020-03-02")
    assert len(result.officials) == 9 and result.events and result.metrics


JAPANESE = (
    "日本政府は本日、新型コロナウイルス感染症対策本部の会合を開き、緊急事態宣言の延長を決定した。"
    "首相は記者会見で国民に協力を求めた。"
)
KOREAN = (
    "정부는 오늘 신종 코로나바이러스 감염증 대책 회의를 열고 사회적 거리두기 연장을 결정했다. "
    "대통령은 국민들에게 협조를 요청했다. 서울시 확진자 수는 감소 추세다."
)


@pytest.mark.parametrize(
    ("text", "encoding", "language"), [(JAPANESE, "shift_jis", "Japanese"), (KOREAN, "euc_kr", "Korean")]
)
def test_item2_shift_jis_and_euc_kr_are_refused_not_read_as_gb18030(text: str, encoding: str, language: str) -> None:
    with pytest.raises(DecodeError, match=f"unlikely characters.*{language}"):
        decode_bytes(text.encode(encoding), "x.txt")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_item2_utf16_without_bom_holding_chinese_is_recognised(encoding: str) -> None:
    assert decode_bytes(SEED_TEXT.encode(encoding)) == SEED_TEXT


# --- 3. No exception but DigestError leaves extract; absurd figures dropped with a warning ---------


@pytest.mark.parametrize(
    "figure", ["共" + "9" * 309 + "名", "投资0." + "0" * 400 + "1亿元", "共" + "9" * 30 + "名", "1" + "亿" * 40 + "元"]
)
def test_item3_absurd_figures_are_dropped_with_a_warning(figure: str) -> None:
    result = extract(f"县委书记王建国调研，{figure}。", reference_date="2020-03-02")
    assert all(math.isfinite(m.value) and len(m.raw) < 30 for m in result.metrics)
    assert any("were not read as metrics" in warning for warning in result.warnings) or "亿" * 40 in figure


def test_item3_every_parsed_value_is_exact() -> None:
    for text in ("999999999999999", "0.000001", "1.5万", "一千二百万", "7600萬"):
        value = parse_number(text)
        assert value is not None and Decimal(repr(float(value))) == value  # survives a float round trip
    assert parse_number("9" * 16) is None and parse_number("0.0000001") is None


def test_item3_a_bug_is_an_internal_error_not_a_stray_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise OverflowError("int too large to convert to float")

    monkeypatch.setattr("digestllm.api.run_document", broken)
    with pytest.raises(InternalError, match="OverflowError") as caught:
        extract("县委书记王建国调研。")
    assert isinstance(caught.value, DigestError) and isinstance(caught.value.__cause__, OverflowError)


def test_item3_a_crash_on_one_file_names_it_and_the_batch_goes_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("县委书记王建国调研。", encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEED_TEXT, encoding="utf-8")
    real = extract_file

    def crash_on_a(path: Path, **options: Any) -> Any:
        if path.name == "a.txt":
            raise OverflowError("boom")
        return real(path, **options)

    monkeypatch.setattr("digestllm.cli.extract_file", crash_on_a)
    code, out, err = cli(capsys, "extract", str(tmp_path), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 70
    assert str(tmp_path / "a.txt") in err and "OverflowError" in err and "Traceback" not in err
    assert records[0]["error"]["type"] == "InternalError" and records[1]["result"]["officials"]


# --- 4. Near-linear stages (bench/scaling.py measures the time; these check the results) -----------


def test_item4_a_run_of_bodiless_header_lines_is_one_section() -> None:
    text = "前锋区委书记米亮:\n" * 2000
    result = extract(text, reference_date="2020-03-02")
    assert [s.kind for s in result.sections] == [SectionKind.LEADER]
    assert [len(o.mentions) for o in result.officials] == [2000]
    few = extract("前锋区委书记米亮:\n\n华蓥市委书记谢洋波:\n", reference_date="2020-03-02")
    assert [s.kind for s in few.sections] == [SectionKind.LEADER, SectionKind.LEADER]


def _metric(start: int, value: int, subject: str | None, section: int) -> Metric:
    raw = f"{value}万元"
    return Metric(
        value=value * 10_000,
        unit="元",
        raw=raw,
        subject=subject,
        evidence=Span(start=start, end=start + len(raw), text=raw),
        section=section,
    )


def _deduplicate_by_scanning(metrics: list[Metric]) -> list[tuple[int, str | None]]:
    """What deduplication keeps when each metric is compared with every one kept before it."""
    from digestllm.consolidate import _drop_repeated_statements, _same_subject

    kept: list[tuple[tuple[str, str], str, Metric]] = []
    for metric in _drop_repeated_statements(sorted(metrics, key=lambda m: m.evidence.start)):
        subject = metric.subject or ""
        if not any(f == figure_key(metric) and _same_subject(s, m, subject, metric) for f, s, m in kept):
            kept.append((figure_key(metric), subject, metric))
    return [(m.evidence.start, m.subject) for _, _, m in kept]


def test_item4_indexed_deduplication_keeps_what_scanning_every_pair_keeps() -> None:
    rng = random.Random(4)
    words = ["项目", "重点项目", "贫困户", "企业", "资金", "农民工", "重点", "贫困", "规上企业", "投资"]
    for _ in range(200):
        metrics = [
            _metric(
                start=10 * i,
                value=rng.choice((5, 5, 8, 1200)),
                subject=rng.choice([None, *("".join(rng.sample(words, rng.randint(1, 2))) for _ in range(3))]),
                section=rng.randint(0, 2),
            )
            for i in range(rng.randint(1, 30))
        ]
        expected = _deduplicate_by_scanning([m.model_copy() for m in metrics])
        assert [(m.evidence.start, m.subject) for m in deduplicate_metrics(metrics)] == expected


# --- 5. Control characters never reach the terminal raw ---------------------------------------------


def test_item5_escape_sequences_in_the_input_are_shown_not_sent_to_the_terminal() -> None:
    text = "县委书记王建国:\n\x1b]0;pwned\x07王建国调研\x1b[5m企业\u202e复工83家。\n"
    buffer = io.StringIO()
    render_result(extract(text, reference_date="2020-03-02"), Console(file=buffer, width=100, color_system=None))
    shown = buffer.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "\\x1b]0;pwned\\x07" in shown or "\\x1b" in shown


# --- 7. The year of an undated digest ----------------------------------------------------------------


def test_item7_the_file_name_gives_the_year_when_the_text_has_none(tmp_path: Path) -> None:
    named = tmp_path / "guangan-2020-03-02.txt"
    named.write_text(SEED_TEXT, encoding="utf-8")
    result = extract_file(named)
    assert str(result.reference_date) == "2020-03-02"
    assert all(event.date is None or event.date.year == 2020 for event in result.events)
    assert sum(event.date is not None for event in result.events) >= 6
    assert "taken from the file name" in result.warnings[0]


def test_item7_without_a_year_anywhere_the_warning_says_how_to_pass_it(tmp_path: Path) -> None:
    plain = tmp_path / "seed.txt"
    plain.write_text(SEED_TEXT, encoding="utf-8")
    result = extract_file(plain)
    assert result.reference_date is None
    assert any("--reference-date" in w and "reference_date=" in w for w in result.warnings)


def test_item7_a_year_in_the_text_wins_over_the_file_name(tmp_path: Path) -> None:
    dated = tmp_path / "2019-01-01.txt"
    dated.write_text("2020年3月2日\n" + SEED_TEXT, encoding="utf-8")
    assert str(extract_file(dated).reference_date) == "2020-03-02"


# --- 8. One record shape for every output, failures included -----------------------------------------


def test_item8_json_jsonl_and_out_hold_the_same_records_failures_included(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(SEED_TEXT, encoding="utf-8")
    bad.write_bytes(b"\x80\xff" * 10)
    code, out, _ = cli(capsys, "extract", str(good), str(bad), "--format", "json")
    as_json = json.loads(out)
    code_l, out_l, _ = cli(capsys, "extract", str(good), str(bad), "--format", "jsonl")
    as_jsonl = [json.loads(line) for line in out_l.splitlines()]
    code_o, _, _ = cli(capsys, "extract", str(good), str(bad), "--out", str(tmp_path / "out"))
    as_out = [json.loads((tmp_path / "out" / f"{p.stem}.json").read_text(encoding="utf-8")) for p in (good, bad)]
    assert code == code_l == code_o == DecodeError.exit_code
    for records in (as_json, as_jsonl, as_out):
        assert [set(r) for r in records] == [{"source", "result", "error"}] * 2
        assert records[0]["source"] == str(good) and records[0]["error"] is None and records[0]["result"]["officials"]
        assert records[1]["source"] == str(bad) and records[1]["result"] is None
        assert records[1]["error"]["type"] == "DecodeError" and records[1]["error"]["exit_code"] == 4
    [single] = json.loads(cli(capsys, "extract", str(good), "--format", "json")[1])  # one file: a list all the same
    assert single["source"] == str(good)


# --- 9. The command line ------------------------------------------------------------------------------


def test_item9_dash_reads_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED_TEXT.encode("gb18030"))))
    code, out, err = cli(capsys, "extract", "-", "--reference-date", "2020-03-02", "--format", "json")
    [record] = json.loads(out)
    assert code == 0, err
    assert record["source"] == "-" and len(record["result"]["officials"]) == 9


def test_item9_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--version")
    assert code == 0 and out.startswith("digestllm ") and out.split()[1][0].isdigit()


def test_item9_model_and_base_url_reach_the_model_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "extract", str(SEED), "--model", "m", "--base-url", "localhost:8765/v1")
    assert code == ConfigurationError.exit_code and "base_url 'localhost:8765/v1'" in err


def test_item9_folders_are_walked_recursively_and_upper_case_txt_counts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    for path in (tmp_path / "A.TXT", tmp_path / "deep" / "er" / "b.txt"):
        path.write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not read", encoding="utf-8")
    code, out, err = cli(capsys, "extract", str(tmp_path), "--format", "jsonl")
    assert code == 0, err
    assert [json.loads(line)["source"] for line in out.splitlines()] == [
        str(tmp_path / "A.TXT"),
        str(tmp_path / "deep" / "er" / "b.txt"),
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_item9_a_symlink_loop_and_a_fifo_are_reported_not_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "good.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    code, out, err = cli(capsys, "extract", str(tmp_path), "--format", "jsonl")
    errors = {r["source"]: r["error"]["message"] for r in map(json.loads, out.splitlines()) if r["error"]}
    assert code == 2
    assert "FIFO" in errors[str(tmp_path / "pipe.txt")]
    assert "loop" in errors[str(tmp_path / "self.txt")]
    assert "loop" in errors[str(tmp_path / "loop")]
    assert len(err.strip().splitlines()) == 3


def test_item9_the_table_quotes_evidence_and_fits_80_columns_with_fallback_reasons() -> None:
    server = ScriptedServer(httpx.Response(500, json={"error": "boom"}))
    result = extract(SEED_TEXT, reference_date="2020-03-02", mode="model", transport=server.transport, **MODEL)
    buffer = io.StringIO()
    render_result(result, Console(file=buffer, width=80, color_system=None))
    lines = buffer.getvalue().splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert any("[2542:2682]" in line for line in lines)  # offsets, and below them the quoted text
    assert any("進村莊" in line for line in lines)
    reason = "section 1 (fallback): rules used instead of the model: the model server answered HTTP 500"
    assert reason in " ".join(lines)


# --- 10. The model path says what happened, and keeps quiet --------------------------------------------


def test_item10_when_every_section_falls_back_the_result_says_so_at_the_top() -> None:
    result = extract(ARTICLE, mode="model", transport=ScriptedServer(httpx.ConnectError("refused")).transport, **MODEL)
    assert all(s.status is SectionStatus.FALLBACK for s in result.sections if s.usage is not None)
    assert result.warnings[0].startswith("the model answered none of the 1 section(s)")
    assert "cannot reach the model server" in result.warnings[0]


def test_item10_library_use_prints_nothing_to_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    extract(ARTICLE, mode="model", transport=ScriptedServer(httpx.Response(500, json={})).transport, **MODEL)
    assert capfd.readouterr().err == ""


def test_item10_library_log_lines_reach_the_digestllm_logger(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="digestllm")
    extract(ARTICLE, mode="model", transport=ScriptedServer(httpx.Response(500, json={})).transport, **MODEL)
    assert any(record.name.startswith("instructor") for record in caplog.records)


@pytest.mark.parametrize("url", ["localhost:8765/v1", "http//127.0.0.1", "http://", "ftp://h/v1", "http://h:99999/v1"])
def test_item10_an_invalid_base_url_is_a_configuration_error_before_any_call(url: str) -> None:
    server = ScriptedServer(tool_call_response(EMPTY_ANSWER))
    with pytest.raises(ConfigurationError, match="base_url"):
        extract(ARTICLE, mode="model", **{**MODEL, "base_url": url}, transport=server.transport)
    assert server.requests == []


def test_item10_a_long_retry_after_is_told_truthfully() -> None:
    server = ScriptedServer(httpx.Response(429, headers={"retry-after": "86400"}, json={"error": "slow down"}))
    result = extract(ARTICLE, mode="model", transport=server.transport, **MODEL)
    section = result.sections[0]
    assert len(server.requests) == 1 and section.usage is not None and section.usage.calls == 1
    assert "asked to wait 86400 s" in section.warnings[0] and "without retrying" in section.warnings[0]


@pytest.mark.parametrize("value", [b"2020-03-02", bytearray(b"2020-03-02"), 20200302, "1899-12-31", "2101-01-01"])
def test_item10_a_reference_date_of_another_type_or_out_of_range_is_an_input_error(value: object) -> None:
    with pytest.raises(InputError, match="reference_date"):
        extract(ARTICLE, reference_date=value)  # type: ignore[arg-type]


# --- The fuzz: a slice of bench/fuzz.py's 20,000 documents --------------------------------------------


def test_fuzz_slice_raises_nothing_but_digest_errors_and_keeps_every_span_exact() -> None:
    from bench.fuzz import fuzz

    outcomes, failures = fuzz(documents=300, seed=20260302)
    assert failures == []
    assert outcomes["ok"] > 200  # the documents were extracted, not all refused


@pytest.mark.parametrize(
    ("text", "title", "region"),
    [
        ("吉林省长景俊海调研春耕生产。", "吉林省长", "吉林省"),
        ("清远市长江凌出席。", "清远市长", "清远市"),
        ("宁夏回族自治区党委书记陈润儿出席。", "宁夏回族自治区党委书记", "宁夏回族自治区"),
        ("新疆维吾尔自治区主席艾尔肯·吐尼亚孜出席。", "新疆维吾尔自治区主席", "新疆维吾尔自治区"),
        ("黑龙江省委书记张三出席。", "黑龙江省委书记", "黑龙江省"),
    ],
)
def test_item11_a_province_or_city_before_its_head_is_the_region_and_the_post_stays_whole(
    text: str, title: str, region: str
) -> None:
    [official] = extract(text, reference_date="2021-04-05").officials
    assert (official.titles, official.region) == ([title], region)


def test_item11_leaders_of_one_day_keep_one_event_per_activity() -> None:
    text = (
        "4月4日，省委书记张三、省长李四、省政协主席王五在黄帝陵祭祀广场出席公祭典礼。"
        "同日，宁夏回族自治区党委书记陈润儿主持召开座谈会。吉林省长景俊海当天调研春耕生产。"
    )
    events = [
        (e.date.isoformat() if e.date else None, e.officials) for e in extract(text, reference_date="2021-04-05").events
    ]
    assert events == [
        ("2021-04-04", ["张三", "李四", "王五"]),
        ("2021-04-04", ["陈润儿"]),
        ("2021-04-04", ["景俊海"]),
    ]
