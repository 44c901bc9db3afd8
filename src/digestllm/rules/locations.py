"""An event's location: the place the text names for it, as written.

A place follows a word that leads to one (`在`, `到`, `前往`, `深入`, `莅临` …) and runs to the next
activity verb or clause break: `前往炳德药业公共药厂、…、四川粉大师食品公司等地`, `在县会议中心举行`.
It is a place only when it ends with a word of `data/place_words.txt` (a region, a site, a body, a
stop list's `等地`) or is a deictic (`我县`, `全区`); a topic or a clause (`贯彻落实…`) is none.
"""

from __future__ import annotations

import re
from functools import cache

from digestllm.rules.lexicon import ACTIVITY_VERBS, PLACE_LEADS, alternation, read_words

_LEAD = re.compile(r"(?:" + alternation(PLACE_LEADS) + r")")
_PLACE_END = re.compile(
    r"[，,。；;：:！!？?\n“”（）()]|" + alternation(ACTIVITY_VERBS) + r"|的|时|期间|之际|以来|后[，,]|上[，,]"
)
_DEICTIC = re.compile(r"^(?:我|全|本)[省市县区镇乡村]$")
MAX_PLACE_CHARS = 60


@cache
def _place_word() -> re.Pattern[str]:
    return re.compile(r"(?:" + alternation(read_words("place_words.txt")) + r")$")


def location_span(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    """The first place named for the event in `simplified[start:end]`, or None."""
    for lead in _LEAD.finditer(simplified, start, end):
        place = _place_after(simplified, lead.end(), end)
        if place is not None:
            return place
    return None


def _place_after(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    limit = min(end, start + MAX_PLACE_CHARS)
    stop = _PLACE_END.search(simplified, start, limit)
    place_end = stop.start() if stop else limit
    while place_end - start >= 2:
        phrase = simplified[start:place_end]
        if _DEICTIC.match(phrase) or _place_word().search(phrase):
            return start, place_end
        cut = simplified.rfind("、", start, place_end)  # a list whose last item reads as no place: drop it
        if cut <= start:
            return None
        place_end = cut
    return None
