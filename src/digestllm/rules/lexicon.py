"""Word lists the rules match against, all in Simplified script (matching runs on the t2s copy).

They describe the language of the genre — Chinese surnames, the shape of public posts, the words
that follow a name — not any particular document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

DATA = Path(__file__).with_name("data")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first (so that 主持召开 wins over 主持)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def read_table(name: str) -> list[tuple[str, ...]]:
    """The rows of a tab-separated table in `data/`; `#` lines and blank lines are comments."""
    rows = []
    with open(DATA / name, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                rows.append(tuple(line.rstrip("\n").split("\t")))
    return rows


def read_words(name: str) -> list[str]:
    """The words of a one-column list in `data/` (`#` lines and blank lines are comments)."""
    return [row[0] for row in read_table(name)]


def read_chars(name: str) -> str:
    """The characters of a list in `data/` written as runs of characters (comments as in `read_table`)."""
    return "".join(row[0] for row in read_table(name))


# The ~400 most frequent single-character surnames and the common compound ones.
SINGLE_SURNAMES = frozenset(read_chars("surnames_single.txt"))
COMPOUND_SURNAMES = frozenset(read_words("surnames_compound.txt"))
# Tibetan, Mongolian and Uyghur names in Han characters: syllables of two, and what may close one.
MINORITY_NAME_PARTS = frozenset(read_words("minority_name_parts.txt"))
MINORITY_NAME_FINALS = frozenset(read_chars("minority_name_finals.txt"))

# Characters never found inside a personal name in this genre: organ, post and function characters.
NON_NAME_CHARS = frozenset(
    "的了是与及等对到从被把将也都又就并而或其这那个们我你他她它您市县区省州镇乡村委局厅部党办记署"
    "组室院处科员领导书副主任席号年日时分午晚早周今昨前后内外各每该此某第级届说"
    "，,。、；;：:！!？?“”‘’\"'（）()《》【】[] \t\r\n…—-·•0123456789０１２３４５６７８９"
)
# Of those, the ones that do stand in given names where the name closes right after (张瑞书, 闵员根, 巴根那, 谭红日,
# 任军号, 买彦州, 王元其, 范育科, 李建领, 梁伟年, 蒋以任, 毛建党、, 张镇荣, 王明周).
RARE_NAME_CHARS = frozenset("书员那号州其科领年任党镇周日")
# Of those, the ones that stand in the middle of a three-character name (张时民列席, 张任重, 唐年初, 高书良, 章周中,
# 刘日炎);
# 时 never at its end (李明时强调: the time word after a name; 李明任组长).
MIDDLE_NAME_CHARS = frozenset("时任年书周日")

# Function characters that are also surnames (和, 于, 都…): never a surname where they stand before a name.
FUNCTION_CHARS = frozenset("的了在是和与及等对到从为被把将也都又就并而或之其这那个们我你他她它您由向于但")

# Of those, the ones that are common surnames too: right after a post they start a name (县长向业顺, 副市长于洋).
SURNAMES_AFTER_A_POST = frozenset("向于")
# Verbs of coming that also stand as surnames: 市领导来台江, 总书记来川视察 name a journey, not a 来 or a 到.
ARRIVAL_CHARS = frozenset("来到赴")

# Speech verbs: with a day already told, the speaker took part in that day's event (a briefing, a meeting).
SPEECH_VERBS = ("介绍", "表示", "指出", "强调", "要求", "说")

# Words that start right after a name: verbs of the genre, particles, accompanying words.
# A name candidate that begins with one of them is no name ("县委书记强调" has no official 强调).
FOLLOWING_WORDS = tuple(read_words("following_words.txt"))

# Punctuation and separators that close a name.
NAME_CLOSERS = frozenset("，,。、；;：:！!？?“”‘’\"'（）()《》【】 \t\r\n…—")

# Post titles, shortest unit that ends a post. Longer ones first where one is a suffix of another.
POST_CORES = tuple(read_words("post_cores.txt"))
POST_CORE = re.compile(alternation(POST_CORES))  # compiled once, longest first, for every reader of posts

# Posts written after the name ("孔阳书记", "武国定副省长").
TRAILING_TITLES = tuple(read_words("trailing_titles.txt"))
NAMELIKE_WORDS = frozenset(read_words("namelike_words.txt"))  # 简报, 居多: common words, never a name of two
NAMELIKE_BODIES = frozenset(read_words("namelike_bodies.txt"))  # 董事会主席: a body before a title, never a name

# What comes before a post core inside one post: organs and ranks.
ORGAN_TOKENS = tuple(read_words("organ_tokens.txt"))

# Topics of government bodies ("县扶贫办", "市商务局"): 2–8 characters before a body word.
BODY_TOPICS = tuple(read_words("body_topics.txt"))

# Words that end a government body after its topic: 扶贫 + 办, 商务 + 局.
BODY_WORDS = ("办公室", "中心", "委员会", "办", "局", "委", "厅", "部", "署")

# Place suffixes: a named place ends in one of them ("广安区", "棗山园区", "湖州市").
PLACE_SUFFIXES = tuple(read_words("place_suffixes.txt"))
# One-character administrative levels that stand for "this level's" body: 市委, 县政府.
LEVEL_CHARS = "省市县区州镇乡村旗盟"

# Characters that are not the first character of a place name in running text.
NON_PLACE_START = frozenset(
    "的了在是和与及等对到从为被把将也都又就并而或之其这那我他她它时日月年后午晚天周今昨全各每该本此某第"
    "由向于给让请经据按随陪任兼原和市县区省委"
)

# Two-character words that end in a place suffix's neighbour but are no place: 上午区委书记 is 区委书记.
NON_PLACE_NAMES = frozenset(read_words("non_place_names.txt"))
PROVINCES = frozenset(read_words("provinces.txt"))  # full names of the provincial-level divisions

# Characters a named place inside a post stands right after: 在广安区…, 、华蓥市…, 27日岳池县… (digits too).
BOUNDARY_BEFORE_PLACE = frozenset("在到赴从由向对与和及是的为于周日午晚时、，,。；;：:“”（）()〔〕【】［］[] \t\r\n")

# The basic block of unified ideographs: the officials rules' test for a Han character in a name, a place
# or a post. Narrower than digestllm.text.HAN_CLASS (which adds the rarer blocks) and kept so.
COMMON_HAN_CLASS = "\u4e00-\u9fff"
_COMMON_HAN_RUN = re.compile(f"[{COMMON_HAN_CLASS}]*")


def is_common_han(chars: str) -> bool:
    """True when every character of `chars` is in `COMMON_HAN_CLASS` (an empty string too)."""
    return _COMMON_HAN_RUN.fullmatch(chars) is not None


# Verbs before a person cited as a source of instructions, not a participant ("贯彻落实武国定副省长…指示精神").
CITING_VERBS = (
    *("贯彻落实", "落实", "贯彻", "学习", "领学", "传达", "按照", "根据", "遵照", "遵循", "依照", "领会"),
    *("阐述", "阐释", "解读", "体悟", "重温", "审议"),
)
CITED_NOUNS = ("指示", "批示", "讲话", "重要论述", "精神", "部署", "要求", "论述", "思想")

# Bylines: who wrote, edited or photographed the piece.
BYLINE_WORDS = tuple(read_words("byline_words.txt"))

# Officials: the words around a name that make it an official's, or not.
# A leadership word heading a list of names: 区领导陆秋明、薛建忠, 市级领导, 县委领导同志.
LEADERSHIP_LABEL = re.compile(
    r"(?=[省市县区镇乡州领党班])"  # where a label can start: the scan skips every other character at once
    r"(?:(?:[省市县区镇乡州][厅局处科]?级|[省市县区州]委|[省市县区州]政府|[省市县区镇乡州]上?)?领导(?:干部|同志)?"
    r"|(?:党组和|党组及)?班子成员)"  # 县政协党组和班子成员刘浦生、张志存…
    r"(?:有[，,：:]|[：:])?"  # 参加座谈会的州上领导有，毛生武、俞成辉…
)
# 等领导 closing a list of names: 陈德志、林文建等领导, 等县级领导, 等人大代表, 等代表发言 (a congress's deputies).
LEADERS_AFTER_NAMES = re.compile(
    r"等(?!老|离退休|退休)(?:(?:[省市县区镇乡][厅局处科]?级|[^，,。；;、：:\n]{0,12}?)(?:领导|人大代表|政协委员|常委(?:及委员)?|主席团(?:其他)?成员)"
    r"|代表(?=发言|参加|出席))"
)
# Labels of a session's rostrum that a list of names follows: 主席团成员秦素梅、…; 在主席台就座的还有:李斌、….
# The first is the names' post; the others give none.
SESSION_ROLE_LABEL = re.compile(
    r"(?=[主在出])(?:(?P<role>主席团(?:常务主席[及和])?成员)"
    r"|(?:在主席台(?:前排)?就[座坐]的|出席(?:会议|大会|开幕式|宴会|仪式|活动|座谈会)的)(?:领导)?(?:还有|有)[:：]?)"
)
# Words after the names that open a sentence saying they attended: 吴丽鸣、卫祥玉、侯波出席活动 (等 may come first).
ATTENDING_WORDS = ("出席", "参加", "陪同", "一同", "先后", "共同", "就座", "就坐")
# 原 right before a post in its clause: a former post, held no more (原惠州市委常委); not 太原, 平原, 中原. 前 right
# before it too (历任前镇长); not 目前, 当前, 之前, 会前, 节前 and the like.
FORMER_POST = re.compile(
    f"(?:(?:^|[^太平中])原[{COMMON_HAN_CLASS}]{{0,6}}|(?:^|[^目当之此提会节年日月生面以空门跟眼向])前[{COMMON_HAN_CLASS}])$"
)
# Bodies whose posts are not public posts: 公司总经理, 车间主任 (a company's party secretary still holds one); and
# honours that read like posts (公益大使, 形象大使).
NON_OFFICIAL_BODIES = (
    "公司",
    "集团",
    "企业",
    "工厂",
    "车间",
    "合作社",
    "商会",
    "协会",
    "银行",
    "酒店",
    "超市",
    "门店",
    "学部",
    "公益",
    "形象",
    "亲善",
    "爱心",
    "校务",
)
# Words that name a public post without a post core (a model's claimed title must hold one or a core).
POST_WORDS_BESIDES_CORES = ("成员", "负责人", "领导")
# Characters that end a clause, where a post's byline, company or 原 is looked for.
CLAUSE_BREAKS = frozenset("，,。；;！!？?\n")

# Activity verbs: what officials do at a time. Speech verbs alone (要求, 强调) make no event.
ACTIVITY_VERBS = tuple(read_words("activity_verbs.txt"))

# Verbs of motion: they lead to the place of an activity, the activity itself comes after them.
MOTION_VERBS = ("前往", "来到", "深入", "赴", "走进", "带队", "率队", "陪同", "随同")

# Right after a list of names: they joined an activity told before (县长某某一同参加调研).
COMPANION_WORDS = ("一同", "陪同", "随同", "一起", "共同", "参加", "出席", "列席", "同行", "一行", "到会", "共襄盛举")

# Words that lead to an event's place: 在县会议中心举行, 前往…等地, 深入鸳鸯、高楼等乡镇.
PLACE_LEADS = tuple(read_words("place_leads.txt"))

# Marks that open the items of a digest or a weekly column (◆ 区委书记…, ● 4月7日…).
ITEM_MARKS = "◆●■▲★◇○□△☆"

# Bare objects that stand for an occasion the text named before: 主持会议, 出席仪式, 参加活动.
GENERIC_OCCASIONS = ("会议", "大会", "仪式", "活动", "典礼", "会")

# Vague times: the activity happened, but the text gives no day.
VAGUE_TIMES = tuple(read_words("vague_times.txt"))

# Units and counters of metrics, with the unit reported and the factor applied (data/units.tsv).
UNIT_TABLE = {written: (unit, int(factor)) for written, unit, factor in read_table("units.tsv")}
UNITS = tuple(UNIT_TABLE)
# Units a small Chinese numeral (一…十) must carry to count: slogans use 个/项/大 ("三个一线", "四个不摘").
# 年 is left out ("十年磨一剑" is a way of speaking); spans of days, hours and minutes count ("为期七天", "三分钟"),
# though "今明两天" then counts too.
SMALL_CHINESE_NUMERAL_UNITS = frozenset(
    {"名", "位", "人", "户", "家", "万元", "亿元", "元", "次", "场", "项", "批", "件", "个月", "天", "个小时", "小时"}
    | {"分钟", "亩", "吨", "人次"}
)
# Posts of associations: officials only when the same person also holds a public post
# ("县人大常委会副主任、县慈善总会监事长").
ASSOCIATION_CORES = ("副理事长", "理事长", "监事长", "副会长", "会长")
# A figure written after these is a prefix's, not its own: "近40亿元", "超1万人".
METRIC_PREFIXES = tuple(read_words("metric_prefixes.txt"))
