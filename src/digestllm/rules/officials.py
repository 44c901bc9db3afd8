"""Officials: names with their posts, found by the shape of Chinese news prose.

Three shapes carry nearly every official of the genre:
- posts before the name, one or several joined by 、 or ，: `市委副书记、市长张旭晨`;
- a bare title after the name: `孔阳书记`, `武国定副省长`;
- a list after a leadership word: `区领导陆秋明、薛建忠`.
Everything runs on the Simplified copy; offsets are the original's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from digestllm.rules.lexicon import (
    ASSOCIATION_CORES,
    BODY_TOPICS,
    BYLINE_WORDS,
    COMPOUND_SURNAMES,
    FOLLOWING_WORDS,
    FUNCTION_CHARS,
    LEVEL_CHARS,
    NAME_CLOSERS,
    NON_NAME_CHARS,
    NON_PLACE_NAMES,
    NON_PLACE_START,
    ORGAN_TOKENS,
    PLACE_SUFFIXES,
    POST_CORES,
    SINGLE_SURNAMES,
    SURNAMES_AFTER_A_POST,
    TRAILING_TITLES,
    alternation,
)


@dataclass(frozen=True)
class Post:
    start: int
    end: int
    region: tuple[int, int] | None = None  # the named place inside the post


@dataclass
class OfficialMention:
    """One place where the text names an official, with the posts written there."""

    start: int
    end: int
    posts: list[Post] = field(default_factory=list)


_POST_CORE = re.compile(alternation(POST_CORES))
_TRAILING_TITLE = re.compile(alternation(TRAILING_TITLES))
_LEADER_LIST = re.compile(
    r"(?:[省市县区镇乡][厅局处科]?级|[省市县区]委|[省市县区]政府|[省市县区镇乡])?领导(?:干部|同志)?"
)
_SENTENCE_STARTS = re.compile(r"(?:^|(?<=[\n。！？；]))[ \t\u3000]*(?=[\u4e00-\u9fff])", re.M)
_ATTENDED = re.compile(r"(?:等)?(?:出席|参加|陪同|一同|先后|共同)")
_LISTED_BEFORE_LEADERS = re.compile(r"等(?:[省市县区镇乡][厅局处科]?级|[省市县区])?领导")  # 陈德志、林文建等领导
_FORMER = re.compile(r"(?:^|[^太平中])原[\u4e00-\u9fff]{0,6}$")  # 原 right before the post, not 太原/平原/中原
_POSTS_IN_PARENTHESES = re.compile(r"[（(]([^（）()\n]{2,40})[）)]")
_FOLLOWING = re.compile(alternation(list(FOLLOWING_WORDS)))
_BYLINE = re.compile(alternation(list(BYLINE_WORDS)))
_NON_OFFICIAL_BODY = re.compile(r"公司|集团|企业|工厂|车间|合作社|商会|协会|银行|酒店|超市|门店")
_BODY_WORDS = ("办公室", "中心", "委员会", "办", "局", "委", "厅", "部", "署")
_ORGAN_WORDS = frozenset(ORGAN_TOKENS) | {t + w for t in BODY_TOPICS for w in _BODY_WORDS}
_ORGAN_LENGTHS = tuple(sorted({len(w) for w in _ORGAN_WORDS}, reverse=True))
_PLACE_SUFFIXES = tuple(sorted(PLACE_SUFFIXES, key=len, reverse=True))
_BOUNDARY_BEFORE_PLACE = frozenset("在到赴从由向对与和及是的为于周日午晚时、，,。；;：:“”（）() \t\r\n")
_INNER_LEVEL_CHARS = frozenset(LEVEL_CHARS) - {"州"}  # 州 ends city names too: 鄂州, 杭州
_CLAUSE_BREAK = frozenset("，,。；;！!？?\n")


class NameScanner:
    """Reads personal names in one document, using the whole text to settle their length."""

    def __init__(self, simplified: str) -> None:
        self.text = simplified
        self._counts: dict[str, int] = {}
        self._alone: dict[str, bool] = {}

    def count(self, word: str) -> int:
        """Occurrences of `word` in the document, counted once per word."""
        if word not in self._counts:
            self._counts[word] = self.text.count(word)
        return self._counts[word]

    def surname_length(self, pos: int, after_post: bool = False) -> int:
        """Length of the surname starting at `pos` (0: none). Right after a post, 向 and 于 are surnames."""
        s = self.text
        if s[pos : pos + 2] in COMPOUND_SURNAMES:
            return 2
        if pos >= len(s) or s[pos] not in SINGLE_SURNAMES:
            return 0
        if s[pos] in FUNCTION_CHARS and not (after_post and s[pos] in SURNAMES_AFTER_A_POST):
            return 0
        return 1

    def name_char(self, pos: int) -> bool:
        return pos < len(self.text) and self.text[pos] not in NON_NAME_CHARS and "\u4e00" <= self.text[pos] <= "\u9fff"

    def closes_name(self, pos: int) -> bool:
        """True when a name may end right before `pos`."""
        s = self.text
        return pos >= len(s) or s[pos] in NAME_CLOSERS or _FOLLOWING.match(s, pos) is not None or s[pos].isdigit()

    def name_after(self, pos: int) -> int | None:
        """The end of a personal name starting at `pos`, or None when no name starts there."""
        s = self.text
        surname = self.surname_length(pos, after_post=True)
        if not surname:
            return None
        following = _FOLLOWING.match(s, pos)
        doubtful = s[pos] in SURNAMES_AFTER_A_POST  # 向 and 于 are words first: the name must be closed off
        if following and not (doubtful and following.end() - pos == 1):
            return None
        two, three = pos + surname + 1, pos + surname + 2
        if not self.name_char(pos + surname):
            return None
        word_at_two = _FOLLOWING.match(s, two)
        word_at_three = _FOLLOWING.match(s, three)
        if (
            not self.name_char(two)
            or word_at_two
            and (
                word_at_two.end() - two >= 2
                or not self.closes_name(three)
                or word_at_three is not None
                and word_at_three.end() - three >= 2
            )
        ):
            return two  # 米亮主持, 唐勇以及, 李放作项目: a word of the text starts right after two characters
        closes_two, closes_three = self.closes_name(two), self.closes_name(three)
        if doubtful:
            return three if closes_three else two if closes_two else None
        if closes_three and not closes_two:  # what follows settles it: 李明亮出席
            return three
        short, long_ = s[pos:two], s[pos:three]
        short_count, long_count = self.count(short), self.count(long_)
        if long_count >= 2 and long_count == short_count:
            return three
        if short_count > long_count and self._stands_alone(short):
            return two
        if closes_two and not closes_three:
            return two
        return three

    def listed_name(self, pos: int) -> int | None:
        """The end of a two- or three-character item of a 、 list starting at `pos`, whatever its surname."""
        s = self.text
        for length in (2, 3):
            end = pos + length
            if (
                end <= len(s)
                and s[end : end + 1] in ("、", "等", "，", ",", "")
                or end < len(s)
                and _FOLLOWING.match(s, end)
            ):
                if (
                    all(self.name_char(i) for i in range(pos, end))
                    and s[pos] not in FUNCTION_CHARS
                    and not _FOLLOWING.match(s, pos)
                ):
                    return end
        return None

    def _stands_alone(self, name: str) -> bool:
        """True when `name` occurs somewhere followed by a word that ends a name."""
        if name not in self._alone:
            self._alone[name] = any(self.closes_name(m.end()) for m in re.finditer(re.escape(name), self.text))
        return self._alone[name]

    def name_before(self, end: int, known: set[str]) -> int | None:
        """The start of a personal name ending at `end` (before a trailing title), or None."""
        s = self.text
        for length in (3, 2, 4):
            if end - length >= 0 and s[end - length : end] in known:
                return end - length
        for length in (3, 2):
            start = end - length
            if (
                start >= 0
                and self.surname_length(start)
                and not _FOLLOWING.match(s, start)
                and all(self.name_char(i) for i in range(start + 1, end))
            ):
                return start
        return None


class PostReader:
    """Reads the post that ends at a post core, leftwards: organ words, then one place."""

    def __init__(self, simplified: str) -> None:
        self.text = simplified
        self._standing_places: dict[str, list[int]] = {}

    def start_of_post(self, core_start: int, floor: int) -> tuple[int, tuple[int, int] | None]:
        """Where the post ending in the core at `core_start` begins, and the named place inside it."""
        pos = core_start
        while pos > floor and (organ := self._organ_ending_at(pos, floor)):
            pos -= organ
        place = self._place_ending_at(pos, floor) if pos > floor else None
        if place is not None:
            return place, (place, pos)
        if pos > floor and self.text[pos - 1] in LEVEL_CHARS:  # 市委, 县政府: this level's body
            return pos - 1, None
        return pos, None

    def _organ_ending_at(self, pos: int, floor: int) -> int:
        """Length of the longest organ word ending at `pos`, 0 when none does."""
        for length in _ORGAN_LENGTHS:
            if pos - length >= floor and self.text[pos - length : pos] in _ORGAN_WORDS:
                return length
        return 0

    def _place_ending_at(self, pos: int, floor: int) -> int | None:
        """Start of a named place (`广安区`, `枣山园区`) ending at `pos`, when one is plausible."""
        s = self.text
        for suffix in _PLACE_SUFFIXES:
            if not s.endswith(suffix, floor, pos):
                continue
            name_end = pos - len(suffix)
            for length in (2, 3, 4):
                start = name_end - length
                if start < floor:
                    break
                name = s[start:name_end]
                if not all("\u4e00" <= c <= "\u9fff" for c in name) or name[0] in NON_PLACE_START:
                    break
                if any(c in _INNER_LEVEL_CHARS for c in name[1:]) or name in NON_PLACE_NAMES:
                    break
                preceded_by_boundary = (
                    start == floor or s[start - 1] in _BOUNDARY_BEFORE_PLACE or s[start - 1].isdigit()
                )
                # A longer name must stand on its own elsewhere too: 石家庄市 yes, 细化落实市 no.
                if preceded_by_boundary and (length == 2 or self._recurs(name + suffix, start)):
                    return start
            return None
        return None

    def _recurs(self, place: str, here: int) -> bool:
        """True when `place` also stands on its own (after a boundary) somewhere other than `here`."""
        if place not in self._standing_places:
            s = self.text
            self._standing_places[place] = [
                m.start()
                for m in re.finditer(re.escape(place), s)
                if m.start() == 0 or s[m.start() - 1] in _BOUNDARY_BEFORE_PLACE
            ][:2]
        return any(at != here for at in self._standing_places[place])


class OfficialFinder:
    """Finds officials section by section in one document; build it once per document."""

    def __init__(self, simplified: str) -> None:
        self.text = simplified
        self.names = NameScanner(simplified)
        self.posts = PostReader(simplified)

    def find(self, start: int, end: int, known: set[str] | None = None) -> list[OfficialMention]:
        """Officials in `[start, end)`; `known` names (found earlier) help read a title after a name."""
        return _find_mentions(self.text, self.names, self.posts, start, end, known)


def _find_mentions(
    simplified: str, names: NameScanner, posts: PostReader, start: int, end: int, known: set[str] | None
) -> list[OfficialMention]:
    """Posts then a name; a name then a title; names after a leadership word — in that order."""
    mentions: list[OfficialMention] = []
    taken: set[int] = set()

    for core in _POST_CORE.finditer(simplified, start, end):
        name_end = names.name_after(core.end())
        if name_end is None or name_end > end:
            continue
        post_chain = _posts_before(simplified, posts, core.start(), core.end(), start)
        if (
            not post_chain
            or _in_byline(simplified, post_chain[0].start, start)
            or _is_non_official(simplified, post_chain, start)
        ):
            continue
        if all(simplified.endswith(ASSOCIATION_CORES, p.start, p.end) for p in post_chain):
            continue  # a chamber of commerce's 会长 holds no public post
        if _FORMER.search(simplified, _clause_start(simplified, post_chain[0].start, start), post_chain[0].start + 1):
            continue  # 原惠州市委常委: a former post, held no more
        mention = OfficialMention(core.end(), name_end, post_chain)
        mentions.append(mention)
        taken.update(range(core.end(), name_end))
        mentions.extend(_listed_after(simplified, names, name_end, end, post_chain, taken))

    known_names = set(known or set()) | {simplified[m.start : m.end] for m in mentions}
    names_after_posts = {m.start for m in mentions}
    for title in _TRAILING_TITLE.finditer(simplified, start, end):
        if title.end() in names_after_posts:
            continue  # a post with its name after it (工商联主席范更生), not a title after a name
        name_start = names.name_before(title.start(), known_names)
        if name_start is None or name_start < start or any(i in taken for i in range(name_start, title.end())):
            continue
        mentions.append(OfficialMention(name_start, title.start(), [Post(title.start(), title.end())]))
        taken.update(range(name_start, title.start()))

    for parentheses in _POSTS_IN_PARENTHESES.finditer(simplified, start, end):  # 张三（市委常委、副市长）
        mention = _name_before_posts(simplified, names, posts, parentheses, known_names, start)
        if mention is not None and not any(i in taken for i in range(mention.start, mention.end)):
            mentions.append(mention)
            taken.update(range(mention.start, mention.end))

    for opening in _SENTENCE_STARTS.finditer(simplified, start, end):  # 吴丽鸣、卫祥玉、侯波出席活动。
        for mention in _bare_names_attending(simplified, names, opening.end(), end):
            if not any(i in taken for i in range(mention.start, mention.end)):
                mentions.append(mention)
                taken.update(range(mention.start, mention.end))

    for label in _LISTED_BEFORE_LEADERS.finditer(simplified, start, end):
        for mention in _names_listed_before(simplified, names, label, known_names, start):
            if not any(i in taken for i in range(mention.start, mention.end)):
                mentions.append(mention)
                taken.update(range(mention.start, mention.end))

    for leaders in _LEADER_LIST.finditer(simplified, start, end):
        label = [Post(leaders.start(), leaders.end())]
        mentions.extend(
            _listed_after(simplified, names, leaders.end() - 1, end, label, taken, first_without_comma=True)
        )
    return mentions


def _bare_names_attending(simplified: str, names: NameScanner, pos: int, end: int) -> list[OfficialMention]:
    """A sentence that opens with two or more names joined by 、 and says they attended: the leaders
    of the occasion, named without their posts."""
    found: list[OfficialMention] = []
    cursor = pos
    while cursor < end:
        name_end = names.name_after(cursor) if not found else names.name_after(cursor) or names.listed_name(cursor)
        if name_end is None or name_end > end:
            return []
        found.append(OfficialMention(cursor, name_end, []))
        if simplified.startswith("、", name_end):
            cursor = name_end + 1
            continue
        return found if len(found) >= 2 and _ATTENDED.match(simplified, name_end) else []
    return []


def _names_listed_before(
    simplified: str, names: NameScanner, label: re.Match[str], known: set[str], floor: int
) -> list[OfficialMention]:
    """Names joined by 、 right before `等领导`; the label (领导, 县领导) is their post."""
    found: list[OfficialMention] = []
    end = label.start()
    post = Post(label.start() + 1, label.end())
    while end > floor:
        start = names.name_before(end, known)
        if start is None or start < floor:
            break
        found.append(OfficialMention(start, end, [post]))
        if start - 1 < floor or simplified[start - 1] != "、":
            break
        end = start - 1
    return found if found and (found[-1].start == floor or simplified[found[-1].start - 1] in NAME_CLOSERS) else []


def _name_before_posts(
    simplified: str, names: NameScanner, posts: PostReader, parentheses: re.Match[str], known: set[str], floor: int
) -> OfficialMention | None:
    """A name followed by its posts in parentheses, every part of which reads as a whole post."""
    name_start = names.name_before(parentheses.start(), known)
    if name_start is None or name_start < floor:
        return None
    found: list[Post] = []
    part_start = parentheses.start(1)
    for part in re.split(r"[、，,]", parentheses.group(1)):
        part_end = part_start + len(part)
        core = _core_ending_at(simplified, part_end)
        if core is None:
            return None
        post_start, region = posts.start_of_post(core, part_start)
        if post_start != part_start:  # words the post grammar does not know: not a list of posts
            return None
        found.append(Post(part_start, part_end, region))
        part_start = part_end + 1
    return OfficialMention(name_start, parentheses.start(), found)


def _posts_before(simplified: str, posts: PostReader, core_start: int, core_end: int, floor: int) -> list[Post]:
    """The post ending at `core_end` and the posts joined to it by 、 or ， before it.

    A post after 、 may hold words the post grammar does not know (`县人大常委会副主任、县慈善总会监事长`):
    up to a few of them are kept when a known post stands before the 、.
    """
    post_start, region = posts.start_of_post(core_start, floor)
    post_start = _unknown_words_after_a_post(simplified, post_start, floor)
    chain = [Post(post_start, core_end, region)]
    while chain[0].start - 1 > floor and simplified[chain[0].start - 1] in "、，,":
        separator = chain[0].start - 1
        previous_core = _core_ending_at(simplified, separator)
        if previous_core is None:
            break
        previous_start, previous_region = posts.start_of_post(previous_core, floor)
        chain.insert(0, Post(previous_start, separator, previous_region))
    return chain


_MAX_UNKNOWN_POST_WORDS = 6


def _unknown_words_after_a_post(simplified: str, post_start: int, floor: int) -> int:
    """Where the post really starts when unknown words stand between it and a 、 after another post."""
    reach = max(floor, post_start - _MAX_UNKNOWN_POST_WORDS - 1)
    separator = simplified.rfind("、", reach, post_start)
    if separator <= floor or separator == post_start - 1:
        return post_start
    between = simplified[separator + 1 : post_start]
    if not all("\u4e00" <= c <= "\u9fff" for c in between) or _core_ending_at(simplified, separator) is None:
        return post_start
    return separator + 1


@cache
def _core_suffixes() -> tuple[str, ...]:
    return tuple(sorted(POST_CORES, key=len, reverse=True))


def _core_ending_at(simplified: str, pos: int) -> int | None:
    for core in _core_suffixes():
        if simplified.endswith(core, 0, pos):
            return pos - len(core)
    return None


def _listed_after(
    simplified: str,
    names: NameScanner,
    pos: int,
    end: int,
    shared_posts: list[Post],
    taken: set[int],
    first_without_comma: bool = False,
) -> list[OfficialMention]:
    """Names listed after a name or a leadership word: `副市长张三、李四`, `区领导陆秋明、薛建忠`."""
    found: list[OfficialMention] = []
    cursor = pos
    first = first_without_comma
    while cursor < end:
        if first or simplified[cursor] == "、":
            start = cursor + 1
        else:
            break
        name_end = names.name_after(start)
        if name_end is None and not first:  # inside a list a rare surname still reads as a name: 润道宏
            name_end = names.listed_name(start)
        if name_end is None or name_end > end or not names.closes_name(name_end):
            break
        if first and not (
            name_end < len(simplified) and (simplified[name_end] in "、，,等" or _FOLLOWING.match(simplified, name_end))
        ):
            break
        found.append(OfficialMention(start, name_end, list(shared_posts)))
        taken.update(range(start, name_end))
        cursor = name_end
        first = False
    return found


def _in_byline(simplified: str, post_start: int, floor: int) -> bool:
    """True when the post sits in a reporter's credit (`本报记者`, `通讯员`) within the same clause."""
    return _BYLINE.search(simplified, _clause_start(simplified, post_start, floor), post_start) is not None


def _is_non_official(simplified: str, chain: list[Post], floor: int) -> bool:
    """Company posts are not public posts (`公司总经理`, `车间主任`); a company's party secretary still is."""
    clause_start = _clause_start(simplified, chain[0].start, floor)
    for post in chain:
        text = simplified[post.start : post.end]
        if "书记" not in text and _NON_OFFICIAL_BODY.search(simplified, clause_start, post.end):
            return True
    return False


def _clause_start(simplified: str, pos: int, floor: int, reach: int = 20) -> int:
    start = pos
    while start > floor and simplified[start - 1] not in _CLAUSE_BREAK and pos - start < reach:
        start -= 1
    return start


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
    cores = list(_POST_CORE.finditer(simplified, start, end))
    if not cores:
        return None
    _, region = PostReader(simplified).start_of_post(cores[-1].start(), start)
    return region


_POST_WORDS = re.compile(alternation(POST_CORES) + "|成员|负责人|领导")


def reads_as_post(simplified: str, start: int, end: int) -> bool:
    """True when the text names a public post (a model's claimed title must)."""
    return _POST_WORDS.search(simplified, start, end) is not None
