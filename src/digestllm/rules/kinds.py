"""An event's kind, from the words that name it (the table `data/event_kinds.tsv`).

The first kind word of the action decides (the verb the action names wins where two kinds meet:
`出席签约仪式` is a ceremony, `会见…一行并座谈` a reception); without one there, the first of the
event's sentence; without any, `other`.
"""

from __future__ import annotations

import re
from functools import cache

from digestllm.rules.lexicon import alternation, read_table
from digestllm.schemas import EventKind


@cache
def _kind_words() -> tuple[re.Pattern[str], dict[str, EventKind]]:
    kinds = {word: EventKind(kind) for word, kind in read_table("event_kinds.tsv")}
    return re.compile(alternation(kinds)), kinds


def kind_of(simplified: str, spans: list[tuple[int, int]]) -> EventKind:
    """The kind named first in the first of `spans` (Simplified text) that names one; else `other`."""
    pattern, kinds = _kind_words()
    for start, end in spans:
        found = pattern.search(simplified, start, end)
        if found is not None:
            return kinds[found.group()]
    return EventKind.OTHER
