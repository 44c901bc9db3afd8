"""Events: what officials did, on which day, where, and of what kind.

A sentence makes an event when an official takes part in it (is not merely cited as the source of
instructions) and it carries a day or an activity verb. The day comes from the sentence, or from
the last day stated earlier in the same section (`2月27日，…抵达。他们出发时，文建平…送行。`).
Each sentence gives drafts, one for each group of officials doing one thing; `event_drafts` makes the
drafts of one activity one event. The action, place and kind are read by `actions`, `locations` and
`kinds`.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import cached_property
from typing import TypedDict

from digestllm.rules.actions import action_span, is_bare
from digestllm.rules.dates import DATE_PATTERN, DateMention, DateResolver
from digestllm.rules.event_drafts import EventDraft, is_an_item, merge_same_activity
from digestllm.rules.kinds import kind_of
from digestllm.rules.lexicon import (
    ACTIVITY_VERBS,
    COMPANION_WORDS,
    SPEECH_VERBS,
    VAGUE_TIMES,
    alternation,
)
from digestllm.rules.locations import location_span, scene_span
from digestllm.rules.participants import CITING, groups_by_action, participants_of
from digestllm.rules.references import PRONOUN_SUBJECT
from digestllm.schemas import EventKind
from digestllm.wordsearch import WordHit, find_words

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")
# In a hard-wrapped text (a yearbook's page: lines cut at a width, mid-sentence) a line break ends no sentence.
_WRAPPED_SENTENCE = re.compile(r"[^。！？!?\s][^。！？!?]*[。！？!?]*")
_SENTENCE_ENDS = frozenset("。！？!?；;：:”’）)")
_CUT_LINE_END = re.compile(r"[^。！？!?；;：:”’）)\s]\n")
MIN_WRAP_WIDTH = 20
_DAY_LIST_MARKS = frozenset("、和及")  # a text wrapped at fewer characters a line is no page of prose
_ACTIVITY = re.compile(alternation(ACTIVITY_VERBS))
_VAGUE = re.compile(alternation(VAGUE_TIMES))
_OBJECT_LEADS = ("对", "就", "关于", "将", "把")
_SPEECH = re.compile(alternation(SPEECH_VERBS))
# Words that open what an official said: an activity after them is talked of, not done (趙璞指出, 現場支招)
_SPOKEN = re.compile(alternation([*SPEECH_VERBS, "支招", "希望", "认为", "提出"]))
_ADVERBS = re.compile(r"[还也又并再都就]{1,3}|进一步")
# Right after the names: they joined the activity told before (陪同, 一同参加, 参加调研活动, 等人也都共襄盛举).
_COMPANIONS = re.compile(
    r"[等分别]{0,2}人?(?:应邀|也|亦|均|都){0,2}(?:" + alternation(COMPANION_WORDS) + r"|在座(?!谈))"
)
# A day in parentheses closing the line: a photo round-up's or a digest's item dated at its end
_CLOSING_DATE = re.compile(r"[ \t　]*[（(](?:[0-9０-９]{4}年)?[0-9０-９]{1,2}月[0-9０-９]{1,2}日[)）][ \t　]*(?=\n|$)")
# Before the names: they were there too (到访中总的还有…, 参与官员包括…, 本次大会的执行主席是…)
_ALSO_PRESENT = re.compile(
    r"(?:(?:陪同|参加|出席|到访|随同|参与|同行|随行|在座|就座|就坐|考察|调研|会见|活动|站在)[^。，,；;]{0,12}?的[^。，,；;]{0,3}?(?:领导|人员|官员)?"
    r"|(?:参与|出席|在座|陪同)(?:的)?(?:官员|领导|人员))(?:还有|有|包括)"
    r"|执行主席(?:是|为|有)"
)
# A sentence that opens with what came next tells another activity of the day: 其后,夏宝龙…考察…
# A report made to a session (…向大会作政府工作报告) is a part of its own, whoever else sat on the rostrum.
_REPORT = re.compile(r"(?:代表[^，,。；;]{1,12}?)?(?:向[^，,。；;]{1,8}?)?作[^，,。；;]{0,12}?报告")
_NEXT_STEP = re.compile(r"[ \t\u3000]*(?:其后|随后|之后|此后|接着|紧接着|然后)")
# The names accompany the sentence's first official in its own activity: 夏宝龙由李家超…陪同，考察…;
# 夏宝龙在行政长官李家超陪同下考察…
_ESCORTED_BY = ("由", "在")

Span = tuple[int, int]
# Visitors who came (…一行3人来莒县考察, 代表团到我市访问): officials who only attend their activity host them
_VISITORS_CAME = re.compile(r"(?:一行|代表团|考察团|客商)[^，,。；;]{0,6}(?:来|到|莅临|抵达)")
_ACCOMPANIED = re.compile(r"(?:陪同|随同|一同|同行|随行)(?:考察|调研|视察|参观|检查)?")  # who only went along
_GUESTS = re.compile(r"与[^，,。；;]{2,40}?(?:一行|代表团|考察团|客商|董事长|总经理|总裁|企业家|大使|领事)")


class _Who(TypedDict):
    officials: list[str]
    name_spans: dict[str, Span]


class NameFinder:
    """Finds the known officials' names in a stretch of the Simplified text, and the references back to them
    by surname and title (`刘书记`), each standing for its official's name."""

    def __init__(self, names: list[str], references: dict[str, str] | None = None) -> None:
        self._names = sorted(set(names))
        self._references = dict(references or {})
        self._text: str | None = None
        self._hits: list[WordHit] = []
        self._starts: list[int] = []
        self._first_spans: dict[str, Span] = {}

    def find(self, simplified: str, start: int, end: int) -> list[WordHit]:
        """The names in `simplified[start:end]`: the document is searched once, and each stretch (a sentence:
        no name crosses one) takes the hits inside it. A reference's hit carries its official's name."""
        if simplified is not self._text:
            found = find_words(simplified, [*self._names, *self._references])
            self._text = simplified
            self._hits = [WordHit(h.start, h.end, self._references.get(h.word, h.word)) for h in found]
            self._starts = [hit.start for hit in self._hits]
            self._first_spans = {}
            for hit in found:
                if hit.word not in self._references:
                    self._first_spans.setdefault(hit.word, (hit.start, hit.end))
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [hit for hit in self._hits[first:last] if hit.end <= end]

    def name_span(self, hit: WordHit) -> Span:
        """Where the official of a hit is named: the hit itself, or (for a reference or a pronoun) the first
        place the text writes the name."""
        if self._text is not None and self._text.startswith(hit.word, hit.start):
            return (hit.start, hit.end)
        return self._first_spans.get(hit.word, (hit.start, hit.end))


class _SectionReader:
    """Reads one section sentence by sentence, carrying the last stated day forward."""

    def __init__(self, simplified: str, start: int, end: int, names: NameFinder, resolver: DateResolver) -> None:
        self.text = simplified
        self.start = start
        self.names = names
        self.resolver = resolver
        self.dates = list(DATE_PATTERN.finditer(simplified, start, end))  # one scan, read sentence by sentence
        self.next_date = 0
        self.context_day: date | None = None
        self.context_span: Span | None = None
        self.scene: Span | None = None  # the place of the day's occasion, from a sentence that names no official
        self.told_from = start  # where the day's account begins: its occasion's kind words are there
        self.last: EventDraft | None = None
        self.subject: str | None = None  # the official who opened the last sentence naming one: what 他/她 stands for
        self.firsts: list[EventDraft] = []  # the first event of each day told: what `…的还有` lists were at
        self.unnamed: Span | None = None  # the sentence before, when it named no official: it may tell their activity

    def read(self, s_start: int, s_end: int) -> list[EventDraft]:
        told_unnamed, self.unnamed = self.unnamed, None  # only the sentence right before may tell it
        if _opens_an_item(self.text, s_start):  # △ …, 是日 …: a chronicle's line tells its own place
            self.scene, self.last = None, None
        event_days = self._event_days(s_end)
        participants = participants_of(self.text, self.names.find(self.text, s_start, s_end), s_start, s_end)
        if not participants and self.subject is not None:
            participants = self._pronoun_subject(s_start)  # 会后，她又深入各村…: the official named before
        elif participants:
            self.subject = participants[0].word
        if event_days:
            # Of several days, the last one told before the officials appear: "22日至23日…并于23日上午，市委书记…"
            first_official = participants[0].start if participants else s_end
            day = ([d for d in event_days if d.start < first_official] or event_days)[-1]
            self.context_day, self.context_span = day.day, (day.start, day.end)
            self.told_from = s_start
            self.scene = None
        elif _tells_a_vague_time(self.text, s_start, s_end):
            self.context_day, self.context_span, self.scene = None, None, None
        if not participants:
            self.scene = scene_span(self.text, s_start, s_end) or self.scene
            self.unnamed = (s_start, s_end)  # 区四套班子领导到各组讨论地点看望了委员们 (read only when asked)
            return []
        speaks_on_a_told_day = (
            self.context_day is not None and _SPEECH.search(self.text, participants[0].end, s_end) is not None
        )
        present = _listed_as_present(self.text, s_start, participants)
        if (
            not event_days
            and not speaks_on_a_told_day
            and not present
            and _COMPANIONS.match(self.text, participants[-1].end) is None  # …应邀到会, 李子罡会见时在座
            and _ACTIVITY.search(self.text, s_start, s_end) is None
        ):
            if told_unnamed is not None and _SPOKEN.search(self.text, participants[0].end, s_end) is None:
                # …陈晓、王健…等向委员们致以问候 (not 谢洋波要求，…): who did the activity told just before
                named = self._named_now(participants, told_unnamed, s_end)
                if named:
                    return named
            self._place_for_last(s_start, s_end)
            return []
        scene = scene_span(self.text, s_start, s_end)
        place = location_span(self.text, s_start, s_end) or scene or self.scene
        self.scene = (
            scene or self.scene
        )  # 会议今天在兰州召开，会议由林铎主持: the place of the day's later sentences too
        sentence = _Sentence(self.text, s_start, s_end, place)
        if present and not event_days and self.firsts:
            drafts = [self._present_at_first(participants, sentence)]
        else:
            drafts = self._drafts(participants, sentence)
        if all(first.day != drafts[0].day for first in self.firsts):
            self.firsts.append(drafts[0])
        self.last = drafts[-1]
        return drafts

    def _drafts(self, participants: list[WordHit], sentence: _Sentence) -> list[EventDraft]:
        """The sentence's events, one for each group of officials doing one thing."""
        groups = groups_by_action(self.text, participants, sentence.end, self.start)
        first_group, first_action = groups[0]
        if first_action is None:  # the activity told before the officials: 前锋区委召开会议，区委书记米亮主持
            groups[0] = (first_group, action_span(self.text, sentence.start, first_group[0].start, self.start))
        drafts = [self._draft(group, action, sentence) for group, action in groups]
        for index in range(1, len(groups)):  # …曾国衞到访黄大仙区；而…罗致光亦到观塘区…: each group at its own place
            group_end = groups[index + 1][0][0].start if index + 1 < len(groups) else sentence.end
            own = location_span(self.text, groups[index][0][0].start, group_end)
            drafts[index].location = own or drafts[index].location
        return drafts

    def _named_now(self, participants: list[WordHit], told: Span, s_end: int) -> list[EventDraft]:
        """The activity the sentence before told without naming anyone, done by the officials this one names;
        none when it told no activity."""
        if _ACTIVITY.search(self.text, *told) is None:
            return []
        action = action_span(self.text, told[0], told[1], self.start)
        place = location_span(self.text, *told) or self.scene
        draft = self._draft(participants, action, _Sentence(self.text, told[0], s_end, place))
        self.last = draft
        return [draft]

    def _pronoun_subject(self, s_start: int) -> list[WordHit]:
        """The official a sentence opening with 他 or 她 is about: the one who opened the last sentence naming one."""
        found = PRONOUN_SUBJECT.match(self.text, s_start)
        if found is None or self.subject is None:
            return []
        adverbs = _ADVERBS.match(self.text, found.end())
        if _SPOKEN.match(self.text, adverbs.end() if adverbs else found.end()):
            return []  # 他指出，…: what the official said, no activity of his
        return [WordHit(found.start("pronoun"), found.end("pronoun"), self.subject)]

    def _present_at_first(self, participants: list[WordHit], sentence: _Sentence) -> EventDraft:
        """`到访中总的还有…`: officials who were at the first event of the day told (or of the first day told) too."""
        dated = [first for first in self.firsts if first.day is not None]
        first = next((f for f in dated if f.day == self.context_day), (dated or self.firsts)[0])
        return EventDraft(
            day=first.day,
            date_span=first.date_span,
            evidence=(sentence.start, sentence.end),
            action=None,
            location=None,
            present=True,
            **self._who(participants),
        )

    def _place_for_last(self, s_start: int, s_end: int) -> None:
        """A sentence that is no event of its own may still name where the last one happened."""
        last = self.last
        if last is not None and last.location is None and last.day == self.context_day:
            last.location = location_span(self.text, s_start, s_end)

    def _event_days(self, s_end: int) -> list[DateMention]:
        closing = _CLOSING_DATE.match(self.text, s_end)  # …会面。(4月26日): the day closing the line is the line's
        if closing is not None:
            s_end = closing.end()
        in_sentence = []
        while self.next_date < len(self.dates) and self.dates[self.next_date].start() < s_end:
            in_sentence.append(self.dates[self.next_date])
            self.next_date += 1
        listed = [
            d for i, d in enumerate(in_sentence) if i == 0 or not _follows_in_a_list(self.text, in_sentence[i - 1], d)
        ]
        return [m for m in (self.resolver.resolve(self.text, d) for d in listed) if m.is_event_day]

    def _who(self, participants: list[WordHit]) -> _Who:
        """An event's officials (each once, in order) and where the text names each."""
        return {
            "officials": list(dict.fromkeys(m.word for m in participants)),
            "name_spans": {m.word: self.names.name_span(m) for m in participants},
        }

    def _draft(self, participants: list[WordHit], action: Span | None, sentence: _Sentence) -> EventDraft:
        text = self.text
        kind = kind_of(text, [action]) if action else EventKind.OTHER
        if kind is EventKind.OTHER:  # 出席并宣布: the sentence, else the occasion told since the day's date
            kind = sentence.kind
        if kind is EventKind.OTHER and self.told_from < sentence.start:
            kind = kind_of(text, [(self.told_from, sentence.start)])
        if kind is EventKind.MEETING and action and _GUESTS.search(text, sentence.start, action[1]):
            kind = EventKind.RECEPTION  # 与…董事长周坤一行座谈交流: talks with visitors
        elif action and is_bare(text, action) and _VISITORS_CAME.search(text, self.told_from, sentence.start):
            kind = EventKind.RECEPTION  # …一行来莒县考察交流。县委常委张维明出席活动: hosting the visitors
        return EventDraft(
            day=self.context_day,
            date_span=self.context_span,
            evidence=(sentence.start, sentence.end),
            action=action,
            location=sentence.location or self._place_accompanied(action),
            kind=kind,
            **self._who(participants),
            joins=_COMPANIONS.match(text, participants[-1].end) is not None and not _escorted(text, participants),
            speaks=action is not None and _SPOKEN.search(text, participants[0].end, action[0]) is not None,
            next_step=action is not None
            and (_NEXT_STEP.match(text, sentence.start) is not None or _REPORT.fullmatch(text, *action) is not None),
        )

    def _place_accompanied(self, action: Span | None) -> Span | None:
        """`…率团来我县考察。雷高飞、王燕等陪同`: who only went along did so where the day's last activity was."""
        last = self.last
        if action is None or last is None or last.day != self.context_day:
            return None
        return last.location if _ACCOMPANIED.fullmatch(self.text, *action) else None


class _Sentence:
    """One sentence of a section: its bounds, its place, and (read once, when asked) its kind."""

    def __init__(self, text: str, start: int, end: int, location: Span | None) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.location = location

    @cached_property
    def kind(self) -> EventKind:
        return kind_of(self.text, [(self.start, self.end)])


def find_events(simplified: str, start: int, end: int, names: NameFinder, resolver: DateResolver) -> list[EventDraft]:
    """The events told in the section `simplified[start:end]`, in text order."""
    reader = _SectionReader(simplified, start, end, names, resolver)
    sentences = _WRAPPED_SENTENCE if _hard_wrapped(simplified, start, end) else _SENTENCE
    drafts = [
        draft for sentence in sentences.finditer(simplified, start, end) for draft in reader.read(*sentence.span())
    ]
    return merge_same_activity(simplified, drafts)


def _tells_a_vague_time(text: str, s_start: int, s_end: int) -> bool:
    """Whether the sentence is set at a vague time (近日，…; 市委书记日前…), not one that cites an occasion of one
    (会议传达了近期…会议精神): no verb of citing comes before the vague word."""
    vague = _VAGUE.search(text, s_start, s_end)
    if vague is None or text.endswith(_OBJECT_LEADS, s_start, vague.start()):
        return False  # 对近期通报的8起案例进行剖析: the time of what is talked about, not of the talk
    cited = CITING.search(text, s_start, vague.start())
    return cited is None


def _listed_as_present(text: str, s_start: int, participants: list[WordHit]) -> bool:
    """Whether the sentence lists its officials as there too: `到访中总的还有…王刚`, `参与官员包括…`."""
    return _ALSO_PRESENT.search(text, s_start, participants[0].start) is not None


def _escorted(text: str, participants: list[WordHit]) -> bool:
    """`夏宝龙由李家超、黄伟纶陪同，考察…`: the companions go with the sentence's first official in its own activity."""
    if len(participants) < 2:
        return False
    between = text[participants[0].end : participants[1].start]
    return any(word in between for word in _ESCORTED_BY)


def _follows_in_a_list(text: str, before: re.Match[str], day: re.Match[str]) -> bool:
    """`7月28日、29日`: the days of one activity listed one after another; the first is its day."""
    return day.start() == before.end() + 1 and text[before.end()] in _DAY_LIST_MARKS


def _hard_wrapped(simplified: str, start: int, end: int) -> bool:
    """Whether the section's lines are cut at a width: most are (nearly) as long as the longest, and most of
    those end inside a sentence (`曲靖市市委常` / `委、常务副市长许玉才`)."""
    breaks = simplified.count("\n", start, end)
    if breaks < 3 or 3 * len(_CUT_LINE_END.findall(simplified, start, end)) < breaks:
        return False  # most lines end a sentence: no page cut at a width
    lines = [line.rstrip() for line in simplified[start:end].split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    width = max(len(line) for line in lines)
    full = [line for line in lines if len(line) >= width - 2]
    cut = sum(1 for line in full if line[-1] not in _SENTENCE_ENDS)
    return width >= MIN_WRAP_WIDTH and 2 * len(full) >= len(lines) and 2 * cut >= len(full)


def _opens_an_item(text: str, start: int) -> bool:
    """True when the sentence at `start` opens a line that is an item (●…, △…, `2日 …`, `是日 …`)."""
    line_start = start
    while line_start > 0 and text[line_start - 1] != "\n" and text[line_start - 1].isspace():
        line_start -= 1  # only the line's indent may stand before the sentence
    if line_start > 0 and text[line_start - 1] != "\n":
        return False
    return is_an_item(text, line_start, start, len(text))
