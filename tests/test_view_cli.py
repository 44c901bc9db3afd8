"""`digestllm view`: pages from text files, result JSON and corpus folders; one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digestllm import extract
from digestllm.cli import main
from tests.conftest import SEED
from tests.view_support import PageReader, corpus_folder, expected_highlights, seed_corpus_entry


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


@pytest.fixture(scope="module")
def seed_entry() -> dict[str, object]:
    return seed_corpus_entry()


def test_a_text_file_becomes_one_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, err = run(capsys, "view", str(SEED), "-o", str(tmp_path / "out"), "--reference-date", "2020-03-02")
    assert code == 0, err
    pages = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert pages == ["guangan-2020-03-02.html"]
    page = (tmp_path / "out" / pages[0]).read_text(encoding="utf-8")
    result = extract(SEED.read_text(encoding="utf-8"), reference_date="2020-03-02")
    assert PageReader.read(page).highlight_texts() == expected_highlights(result)


def test_a_bare_result_json_shows_its_text_rebuilt_from_the_sections(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_entry: dict[str, object]
) -> None:
    source = tmp_path / "seed.json"
    source.write_text(json.dumps(seed_entry["result"], ensure_ascii=False), encoding="utf-8")
    code, err = run(capsys, "view", str(source), "-o", str(tmp_path / "seed.html"))
    assert code == 0, err
    page = PageReader.read((tmp_path / "seed.html").read_text(encoding="utf-8"))
    assert "".join(page.source_text) == seed_entry["text"]
    assert len(page.ids) == 28 + 9 + 19


def test_a_corpus_folder_gets_an_index_linking_every_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_entry: dict[str, object]
) -> None:
    folder = corpus_folder(tmp_path, seed_entry)
    code, err = run(capsys, "view", str(folder), "-o", str(tmp_path / "site"))
    assert code == 0, err
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    pages = sorted(path.name for path in (tmp_path / "site").glob("*.html") if path.name != "index.html")
    assert len(pages) == 2
    for page in pages:
        assert f'href="{page}"' in index
        assert 'href="index.html"' in (tmp_path / "site" / page).read_text(encoding="utf-8")
    assert "DecodeError: invalid bytes at 3" in index and 'data-doc="broken"' in index
    assert index.count("<time>") == 9 + 1  # the seed's events and the short article's


def test_an_unreadable_input_is_one_line_and_the_rest_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"officials": "not a list", "script": "traditional"}', encoding="utf-8")
    code, err = run(capsys, "view", str(bad), str(SEED), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"))
    lines = err.strip().splitlines()
    assert code == 3, err
    assert lines[0].startswith("digestllm: ") and "not a digestllm result" in lines[0]
    assert "no such file" in lines[1] and "Traceback" not in err
    assert (tmp_path / "out" / "guangan-2020-03-02.html").is_file()
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'data-doc="bad"' in index and 'data-doc="missing"' in index


def test_one_html_file_takes_one_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, err = run(capsys, "view", str(SEED), str(SEED), "-o", str(tmp_path / "two.html"))
    assert code == 3 and err.startswith("digestllm: ") and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "two.html").exists()


def test_every_document_of_a_list_or_jsonl_file_gets_its_own_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_entry: dict[str, object]
) -> None:
    copy = tmp_path / "b.txt"
    copy.write_text("2020年3月5日,市委书记张三在某县调研。", encoding="utf-8")
    assert main(["extract", str(SEED), str(copy), "--format", "json"]) == 0  # a list of {file, result}
    (tmp_path / "both.json").write_text(capsys.readouterr().out, encoding="utf-8")
    lines = [json.dumps({**seed_entry, "id": doc_id}, ensure_ascii=False) for doc_id in ("copy", "copy", "other")]
    (tmp_path / "three.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, err = run(
        capsys, "view", str(tmp_path / "both.json"), str(tmp_path / "three.jsonl"), "-o", str(tmp_path / "out")
    )
    assert code == 0, err
    pages = sorted(path.name for path in (tmp_path / "out").glob("*.html"))
    assert pages == ["b.html", "copy-2.html", "copy.html", "guangan-2020-03-02.html", "index.html", "other.html"]
