"""Personal names: where one starts after a post, ends before a title, or stands in a list."""

from __future__ import annotations

import re

from digestllm.rules.lexicon import (
    ACTIVITY_VERBS,
    COMMON_HAN_CLASS,
    COMPOUND_SURNAMES,
    FOLLOWING_WORDS,
    FUNCTION_CHARS,
    MIDDLE_NAME_CHARS,
    MINORITY_NAME_FINALS,
    MINORITY_NAME_PARTS,
    NAME_CLOSERS,
    NAMELIKE_WORDS,
    NON_NAME_CHARS,
    POST_CORE,
    RARE_NAME_CHARS,
    SINGLE_SURNAMES,
    SURNAMES_AFTER_A_POST,
    alternation,
    read_words,
)
from digestllm.wordsearch import word_starts

# A word that follows a name (主持, 出席, 以及): where one starts, no name goes on.
FOLLOWING_WORD = re.compile(alternation(list(FOLLOWING_WORDS)))
_LIST_ITEM_ENDS = ("、", "等", "，", ",", "")
_JOINERS = frozenset("和与")
_LEADING_VERBS = ("带领", "率领", "主持", "出席", "陪同")
_WHOLE_OF_A_PLACE = tuple("全" + level for level in "国省市县区镇乡村")
_ACTIVITIES = frozenset(ACTIVITY_VERBS)  # 、观摩项目主要负责人: an activity opens the item, no name
_FOUR_CHARACTER_ITEM_ENDS = frozenset("、，,。；;")
_JOURNEY_AFTER_A_NAME = re.compile(r"[来到赴][\u4e00-\u9fff](?:督导|考察|调研|视察|检查|指导|参观|慰问)")
_WHEN_AFTER_A_NAME = ("时,", "时，", "时说", "时强调", "时指出", "时表示", "时要求")
# 林郑月娥于2日, 李四于昨天: the day the named person did something (于 is a surname too, so only before a time)
_DAY_AFTER_A_NAME = re.compile(
    r"于(?:[0-9０-９一二三四五六七八九十]{1,4}[年月日]|今|昨|前天|近日|日前|当天|当日|上午|下午|晚上)"
)
# A character that may stand in a personal name: common Han, and none of the characters never found in one.
_NAME_CHAR = re.compile(f"(?![{''.join(re.escape(c) for c in sorted(NON_NAME_CHARS))}])[{COMMON_HAN_CLASS}]")


_WORDS_ACROSS_A_NAMES_END = frozenset(read_words("words_across_a_names_end.txt"))
_SAYS = re.compile(r"说[，,：:]")
_ADVERB_CHARS = frozenset("曾亦已正再还即均")
_HAN_RUN = re.compile(f"[{COMMON_HAN_CLASS}]+")
_BODY_ENDINGS = frozenset("部院局委办厅处所站队会馆室厂司行校园组团")
_NAME_DOTS = "·•・‧."
# 亚迪卡尔·吐尔洪, and with spaces around the dot: 努尔兰 · 阿不都满金
_DOTTED_NAME = re.compile(f"([{COMMON_HAN_CLASS}]{{1,8}})(?: ?[{_NAME_DOTS}] ?[{COMMON_HAN_CLASS}]{{1,8}})+")


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
        """True when the character at `pos` may stand in a personal name."""
        return _NAME_CHAR.match(self.text, pos) is not None

    def closes_name(self, pos: int) -> bool:
        """True when a name may end right before `pos`."""
        s = self.text
        return (
            pos >= len(s)
            or s[pos] in NAME_CLOSERS
            or FOLLOWING_WORD.match(s, pos) is not None
            or s[pos].isdigit()
            or s.startswith(_WHEN_AFTER_A_NAME, pos)  # 见到县委书记王清华时,: the time of meeting him
            or _DAY_AFTER_A_NAME.match(s, pos) is not None
            or _JOURNEY_AFTER_A_NAME.match(s, pos) is not None  # 副市长高书良来区督导
        )

    def name_after(self, pos: int) -> int | None:
        """The end of a personal name starting at `pos`, or None when no name starts there."""
        dotted = self.dotted_name(pos)
        if dotted is not None:
            return dotted
        minority = self.minority_name(pos) if self.text[pos : pos + 2] in MINORITY_NAME_PARTS else None
        surname = self._surname_opening_name(pos)
        if not surname or minority is not None and minority - pos > 3:
            return minority
        two, three = pos + surname + 1, pos + surname + 2
        # 杨文科简报说: a name of three closed off elsewhere (县长杨文科，), though 科 is rare in names
        if self.text[two : two + 1] in RARE_NAME_CHARS and self._stands_alone(self.text[pos:three]):
            return three
        if self.text[pos:two] in NAMELIKE_WORDS:
            return None  # 代理局长简报, 县长时许下的承诺: a common word, not a name
        if self._word_starts_after(two, three):
            return two  # 米亮主持, 唐勇以及, 李放作项目: a word of the text starts right after two characters
        closes_two, closes_three = self.closes_name(two), self.closes_name(three)
        if not closes_three and self.text[three - 1 : three + 1] in MINORITY_NAME_PARTS and self.closes_name(three + 1):
            return three + 1  # 州长苏嘎尔布主持, 夏诺多杰: a surname-like start, then a minority name's last syllable
        if surname == 1 and not closes_three and self._two_surnames(pos, three):
            return three + 1  # 林郑月娥, 范徐丽泰: a married woman's two surnames (Hong Kong, Macau, Taiwan)
        if self.text[pos] in SURNAMES_AFTER_A_POST:  # 向 and 于 are words first: the name must be closed off
            return three if closes_three else two if closes_two else None
        if not closes_two and self.text[three - 1 : three + 1] in _WORDS_ACROSS_A_NAMES_END:
            return None  # 县委党建工作领导小组, 、党群工作部副部长, 解释什么是…: a word runs on where a name would end
        if closes_three and not closes_two:  # what follows settles it: 李明亮出席
            return three
        return self._length_by_counts(pos, two, three, closes_two and not closes_three)

    def _surname_opening_name(self, pos: int) -> int:
        """Length of the surname of a name starting at `pos` right after a post; 0 when none starts there."""
        surname = self.surname_length(pos, after_post=True)
        if not surname:
            return 0
        following = FOLLOWING_WORD.match(self.text, pos)
        doubtful = self.text[pos] in SURNAMES_AFTER_A_POST
        if following and not (doubtful and following.end() - pos == 1):
            return 0
        second = pos + surname
        rare = self._rare_in_name(second, second + 2) or self._middle_of_name(second)
        if self.name_char(second) or rare and self.name_char(second + 1):
            return surname
        return 0

    def _two_surnames(self, pos: int, three: int) -> bool:
        """True when a name of four starts at `pos`: two surnames, two more name characters, then a name's end."""
        s = self.text
        return (
            s[pos + 1 : pos + 2] in SINGLE_SURNAMES
            and self.name_char(three)
            and s[three] not in FUNCTION_CHARS
            and s[three] not in _ADVERB_CHARS  # 潘文忠曾任: 曾 tells when, it closes no name
            and self.closes_name(three + 1)
            and FOLLOWING_WORD.match(s, three) is None
        )

    def _middle_of_name(self, pos: int) -> bool:
        """True for 时 standing between a surname and a last character where a name may end: 张时民列席."""
        return self.text[pos : pos + 1] in MIDDLE_NAME_CHARS and self.closes_name(pos + 2)

    def _word_starts_after(self, two: int, three: int) -> bool:
        """True when the name must end at `two`: no name character there, or a word of the text starts there."""
        if not (self.name_char(two) or self._rare_in_name(two, three)) or _SAYS.match(self.text, two):
            return True  # 米亮主持; 黄辉说，: the speech, not a third character
        word_at_two = FOLLOWING_WORD.match(self.text, two)
        if word_at_two is None:
            return False
        word_at_three = FOLLOWING_WORD.match(self.text, three)
        if self.text[two] in _JOINERS and self.text.startswith(_LEADING_VERBS, three):
            return False  # 陈嘉和带领: a joining word before a verb stands in the name, joins no one
        return (
            word_at_two.end() - two >= 2
            or not self.closes_name(three)
            or word_at_three is not None
            and word_at_three.end() - three >= 2
        )

    def _length_by_counts(self, pos: int, two: int, three: int, only_two_closes: bool) -> int:
        """The end of a name whose length the text around it leaves open: the document's counts decide."""
        short, long_ = self.text[pos:two], self.text[pos:three]
        short_count, long_count = self.count(short), self.count(long_)
        if long_count >= 2 and long_count == short_count:
            return three
        if short_count > long_count and self._stands_alone(short):
            return two
        return two if only_two_closes else three

    def minority_name(self, pos: int) -> int | None:
        """The end of a Tibetan, Mongolian or Uyghur name written in its syllables, which has no surname of the
        list (列确, 土登才旺, 达布希拉图): the longest run of up to three known syllables, and a closing character,
        that ends where a name may end."""
        ends: list[int] = []
        cursor = pos
        while len(ends) < 3 and self.text[cursor : cursor + 2] in MINORITY_NAME_PARTS:
            cursor += 2
            ends.append(cursor)
        if ends and self.text[cursor : cursor + 1] in MINORITY_NAME_FINALS:
            ends.append(cursor + 1)
        return next((end for end in reversed(ends) if self.closes_name(end)), None)

    def dotted_name(self, pos: int) -> int | None:
        """The end of a name written with a middle dot (亚迪卡尔·吐尔洪, 嘉木样·洛桑久美·图丹却吉尼玛), which
        has no surname of the list: the longest reading that ends where a name may end."""
        found = _DOTTED_NAME.match(self.text, pos)
        if found is None or POST_CORE.search(found.group(1)):  # 常委会副主任嘉木样·…: a post, then the name
            return None
        last_dot = max(self.text.rfind(dot, pos, found.end()) for dot in _NAME_DOTS)
        for end in range(last_dot + 3, found.end() + 1):  # the shortest last part, of two or more, that may end a name
            if self.closes_name(end):
                return end
        return None

    def listed_name(self, pos: int) -> int | None:
        """The end of a two- to four-character item of a 、 list starting at `pos`, whatever its surname
        (润道宏, and 白玛赤林: a Tibetan name of four)."""
        dotted = self.dotted_name(pos) or self.minority_name(pos)
        if dotted is not None:
            return dotted
        if self.text[pos : pos + 2] in NAMELIKE_WORDS:
            return None  # 、党务副书记: a common word, not a name
        for length in (2, 3, 4):
            end = pos + length
            if length == 4 and self.text[end : end + 1] not in _FOUR_CHARACTER_ITEM_ENDS:
                continue  # 财经事务及库务局局长: four characters before a word are no name
            if (
                self._ends_list_item(end)
                and self._reads_as_list_item(pos, end)
                and self.text[pos:end] not in _ACTIVITIES
            ):
                return end
        return None

    def _ends_list_item(self, end: int) -> bool:
        """True when a list item may end right before `end`: a separator, 等, the end, or a following word."""
        s = self.text
        return (
            end <= len(s)
            and s[end : end + 1] in _LIST_ITEM_ENDS
            or end < len(s)
            and FOLLOWING_WORD.match(s, end) is not None
        )

    def _rare_in_name(self, pos: int, end: int) -> bool:
        """True for a character mostly found in words (书, 员, 那, 号) standing in a name that ends at `end`,
        where a name may end: 张瑞书，, 巴根那主持, 闵员根、."""
        return self.text[pos : pos + 1] in RARE_NAME_CHARS and self.closes_name(end)

    def _rare_inside_item(self, start: int, pos: int, end: int) -> bool:
        """A rare character in a list item: in its middle (闵员根), or last in three characters after a surname
        (买彦州), never a two-character item's last (人员)."""
        inside = start < pos < end - 1 or pos == end - 1 and end - start == 3 and self.surname_length(start) == 1
        return inside and self._rare_in_name(pos, end)

    def _reads_as_list_item(self, start: int, end: int) -> bool:
        """True when `[start, end)` is all name characters (or a rare one where a name may hold it) and starts
        with no function word, unless marks close it on both sides (陈中山、但锐金、别华中)."""
        between_marks = self.text[start - 1 : start] == "、" and self.text[end : end + 1] in ("、", "，", ",")
        if (
            between_marks
            and self.surname_length(start)
            and _HAN_RUN.fullmatch(self.text, start, end)
            and self.text[end - 1] not in _BODY_ENDINGS
        ):
            return True  # 李应席 between two marks: a surname and any characters (席 stands in names too), not 武装部
        return (
            all(self.name_char(i) or self._rare_inside_item(start, i, end) for i in range(start, end))
            and (self.text[start] not in FUNCTION_CHARS or between_marks)
            and not FOLLOWING_WORD.match(self.text, start)
        )

    def _stands_alone(self, name: str) -> bool:
        """True when `name` occurs somewhere followed by a word that ends a name."""
        if name not in self._alone:
            self._alone[name] = any(self.closes_name(at + len(name)) for at in word_starts(self.text, name))
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
                and not FOLLOWING_WORD.match(s, start)
                and not s.startswith(_WHOLE_OF_A_PLACE, start)  # 全国市长会会长: the whole country
                and s[end - 1] != "任"  # 颜纯左顾问任副市长时: 任 held the post, no name ends with it
                and all(self.name_char(i) or (i == end - 1 and s[i] in RARE_NAME_CHARS) for i in range(start + 1, end))
            ):
                return start  # 栗战书委员长: a rare name character may close the name right before its title
        return None
