"""`digestllm corpus`: records, tables, database, failures, run report, resume (after kill -9 too)."""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from digestllm.cli import main
from digestllm.corpus.inputs import iter_documents
from digestllm.corpus.runner import CorpusOptions, run_corpus
from digestllm.corpus.tables import TABLES
from tests.conftest import DATA, ROOT
from tests.fakes import EMPTY_ANSWER, ScriptedServer, tool_call_response

pytestmark = pytest.mark.block_network(allowed_hosts=["/"])  # the workers' fork server: a Unix socket
TEXTS = [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("heldout*/*.txt"))]
RECORD_FIELDS = {"id", "source", "path", "url", "reference_date", "text_sha256", "options_key"}
RECORD_FIELDS |= {"library_version", "prompt_version", "text", "result"}


def corpus_folder(folder: Path, count: int) -> Path:
    for i in range(count):
        sub = folder / f"m{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"a{i:03d}-2021-01-{1 + i % 28:02d}.txt").write_text(TEXTS[i % len(TEXTS)], encoding="utf-8")
    return folder


def corpus_jsonl(path: Path, count: int, prefix: str = "j", short: bool = False) -> Path:
    """`count` rows; `short` ones hold each text's first line only (quick to extract)."""
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            text = TEXTS[i % len(TEXTS)]
            text = text.strip().split("\n")[0] if short else text
            row = {"id": f"{prefix}{i:05d}", "text": text, "source": "paper", "url": f"http://x/{i}"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def corpus(*argv: str) -> int:
    return main(["corpus", *argv, "--no-progress"])


def records(out: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for path in (out / "documents").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        found[record["id"]] = record
    return found


def expected_counts(found: dict[str, dict[str, Any]]) -> dict[str, Counter[str]]:
    """Rows each document must have in each table, from its record."""
    counts: dict[str, Counter[str]] = {table: Counter() for table in TABLES}
    for doc_id, record in found.items():
        result = record["result"]
        counts["documents"][doc_id] = 1
        counts["officials"][doc_id] = len(result["officials"])
        counts["events"][doc_id] = len(result["events"])
        counts["event_officials"][doc_id] = sum(len(e["officials"]) for e in result["events"])
        counts["metrics"][doc_id] = len(result["metrics"])
    return {table: +counter for table, counter in counts.items()}


def assert_tables_match_records(out: Path) -> None:
    """DuckDB, Parquet and CSV hold each record's rows exactly once, no more, no fewer."""
    import duckdb

    expected = expected_counts(records(out))
    connection = duckdb.connect(str(out / "digest.duckdb"), read_only=True)
    try:
        for table in TABLES:
            rows = connection.execute(f"SELECT document_id, count(*) FROM {table} GROUP BY 1").fetchall()
            assert Counter(dict(rows)) == expected[table], table
            parquet = Counter(pq.read_table(out / "tables" / f"{table}.parquet").column("document_id").to_pylist())
            assert parquet == expected[table], table
            with open(out / "tables" / f"{table}.csv", encoding="utf-8-sig", newline="") as stream:
                assert Counter(row["document_id"] for row in csv.DictReader(stream)) == expected[table], table
    finally:
        connection.close()


def test_a_folder_becomes_records_tables_a_database_and_a_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert corpus(str(corpus_folder(tmp_path / "in", 20)), "--out", str(out), "--workers", "2") == 0
    found = records(out)
    assert len(found) == 20 and all(set(record) == RECORD_FIELDS for record in found.values())
    record = found["m1/a001-2021-01-02"]
    assert record["reference_date"] == "2021-01-02" and record["text"] == TEXTS[1]
    assert_tables_match_records(out)
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["documents"] == {
        "input": 20,
        "extracted": 20,
        "reused": 0,
        "failed": 0,
        "kept_from_earlier_runs": 0,
        "in_tables": 20,
    }
    assert run["characters_extracted"] == sum(len(r["text"]) for r in found.values())
    assert run["documents_per_second"] > 0 and run["usage"]["calls"] == 0
    assert (out / "failures.jsonl").read_text(encoding="utf-8") == ""


def test_event_rows_carry_the_document_key_and_their_span(tmp_path: Path) -> None:
    import duckdb

    out = tmp_path / "out"
    assert corpus(str(corpus_jsonl(tmp_path / "in.jsonl", 6)), "--out", str(out)) == 0
    connection = duckdb.connect(str(out / "digest.duckdb"), read_only=True)
    rows = connection.execute("SELECT document_id, source, url, span_start, span_end, evidence FROM events").fetchall()
    connection.close()
    texts = {doc_id: record["text"] for doc_id, record in records(out).items()}
    assert rows
    for doc_id, source, url, start, end, evidence in rows:
        assert source == "paper" and url.startswith("http://x/")
        assert texts[doc_id][start:end] == evidence


def test_excel_adds_a_byte_order_mark_to_every_csv(tmp_path: Path) -> None:
    source = str(corpus_jsonl(tmp_path / "in.jsonl", 3))
    assert corpus(source, "--out", str(tmp_path / "plain")) == 0
    assert corpus(source, "--out", str(tmp_path / "excel"), "--excel") == 0
    for table in TABLES:
        assert not (tmp_path / "plain" / "tables" / f"{table}.csv").read_bytes().startswith(codecs.BOM_UTF8)
        assert (
            (tmp_path / "excel" / "tables" / f"{table}.csv").read_bytes().startswith(codecs.BOM_UTF8 + b"document_id")
        )


def test_a_corrupt_input_among_good_ones_is_one_failure_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = corpus_folder(tmp_path / "in", 6)
    (folder / "m0" / "broken.txt").write_bytes(b"\x80\xff" * 10)
    out = tmp_path / "out"
    assert corpus(str(folder), "--out", str(out)) == 1
    [line] = (out / "failures.jsonl").read_text(encoding="utf-8").splitlines()
    failure = json.loads(line)
    assert failure["id"] == "m0/broken" and failure["error"] == "DecodeError" and "undecodable" in failure["message"]
    assert len(records(out)) == 6
    assert_tables_match_records(out)
    assert "1 failed" in capsys.readouterr().err


def test_a_rerun_reuses_what_holds_and_redoes_what_changed(tmp_path: Path) -> None:
    folder = corpus_folder(tmp_path / "in", 9)
    out = tmp_path / "out"
    assert corpus(str(folder), "--out", str(out)) == 0
    assert corpus(str(folder), "--out", str(out)) == 0
    assert json.loads((out / "run.json").read_text())["documents"]["reused"] == 9
    (folder / "m2" / "a002-2021-01-03.txt").write_text(TEXTS[5], encoding="utf-8")
    assert corpus(str(folder), "--out", str(out)) == 0
    run = json.loads((out / "run.json").read_text())["documents"]
    assert (run["extracted"], run["reused"]) == (1, 8)
    assert records(out)["m2/a002-2021-01-03"]["text"] == TEXTS[5]
    assert corpus(str(folder), "--out", str(out), "--simplified") == 0  # other options: everything again
    assert json.loads((out / "run.json").read_text())["documents"]["extracted"] == 9
    assert_tables_match_records(out)


def test_a_document_that_now_fails_leaves_no_stale_record(tmp_path: Path) -> None:
    folder = corpus_folder(tmp_path / "in", 4)
    out = tmp_path / "out"
    assert corpus(str(folder), "--out", str(out)) == 0
    (folder / "m0" / "a000-2021-01-01.txt").write_text("   ", encoding="utf-8")
    assert corpus(str(folder), "--out", str(out)) == 1
    assert "m0/a000-2021-01-01" not in records(out) and len(records(out)) == 3
    assert_tables_match_records(out)


def test_records_of_earlier_runs_on_other_inputs_stay_in_the_tables(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert corpus(str(corpus_jsonl(tmp_path / "jan.jsonl", 5, "jan")), "--out", str(out)) == 0
    assert corpus(str(corpus_jsonl(tmp_path / "feb.jsonl", 4, "feb")), "--out", str(out)) == 0
    run = json.loads((out / "run.json").read_text())["documents"]
    assert (run["extracted"], run["kept_from_earlier_runs"], run["in_tables"]) == (4, 5, 9)
    assert_tables_match_records(out)


def test_an_id_given_twice_is_a_failure_and_the_first_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        corpus(
            str(corpus_jsonl(tmp_path / "a.jsonl", 3)), str(corpus_jsonl(tmp_path / "b.jsonl", 2)), "--out", str(out)
        )
        == 1
    )
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert [(f["id"], f["error"]) for f in failures] == [("j00000", "DuplicateIdError"), ("j00001", "DuplicateIdError")]
    assert records(out)["j00000"]["path"].endswith("a.jsonl:1")
    assert_tables_match_records(out)


def test_a_missing_text_column_stops_the_command_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,body\n1,正文\n", encoding="utf-8")
    assert corpus(str(path), "--out", str(tmp_path / "out")) == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("digestllm: ") and "no 'text' column" in err and len(err.splitlines()) == 1
    assert corpus(str(path), "--out", str(tmp_path / "out"), "--text-column", "body") == 0


def no_process_running_with(argument: str, seconds: float) -> bool:
    """True once no process has `argument` on its command line (Linux's /proc), waiting up to `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        running = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                running.append(argument.encode() in cmdline.read_bytes())
            except OSError:  # ended meanwhile
                continue
        if not any(running):
            return True
        time.sleep(0.1)
    return False


def test_a_run_killed_mid_way_and_rerun_has_every_document_once(tmp_path: Path) -> None:
    source = corpus_jsonl(tmp_path / "in.jsonl", 2000, short=True)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "digestllm", "corpus", str(source), "--out", str(out), "--no-progress"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([*command, "--workers", "2"], env=environment, stderr=subprocess.DEVNULL)
    try:
        while len(list((out / "documents").glob("*.json"))) < 100 if (out / "documents").is_dir() else True:
            assert process.poll() is None, "the run ended before it could be killed"
            time.sleep(0.02)
        assert process.poll() is None
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    assert not (out / "run.json").exists()
    assert no_process_running_with(str(source), seconds=10), "the killed run's workers outlived it"
    done_before = len(records(out))
    assert 100 <= done_before < 2000
    subprocess.run(command, env=environment, check=True, stderr=subprocess.DEVNULL)
    run = json.loads((out / "run.json").read_text())["documents"]
    assert run["reused"] >= done_before and run["extracted"] + run["reused"] == 2000 and run["in_tables"] == 2000
    assert_tables_match_records(out)


def test_the_model_path_adds_usage_up_and_honours_the_budget(tmp_path: Path) -> None:
    server = ScriptedServer(tool_call_response(EMPTY_ANSWER))  # 100 prompt + 20 completion tokens a call
    options = {
        "mode": "model",
        "model": "fake-model",
        "api_key": "sk-test-0000000000000000",
        "transport": server.transport,
        "transport_retries": 0,
        "validation_retries": 0,
    }
    items = iter_documents([str(corpus_jsonl(tmp_path / "in.jsonl", 6))])
    run = run_corpus(items, tmp_path / "out", options, CorpusOptions(workers=1, progress=False, max_total_tokens=300))
    assert run["path"] == "model" and run["prompt_version"]
    assert run["usage"]["calls"] == len(server.requests) and run["usage"]["total_tokens"] == 120 * len(server.requests)
    budget = run["budget"]
    assert budget["exhausted"] and budget["tokens_spent"] >= 300 and 1 <= budget["documents_on_rules"] < 6
    modes = Counter(r["result"]["mode"] for r in records(tmp_path / "out").values())
    assert modes["rules"] == budget["documents_on_rules"] and modes["model"] == 6 - budget["documents_on_rules"]
    assert "transport" not in run["options"] and "api_key" not in run["options"]


def test_an_out_path_that_is_a_file_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    assert corpus(str(corpus_jsonl(tmp_path / "in.jsonl", 2)), "--out", str(tmp_path / "taken")) == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("digestllm: ") and "not a folder" in err and len(err.splitlines()) == 1


def test_a_record_made_by_another_library_or_prompt_version_is_redone(tmp_path: Path) -> None:
    source, out = str(corpus_jsonl(tmp_path / "in.jsonl", 4)), tmp_path / "out"
    assert corpus(source, "--out", str(out)) == 0
    for name, field, value in (("j00001.json", "library_version", "0.0.0"), ("j00002.json", "prompt_version", "p-old")):
        path = out / "documents" / name
        record = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps({**record, field: value}, ensure_ascii=False), encoding="utf-8")
    assert corpus(source, "--out", str(out)) == 0
    run = json.loads((out / "run.json").read_text())["documents"]
    assert (run["extracted"], run["reused"]) == (2, 2)
    assert records(out)["j00001"]["library_version"] != "0.0.0" and records(out)["j00002"]["prompt_version"] is None


def test_the_progress_bar_counts_documents_and_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    from digestllm.corpus import progress

    screen = io.StringIO()
    monkeypatch.setattr(progress, "Console", lambda stderr: Console(file=screen, force_terminal=True, width=150))
    with progress.RunProgress(3, tokens=True) as bar:
        bar.advance()
        bar.advance(failed=True, tokens=1200)
        bar.progress.refresh()
    text = screen.getvalue()
    assert "2/3" in text and "1 failed" in text and "1,200 tokens" in text and "docs/s" in text


def readme_person_query() -> str:
    """The README's query "every event of one person, in date order, with the place codes"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Persons and places") :]
    match = re.search(r"```sql\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


def test_the_database_links_one_person_across_documents_with_events_in_date_order(tmp_path: Path) -> None:
    import duckdb

    folder = tmp_path / "in"
    folder.mkdir()
    seed = (ROOT / "examples" / "guangan-2020-03-02.txt").read_text(encoding="utf-8")
    (folder / "a-2020-03-02.txt").write_text(seed, encoding="utf-8")
    later = "3月9日，廣安區委書記文建平到協興鎮調研春耕生產。\n"
    (folder / "b-2020-03-10.txt").write_text(later, encoding="utf-8")
    out = tmp_path / "out"
    assert corpus(str(folder), "--out", str(out), "--workers", "1") == 0
    connection = duckdb.connect(str(out / "digest.duckdb"), read_only=True)
    try:
        [(person_id, documents)] = connection.execute(
            "SELECT person_id, documents FROM persons WHERE name = '文建平'"
        ).fetchall()
        assert documents == 2
        reasons = connection.execute(
            "SELECT link_reason FROM person_mentions WHERE person_id = ? ORDER BY document_id", [person_id]
        ).fetchall()
        assert len(reasons) == 2 and reasons[1][0]  # the second mention says why it joined the first
        events = connection.execute(readme_person_query()).fetchall()  # its person is 文建平
        assert [str(row[1]) for row in events] == ["2020-02-27", "2020-02-28", "2020-03-09"]
        assert events[-1][4] == "協興鎮"
        assert {row[0] for row in events} == {person_id}
        posts = connection.execute("SELECT role FROM person_posts WHERE person_id = ?", [person_id]).fetchall()
        assert ("party_secretary",) in posts
    finally:
        connection.close()


def test_the_people_tables_do_not_depend_on_the_workers_or_the_input_order(tmp_path: Path) -> None:
    """Each worker works out its documents' share of the people tables; the linked persons are the same
    whichever worker made which share, and whatever order the documents came in."""
    import duckdb

    forward = corpus_jsonl(tmp_path / "forward.jsonl", 24)
    rows = forward.read_text(encoding="utf-8").splitlines()
    backward = tmp_path / "backward.jsonl"
    backward.write_text("\n".join(reversed(rows)) + "\n", encoding="utf-8")
    tables = {}
    for name, source, workers in (("one", forward, "1"), ("two", backward, "2")):
        out = tmp_path / name
        assert corpus(str(source), "--out", str(out), "--workers", workers) == 0
        connection = duckdb.connect(str(out / "digest.duckdb"), read_only=True)
        try:
            tables[name] = [
                connection.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
                for table in ("persons", "person_posts", "person_mentions", "event_places")
            ]
        finally:
            connection.close()
    assert tables["one"] == tables["two"]
    persons, _, mentions, _ = tables["one"]
    assert len(persons) > 10 and len(mentions) > len(persons)  # officials of 24 documents, some linked
