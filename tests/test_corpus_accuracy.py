"""The dev corpus and the held-out articles through `extract`, scored by the project's evaluation.

Floors, not targets: they catch regressions. Each held-out batch (tests/data/heldout*) was collected
blind, after the rules were written, and scored before any rule was changed for it (see the
batches' SOURCES.md and the commit messages); rules were then corrected on it, so none is blind now.
"""

from __future__ import annotations

import pytest

from digestllm import extract
from digestllm.evaluation import load_gold_corpus, score_corpus
from tests.conftest import DATA

FLOORS = {
    # folder: overall F1, officials F1, fields_hit (the mean hit rate of the descriptive fields)
    "corpus": {"overall": 0.99, "officials": 0.99, "fields": 0.93},
    "heldout": {"overall": 0.99, "officials": 0.99, "fields": 0.80},
    "heldout2": {"overall": 0.98, "officials": 0.99, "fields": 0.84},
    "heldout3": {"overall": 0.97, "officials": 0.96, "fields": 0.71},
    "heldout4": {"overall": 0.98, "officials": 0.99, "fields": 0.79},
    "heldout5": {"overall": 0.98, "officials": 0.98, "fields": 0.83},
    "heldout6": {"overall": 0.97, "officials": 0.98, "fields": 0.85},
    "heldout7": {"overall": 0.99, "officials": 0.99, "fields": 0.95},
    "heldout8": {"overall": 0.98, "officials": 0.99, "fields": 0.86},
    "heldout9": {"overall": 0.99, "officials": 0.99, "fields": 0.90},
    "heldout10": {"overall": 0.91, "officials": 0.92, "fields": 0.86},
    "heldout11": {"overall": 0.95, "officials": 0.96, "fields": 0.81},
    "heldout12": {"overall": 0.89, "officials": 0.91, "fields": 0.80},
    "heldout13": {"overall": 0.96, "officials": 0.97, "fields": 0.79},
    "heldout14": {"overall": 0.96, "officials": 0.95, "fields": 0.83},
    "heldout15": {"overall": 0.97, "officials": 0.97, "fields": 0.86},
    "heldout16": {"overall": 0.93, "officials": 0.94, "fields": 0.76},
    "heldout17": {"overall": 0.89, "officials": 0.91, "fields": 0.85},
    "heldout18": {"overall": 0.95, "officials": 0.96, "fields": 0.79},
    "heldout19": {"overall": 0.99, "officials": 0.99, "fields": 0.79},
    "heldout20": {"overall": 0.95, "officials": 0.95, "fields": 0.84},
    "heldout21": {"overall": 0.95, "officials": 0.97, "fields": 0.88},
    "heldout22": {"overall": 0.88, "officials": 0.93, "fields": 0.79},
    "heldout23": {"overall": 0.87, "officials": 0.94, "fields": 0.88},
    "heldout24": {"overall": 0.95, "officials": 0.93, "fields": 0.83},
    "heldout25": {"overall": 0.97, "officials": 0.99, "fields": 0.72},
    "heldout26": {"overall": 0.95, "officials": 0.98, "fields": 0.94},
    "heldout27": {"overall": 0.94, "officials": 0.97, "fields": 0.80},
    "heldout28": {"overall": 0.92, "officials": 0.89, "fields": 0.80},
    "heldout29": {"overall": 0.89, "officials": 0.95, "fields": 0.78},
    "heldout30": {"overall": 0.93, "officials": 0.93, "fields": 0.81},
    "heldout31": {"overall": 0.97, "officials": 0.99, "fields": 0.83},
    "heldout32": {"overall": 0.97, "officials": 0.99, "fields": 0.78},
    "heldout33": {"overall": 0.97, "officials": 0.99, "fields": 0.78},
    "heldout34": {"overall": 0.99, "officials": 0.99, "fields": 0.84},
    "heldout35": {"overall": 0.96, "officials": 0.99, "fields": 0.95},
    "heldout36": {"overall": 0.97, "officials": 0.97, "fields": 0.83},
    "heldout37": {"overall": 0.92, "officials": 0.96, "fields": 0.75},
    "heldout38": {"overall": 0.90, "officials": 0.93, "fields": 0.79},
    "heldout39": {"overall": 0.95, "officials": 0.99, "fields": 0.86},
    "heldout40": {"overall": 0.87, "officials": 0.95, "fields": 0.65},
    "heldout41": {"overall": 0.85, "officials": 0.93, "fields": 0.79},
    "heldout42": {"overall": 0.94, "officials": 0.94, "fields": 0.75},  # 0.76 until more of its pairs matched
    "heldout43": {"overall": 0.87, "officials": 0.94, "fields": 0.66},
    "heldout44": {"overall": 0.87, "officials": 0.96, "fields": 0.90},
    "heldout45": {"overall": 0.90, "officials": 0.88, "fields": 0.74},
    "heldout46": {"overall": 0.88, "officials": 0.85, "fields": 0.71},
    "heldout47": {"overall": 0.96, "officials": 0.95, "fields": 0.89},
    "heldout48": {"overall": 0.88, "officials": 0.90, "fields": 0.62},  # 0.63 until 拜会 ran through its guests
    "heldout49": {"overall": 0.89, "officials": 0.93, "fields": 0.75},
    "heldout50": {"overall": 0.90, "officials": 0.95, "fields": 0.78},
    "heldout51": {"overall": 0.88, "officials": 0.88, "fields": 0.54},
    "heldout52": {"overall": 0.96, "officials": 0.99, "fields": 0.81},
    "heldout53": {"overall": 0.98, "officials": 0.97, "fields": 0.81},
    "heldout54": {"overall": 0.91, "officials": 0.94, "fields": 0.77},  # 0.79 until 两天 became a figure
    "heldout55": {"overall": 0.99, "officials": 0.99, "fields": 0.78},
    "heldout56": {"overall": 0.78, "officials": 0.82, "fields": 0.78},
    "heldout57": {"overall": 0.89, "officials": 0.89, "fields": 0.67},
    "heldout58": {"overall": 0.90, "officials": 0.93, "fields": 0.88},
    "heldout59": {"overall": 0.77, "officials": 0.81, "fields": 0.57},
    "heldout60": {"overall": 0.90, "officials": 0.92, "fields": 0.80},
    "heldout61": {"overall": 0.91, "officials": 0.91, "fields": 0.71},
    "heldout62": {"overall": 0.96, "officials": 0.97, "fields": 0.83},
    "heldout63": {"overall": 0.87, "officials": 0.87, "fields": 0.60},
    "heldout64": {"overall": 0.92, "officials": 0.98, "fields": 0.86},
    "heldout65": {"overall": 0.91, "officials": 0.93, "fields": 0.70},
    "heldout66": {"overall": 0.97, "officials": 0.96, "fields": 0.74},
    "heldout67": {"overall": 0.95, "officials": 0.97, "fields": 0.63},
    "heldout68": {"overall": 0.88, "officials": 0.89, "fields": 0.59},
    "heldout69": {"overall": 0.87, "officials": 0.93, "fields": 0.84},
    "heldout70": {"overall": 0.94, "officials": 0.99, "fields": 0.76},
    "heldout71": {"overall": 0.74, "officials": 0.93, "fields": 0.68},
    "heldout72": {"overall": 0.95, "officials": 0.97, "fields": 0.73},
    "heldout73": {"overall": 0.93, "officials": 0.95, "fields": 0.68},
    "heldout74": {"overall": 0.92, "officials": 0.92, "fields": 0.85},
    "heldout75": {"overall": 0.90, "officials": 0.92, "fields": 0.71},
    "heldout76": {"overall": 0.90, "officials": 0.96, "fields": 0.81},
    "heldout77": {"overall": 0.83, "officials": 0.94, "fields": 0.48},
    "heldout78": {"overall": 0.91, "officials": 0.94, "fields": 0.74},
    "heldout79": {"overall": 0.90, "officials": 0.92, "fields": 0.72},
    "heldout80": {"overall": 0.84, "officials": 0.81, "fields": 0.83},
    "heldout81": {"overall": 0.74, "officials": 0.83, "fields": 0.65},
    "heldout82": {"overall": 0.88, "officials": 0.90, "fields": 0.77},
    "heldout83": {"overall": 0.92, "officials": 0.98, "fields": 0.62},
    "heldout84": {"overall": 0.98, "officials": 0.97, "fields": 0.80},
    "heldout85": {"overall": 0.86, "officials": 0.90, "fields": 0.65},
    "heldout86": {"overall": 0.93, "officials": 0.92, "fields": 0.68},
    "heldout87": {"overall": 0.91, "officials": 0.96, "fields": 0.82},
    "heldout88": {"overall": 0.99, "officials": 0.99, "fields": 0.71},
    "heldout89": {"overall": 0.91, "officials": 0.93, "fields": 0.74},
    "heldout90": {"overall": 0.93, "officials": 0.94, "fields": 0.77},
    "heldout91": {"overall": 0.94, "officials": 0.95, "fields": 0.82},
    "heldout92": {"overall": 0.88, "officials": 0.93, "fields": 0.60},
    "heldout93": {"overall": 0.89, "officials": 0.87, "fields": 0.79},
    "heldout94": {"overall": 0.97, "officials": 0.96, "fields": 0.78},
    "heldout95": {"overall": 0.93, "officials": 0.93, "fields": 0.82},
    "heldout96": {"overall": 0.86, "officials": 0.90, "fields": 0.77},
    "heldout97": {"overall": 0.97, "officials": 0.97, "fields": 0.81},
    "heldout98": {"overall": 0.92, "officials": 0.94, "fields": 0.82},
    "heldout99": {"overall": 0.96, "officials": 0.99, "fields": 0.90},
    "heldout100": {"overall": 0.92, "officials": 0.97, "fields": 0.77},
    "heldout101": {"overall": 0.86, "officials": 0.89, "fields": 0.61},
    "heldout102": {"overall": 0.90, "officials": 0.95, "fields": 0.84},
    "heldout103": {"overall": 0.87, "officials": 0.89, "fields": 0.82},
    "heldout104": {"overall": 0.77, "officials": 0.92, "fields": 0.67},
    "heldout105": {"overall": 0.97, "officials": 0.99, "fields": 0.79},
    "heldout106": {"overall": 0.84, "officials": 0.85, "fields": 0.55},
    "heldout107": {"overall": 0.84, "officials": 0.79, "fields": 0.84},
    "heldout108": {"overall": 0.88, "officials": 0.86, "fields": 0.74},
    "heldout109": {"overall": 0.98, "officials": 0.97, "fields": 0.82},
    "heldout110": {"overall": 0.95, "officials": 0.96, "fields": 0.81},
    "heldout111": {"overall": 0.95, "officials": 0.99, "fields": 0.74},
    "heldout112": {"overall": 0.73, "officials": 0.85, "fields": 0.71},
    "heldout113": {"overall": 0.95, "officials": 0.99, "fields": 0.86},
    "heldout114": {"overall": 0.87, "officials": 0.94, "fields": 0.74},
    "heldout115": {"overall": 0.88, "officials": 0.95, "fields": 0.82},
    "heldout116": {"overall": 0.81, "officials": 0.94, "fields": 0.73},
    "heldout117": {"overall": 0.91, "officials": 0.93, "fields": 0.80},
    "heldout118": {"overall": 0.89, "officials": 0.95, "fields": 0.71},
    "heldout119": {"overall": 0.88, "officials": 0.95, "fields": 0.57},
    "heldout120": {"overall": 0.81, "officials": 0.76, "fields": 0.50},
    "heldout121": {"overall": 0.96, "officials": 0.98, "fields": 0.85},
    "heldout122": {"overall": 0.86, "officials": 0.93, "fields": 0.81},
    "heldout123": {"overall": 0.85, "officials": 0.80, "fields": 0.56},
    "heldout125": {"overall": 0.75, "officials": 0.70, "fields": 0.66},
    "heldout126": {"overall": 0.91, "officials": 0.95, "fields": 0.90},
    "heldout127": {"overall": 0.92, "officials": 0.95, "fields": 0.85},
    "heldout128": {"overall": 0.94, "officials": 0.96, "fields": 0.85},
    "heldout129": {"overall": 0.80, "officials": 0.96, "fields": 0.71},
    "heldout130": {"overall": 0.80, "officials": 0.86, "fields": 0.60},
    "heldout131": {"overall": 0.97, "officials": 0.99, "fields": 0.77},
}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_scores_stay_above_their_floors(folder: str) -> None:
    pairs = []
    for name, gold, text in load_gold_corpus(DATA / folder):
        result = extract(text, reference_date=gold["doc_date"], mode="rules")
        pairs.append((name, gold, result.model_dump(mode="json")))
    score = score_corpus(pairs)
    assert len(pairs) >= 5
    assert score.overall_f1 >= FLOORS[folder]["overall"]
    assert score.tallies()["officials"].f1 >= FLOORS[folder]["officials"]
    assert score.fields_hit is not None and score.fields_hit >= FLOORS[folder]["fields"]
