"""Fuzz the rules path with hostile documents: no exception but `DigestError`, every span exact.

    .venv/bin/python bench/fuzz.py                    20,000 documents (seed 12)
    .venv/bin/python bench/fuzz.py --documents 500    a quick run

Each document is built, with a seeded RNG, from paragraphs of the dev corpus and the seed example mixed
with the shapes that once broke things (issue 12): long lists of posts and names, one header line
repeated, absurd figures (`共999…9名`, `0.000…1亿元`), terminal escape sequences and other control
characters, bidirectional overrides. A quarter go through bytes: encoded as UTF-8, UTF-16, GB18030,
Big5/CP950 (when the text allows), Shift-JIS or EUC-KR, damaged now and then, and read back by
`decode_bytes` as a file would be.

Checked for every document: `extract` (or the decoding) raises nothing but a `DigestError`; every span
of the result (sections, mentions, evidence) is exactly the text at its offsets; the sections tile the
text; no metric value is infinite or NaN. Prints the counts and the failures; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from digestllm import DigestError, DigestResult, extract  # noqa: E402
from digestllm.sources import decode_bytes  # noqa: E402

SEED_TEXT = (ROOT / "examples" / "guangan-2020-03-02.txt").read_text(encoding="utf-8")
PARAGRAPHS = [
    paragraph
    for path in sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))
    + [ROOT / "examples" / "guangan-2020-03-02.txt"]
    for paragraph in path.read_text(encoding="utf-8").split("\n")
    if paragraph.strip()
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
GIVEN = "建国明华强伟军平国庆志勇永红文斌海波亮涛俊峰杰磊超鹏宇浩东晨阳春雷"
POSTS = (
    "县委书记",
    "县长",
    "副县长",
    "市委常委",
    "区委副书记",
    "镇党委书记",
    "常务副市长",
    "吉林省长",
    "宁夏回族自治区党委书记",
)
CONTROLS = ("\x1b]0;pwned\x07", "\x1b[5m", "\x1b[2J", "\x00", "\x08", "\x7f", "\u202e", "\u2028", "\r", "\x0c", "\x85")
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "gb18030", "big5", "cp950", "big5hkscs", "shift_jis", "euc_kr")


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def name_list(rng: random.Random) -> str:
    items = [f"{rng.choice(POSTS)}{_name(rng)}" for _ in range(rng.randint(5, 120))]
    return "出席会议的有" + rng.choice("、，,").join(items) + "。"


def cited_names(rng: random.Random) -> str:
    return f"{rng.choice(POSTS)}{_name(rng)}:" * rng.randint(2, 100)


def header_lines(rng: random.Random) -> str:
    header = f"{rng.choice(POSTS)}{_name(rng)}{rng.choice(':：')}\n"
    return header * rng.randint(2, 200)


def absurd_figures(rng: random.Random) -> str:
    digits = "9" * rng.randint(14, 500)
    zeros = "0" * rng.randint(5, 500)
    forms = [
        f"共{digits}名",
        f"投资0.{zeros}1亿元",
        f"{digits}.{digits}万元",
        f"增长{digits}%",
        f"1{'亿' * rng.randint(1, 60)}元",
        f"{'九' * rng.randint(5, 80)}万人",
        f"第{digits}次会议",
    ]
    return "，".join(rng.sample(forms, rng.randint(1, len(forms)))) + "。"


def repeated_figures(rng: random.Random) -> str:
    figure = f"{rng.randint(1, 999)}.{rng.randint(1, 9)}亿元"
    return "".join(f"{_name(rng)}投资{figure}，项目{rng.randint(1, 50)}个。" for _ in range(rng.randint(2, 200)))


def salted(rng: random.Random) -> str:
    paragraph = rng.choice(PARAGRAPHS)
    cut = rng.randint(0, len(paragraph))
    return paragraph[:cut] + "".join(rng.choices(CONTROLS, k=rng.randint(1, 4))) + paragraph[cut:]


SHAPES: list[Callable[[random.Random], str]] = [
    name_list,
    cited_names,
    header_lines,
    absurd_figures,
    repeated_figures,
    salted,
    lambda rng: rng.choice(PARAGRAPHS),
    lambda rng: rng.choice(PARAGRAPHS),
]


def document(rng: random.Random) -> str:
    """A document of 1 to 12 parts, each a shape, joined by line breaks (a digest header now and then)."""
    parts = [rng.choice(SHAPES)(rng) for _ in range(rng.randint(1, 12))]
    if rng.random() < 0.3:
        parts.insert(0, SEED_TEXT[: rng.randint(0, len(SEED_TEXT))])
    return rng.choice(("\n", "\n\n", "", "\r\n")).join(parts)


def as_bytes(text: str, rng: random.Random) -> bytes:
    """The text in a random encoding (lossy where it does not fit), damaged now and then."""
    data = text.encode(rng.choice(ENCODINGS), errors="replace")
    if data and rng.random() < 0.2:
        at = rng.randrange(len(data))
        data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
    return data


def problems(text: str, result: DigestResult) -> list[str]:
    """What is wrong with a result: inexact spans, sections that do not tile, values that are no number."""
    found = [f"span {s.start}:{s.end} is not its text" for s in result.spans() if text[s.start : s.end] != s.text]
    position = 0
    for section in result.sections:
        if section.span.start != position:
            found.append(f"section {section.index} starts at {section.span.start}, not {position}")
        position = section.span.end
    if position != len(text):
        found.append(f"sections end at {position}, not {len(text)}")
    found += [f"metric {m.raw[:30]!r} has value {m.value}" for m in result.metrics if not math.isfinite(m.value)]
    return found


def run_one(rng: random.Random) -> tuple[str, list[str]]:
    """('ok' | 'digest-error' | 'decode-error', problems) for one random document."""
    text = document(rng)
    if rng.random() < 0.25:
        try:
            text = decode_bytes(as_bytes(text, rng), "fuzz")
        except DigestError:
            return "decode-error", []
        except Exception as error:  # noqa: BLE001 - the point: nothing else may escape
            return "crash", [f"decode_bytes: {type(error).__name__}: {error}"[:300]]
    try:
        result = extract(text, reference_date=rng.choice((None, "2020-03-02")), mode="rules")
    except DigestError:
        return "digest-error", []
    except Exception as error:  # noqa: BLE001
        return "crash", [f"extract: {type(error).__name__}: {error}"[:300]]
    return "ok", problems(text, result)


def fuzz(documents: int, seed: int) -> tuple[Counter[str], list[str]]:
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    for number in range(documents):
        outcome, found = run_one(rng)
        outcomes[outcome] += 1
        failures += [f"document {number}: {problem}" for problem in found]
    return outcomes, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    started = time.perf_counter()
    outcomes, failures = fuzz(args.documents, args.seed)
    elapsed = time.perf_counter() - started
    print(
        f"{args.documents} documents in {elapsed:.0f} s: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
    )
    for failure in failures[:50]:
        print("FAIL", failure)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
