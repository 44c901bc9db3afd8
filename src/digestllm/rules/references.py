"""How a text refers back to an official it has named: by surname and title (`刘书记`, `王县长`), or by a
pronoun opening a sentence (`会后，她又深入各村…`).

A reference by surname and title stands for the one official whose post ends in that title; where two
officials would share it, it stands for neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from digestllm.rules.lexicon import COMPOUND_SURNAMES, read_words

REFERENCE_TITLES = tuple(read_words("reference_titles.txt"))
_TITLE_ENDS = frozenset(title[-1] for title in REFERENCE_TITLES)
# A sentence whose subject is a pronoun, after at most a short time or place clause: `上午7时，她…`, `他随即…`
PRONOUN_SUBJECT = re.compile(r"[ \t\u3000]*(?:[^，,。；;！!？?\n]{1,12}[，,])?(?P<pronoun>[他她])(?![们人])")


class _Stretch(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class _Named(_Stretch, Protocol):
    """A mention of an official: where the name stands and the posts written with it (`OfficialMention`)."""

    @property
    def posts(self) -> Sequence[_Stretch]: ...


def surname_references(simplified: str, mentions: Iterable[_Named]) -> dict[str, str]:
    """`刘书记` → `刘世杰`: each reference by surname and title that only one official of the text answers."""
    holders: dict[str, set[str]] = {}
    for mention in mentions:
        name = simplified[mention.start : mention.end]
        surname = name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]
        if len(name) - len(surname) < 1:
            continue
        for post in mention.posts:
            if simplified[post.end - 1 : post.end] not in _TITLE_ENDS or not simplified.endswith(
                REFERENCE_TITLES, post.start, post.end
            ):
                continue
            title = next(t for t in REFERENCE_TITLES if simplified.endswith(t, post.start, post.end))
            holders.setdefault(surname + title, set()).add(name)
    return {reference: names.pop() for reference, names in holders.items() if len(names) == 1}
