"""Does every stage stay near-linear? Time per character and peak memory per character of the rules
path on inputs of growing size, for normal text and for the shapes that once took quadratic time.

    .venv/bin/python bench/scaling.py                          10k, 100k and 1M characters, every shape
    .venv/bin/python bench/scaling.py --sizes 10000 100000     a quick run
    .venv/bin/python bench/scaling.py --shapes header_lines    one shape

For each shape and size it prints the seconds, the microseconds per character and, for the largest
size, the tracemalloc peak and the memory the finished result holds, in bytes per input character (a
second run: tracing slows the code). The last column is the ratio of the largest to the smallest time
per character: near-linear code keeps it under 2 (the target), quadratic code multiplies it by ten per
tenfold size. Exit status 1 when a ratio reaches 2, or a peak reaches 40 bytes per character on
running text (`TEXT_SHAPES`).

Shapes (each built to the exact size asked):
- normal: the seed digest (examples/guangan-2020-03-02.txt) repeated;
- cited_names: `县委书记王建国:` again and again on one line (a name cited in every clause);
- distinct_figures: many distinct figures, each stated twice (`第1批…1.5亿元`);
- name_list: a long list of distinct posts and names (`县委书记王建国、县长李明、…`);
- header_lines: one leader header line repeated (a section per line);
- absurd_figures: runs of long digit strings and tiny fractions before units;
- control_chars: text salted with terminal escape sequences and other controls.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from digestllm import extract  # noqa: E402

SEED = (ROOT / "examples" / "guangan-2020-03-02.txt").read_text(encoding="utf-8")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
GIVEN = "建国明华强伟军平国庆志勇永红文斌海波亮涛俊峰杰磊超鹏宇浩东晨阳春雷"
POSTS = ("县委书记", "县长", "副县长", "市委常委", "区委副书记", "镇党委书记", "常务副市长", "市政协主席")
TIME_RATIO_LIMIT = 2.0
BYTES_PER_CHAR_LIMIT = 40
# Shapes of running text, where the memory target holds. In the others a record every few characters is
# the point (a name cited in every clause, a figure every 40 characters, a list of 10,000 officials), and
# the finished result alone takes more than 40 bytes per character, its JSON up to 35 (`name_list`).
TEXT_SHAPES = ("normal", "absurd_figures", "control_chars")


def _names() -> Iterator[str]:
    """Distinct two- and three-character names, endlessly (cycling once all are used)."""
    two = (s + g for s in SURNAMES for g in GIVEN)
    three = (s + g1 + g2 for s in SURNAMES for g1 in GIVEN for g2 in GIVEN if g1 != g2)
    return itertools.cycle(itertools.chain(two, three))


def _fill(pieces: Iterator[str], size: int) -> str:
    out: list[str] = []
    total = 0
    for piece in pieces:
        out.append(piece)
        total += len(piece)
        if total >= size:
            break
    return "".join(out)[:size]


def normal(size: int) -> str:
    return _fill(itertools.repeat(SEED), size)


def cited_names(size: int) -> str:
    return _fill(itertools.repeat("县委书记王建国:"), size)


def distinct_figures(size: int) -> str:
    def pieces() -> Iterator[str]:
        for block in itertools.count():
            statement = "".join(f"第{block}批{i}个项目总投资{block}.{i}5亿元，" for i in range(20))
            yield f"据统计，{statement}。重申：{statement}。\n"

    return _fill(pieces(), size)


def name_list(size: int) -> str:
    names, posts = _names(), itertools.cycle(POSTS)
    return "出席会议的有" + _fill((f"{next(posts)}{next(names)}、" for _ in itertools.count()), size - 6)


def header_lines(size: int) -> str:
    return _fill(itertools.repeat("前锋区委书记米亮:\n"), size)


def absurd_figures(size: int) -> str:
    def pieces() -> Iterator[str]:
        for i in itertools.count():
            yield f"共{'9' * (300 + i % 7)}名，投资0.{'0' * 400}{i % 9 + 1}亿元，县委书记王建国调研。\n"

    return _fill(pieces(), size)


def control_chars(size: int) -> str:
    salted = SEED.replace("。", "。\x1b]0;title\x07\x1b[5m", 40).replace("，", "，\x00\x08\x7f", 40)
    return _fill(itertools.repeat(salted), size)


SHAPES: dict[str, Callable[[int], str]] = {
    "normal": normal,
    "cited_names": cited_names,
    "distinct_figures": distinct_figures,
    "name_list": name_list,
    "header_lines": header_lines,
    "absurd_figures": absurd_figures,
    "control_chars": control_chars,
}


def seconds(text: str) -> float:
    gc.collect()
    started = time.perf_counter()
    extract(text, reference_date="2020-03-02", mode="rules")
    return time.perf_counter() - started


def memory(text: str) -> tuple[int, int]:
    """The traced peak while extracting, and the bytes the finished result itself holds."""
    gc.collect()
    tracemalloc.start()
    try:
        result = extract(text, reference_date="2020-03-02", mode="rules")
        held, peak = tracemalloc.get_traced_memory()
        del result
        return peak, held
    finally:
        tracemalloc.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    extract(SEED, reference_date="2020-03-02", mode="rules")  # warm-up: lexicon, conversion tables, caches
    print(
        f"{'shape':<18}"
        + "".join(f"{f'{size:,} chars':>24}" for size in sizes)
        + f"{'peak B/char':>13}{'result B/ch':>13}{'ratio':>8}"
    )
    failed = False
    for name in args.shapes:
        per_char = []
        cells = []
        for size in sizes:
            text = SHAPES[name](size)
            elapsed = seconds(text)
            per_char.append(elapsed / len(text))
            cells.append(f"{elapsed:8.2f} s {per_char[-1] * 1e6:7.2f} µs/ch")
        peak, held = (None, None) if args.no_memory else (b / sizes[-1] for b in memory(SHAPES[name](sizes[-1])))
        ratio = max(per_char) / min(per_char)
        failed |= ratio >= TIME_RATIO_LIMIT
        failed |= name in TEXT_SHAPES and peak is not None and peak >= BYTES_PER_CHAR_LIMIT
        memory_cells = "—".rjust(26) if peak is None or held is None else f"{peak:13.1f}{held:13.1f}"
        print(f"{name:<18}" + "".join(f"{cell:>24}" for cell in cells) + f"{memory_cells}{ratio:>8.2f}", flush=True)
    print(
        f"targets: ratio < {TIME_RATIO_LIMIT} for every shape; peak < {BYTES_PER_CHAR_LIMIT} bytes per character for "
        f"text ({', '.join(TEXT_SHAPES)}); the record-dense shapes' results alone can exceed it"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
