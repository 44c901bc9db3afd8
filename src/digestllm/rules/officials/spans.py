"""What the officials rules find (a mention of an official, with its posts) and the stretches they claim."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Post:
    """A post written in the text, `[start, end)` of the Simplified copy."""

    start: int
    end: int
    region: tuple[int, int] | None = None  # the named place inside the post


@dataclass(slots=True)
class OfficialMention:
    """One place where the text names an official, with the posts written there."""

    start: int
    end: int
    posts: list[Post] = field(default_factory=list)


class ClaimedSpans:
    """The stretches of text that names already found cover, as sorted disjoint intervals.

    A later reading of the text may not name an official where an earlier one did: it asks whether
    its stretch is free before it claims it.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def is_free(self, start: int, end: int) -> bool:
        """True when no claimed position lies in `[start, end)` (an empty stretch is always free)."""
        if start >= end:
            return True
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] > start:
            return False
        return not (i + 1 < len(self._starts) and self._starts[i + 1] < end)

    def claim(self, start: int, end: int) -> None:
        """Marks `[start, end)` as claimed, whatever was claimed before."""
        if start >= end:
            return
        low = bisect_right(self._ends, start - 1)  # the first interval ending at or after `start`
        high = bisect_right(self._starts, end)  # past the last interval starting at or before `end`
        if low < high:
            start = min(start, self._starts[low])
            end = max(end, self._ends[high - 1])
        self._starts[low:high] = [start]
        self._ends[low:high] = [end]
