"""Posts normalised: a title as written becomes a role, a level and the place it is held in.

`normalise_post("廣安區委副書記", None)` gives role deputy party secretary, level county, region 广安区.
Everything is driven by the tables below: the place words that end a region name (and the level
each implies), the organ words that may follow a place, the role patterns tried in order, and the
level a bare post core implies (县长 → county). The title itself is kept exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from digestllm.schemas import PostLevel, PostRole
from digestllm.text import to_simplified

# Endings of a place name and the level each gives, longest first (a zone's suffix before 区).
PLACE_SUFFIX_LEVELS: tuple[tuple[str, PostLevel], ...] = (
    ("特别行政区", PostLevel.PROVINCE),
    ("经济技术开发区", PostLevel.ZONE),
    ("工业园区", PostLevel.ZONE),
    ("经开区", PostLevel.ZONE),
    ("开发区", PostLevel.ZONE),
    ("高新区", PostLevel.ZONE),
    ("示范区", PostLevel.ZONE),
    ("保税区", PostLevel.ZONE),
    ("试验区", PostLevel.ZONE),
    ("产业园", PostLevel.ZONE),
    ("工业园", PostLevel.ZONE),
    ("园区", PostLevel.ZONE),
    ("自治区", PostLevel.PROVINCE),
    ("自治州", PostLevel.CITY),
    ("自治县", PostLevel.COUNTY),
    ("自治旗", PostLevel.COUNTY),
    ("地区", PostLevel.CITY),
    ("街道", PostLevel.TOWNSHIP),
    ("社区", PostLevel.VILLAGE),
    ("省", PostLevel.PROVINCE),
    ("州", PostLevel.CITY),
    ("盟", PostLevel.CITY),
    ("市", PostLevel.CITY),
    ("县", PostLevel.COUNTY),
    ("区", PostLevel.COUNTY),
    ("旗", PostLevel.COUNTY),
    ("镇", PostLevel.TOWNSHIP),
    ("乡", PostLevel.TOWNSHIP),
    ("村", PostLevel.VILLAGE),
)

# What may follow a place inside a title: the organ or the post itself (广安区|委书记, 杭州市|副市长).
ORGAN_HEADS: tuple[str, ...] = (
    "党工委",
    "党委",
    "党组",
    "委",
    "人大",
    "政协",
    "政府",
    "纪委",
    "监委",
    "管委会",
    "副",
    "常务",
    "代",
    "市长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "州长",
    "旗长",
    "盟长",
    "省长",
    "长",
)

# Government heads named by their place's suffix: after a short name (邳州, 杭州) they complete it.
HEAD_TITLES = frozenset({"省长", "市长", "州长", "盟长", "县长", "区长", "旗长", "镇长", "乡长"})

# Words that open a post itself, never a place (常务副市长 is no place 常务副市, 代县长 no 代县).
POST_OPENERS: tuple[str, ...] = ("常务", "副", "代", "政府", "党")

# Titles of the national tier, matched anywhere in the title.
NATIONAL_MARKERS: tuple[str, ...] = ("总书记", "国家主席", "国务院", "总理", "委员长", "中央", "全国", "国家")

# Role patterns, tried in order on the simplified title; the first that matches decides.
ROLE_PATTERNS: tuple[tuple[str, PostRole], ...] = (
    (r"人大|政协|委员长", PostRole.CONGRESS_CPPCC),
    (r"(纪委|政法委|纪工委)书记$|监委主任$", PostRole.DEPARTMENT_HEAD),
    (r"副书记$", PostRole.DEPUTY_PARTY_SECRETARY),
    (r"政府党组书记$", PostRole.GOVERNMENT_HEAD),
    (r"(局|办|部|厅|中心|院|所|会)党组书记$", PostRole.DEPARTMENT_HEAD),
    (r"书记$", PostRole.PARTY_SECRETARY),
    (r"副(省|市|县|区|镇|乡|州|旗|盟)长$|管委会副主任$", PostRole.DEPUTY_GOVERNMENT_HEAD),
    (r"(省|市|县|区|镇|乡|州|旗|盟|村)长$|管委会主任$|(村|村委会|居委会)主任$", PostRole.GOVERNMENT_HEAD),
    (r"常委$|(党工委|党委)委员$", PostRole.STANDING_COMMITTEE),
    (r"副(部长|局长|厅长|主任|秘书长|院长|处长|科长)$", PostRole.OTHER),
    (r"(部长|局长|厅长|主任|秘书长|院长|处长|社长|行长)$", PostRole.DEPARTMENT_HEAD),
)

# The level a post core implies when no place precedes it (常务副市长 → city).
CORE_LEVELS: tuple[tuple[str, PostLevel], ...] = (
    ("省长", PostLevel.PROVINCE),
    ("省委", PostLevel.PROVINCE),
    ("市长", PostLevel.CITY),
    ("州长", PostLevel.CITY),
    ("盟长", PostLevel.CITY),
    ("县长", PostLevel.COUNTY),
    ("区长", PostLevel.COUNTY),
    ("旗长", PostLevel.COUNTY),
    ("镇长", PostLevel.TOWNSHIP),
    ("乡长", PostLevel.TOWNSHIP),
    ("村长", PostLevel.VILLAGE),
)

# Roles that belong to an organ, so a title without a territory is at the organ level.
ORGAN_ROLES = frozenset({PostRole.DEPARTMENT_HEAD, PostRole.OTHER})


@dataclass(frozen=True)
class PostInfo:
    """A title as written and what it means: role, level, and the region it is held in (or None)."""

    title: str
    role: PostRole
    level: PostLevel
    region: str | None


_ROLE_REGEXES = tuple((re.compile(pattern), role) for pattern, role in ROLE_PATTERNS)


def place_level(place: str) -> PostLevel | None:
    """The level a place name's ending implies (广安区 → county, 枣山园区 → zone), or None."""
    for suffix, level in PLACE_SUFFIX_LEVELS:
        if place.endswith(suffix):
            return level
    return None


def split_place(title: str) -> tuple[str, str]:
    """Split a simplified title into (place, rest): the shortest place prefix followed by an organ word,
    else the shortest place prefix at all, else no place ("华蓥市委书记" → ("华蓥市", "委书记")); a head's
    title after a short name completes the name ("邳州市长" → ("邳州市", "长"))."""
    if title.startswith(POST_OPENERS):
        return "", title
    prefixes = [title[:end] for end in range(1, len(title)) if place_level(title[:end]) is not None]
    for prefix in prefixes:
        rest = title[len(prefix) :]
        if rest.startswith(ORGAN_HEADS):
            if rest[:2] in HEAD_TITLES and not prefix.endswith(rest[0]):
                return prefix + rest[0], rest[1:]  # 邳州|市长 is the head of 邳州市, as 杭州市长 of 杭州市
            return prefix, rest
    if prefixes:
        return prefixes[0], title[len(prefixes[0]) :]
    return "", title


def post_role(title: str) -> PostRole:
    """The role a simplified title names, by the first matching pattern of ROLE_PATTERNS."""
    for regex, role in _ROLE_REGEXES:
        if regex.search(title):
            return role
    return PostRole.OTHER


def _core_level(rest: str) -> PostLevel | None:
    for core, level in CORE_LEVELS:
        if core in rest:
            return level
    return None


@lru_cache(maxsize=65536)
def normalise_post(title: str, region: str | None = None) -> PostInfo:
    """What a title means. `region` is the official's region as the text gives it (广安区); it becomes the
    post's region when the title names no place of its own and the levels agree. The title is kept as
    written; role, level and region are read from its Simplified form."""
    simplified = to_simplified(title).strip()
    role = post_role(simplified)
    if any(marker in simplified for marker in NATIONAL_MARKERS) and not simplified.startswith(("省", "市", "县")):
        return PostInfo(title, role, PostLevel.NATIONAL, None)
    place, rest = split_place(simplified)
    level = place_level(place) if place else _core_level(rest)
    given = to_simplified(region).strip() if region else None
    given_level = place_level(given) if given else None
    if len(place) > 1 and level is not None:
        return PostInfo(title, role, level, place)
    if level is None:
        level = given_level or (PostLevel.ORGAN if role in ORGAN_ROLES else PostLevel.UNKNOWN)
        return PostInfo(title, role, level, given if given_level is not None else None)
    return PostInfo(title, role, level, given if given_level == level else None)
