"""Person linking: accuracy on the real linking gold, and the time to link 50,000 synthetic documents.

Run from the repository root:

    .venv/bin/python bench/persons.py [--documents 50000] [--seed 7]

Accuracy: the texts of tests/data/corpus and tests/data/heldout*/ are extracted with the rules, the
records of tests/data/persons/records.json added, and the persons linked (with each text's division
names among its document's places); precision and recall are printed pairwise and B-cubed (see
digestllm.persons.scoring) against tests/data/persons/gold.json, and each same-name different-person
case is checked to stay apart.

Speed: synthetic results, each a digest of 3–6 officials of one city (names drawn so that many people
share a name, regions among the city's counties, posts from a fixed list, 30% of regions left out,
dates over four years), are linked on one core, enrichment (posts, pinyin, division codes) included;
wall and CPU time are printed, and precision and recall against the synthetic persons.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from pathlib import Path

from digestllm import extract
from digestllm.persons import link_persons, person_tables
from digestllm.persons.scoring import found_clusters, load_linking_corpus, mention_key, score_clusters
from digestllm.schemas import DigestResult, Event, Official, Script, Span

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"

# Real cities and their counties (the synthetic documents' places).
CITIES: dict[str, tuple[str, ...]] = {
    "广安市": ("广安区", "前锋区", "华蓥市", "岳池县", "武胜县", "邻水县"),
    "南京市": ("玄武区", "秦淮区", "鼓楼区", "建邺区", "江宁区", "浦口区"),
    "徐州市": ("鼓楼区", "云龙区", "铜山区", "丰县", "沛县", "邳州市"),
    "深圳市": ("福田区", "罗湖区", "南山区", "宝安区", "龙岗区", "盐田区"),
    "鄂州市": ("鄂城区", "华容区", "梁子湖区"),
    "遵义市": ("红花岗区", "汇川区", "播州区", "桐梓县", "仁怀市", "赤水市"),
}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟强军斌勇涛杰俊明平华建国志文海波超刚辉鹏飞宇亮林峰东红英玲芳静"
POSTS = ("{county}委书记", "{county}委副书记", "{county}长", "{county}委常委", "常务副{short}长")


Person = tuple[int, str, str, str]  # number, name, city, county


def _person_pool(rng: random.Random, count: int) -> list[Person]:
    """`count` persons; no two share both name and county (nothing could tell them apart), many share a name."""
    pool: list[Person] = []
    taken: set[tuple[str, str]] = set()
    while len(pool) < count:
        city = rng.choice(list(CITIES))
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        county = rng.choice(CITIES[city])
        if (name, county) not in taken:
            taken.add((name, county))
            pool.append((len(pool), name, city, county))
    return pool


def _official(name: str, county: str, rng: random.Random) -> Official:
    post = rng.choice(POSTS).format(county=county, short=county[-1])
    region = county if rng.random() < 0.7 else None
    return Official(name=name, titles=[post], region=region, mentions=[Span(start=0, end=len(name), text=name)])


def synthetic_documents(count: int, seed: int) -> tuple[list[tuple[str, DigestResult]], list[set[str]]]:
    """`count` digests of officials drawn from a pool in which many people share a name, and the true
    persons as sets of mention keys."""
    rng = random.Random(seed)
    pool = _person_pool(rng, max(count // 5, 50))
    by_city: dict[str, list[Person]] = {}
    for person in pool:
        by_city.setdefault(person[2], []).append(person)
    start = dt.date(2020, 1, 1)
    documents = []
    truth: dict[int, set[str]] = {}
    for number in range(count):
        city = rng.choice(list(by_city))
        sample = rng.sample(by_city[city], k=min(rng.randint(3, 6), len(by_city[city])))
        chosen = {person[1]: person for person in sample}  # a digest names one person per name
        day = start + dt.timedelta(days=rng.randrange(4 * 365))
        document_id = f"syn/{number:06d}"
        officials = [_official(name, county, rng) for _, name, _, county in chosen.values()]
        for person_number, name, _, _ in chosen.values():
            truth.setdefault(person_number, set()).add(mention_key(document_id, name))
        events = [
            Event(date=day, officials=[o.name], action="调研", location=o.region, evidence=o.mentions[0])
            for o in officials
        ]
        title = f"{city}各区县党政一把手一周动态"
        result = DigestResult(
            title=title, reference_date=day, script=Script.SIMPLIFIED, officials=officials, events=events
        )
        documents.append((document_id, result))
    return documents, list(truth.values())


def accuracy() -> None:
    """Precision and recall of the linker on the real linking gold."""
    folders = ["corpus", "heldout", *(f"heldout{n}" for n in range(2, 10))]  # the documents the linking gold covers
    corpus = load_linking_corpus(DATA, folders, lambda text, date: extract(text, reference_date=date))
    index = link_persons(corpus.documents, texts=corpus.texts)
    found = found_clusters(index)
    score = score_clusters(found, corpus.clusters)
    print(f"linking gold: {len(corpus.documents)} documents, {score.mentions} mentions, {score.gold_pairs} gold pairs")
    print(f"  pairwise precision {score.pairwise_precision:.3f}  recall {score.pairwise_recall:.3f}")
    print(f"  B-cubed  precision {score.bcubed_precision:.3f}  recall {score.bcubed_recall:.3f}")
    for group in corpus.distinct:
        merged = any(len(cluster & group) > 1 for cluster in found)
        print(f"  same name, different persons {' / '.join(sorted(group))}: {'MERGED' if merged else 'kept apart'}")


def speed(count: int, seed: int) -> None:
    """Wall and CPU time to link `count` synthetic documents (enrichment included) and build the tables,
    and how well the synthetic persons were found."""
    documents, truth = synthetic_documents(count, seed)
    started, started_cpu = time.perf_counter(), time.process_time()
    index = link_persons(documents)
    linked, linked_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    tables = person_tables(index)
    total, total_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    mentions = sum(len(result.officials) for _, result in documents)
    print(
        f"synthetic: {count} documents, {mentions} mentions of {len(truth)} persons -> {len(tables['persons'])} found"
    )
    print(f"  linked in {linked:.1f} s wall, {linked_cpu:.1f} s CPU (one thread)")
    rate = count / total_cpu
    print(f"  with the tables: {total:.1f} s wall, {total_cpu:.1f} s CPU ({rate:.0f} documents per CPU second)")
    score = score_clusters(found_clusters(index), truth)
    print(f"  pairwise precision {score.pairwise_precision:.3f}  recall {score.pairwise_recall:.3f}")
    print(f"  B-cubed  precision {score.bcubed_precision:.3f}  recall {score.bcubed_recall:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    accuracy()
    speed(args.documents, args.seed)


if __name__ == "__main__":
    main()
