"""Persons across documents: the linking gold, the reasons, the tables, and places compared by name."""

from __future__ import annotations

import datetime as dt

import pytest

from digestllm import extract
from digestllm.persons import link_persons, person_tables
from digestllm.persons import mentions as mentions_module
from digestllm.persons.scoring import LinkingCorpus, found_clusters, load_linking_corpus, score_clusters
from digestllm.schemas import DigestResult, Event, Official, Script, Span
from tests.conftest import DATA

# The folders whose documents the linking gold (tests/data/persons) was built from; later batches are not in it.
LINKING_GOLD_FOLDERS = ["corpus", "heldout", *(f"heldout{n}" for n in range(2, 10))]


@pytest.fixture(scope="module")
def corpus() -> LinkingCorpus:
    folders = LINKING_GOLD_FOLDERS
    return load_linking_corpus(DATA, folders, lambda text, date: extract(text, reference_date=date))


def test_the_linking_gold_is_reached(corpus: LinkingCorpus) -> None:
    found = found_clusters(link_persons(corpus.documents, texts=corpus.texts))
    score = score_clusters(found, corpus.clusters)
    assert score.pairwise_precision >= 0.98 and score.pairwise_recall >= 0.95
    assert score.bcubed_precision >= 0.98 and score.bcubed_recall >= 0.95


def test_people_of_one_name_in_unrelated_places_stay_apart(corpus: LinkingCorpus) -> None:
    found = found_clusters(link_persons(corpus.documents, texts=corpus.texts))
    for group in corpus.distinct:
        assert all(len(cluster & group) <= 1 for cluster in found), group


def _result(day: str, title: str, officials: list[tuple[str, list[str], str | None]]) -> DigestResult:
    built = [
        Official(name=name, titles=titles, region=region, mentions=[Span(start=0, end=len(name), text=name)])
        for name, titles, region in officials
    ]
    events = [Event(date=dt.date.fromisoformat(day), officials=[o.name], evidence=o.mentions[0]) for o in built]
    return DigestResult(
        title=title, reference_date=dt.date.fromisoformat(day), script=Script.SIMPLIFIED, officials=built, events=events
    )


CAREER = [
    ("d1", _result("2019-05-01", "岳池县新闻", [("王强", ["县长"], "岳池县")])),
    ("d2", _result("2021-03-01", "岳池县新闻", [("王强", ["岳池县委书记"], None)])),
    ("d3", _result("2023-06-01", "广安日报", [("王强", ["广安市委常委", "岳池县委书记"], "岳池县")])),
    ("d4", _result("2023-06-02", "徐州日报", [("王强", ["铜山区委书记"], "铜山区")])),
    ("d5", _result("2023-06-03", "会议", [("王强", ["局长"], None)])),
]


def test_a_county_head_who_becomes_its_party_secretary_is_one_person_and_the_reasons_say_why() -> None:
    index = link_persons(CAREER)
    reasons = {item.mention.document_id: (item.person_id, item.link_reason) for item in index.mentions}
    assert reasons["d1"][0] == reasons["d2"][0] == reasons["d3"][0]
    assert len({reasons["d1"][0], reasons["d4"][0], reasons["d5"][0]}) == 3
    assert "same region 岳池县 (511621)" in {reasons["d1"][1], reasons["d3"][1], reasons["d2"][1]}
    assert reasons["d4"][1] == reasons["d5"][1] == "first mention of this person"
    assert index.person_of("d2", "王强") == reasons["d1"][0]


def test_person_tables() -> None:
    tables = person_tables(link_persons(CAREER))
    person = next(row for row in tables["persons"] if row["region_code"] == "511621")
    assert person["name"] == "王强" and person["pinyin"] == "Wang Qiang"
    assert (person["first_seen"], person["last_seen"]) == (dt.date(2019, 5, 1), dt.date(2023, 6, 1))
    assert (person["documents"], person["events"]) == (3, 3)
    spells = {
        (row["title"], row["region_code"]): row
        for row in tables["person_posts"]
        if row["person_id"] == person["person_id"]
    }
    assert set(spells) == {("县长", "511621"), ("岳池县委书记", "511621"), ("广安市委常委", "511600")}
    secretary = spells[("岳池县委书记", "511621")]
    assert (secretary["role"], secretary["level"]) == ("party_secretary", "county")
    assert (secretary["first_seen"], secretary["last_seen"]) == (dt.date(2021, 3, 1), dt.date(2023, 6, 1))
    assert {row["document_id"] for row in tables["person_mentions"] if row["person_id"] == person["person_id"]} == {
        "d1",
        "d2",
        "d3",
    }


def test_without_codes_places_compare_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mentions_module, "geo_available", lambda: False)
    monkeypatch.setattr("digestllm.enrich.geo_available", lambda: False)
    index = link_persons(CAREER[:1] + CAREER[2:4])
    by_document = {item.mention.document_id: item for item in index.mentions}
    assert by_document["d1"].person_id == by_document["d3"].person_id
    assert (
        by_document["d3"].link_reason == "same region 岳池县" or by_document["d1"].link_reason == "same region 岳池县"
    )
    assert by_document["d4"].person_id != by_document["d1"].person_id


def test_leading_posts_of_one_level_in_the_one_place_both_documents_name_link() -> None:
    documents = [
        ("e1", _result("2019-09-11", "扬州市东部枢纽建设", [("夏一", ["市长"], None)])),
        ("e2", _result("2020-11-28", "扬州市委常委会召开", [("夏一", ["市委书记"], None)])),
        ("e3", _result("2020-11-29", "镇江市项目集中开工", [("夏一", ["市长"], None)])),
        ("e4", _result("2020-11-30", "扬州市镇江市联席会", [("夏一", ["副区长"], None)])),
    ]
    linked = {item.mention.document_id: item for item in link_persons(documents).mentions}
    assert linked["e1"].person_id == linked["e2"].person_id
    assert linked["e2"].link_reason == "leading posts of the city level where both documents name 扬州市 (321000)"
    assert len({linked[key].person_id for key in ("e1", "e3", "e4")}) == 3
