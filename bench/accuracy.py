"""Accuracy of the rules extractor on the dev corpus, scored by the shared reference scorer.

Run from the repository root:

    .venv/bin/python bench/accuracy.py                       extract and score
    .venv/bin/python bench/accuracy.py --gold-as-predictions check the scoring pipeline (expect 1.000)
    .venv/bin/python bench/accuracy.py --corpus tests/data/heldout3   another gold folder (the held-out batches)

The corpus is ../shared/corpus/dev when present, else tests/data/corpus, unless --corpus names one. Predictions
are written as `DigestResult.model_dump(mode="json")` to a temporary folder, scored with
../shared/tools/score.py (when present), then with `digestllm.evaluation` for comparison.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from digestllm.evaluation import format_report, load_gold_corpus, score_corpus

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_CORPUS = SHARED / "corpus" / "dev"
SHARED_SCORER = SHARED / "tools" / "score.py"
BUNDLED_CORPUS = REPO / "tests" / "data" / "corpus"


def corpus_dir() -> Path:
    """The shared dev corpus when it is there, else the copy bundled with the tests."""
    return SHARED_CORPUS if SHARED_CORPUS.is_dir() else BUNDLED_CORPUS


def predict(text: str, gold: dict) -> dict:
    """The rules extractor's result for one document, as JSON-ready data."""
    from digestllm import extract  # here, so that --gold-as-predictions runs without the extractor

    return extract(text, reference_date=gold["doc_date"], mode="rules").model_dump(mode="json")


def write_predictions(
    corpus: list[tuple[str, dict, str]], use_gold: bool, out_dir: Path
) -> list[tuple[str, dict, dict]]:
    """Write NAME.json for every document into `out_dir`; return (name, gold, prediction) triples."""
    scored = []
    for name, gold, text in corpus:
        prediction = gold if use_gold else predict(text, gold)
        (out_dir / f"{name}.json").write_text(json.dumps(prediction, ensure_ascii=False, indent=1), encoding="utf-8")
        scored.append((name, gold, prediction))
    return scored


def run_shared_scorer(gold_dir: Path, pred_dir: Path) -> int:
    """Run the reference scorer as a subprocess, its output going straight to ours."""
    command = [sys.executable, str(SHARED_SCORER), "--dir", str(gold_dir), "--pred", str(pred_dir)]
    return subprocess.run(command, check=False).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--gold-as-predictions",
        action="store_true",
        help="use each gold file as its own prediction, to check the scoring pipeline without extracting",
    )
    parser.add_argument("--corpus", type=Path, help="a folder of NAME.txt with NAME.gold.json beside it")
    args = parser.parse_args()

    gold_dir = args.corpus or corpus_dir()
    corpus = load_gold_corpus(gold_dir)
    print(f"corpus: {gold_dir} ({len(corpus)} documents)")
    if args.gold_as_predictions:
        print("predictions: the gold files themselves (scoring check)")

    with tempfile.TemporaryDirectory(prefix="digestllm-accuracy-") as tmp:
        pred_dir = Path(tmp)
        scored = write_predictions(corpus, args.gold_as_predictions, pred_dir)
        returncode = 0
        if SHARED_SCORER.is_file():
            print(f"\n== shared scorer ({SHARED_SCORER})", flush=True)
            returncode = run_shared_scorer(gold_dir, pred_dir)
        else:
            print(f"\n== shared scorer not found at {SHARED_SCORER}; skipped")

    print("\n== digestllm.evaluation")
    print(format_report(score_corpus(scored)))
    return returncode


if __name__ == "__main__":
    sys.exit(main())
