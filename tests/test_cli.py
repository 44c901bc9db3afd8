"""The `digestllm` command line: formats, --out, and one-line errors with the right exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from digestllm.cli import main
from digestllm.errors import DecodeError, EmptyInputError, SourceNotFoundError

SEED = Path(__file__).resolve().parents[1] / "examples" / "guangan-2020-03-02.txt"
# Invalid in UTF-8, GB18030 and Big5 alike (0x80 and 0xFF start no character in any of them),
# and no byte-order mark.
UNDECODABLE = b"\x80\xff" * 10


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_error_line(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("digestllm: "), err
    assert "Traceback" not in err


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "seed.txt"
    copy.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def test_undecodable_bytes_are_invalid_in_every_supported_encoding() -> None:
    for encoding in ("utf-8", "gb18030", "big5"):
        with pytest.raises(UnicodeDecodeError):
            UNDECODABLE.decode(encoding)


def test_table_output_names_the_officials(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(SEED), "--format", "table", "--reference-date", "2020-03-02")
    assert code == 0, err
    assert "文建平" in out and "Officials" in out


def test_json_output_is_a_list_of_records(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), "--format", "json", "--reference-date", "2020-03-02")
    [record] = json.loads(out)
    assert code == 0
    assert record["source"] == str(SEED) and record["error"] is None
    result = record["result"]
    assert result["reference_date"] == "2020-03-02"
    assert len(result["officials"]) == 9


def test_json_is_the_default_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SEED))
    assert code == 0
    assert "officials" in json.loads(out)[0]["result"]


def test_jsonl_has_one_line_per_file(capsys: pytest.CaptureFixture[str], seed_copy: Path) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), str(seed_copy), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["source"] for r in records] == [str(SEED), str(seed_copy)]
    assert all(len(r["result"]["officials"]) == 9 for r in records)


def test_json_for_several_files_is_a_list(capsys: pytest.CaptureFixture[str], seed_copy: Path) -> None:
    code, out, _ = run(capsys, "extract", str(seed_copy.parent), "--format", "json")
    assert code == 0
    assert [entry["source"] for entry in json.loads(out)] == [str(seed_copy)]


def test_out_writes_one_file_per_input(capsys: pytest.CaptureFixture[str], seed_copy: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "results"
    code, out, err = run(capsys, "extract", str(seed_copy), "--out", str(out_dir), "--reference-date", "2020-03-02")
    assert code == 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "9 officials" in err
    record = json.loads((out_dir / "seed.json").read_text(encoding="utf-8"))
    assert record["source"] == str(seed_copy) and record["error"] is None
    assert len(record["result"]["officials"]) == 9


def test_simplified_reports_simplified_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), "--format", "json", "--simplified")
    names = [official["name"] for official in json.loads(out)[0]["result"]["officials"]]
    assert code == 0
    assert "刘永明" in names and "劉永明" not in names


def test_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "extract", str(tmp_path / "missing.txt"))
    assert code == SourceNotFoundError.exit_code == 2
    [record] = json.loads(out)  # the failure is in the output too, where it happened
    assert record == {
        "source": str(tmp_path / "missing.txt"),
        "result": None,
        "error": {"type": "SourceNotFoundError", "message": err.strip().removeprefix("digestllm: "), "exit_code": 2},
    }
    assert_one_error_line(err)


@pytest.mark.parametrize(
    ("content", "error"), [(b"  \n\n", EmptyInputError), (UNDECODABLE, DecodeError)], ids=["empty", "undecodable"]
)
def test_unreadable_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, error: type[Exception]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, _, err = run(capsys, "extract", str(bad))
    assert code == error.exit_code  # type: ignore[attr-defined]
    assert_one_error_line(err)


def test_one_bad_file_does_not_stop_the_others(capsys: pytest.CaptureFixture[str], seed_copy: Path) -> None:
    (seed_copy.parent / "aaa-bad.txt").write_bytes(UNDECODABLE)  # sorts first: the good one runs after it
    code, out, err = run(capsys, "extract", str(seed_copy.parent), "--format", "jsonl")
    assert code == DecodeError.exit_code
    assert_one_error_line(err)
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in records] == [str(seed_copy.parent / "aaa-bad.txt"), str(seed_copy)]
    assert records[0]["result"] is None and records[0]["error"]["type"] == "DecodeError"
    assert records[1]["error"] is None and records[1]["result"]["officials"]


def test_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "extract", str(tmp_path))
    assert code == SourceNotFoundError.exit_code
    assert_one_error_line(err)


def test_model_mode_without_a_model_is_reported_once(capsys: pytest.CaptureFixture[str], seed_copy: Path) -> None:
    code, _, err = run(capsys, "extract", str(seed_copy), str(seed_copy), "--mode", "model")
    assert code == 5
    assert_one_error_line(err)


def test_bad_reference_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(SEED), "--reference-date", "bad")
    assert code == 2
    assert out == ""
    assert "--reference-date" in err and "'bad'" in err
    assert "Traceback" not in err


def test_unexpected_exception_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seed_copy: Path
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.delenv("DIGESTLLM_DEBUG", raising=False)
    monkeypatch.setattr("digestllm.cli.extract_file", broken)
    code, _, err = run(capsys, "extract", str(seed_copy))
    assert code == 70
    assert_one_error_line(err)
    assert str(seed_copy) in err and "internal error: RuntimeError: boom" in err


def test_keyboard_interrupt_exits_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seed_copy: Path
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("digestllm.cli.extract_file", interrupted)
    code, _, err = run(capsys, "extract", str(seed_copy))
    assert code == 130
    assert_one_error_line(err)


def test_python_m_digestllm_reports_errors_without_traceback(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "digestllm", "extract", str(SEED), str(tmp_path / "missing.txt"), "--format", "jsonl"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "DIGESTLLM_DEBUG": ""},
    )
    assert completed.returncode == 2
    assert_one_error_line(completed.stderr)
    first, missing = (json.loads(line) for line in completed.stdout.splitlines())
    assert first["source"] == str(SEED) and first["result"] is not None
    assert missing["result"] is None and missing["error"]["type"] == "SourceNotFoundError"


def test_inputs_with_the_same_name_get_their_own_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    code, _, _ = run(capsys, "extract", str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt"), "--out", str(out))
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["x-2.json", "x.json"]


def test_a_path_too_long_for_the_file_system_is_a_missing_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", "a" * 5000)
    assert code == SourceNotFoundError.exit_code
    assert_one_error_line(err)
    assert len(err) < 300


def test_json_reaches_a_pipe_with_a_latin1_locale() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    finished = subprocess.run(
        [sys.executable, "-m", "digestllm", "extract", str(SEED), "--format", "json", "--reference-date", "2020-03-02"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr.decode("utf-8", "replace")
    assert "文建平" in finished.stdout.decode("utf-8")
