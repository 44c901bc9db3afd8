"""Runs the strategies' table over a section, claiming each name's stretch once."""

from __future__ import annotations

from digestllm.rules.officials.names import NameScanner
from digestllm.rules.officials.posts import PostReader
from digestllm.rules.officials.spans import ClaimedSpans, OfficialMention
from digestllm.rules.officials.strategies import STRATEGIES, Scan


class OfficialFinder:
    """Finds officials section by section in one document; build it once per document."""

    def __init__(self, simplified: str) -> None:
        self.text = simplified
        self.names = NameScanner(simplified)
        self.posts = PostReader(simplified)

    def find(self, start: int, end: int, known: set[str] | None = None) -> list[OfficialMention]:
        """Officials in `[start, end)`; `known` names (found earlier) help read a title after a name."""
        return [mention for found in self.find_each(start, end, known).values() for mention in found]

    def find_each(self, start: int, end: int, known: set[str] | None = None) -> dict[str, list[OfficialMention]]:
        """What each strategy of the table found in `[start, end)`, by its name, in the table's order."""
        scan = Scan(self.text, self.names, self.posts, start, end, set(known or set()))
        claimed = ClaimedSpans()
        for strategy in STRATEGIES:
            found: list[OfficialMention] = []
            for anchor in strategy.anchor.finditer(self.text, start, end):
                for candidate in strategy.read(scan, anchor):
                    mention = candidate.mention
                    free_until = mention.end if candidate.free_until is None else candidate.free_until
                    if strategy.gives_way and not claimed.is_free(mention.start, free_until):
                        continue
                    claimed.claim(mention.start, mention.end)
                    found.append(mention)
            scan.found[strategy.name] = found
        return scan.found
