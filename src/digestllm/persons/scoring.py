"""How well persons were linked: precision and recall of clusters against gold, and the gold corpus.

Two measures, both over the mentions the linker saw:

- pairwise: over every pair of mentions, precision = linked pairs that gold puts together / linked
  pairs, recall = gold pairs that were linked / gold pairs;
- B-cubed: per mention, precision = share of its cluster that gold puts with it, recall = share of its
  gold cluster found in its cluster; averaged over mentions.

The linking gold (tests/data/persons) names clusters of 'document id|Simplified name' mentions; every
other mention is a person of its own.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digestllm.persons.linking import PersonIndex
from digestllm.schemas import DigestResult, Official, Script
from digestllm.text import to_simplified

Extractor = Callable[[str, "str | None"], DigestResult]  # (text, reference date) -> result


@dataclass(frozen=True)
class ClusterScore:
    """Precision and recall of a clustering, pairwise and B-cubed."""

    pairwise_precision: float
    pairwise_recall: float
    bcubed_precision: float
    bcubed_recall: float
    mentions: int
    gold_pairs: int
    found_pairs: int


def mention_key(document_id: str, name: str) -> str:
    """How gold names a mention: 'document id|Simplified name'."""
    return f"{document_id}|{to_simplified(name).strip()}"


def found_clusters(index: PersonIndex) -> list[set[str]]:
    """The linker's persons as sets of mention keys."""
    return [
        {mention_key(item.mention.document_id, item.mention.name) for item in linked}
        for linked in index.persons.values()
    ]


def _pairs(clusters: Iterable[set[str]]) -> set[frozenset[str]]:
    return {frozenset(pair) for cluster in clusters for pair in itertools.combinations(sorted(cluster), 2)}


def score_clusters(found: list[set[str]], gold: list[set[str]]) -> ClusterScore:
    """Score `found` against `gold` over the mentions of `found` (gold clusters are cut to them, and a
    mention gold does not list is a cluster of its own)."""
    mentions = set().union(*found) if found else set()
    gold_of = {mention: {mention} for mention in mentions}
    for cluster in gold:
        present = cluster & mentions
        for mention in present:
            gold_of[mention] = present
    found_of = {mention: cluster for cluster in found for mention in cluster}
    gold_pairs = _pairs({frozenset(cluster): cluster for cluster in gold_of.values()}.values())
    found_pairs = _pairs(found)
    hits = len(gold_pairs & found_pairs)
    count = len(mentions) or 1
    return ClusterScore(
        pairwise_precision=hits / len(found_pairs) if found_pairs else 1.0,
        pairwise_recall=hits / len(gold_pairs) if gold_pairs else 1.0,
        bcubed_precision=sum(len(found_of[m] & gold_of[m]) / len(found_of[m]) for m in mentions) / count,
        bcubed_recall=sum(len(found_of[m] & gold_of[m]) / len(gold_of[m]) for m in mentions) / count,
        mentions=len(mentions),
        gold_pairs=len(gold_pairs),
        found_pairs=len(found_pairs),
    )


@dataclass
class LinkingCorpus:
    """The documents of the linking gold with their texts, gold clusters and same-name pairs kept apart."""

    documents: list[tuple[str, DigestResult]]
    texts: dict[str, str]
    clusters: list[set[str]]
    distinct: list[set[str]]


def _record_result(record: dict[str, Any]) -> DigestResult:
    officials = [Official(name=o["name"], titles=o["titles"], region=o["region"]) for o in record["officials"]]
    return DigestResult(
        title=record["title"],
        reference_date=dt.date.fromisoformat(record["date"]),
        script=Script.SIMPLIFIED,
        officials=officials,
    )


def load_linking_corpus(data: Path, folders: Iterable[str], extract: Extractor) -> LinkingCorpus:
    """The linking gold of `data`/persons over the texts of `folders` (under `data`), each text extracted
    by `extract(text, date of its gold file)`, plus the records of persons/records.json."""
    documents: list[tuple[str, DigestResult]] = []
    texts: dict[str, str] = {}
    for folder in folders:
        for path in sorted((data / folder).glob("*.txt")):
            gold_path = path.with_suffix(".gold.json")
            date = json.loads(gold_path.read_text(encoding="utf-8")).get("doc_date") if gold_path.exists() else None
            document_id = f"{folder}/{path.stem}"
            texts[document_id] = path.read_text(encoding="utf-8")
            documents.append((document_id, extract(texts[document_id], date)))
    records = json.loads((data / "persons" / "records.json").read_text(encoding="utf-8"))
    for record in records["documents"]:
        documents.append((record["id"], _record_result(record)))
        texts[record["id"]] = record.get("text_places", "")
    gold = json.loads((data / "persons" / "gold.json").read_text(encoding="utf-8"))
    return LinkingCorpus(
        documents=documents,
        texts=texts,
        clusters=[set(cluster) for cluster in gold["clusters"]],
        distinct=[set(group) for group in gold["distinct"]],
    )
