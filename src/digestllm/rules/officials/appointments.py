"""Names in appointments, elections and resignations: `任命黄育奇同志为惠安县人民政府副县长、代理县长`,
`雷树平、廖兴云和刘丹当选副县长`, `接受庄稼祥同志辞去惠安县人民政府县长职务`, `免去张三同志的区长职务`.

A people's congress standing committee's report names who was appointed, who resigned and who was
removed, each with `同志` after the name and the posts after it: the person holds (or held) those
public posts, as the guide counts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digestllm.rules.officials.lists import listed_item_before
from digestllm.rules.officials.names import NameScanner
from digestllm.rules.officials.posts import PostReader, core_ending_at
from digestllm.rules.officials.spans import OfficialMention, Post

# The word that opens an appointment (its name follows) or a resignation (its name comes before).
APPOINTMENT = re.compile(r"任命|提名|选举|推选|免去|同志辞去|当选为|当选")
_NAMES_BEFORE = ("同志辞去", "当选为", "当选")  # the words whose names come before them
_POSTS_END = re.compile(r"职务|候选人|[，,。；;\n]")
# What joins the name to its posts, by the word that opens the decision (longest first).
_APPOINTED_AS: tuple[str, ...] = ("同志为", "为")
_AFTER_THE_NAME: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("任命", "提名", "选举", "推选"), _APPOINTED_AS),
    "免去": ("同志的", "同志", "的"),
}
MAX_POSTS_CHARS = 40


def appointed(
    simplified: str, names: NameScanner, posts: PostReader, anchor: re.Match[str], known: set[str], floor: int
) -> Iterator[OfficialMention]:
    """The person an appointment or a resignation at `anchor` names, with the posts it names."""
    word = anchor.group()
    if word in _NAMES_BEFORE:
        if simplified.endswith("票", 0, anchor.start()):
            return  # 以190票的高票当选为县长: the votes, not a name, before the word
        spans = _names_listed_before(simplified, names, anchor.start(), known, floor)
        if not spans:
            return
        posts_start = anchor.end()
    else:
        first = anchor.end() + int(simplified.startswith("了", anchor.end()))  # 选举了曾英杰为…
        spans = _names_listed(simplified, names, first)
        if not spans:
            return
        last_end = spans[-1][1]
        joint = next((j for j in _AFTER_THE_NAME[word] if simplified.startswith(j, last_end)), None)
        if joint is None:
            return
        posts_start = last_end + len(joint)
    found = _posts(simplified, posts, posts_start)
    if found:
        for start, end in spans:
            yield OfficialMention(start, end, list(found))


def _names_listed(simplified: str, names: NameScanner, start: int) -> list[tuple[int, int]]:
    """The names from `start` on, joined by 、: `任命徐加晔、付阳同志为…` appoints both."""
    spans: list[tuple[int, int]] = []
    name_end = names.name_after(start)
    while name_end is not None:
        spans.append((start, name_end))
        if not simplified.startswith("、", name_end):
            break
        start = name_end + 1
        name_end = names.name_after(start) or names.listed_name(start)
    return spans


def _names_listed_before(
    simplified: str, names: NameScanner, end: int, known: set[str], floor: int
) -> list[tuple[int, int]]:
    """The names ending at `end`, joined by 、 and a last 和 or 及: `雷树平、廖兴云和刘丹当选…` elects all three."""
    spans: list[tuple[int, int]] = []
    while end > floor:
        start = names.name_before(end, known)
        if start is None and spans:
            start = listed_item_before(simplified, names, end, floor)  # inside a list: 、额尔登图、折睿
        if start is None or start < floor:
            break
        spans.append((start, end))
        joined = next((j for j in _JOINERS if simplified.endswith(j, floor, start)), None)
        if joined is None or joined != "、" and len(spans) > 1:
            break
        end = start - len(joined)
    return spans[::-1]


_JOINERS = ("、", "和", "及")


def _posts(simplified: str, reader: PostReader, start: int) -> list[Post]:
    """The posts joined by 、 from `start` to 职务 or the clause's end: the parts that end with a post core."""
    stop = _POSTS_END.search(simplified, start, start + MAX_POSTS_CHARS)
    if stop is None:
        return []
    found: list[Post] = []
    part_start = start
    for part in simplified[start : stop.start()].split("、"):
        part_end = part_start + len(part)
        core = core_ending_at(simplified, part_end) if part else None
        if core is not None and core >= part_start:  # 副检察长、检察委员会委员、检察员: the posts among them
            _, region = reader.start_of_post(core, part_start)
            found.append(Post(part_start, part_end, region))
        part_start = part_end + 1
    return found
