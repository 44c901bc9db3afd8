"""Reading a corpus: folders, JSONL, CSV and Parquet, standard input; stable ids; clear column errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from digestllm.corpus.inputs import (
    Columns,
    Document,
    DocumentFailure,
    check_sources,
    content_id,
    file_name,
    iter_documents,
)
from digestllm.errors import InputError, SourceNotFoundError

ARTICLE = "3月5日，市委副书记李龙到大城县调研企业复工复产，县长庞大鹏陪同。"


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_folder_is_searched_recursively_and_ids_are_paths_inside_it(tmp_path: Path) -> None:
    (tmp_path / "2020" / "03").mkdir(parents=True)
    (tmp_path / "2020" / "03" / "a-2020-03-02.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="gb18030")
    (tmp_path / "notes.md").write_text("not taken", encoding="utf-8")
    documents = list(iter_documents([str(tmp_path)]))
    assert [d.id for d in documents] == ["2020/03/a-2020-03-02", "b"]  # type: ignore[union-attr]
    first = documents[0]
    assert isinstance(first, Document) and first.reference_date == "2020-03-02" and first.text == ARTICLE
    assert check_sources([str(tmp_path)]) == 2
    assert [d.id for d in iter_documents([str(tmp_path)], pattern="*.md")] == ["notes"]


def test_jsonl_rows_carry_their_metadata_and_extra_columns_are_ignored(tmp_path: Path) -> None:
    rows = [
        {"id": "d1", "text": ARTICLE, "date": "2020-03-06", "url": "http://x/1", "source": "paper", "extra": 1},
        {"text": ARTICLE + "。"},
    ]
    documents = list(iter_documents([str(write_jsonl(tmp_path / "in.jsonl", rows))]))
    assert documents[0] == Document("d1", ARTICLE, "2020-03-06", "http://x/1", "paper", f"{tmp_path}/in.jsonl:1")
    second = documents[1]
    assert isinstance(second, Document) and second.id == content_id(ARTICLE + "。")


def test_a_jsonl_row_without_the_text_column_fails_alone_naming_the_column(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": ARTICLE}, {"id": "b", "body": ARTICLE}, {"id": "c", "text": ARTICLE}]
    documents = list(iter_documents([str(write_jsonl(tmp_path / "in.jsonl", rows))]))
    assert [type(d).__name__ for d in documents] == ["Document", "DocumentFailure", "Document"]
    failure = documents[1]
    assert isinstance(failure, DocumentFailure) and failure.id == "b" and failure.error_class == "InputError"
    assert "no 'text' column" in failure.message and "'body'" in failure.message


def test_a_configured_text_column_is_used(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"key": "k1", "body": ARTICLE}])
    documents = list(iter_documents([str(path)], columns=Columns(text="body", id="key")))
    assert isinstance(documents[0], Document) and documents[0].id == "k1"


def test_a_csv_header_without_the_text_column_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,body\n1,正文\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'text' column in the header"):
        check_sources([str(path)])


def test_a_csv_header_without_a_column_asked_for_by_name_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,text\n1,正文\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'published' column"):
        check_sources([str(path)], columns=Columns(date="published", required=frozenset({"date"})))


def test_csv_rows_with_missing_or_extra_fields_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        f"\ufeffid,text,date\n1,{ARTICLE},2020-03-06\n2,{ARTICLE}\n3,{ARTICLE},2020-03-06,surplus\n", "utf-8"
    )
    documents = list(iter_documents([str(path)]))
    assert isinstance(documents[0], Document) and documents[0].id == "1"  # the BOM is not part of the first name
    assert documents[0].reference_date == "2020-03-06"
    for failure, line in zip(documents[1:], (3, 4), strict=True):
        assert isinstance(failure, DocumentFailure) and f"in.csv:{line}" in failure.message
        assert "fields where the header has 3" in failure.message


def test_parquet_files_are_read_like_jsonl(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "in.parquet"
    pq.write_table(
        pa.table({"id": ["p1", "p2"], "text": [ARTICLE, ARTICLE + "。"], "date": ["2020-03-06", None]}), path
    )
    documents = list(iter_documents([str(path)]))
    assert [d.id for d in documents] == ["p1", "p2"]
    assert isinstance(documents[0], Document) and documents[0].reference_date == "2020-03-06"
    assert check_sources([str(path)]) == 2


def test_standard_input_is_one_text_or_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    [document] = iter_documents(["-"])
    assert isinstance(document, Document) and document.id == content_id(ARTICLE)
    lines = json.dumps({"id": "s1", "text": ARTICLE}, ensure_ascii=False) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode("utf-8"))))
    [document] = iter_documents(["-"])
    assert isinstance(document, Document) and document.id == "s1"
    assert check_sources(["-"]) is None


def test_an_undecodable_file_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x80\xff" * 10)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    documents = list(iter_documents([str(tmp_path)]))
    assert isinstance(documents[0], DocumentFailure) and documents[0].error_class == "DecodeError"
    assert isinstance(documents[1], Document)


def test_a_missing_input_is_an_error_before_the_run(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="no such file or folder"):
        check_sources([str(tmp_path / "absent")])


def test_file_names_are_safe_and_distinct() -> None:
    assert file_name("2020/03/a") != file_name("2020_03_a")
    assert "/" not in file_name("2020/03/a") and file_name("plain-id_1.x") == "plain-id_1.x"
    assert len(file_name("长" * 400).encode("utf-8")) < 255
    assert file_name("..") != ".." and file_name("https://a.b/c?d=1").startswith("https_a.b_c_d_1-")
