"""Posts that make no official: a reporter's credit, a company's post, an association's, a former one."""

from __future__ import annotations

import re

from digestllm.rules.lexicon import (
    ASSOCIATION_CORES,
    BYLINE_WORDS,
    CLAUSE_BREAKS,
    FORMER_POST,
    NON_OFFICIAL_BODIES,
    alternation,
    read_words,
)
from digestllm.rules.officials.spans import Post

_BYLINE = re.compile(alternation(list(BYLINE_WORDS)))
_ASSOCIATION_JOINED = tuple(f"{core}兼" for core in ASSOCIATION_CORES)
# After a credit and its name the story begins with a preposition (记者孟群舒由…, 记者张三从…获悉); or the
# reporter is its subject (记者见到…县委书记王清华时); or the credit is closed (…台南13日电), 〔…/综合报导〕)
_STORY_OPENS = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:由|从|据|在)|见到|看到|获悉|了解到|采访|注意到|跟随|随同|[)）】〕］\]]|日电|日讯|报导|报道"
)
_NON_OFFICIAL_BODY = re.compile(alternation(NON_OFFICIAL_BODIES))
# 一行在…陪同下, 一行由…陪同, 接待由…率领的: the post after it is another party's, not the body's before it
_HOSTED_BY = re.compile(r"一行(?:在|由)|(?:接待|会见|拜会|欢迎)了?由")
_CLAUSE_REACH = 20  # how far back a clause is read for a byline, a company or 原
_COMPANY_CORES = ("董事长", "总经理", "总裁")
_STATE_OWNED = re.compile(alternation(read_words("state_owned_bodies.txt")))  # 招商局集团总裁, 市铁投公司董事长


def holds_public_post(simplified: str, chain: list[Post], floor: int) -> bool:
    """True when the posts `chain` (written before a name) make the person named an official."""
    return not (
        in_byline(simplified, chain[0].start, floor)
        or is_non_official(simplified, chain, floor)
        or all(_an_associations(simplified, p) for p in chain)  # a chamber of commerce's 会长
        or is_former(simplified, chain[0].start, floor)
    )


def _an_associations(simplified: str, post: Post) -> bool:
    """A post of an association: 会长, or the post joined to one by 兼 (协调会副会长兼秘书长); not of a people's
    federation the state runs (市残联副理事长, 红十字会会长)."""
    if not (
        simplified.endswith(ASSOCIATION_CORES, post.start, post.end)
        or simplified.endswith(_ASSOCIATION_JOINED, 0, post.start)
    ):
        return False
    return not _PUBLIC_FEDERATION.search(simplified, post.start, post.end)


_PUBLIC_FEDERATION = re.compile("残联|红十字会|科协|文联|侨联|社科联|工商联|台联|妇联|总工会")


def in_byline(simplified: str, post_start: int, floor: int) -> bool:
    """True when the post sits in a reporter's credit (`本报记者`, `通讯员`) within the same clause; not once the
    story has begun after the credit (`记者孟群舒由上海市委副书记…`)."""
    credit = _BYLINE.search(simplified, clause_start(simplified, post_start, floor), post_start)
    return credit is not None and not _STORY_OPENS.search(simplified, credit.end(), post_start)


def is_non_official(simplified: str, chain: list[Post], floor: int) -> bool:
    """Company posts are not public posts (`公司总经理`, `车间主任`); a company's party secretary still is, with
    every post joined to that one (`中核集团党组书记、董事长`)."""
    if any("书记" in simplified[post.start : post.end] for post in chain):
        return False  # 集团党组书记、董事长: the party post makes the whole chain public
    if _STATE_OWNED.search(simplified, _item_start(simplified, chain[0].start, floor), chain[-1].end):
        return False  # 招商局集团总裁李建红: a company the state owns
    if any(simplified.endswith(_COMPANY_CORES, post.start, post.end) for post in chain):
        return True  # 董事长, 总经理 alone: a company's, whoever owns it
    start = clause_start(simplified, chain[0].start, floor)
    hosted = list(_HOSTED_BY.finditer(simplified, start, chain[0].start))  # 协会一行在省台办副主任…陪同下
    start = hosted[-1].end() if hosted else start
    for post in chain:
        text = simplified[post.start : post.end]
        if "书记" not in text and _NON_OFFICIAL_BODY.search(simplified, start, post.end):
            return True
    return False


def _item_start(simplified: str, post_start: int, floor: int) -> int:
    """Where the list item or clause holding the post starts: its company's name is there."""
    start = clause_start(simplified, post_start, floor)
    return max(start, simplified.rfind("、", start, post_start) + 1)


def is_former(simplified: str, post_start: int, floor: int) -> bool:
    """True when 原 stands right before the post in its clause: `原惠州市委常委` holds the post no more."""
    return FORMER_POST.search(simplified, clause_start(simplified, post_start, floor), post_start + 1) is not None


def clause_start(simplified: str, pos: int, floor: int) -> int:
    """Where the clause holding `pos` starts: after a clause break, at `floor`, or `_CLAUSE_REACH` characters back."""
    start = pos
    while start > floor and simplified[start - 1] not in CLAUSE_BREAKS and pos - start < _CLAUSE_REACH:
        start -= 1
    return start
