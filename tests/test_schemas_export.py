"""The JSON Schemas committed in schemas/ are what the public models generate now."""

from __future__ import annotations

from pathlib import Path

import pytest

from digestllm.cli import main

COMMITTED = Path(__file__).resolve().parents[1] / "schemas"
HINT = "the models changed: run `digestllm schemas` from the repository root and commit schemas/"


def test_committed_schemas_match_the_models(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemas", "--out", str(tmp_path)]) == 0, capsys.readouterr().err
    generated = {path.name: path.read_text(encoding="utf-8") for path in tmp_path.glob("*.schema.json")}
    committed = {path.name: path.read_text(encoding="utf-8") for path in COMMITTED.glob("*.schema.json")}
    assert sorted(committed) == sorted(generated), HINT
    stale = [name for name in sorted(generated) if committed[name] != generated[name]]
    assert not stale, f"{', '.join(stale)} out of date; {HINT}"


def test_schemas_default_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["schemas"]) == 0
    assert "wrote 6 JSON Schemas" in capsys.readouterr().err
    assert (tmp_path / "schemas" / "DigestResult.schema.json").read_text(encoding="utf-8").endswith("}\n")
