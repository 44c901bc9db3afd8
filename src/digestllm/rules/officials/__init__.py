"""Officials: names with their posts, found by the shape of Chinese news prose.

Three shapes carry nearly every official of the genre:
- posts before the name, one or several joined by 、 or ，: `市委副书记、市长张旭晨`;
- a bare title after the name: `孔阳书记`, `武国定副省长`;
- a list after a leadership word: `区领导陆秋明、薛建忠`.
`strategies.STRATEGIES` holds them, and the rarer ones, in priority order. Everything runs on the
Simplified copy; offsets are the original's.

Modules: `names` (personal names), `posts` (posts and the places inside them), `lists` (names in
lists), `filters` (posts that make no official), `strategies` (the table), `finder` (runs it),
`checks` (what grounding asks of a model's claims), `spans` (mentions, posts, claimed stretches).
"""

from __future__ import annotations

from digestllm.rules.officials.checks import is_plausible_name, reads_as_post, region_in_post
from digestllm.rules.officials.finder import OfficialFinder
from digestllm.rules.officials.spans import OfficialMention, Post

__all__ = ["OfficialFinder", "OfficialMention", "Post", "is_plausible_name", "reads_as_post", "region_in_post"]
