"""Names in lists: after a post or a leadership word, opening a sentence, or before 等领导."""

from __future__ import annotations

import re

from digestllm.rules.lexicon import ARRIVAL_CHARS, ATTENDING_WORDS, NAME_CLOSERS, alternation
from digestllm.rules.officials.names import FOLLOWING_WORD, NameScanner
from digestllm.rules.officials.spans import OfficialMention, Post

# 出席, 等参加, 在分会场参加, 及相关部门负责人陪同: the names attended (a venue, or others named by their body,
# may stand between)
_ATTENDED = re.compile(
    f"(?:等|(?:以及|及|和)[^，,。；;、\\n]{{1,15}}?负责人)?(?:在[^，,。；;、\\n]{{1,12}}?)?(?:{alternation(ATTENDING_WORDS)})"
)
_OPENS_A_LIST = "、，,等"
_COMPANY_WORDS = ("公司", "集团", "有限")
# 、民政及青年事务局局长麦美娟, 、商务及经济发展局长苏锦梁: a body whose name is joined by 及 runs on from the item
# to its post; no name (but in 、蒋道成和县政府办主任李安模 a new post begins, with its level)
_JOINED_BODY = re.compile(r"及[^县市区省镇乡\W]{1,10}?[局署司部委办处厅]?副?(?:局长|署长|司长|部长|主任|处长|厅长)")


def listed_after(
    simplified: str,
    names: NameScanner,
    pos: int,
    end: int,
    shared_posts: list[Post],
    first_without_comma: bool = False,
) -> list[OfficialMention]:
    """Names listed after a name or a leadership word: `副市长张三、李四`, `区领导陆秋明、薛建忠`.

    Each item after the first follows a 、; with `first_without_comma`, the first follows `pos` directly
    (`pos` is then the label's last character) and must be followed by a list mark or a following word.
    """
    found: list[OfficialMention] = []
    cursor = pos
    first = first_without_comma
    commas_close: bool | None = None if first_without_comma else False  # read once per list: linear in its length
    while cursor < end:
        if not (first or simplified[cursor] == "、"):
            if commas_close is None and simplified[cursor] in _COMMAS:
                commas_close = _closes_a_comma_list(simplified, names, cursor, end)
            if not (commas_close and simplified[cursor] in _COMMAS) and not _last_item_after_and(
                simplified, names, cursor
            ):
                break
        start = cursor + 1
        name_end = names.name_after(start)
        if not first and (name_end is None or not names.closes_name(name_end)):
            name_end = names.listed_name(start)  # inside a list: a rare surname (润道宏), a name of four (白玛赤林)
        if name_end is None or name_end > end or not names.closes_name(name_end):
            break
        if _JOINED_BODY.match(simplified, name_end) or simplified.startswith(_COMPANY_WORDS, name_end):
            break  # 、股份公司副总裁吕克俭: the item is a company's name, its post and person follow
        if not first and _BODY_WITH_ITS_HEAD.match(simplified, start):
            break  # 、殡葬管理所所长梁裕佩: a body and its head's post open the item, then the person
        note = _NOTE_AFTER_NAME.match(simplified, name_end)  # 戴立华(女)、: a note on the person, not a name
        if first and not _opens_a_list(simplified, note.end() if note else name_end):
            break
        if first and simplified[start] in ARRIVAL_CHARS and not simplified.startswith("、", name_end):
            break  # 市领导来台江开展督导: the leaders came to a place, no 来 named 台江
        found.append(OfficialMention(start, name_end, list(shared_posts)))
        cursor = note.end() if note else name_end
        first = False
    return found


def _last_item_after_and(simplified: str, names: NameScanner, pos: int) -> bool:
    """`副市長關鵬及陳宣群，`, `議員陳穎欣及吳傑莊的…`: a last name after 及 shares the post, where it closes at a
    clause mark, 的 or 在 (not `及相关单位负责人`)."""
    if not simplified.startswith(_AND, pos):
        return False
    name_end = names.name_after(pos + 1)
    return name_end is not None and name_end < len(simplified) and simplified[name_end] in _AFTER_THE_LAST_ITEM


def _closes_a_comma_list(simplified: str, names: NameScanner, pos: int, end: int) -> bool:
    """Whether names joined by commas from `pos` on close with 等 or a word of attending (`县领导郑连胜,薛峰,王剑峰等
    陪同`): only then is a comma a list's mark, not a clause's."""
    cursor = pos
    while cursor < end and simplified[cursor] in _COMMAS:
        name_end = names.name_after(cursor + 1)
        if name_end is None or name_end > end:
            return False
        if _ATTENDED.match(simplified, name_end):
            return True
        cursor = name_end
    return False


_BODY_WITH_ITS_HEAD = re.compile(r"[^、，,。；;\n]{1,10}?([所局处队站院厅署])\1副?长")
_AND = "及"
_COMMAS = "，,"
_AFTER_THE_LAST_ITEM = "，,。；;的在"
_NOTE_AFTER_NAME = re.compile(r"[（(](?:女|男|[\u4e00-\u9fff]{1,2}族)[）)]")


def _opens_a_list(simplified: str, pos: int) -> bool:
    """True when a list mark (、，等) or a word that follows a name stands at `pos`."""
    return pos < len(simplified) and (
        simplified[pos] in _OPENS_A_LIST or FOLLOWING_WORD.match(simplified, pos) is not None
    )


def bare_names_attending(simplified: str, names: NameScanner, pos: int, end: int) -> list[OfficialMention]:
    """A sentence that opens with two or more names joined by 、 (the last may follow 和) and says they attended:
    the leaders of the occasion, named without their posts."""
    found: list[OfficialMention] = []
    cursor = pos
    last = False  # after 和 (…、苏祖翔和胡树杰参加会议): one name more, then the attending word
    while cursor < end:
        name_end = names.name_after(cursor) if not found else names.name_after(cursor) or names.listed_name(cursor)
        if name_end is None or name_end > end:  # …、黄建军及相关部门负责人陪同: the names before 及 attended
            return found if last and _ATTENDED.match(simplified, found[-1].end) else []
        found.append(OfficialMention(cursor, name_end, []))
        if not last and simplified.startswith("、", name_end):
            cursor = name_end + 1
            continue
        if not last and len(found) >= 2 and simplified.startswith(("和", "及"), name_end):
            cursor, last = name_end + 1, True
            continue
        if len(found) >= 2 and _ATTENDED.match(simplified, name_end):
            return found
        return found[:-1] if last and _ATTENDED.match(simplified, found[-2].end) else []
    return []


def names_listed_before(
    simplified: str, names: NameScanner, label: re.Match[str], known: set[str], floor: int
) -> list[OfficialMention]:
    """Names joined by 、 right before `等领导`; the label (领导, 县领导) is their post."""
    found: list[OfficialMention] = []
    end = label.start()
    post = Post(label.start() + 1, label.end())
    while end > floor:
        start = names.name_before(end, known)
        if found and start is None:
            start = listed_item_before(simplified, names, end, floor)  # inside a list: 候冬媚、毕红鸽等
        if start is None or start < floor:
            break
        found.append(OfficialMention(start, end, [post]))
        if start - 1 < floor or simplified[start - 1] != "、":
            break
        end = start - 1
    return found if found and _opens_names(simplified, found[-1].start, floor) else []


def listed_item_before(simplified: str, names: NameScanner, end: int, floor: int) -> int | None:
    """The start of the 、-list item of two to four characters that ends at `end`, whatever its surname."""
    for length in (4, 3, 2):
        start = end - length
        if start >= floor and simplified[start - 1 : start] in _ITEM_OPENERS and names.listed_name(start) == end:
            return start
    return None


_ITEM_OPENERS = frozenset("、，,\n：:")


def _opens_names(simplified: str, start: int, floor: int) -> bool:
    """Whether a list of names may begin at `start`: after a mark, or after 以及, 及 or 和 (…,以及罗运干、王立武)."""
    return start == floor or simplified[start - 1] in NAME_CLOSERS or simplified.endswith(_JOINING_WORDS, floor, start)


_JOINING_WORDS = ("以及", "及", "和")
