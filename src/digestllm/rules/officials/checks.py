"""The checks grounding makes of a model's claimed official: a plausible name, a post, a place in it."""

from __future__ import annotations

import re

from digestllm.rules.lexicon import POST_WORDS_BESIDES_CORES, alternation
from digestllm.rules.officials.names import NameScanner
from digestllm.rules.officials.posts import POST_CORE, PostReader

_POST_WORD_BESIDES_CORES = re.compile(alternation(POST_WORDS_BESIDES_CORES))


def is_plausible_name(simplified: str, start: int, end: int) -> bool:
    """A personal name: a known surname, then one to three characters that can stand in a name."""
    scanner = NameScanner(simplified)
    surname = scanner.surname_length(start)
    return (
        bool(surname)
        and 2 <= end - start <= 4
        and end - start > surname
        and all(scanner.name_char(i) for i in range(start + surname, end))
    )


def region_in_post(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    """The named place inside the post written at `simplified[start:end]` (`广安区委书记` → 广安区)."""
    cores = list(POST_CORE.finditer(simplified, start, end))
    if not cores:
        return None
    _, region = PostReader(simplified).start_of_post(cores[-1].start(), start)
    return region


def reads_as_post(simplified: str, start: int, end: int) -> bool:
    """True when the text names a public post (a model's claimed title must)."""
    return (
        POST_CORE.search(simplified, start, end) is not None
        or _POST_WORD_BESIDES_CORES.search(simplified, start, end) is not None
    )
