"""Names in Hanyu Pinyin, surname first: `romanise_name("蔣波") == "Jiang Bo"`.

Surnames are read from a table of their surname readings (单 Shan, 曾 Zeng, 仇 Qiu, 区 Ou …), because a
dictionary gives a character's common reading, not the one a family name takes; compound surnames
(欧阳, 尉迟, 万俟 …) are taken whole when the name is long enough to hold a given name after them.
The given name is read by pypinyin, word by word, and written as one word with the apostrophe that
pinyin orthography puts before a syllable opening in a, o or e (Jian'an).
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from digestllm.text import to_simplified

# Surnames whose reading differs from the character's usual one, or that dictionaries read wrongly.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "仇": "qiu",
    "区": "ou",
    "解": "xie",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "华": "hua",
    "覃": "qin",
    "翟": "zhai",
    "召": "shao",
    "繁": "po",
    "缪": "miao",
    "乐": "yue",
    "尉": "yu",
    "员": "yun",
    "句": "gou",
    "种": "chong",
    "秘": "bi",
    "折": "she",
    "冼": "xian",
    "洗": "xian",
    "黑": "he",
    "隗": "wei",
    "阚": "kan",
    "莘": "shen",
    "祭": "zhai",
    "费": "fei",
    "薄": "bo",
    "柏": "bai",
    "重": "chong",
    "那": "na",
    "藏": "zang",
    "长": "chang",
    "能": "nai",
    "宓": "mi",
    "蕃": "pi",
    "相": "xiang",
    "万": "wan",
    "沈": "shen",
    "石": "shi",
    "任": "ren",
    "贾": "jia",
    "都": "du",
    "和": "he",
    "曲": "qu",
    "朝": "chao",
    "卜": "bu",
    "葛": "ge",
    "燕": "yan",
    "应": "ying",
    "过": "guo",
    "纪": "ji",
    "车": "che",
    "谌": "chen",
    "单于": "chanyu",
    "万俟": "moqi",
    "尉迟": "yuchi",
    "长孙": "zhangsun",
    "欧阳": "ouyang",
    "司马": "sima",
    "诸葛": "zhuge",
    "上官": "shangguan",
    "东方": "dongfang",
    "皇甫": "huangfu",
    "公孙": "gongsun",
    "令狐": "linghu",
    "慕容": "murong",
    "夏侯": "xiahou",
    "端木": "duanmu",
    "独孤": "dugu",
    "宇文": "yuwen",
    "司徒": "situ",
    "司空": "sikong",
    "澹台": "tantai",
    "轩辕": "xuanyuan",
    "南宫": "nangong",
    "呼延": "huyan",
    "申屠": "shentu",
    "闻人": "wenren",
    "太史": "taishi",
    "赫连": "helian",
    "钟离": "zhongli",
    "公冶": "gongye",
    "濮阳": "puyang",
    "淳于": "chunyu",
    "第五": "diwu",
    "拓跋": "tuoba",
}

COMPOUND_SURNAMES = frozenset(surname for surname in SURNAME_READINGS if len(surname) == 2)

_VOWEL_OPENINGS = ("a", "o", "e")


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name) of a simplified Chinese name: a compound surname when the name has three
    characters or more and opens with one, else the first character."""
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def _join_syllables(syllables: list[str]) -> str:
    word = ""
    for syllable in syllables:
        if word and syllable.startswith(_VOWEL_OPENINGS):
            word += "'"
        word += syllable
    return word


def _read(text: str) -> list[str]:
    return [syllable for syllable in lazy_pinyin(text, style=Style.NORMAL, v_to_u=True) if syllable.isalpha()]


@lru_cache(maxsize=65536)
def romanise_name(name: str) -> str:
    """A Chinese personal name in pinyin, surname first, each part capitalised: 單曉明 → "Shan Xiaoming".
    Traditional characters are read through their Simplified form; a name that is not Chinese comes back
    stripped and unchanged."""
    simplified = to_simplified(name).strip().replace("·", "").replace(" ", "")
    if not simplified or not all("\u4e00" <= char <= "\u9fff" for char in simplified):
        return name.strip()
    surname, given = split_name(simplified)
    surname_syllables = [SURNAME_READINGS[surname]] if surname in SURNAME_READINGS else _read(surname)
    parts = [_join_syllables(surname_syllables).capitalize()]
    if given:
        parts.append(_join_syllables(_read(given)).capitalize())
    return " ".join(parts)
