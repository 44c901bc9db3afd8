"""The shapes that name an official, as a table in priority order.

Each strategy is named, finds its anchors with one pattern and reads each anchor with its own callback,
in the manner of spaCy's Matcher. A strategy that gives way keeps only names whose stretch no earlier
strategy (or earlier anchor) claimed; the others claim theirs whatever came before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from digestllm.rules.lexicon import (
    ARRIVAL_CHARS,
    COMMON_HAN_CLASS,
    LEADERS_AFTER_NAMES,
    LEADERSHIP_LABEL,
    NAMELIKE_BODIES,
    NAMELIKE_WORDS,
    NON_OFFICIAL_BODIES,
    PROVINCES,
    SESSION_ROLE_LABEL,
    TRAILING_TITLES,
    alternation,
)
from digestllm.rules.officials.appointments import APPOINTMENT, appointed
from digestllm.rules.officials.filters import holds_public_post
from digestllm.rules.officials.lists import bare_names_attending, listed_after, names_listed_before
from digestllm.rules.officials.names import NameScanner
from digestllm.rules.officials.posts import POST_CORE, PostReader, core_ending_at
from digestllm.rules.officials.spans import OfficialMention, Post
from digestllm.wordsearch import word_starts

_THANKING = ("感谢", "答谢", "致谢", "鸣谢", "道谢")
_TRAILING_TITLE = re.compile("(?:" + alternation(TRAILING_TITLES) + ")(?!台)")  # 主席台 is no title
_POSTS_IN_PARENTHESES = re.compile(r"[（(]([^（）()\n]{2,40})[）)]")
# A clause that opens with a name and a 、 (a list of bare names may follow); the lookahead keeps it cheap.
_CLAUSE_START = re.compile(
    rf"(?:^|(?<=[\n。！？；，,：:]))[ \t\u3000]*(?=[{COMMON_HAN_CLASS}][^，,。；;：:、\n]{{1,20}}、)", re.M
)
# Between a post and its name in a list of appointments or chairs: `市南区委书记:王锋`,
# `执行主席是(按姓名笔画排列):旷立伟、…`.
_POST_NAME_GAP = re.compile(r"(?:是(?:[（(][^（()）\n]{1,12}[）)])?)?[:：]")
_PARTS_OF_PARENTHESES = re.compile(r"[、，,]")
_DIRECTIONS = frozenset("东西南北中")  # 东部长江路: 部长 after a direction is no post
_LONG_RUN = tuple("远" + word for word in ("发展", "规划", "目标", "利益", "考虑", "打算", "谋划"))  # 市长远发展
_GUARDED_TRAILING = (
    "镇长",
    "乡长",
    "处长",
    "局长",
    "厅长",
    "司长",
    "秘书长",
    "议长",
    "议员",
)  # read after a name only where the name opens after a boundary
_COURT_TITLES = ("院长", "庭长")  # read after a name only right after a court: 本院张宏任庭长, 法院李国增院长
_COURTS = ("本院", "法院", "检察院", "法庭")
_FORMER = frozenset("原前")  # 原则上副秘书长: a word opening with 原 or 前 is no name before a title written after
_LIST_BEFORE_A_TITLE = frozenset("、及")  # 王家贞、…及吴通龙议员: the marks of names listed before a title
_BEFORE_A_TRAILING_NAME = frozenset("，,。；;：:、（(“\n 　省市县区镇乡村处局厅司会署所日及由")

POSTS_BEFORE_A_NAME = "posts before a name"
TITLE_AFTER_A_NAME = "title after a name"
POSTS_IN_PARENTHESES = "posts in parentheses"
BARE_NAMES_ATTENDING = "bare names attending"
NAMES_BEFORE_LEADERS = "names before 等领导"
NAMES_AFTER_LEADERSHIP_WORD = "names after a leadership word"
NAMES_ON_THE_ROSTRUM = "names after a session's rostrum label"
APPOINTMENTS = "appointments and resignations"


@dataclass
class Scan:
    """One reading of `[start, end)` of a document, and what each strategy found in it so far."""

    text: str
    names: NameScanner
    posts: PostReader
    start: int
    end: int
    known: set[str]  # names found earlier in the document
    found: dict[str, list[OfficialMention]] = field(default_factory=dict)

    @cached_property
    def known_names(self) -> set[str]:
        """The names known before and those read after posts here: they settle a name before a title."""
        return self.known | {self.text[m.start : m.end] for m in self.found[POSTS_BEFORE_A_NAME]}

    @cached_property
    def names_after_posts(self) -> set[int]:
        """Where the names read after posts start."""
        return {m.start for m in self.found[POSTS_BEFORE_A_NAME]}


@dataclass(frozen=True)
class Candidate:
    """A mention a strategy proposes; `free_until` (default: its end) bounds the stretch that must be free."""

    mention: OfficialMention
    free_until: int | None = None


@dataclass(frozen=True)
class Strategy:
    """A named shape: its anchors, the callback that reads one, and whether it gives way to earlier names."""

    name: str
    anchor: re.Pattern[str]
    read: Callable[[Scan, re.Match[str]], Iterator[Candidate]]
    gives_way: bool


def _posts_before_a_name(scan: Scan, core: re.Match[str]) -> Iterator[Candidate]:
    """`市委副书记、市长张旭晨`: posts joined by 、 or ， then the name, and the names listed after it; a
    colon may stand between a post and its name in a list of appointments (`市南区委书记:王锋`)."""
    if core.group() == "部长" and scan.text[core.start() - 1 : core.start()] in _DIRECTIONS:
        return  # 东部长江路: the east, and a road
    if core.group().endswith("长") and scan.text.startswith(_LONG_RUN, core.end()):
        return  # 我市长远发展: 长远, the long run (秘书长远义彬 is a name)
    gap = _POST_NAME_GAP.match(scan.text, core.end())
    name_start = gap.end() if gap else core.end()
    name_end = scan.names.name_after(name_start)
    if name_end is None or name_end > scan.end or _opens_a_body(scan.text, name_start):
        return
    if scan.text.startswith(_BODIES_AFTER, name_end):  # 水利部长江水利委员会: a post running into a body
        return
    if _names_a_journey(scan.text, name_start, name_end):
        return
    chain = scan.posts.chain_before(core.start(), core.end(), scan.start)
    if not holds_public_post(scan.text, chain, scan.start):
        return
    yield Candidate(OfficialMention(name_start, name_end, chain))
    for mention in listed_after(scan.text, scan.names, name_end, scan.end, chain):
        yield Candidate(mention)


def _title_after_a_name(scan: Scan, title: re.Match[str]) -> Iterator[Candidate]:
    """`孔阳书记`, `武国定副省长`: a name, then a bare title; the title's stretch must be free too."""
    if title.end() in scan.names_after_posts:
        return  # a post with its name after it (工商联主席范更生), not a title after a name
    name_start = scan.names.name_before(title.start(), scan.known_names)
    if name_start is None or name_start < scan.start:
        return
    if _no_name_before_a_title(scan.text, name_start, title.start(), title.end()):
        return
    if title.group().endswith(_COURT_TITLES) and not scan.text.endswith(_COURTS, scan.start, name_start):
        return  # 本院李国增院长 is the court's; 徐东华院长 (of an academy, a hospital) holds no post the text shows
    if title.group().endswith(_GUARDED_TRAILING) and (
        not _opens_after_a_boundary(scan.text, name_start, scan.start)
        or scan.names.name_after(title.end())
        or scan.text[name_start] in _FORMER
    ):
        return  # 县府原民处长, 、原民处长方铭总, ，原则上副秘书长: words of the text, or a post before its name
    mention = OfficialMention(name_start, title.start(), [Post(title.start(), title.end())])
    yield Candidate(mention, free_until=title.end())
    yield from _listed_before_a_title(scan, name_start, title)


def _listed_before_a_title(scan: Scan, first_start: int, title: re.Match[str]) -> Iterator[Candidate]:
    """`王家贞、赵昆原、邱莉莉、吕维胤及吴通龙议员`: the names listed before the one a title follows share it."""
    start = first_start
    while start - 1 > scan.start and scan.text[start - 1] in _LIST_BEFORE_A_TITLE:
        earlier = scan.names.name_before(start - 1, scan.known_names)
        if earlier is None or earlier < scan.start:
            return
        yield Candidate(OfficialMention(earlier, start - 1, [Post(title.start(), title.end())]))
        start = earlier


def _opens_after_a_boundary(text: str, name_start: int, floor: int) -> bool:
    """Whether a name starts right after a clause mark, a level word or a body's last character (林边乡郑信政)."""
    return name_start <= floor or text[name_start - 1] in _BEFORE_A_TRAILING_NAME


def _names_a_journey(text: str, start: int, end: int) -> bool:
    """`来川`, `赴京`, `来大陆` after a post: the holder went to a place (总书记来川视察), unless a list goes on
    after it (区领导来建华、王明: a 来 named 建华)."""
    return text[start] in ARRIVAL_CHARS and not text.startswith("、", end)


def _opens_a_body(text: str, start: int) -> bool:
    """`常委班子成员`: what follows the post is a body (班子, 董事会), not a name."""
    return any(text.startswith(body, start) for body in NAMELIKE_BODIES)


def _no_name_before_a_title(text: str, name_start: int, title_start: int, title_end: int) -> bool:
    """`董事会主席`: a body; `《甘肃省长城保护条例》`: a province (甘肃 + 省长) inside a book title;
    `夏邑县长检查…` where the text names `夏邑县` elsewhere (`夏邑县领导`): a place before 长."""
    word = text[name_start:title_start]
    in_book_title = text.rfind("《", 0, name_start) > text.rfind("》", 0, name_start)
    return (
        word in NAMELIKE_BODIES
        or word[:2] in NAMELIKE_WORDS  # 党务副书记, 拜会许多议员: a common word, or one opening what stands there
        or text.endswith(_THANKING, 0, name_start + 1)  # 感谢彰化市长: thanks, not 谢彰化
        or word.endswith(NON_OFFICIAL_BODIES)  # 车间主任: a workshop's head
        or word.endswith(_ORGANS_BEFORE_A_TITLE)  # 全国政协主席: 国政协 is no name
        or word + text[title_start] in PROVINCES
        or in_book_title
        or _stands_as_a_place(text, word + text[title_start], text[title_start + 1 : title_end])
    )


def _stands_as_a_place(text: str, place: str, rest_of_title: str) -> bool:
    """Whether `place` (夏邑县: a word and a level) stands somewhere in the text not followed by the rest of
    the title (长)."""
    return place[-1] in _LEVEL_CHARS and any(
        not text.startswith(rest_of_title, at + len(place)) for at in word_starts(text, place)
    )


_LEVEL_CHARS = frozenset("省市县区州镇乡旗")
_BODIES_AFTER = ("委员会", "管委会", "管理局", "沿线", "流域")
_ORGANS_BEFORE_A_TITLE = ("政协", "人大", "党委", "政府", "常委", "纪委", "党组")


def _posts_in_parentheses(scan: Scan, parentheses: re.Match[str]) -> Iterator[Candidate]:
    """`张三（市委常委、副市长）`: a name, then its posts in parentheses, each of which reads as a whole post."""
    name_start = scan.names.name_before(parentheses.start(), scan.known_names)
    if name_start is None or name_start < scan.start:
        return
    found: list[Post] = []
    part_start = parentheses.start(1)
    for part in _PARTS_OF_PARENTHESES.split(parentheses.group(1)):
        part_end = part_start + len(part)
        core = core_ending_at(scan.text, part_end)
        if core is None:
            return
        post_start, region = scan.posts.start_of_post(core, part_start)
        if post_start != part_start:  # words the post grammar does not know: not a list of posts
            return
        found.append(Post(part_start, part_end, region))
        part_start = part_end + 1
    yield Candidate(OfficialMention(name_start, parentheses.start(), found))


def _bare_names_attending(scan: Scan, opening: re.Match[str]) -> Iterator[Candidate]:
    """`吴丽鸣、卫祥玉、侯波出席活动。`: names without posts open a clause that says they attended."""
    for mention in bare_names_attending(scan.text, scan.names, opening.end(), scan.end):
        yield Candidate(mention)


def _names_before_leaders(scan: Scan, label: re.Match[str]) -> Iterator[Candidate]:
    """`陈德志、林文建等领导`: names listed before 等领导, which is their post."""
    for mention in names_listed_before(scan.text, scan.names, label, scan.known_names, scan.start):
        yield Candidate(mention)


def _names_after_a_leadership_word(scan: Scan, leaders: re.Match[str]) -> Iterator[Candidate]:
    """`区领导陆秋明、薛建忠`: names listed after a leadership word, which is their post (`襄阳市领导`: with
    the place whose level opens the word)."""
    if _opens_a_body(scan.text, leaders.end()):
        return  # 县政府领导班子以及…: the leading body, no names
    label = [scan.posts.leadership_label(leaders.start(), leaders.end(), scan.start)]
    for mention in listed_after(scan.text, scan.names, leaders.end() - 1, scan.end, label, first_without_comma=True):
        yield Candidate(mention)


def _names_on_the_rostrum(scan: Scan, label: re.Match[str]) -> Iterator[Candidate]:
    """`主席团成员秦素梅、黄爱菊…`, `在主席台就座的还有:李斌、陈金亮…`: names listed after a session's rostrum label
    (主席团成员 is their post; the others name none)."""
    posts = [Post(*label.span("role"))] if label.group("role") else []
    for mention in listed_after(scan.text, scan.names, label.end() - 1, scan.end, posts, first_without_comma=True):
        yield Candidate(mention)


def _appointments(scan: Scan, anchor: re.Match[str]) -> Iterator[Candidate]:
    """`任命黄育奇同志为…副县长`, `庄稼祥同志辞去…县长职务`: the person and the posts the decision names."""
    for mention in appointed(scan.text, scan.names, scan.posts, anchor, scan.known_names, scan.start):
        yield Candidate(mention)


STRATEGIES: tuple[Strategy, ...] = (
    Strategy(POSTS_BEFORE_A_NAME, POST_CORE, _posts_before_a_name, gives_way=False),
    Strategy(TITLE_AFTER_A_NAME, _TRAILING_TITLE, _title_after_a_name, gives_way=True),
    Strategy(POSTS_IN_PARENTHESES, _POSTS_IN_PARENTHESES, _posts_in_parentheses, gives_way=True),
    Strategy(BARE_NAMES_ATTENDING, _CLAUSE_START, _bare_names_attending, gives_way=True),
    Strategy(NAMES_BEFORE_LEADERS, LEADERS_AFTER_NAMES, _names_before_leaders, gives_way=True),
    Strategy(NAMES_AFTER_LEADERSHIP_WORD, LEADERSHIP_LABEL, _names_after_a_leadership_word, gives_way=False),
    Strategy(NAMES_ON_THE_ROSTRUM, SESSION_ROLE_LABEL, _names_on_the_rostrum, gives_way=True),
    Strategy(APPOINTMENTS, APPOINTMENT, _appointments, gives_way=True),
)
