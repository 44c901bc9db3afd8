"""Events: what officials did, on which day, where, and of what kind.

A sentence makes an event when an official takes part in it (is not merely cited as the source of
instructions) and it carries a day or an activity verb. The day comes from the sentence, or from
the last day stated earlier in the same section (`2月27日，…抵达。他们出发时，文建平…送行。`).
Within a section, sentences of the same day that share an official (or add no activity of their
own) tell one event; an undated event of an official who has a dated one in the section is the same
activity told again and is dropped. The action, place and kind are read by `actions`, `locations`
and `kinds`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TypedDict

from digestllm.rules.actions import action_span, best_action, is_bare, only_goes
from digestllm.rules.dates import DATE_PATTERN, DateMention, DateResolver
from digestllm.rules.kinds import kind_of
from digestllm.rules.lexicon import (
    ACTIVITY_VERBS,
    CITED_NOUNS,
    CITING_VERBS,
    COMPANION_WORDS,
    GENERIC_OCCASIONS,
    ITEM_MARKS,
    SPEECH_VERBS,
    VAGUE_TIMES,
    alternation,
)
from digestllm.rules.locations import location_span, scene_span
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
_SPEECH = re.compile(alternation(SPEECH_VERBS))
# Words that open what an official said: an activity after them is talked of, not done (趙璞指出, 現場支招)
_SPOKEN = re.compile(alternation([*SPEECH_VERBS, "支招", "希望", "认为", "提出"]))
_CITING = re.compile(alternation(CITING_VERBS))
_ADVERBS = re.compile(r"[还也又并再都就]{1,3}|进一步")
_CITED_AFTER = re.compile(alternation(CITED_NOUNS))
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_BOOK_TITLE = re.compile(r"《[^《》\n]*》")
_ITEM_MARK_SET = frozenset(ITEM_MARKS)
_FIRST_CHARACTER = re.compile(r"\s*(\S)")
# A chronicle's line opens with its day and a space: `2日 市长…`, `是日 …`
_CHRONICLE_DAY = re.compile(r"[ \t\u3000]*(?:[0-9０-９]{1,2}日|是日|同日|当日)[ \t\u3000]")
# Attending an activity named by its verb: 参加会见, 出席签约, 陪同考察
_ATTENDS = re.compile(r"(?:参加|出席|列席|陪同|一同参加)了?(?P<verb>[\u4e00-\u9fff]{2})(?:活动)?")
_ATTENDING = ("陪同", "一同", "参加", "出席", "随同")
_DECIDED_AFTER = ("同志为", "同志辞去")
_IDEOLOGY_AFTER = ("新时代", "思想", "生态文明思想", "法治思想", "经济思想", "外交思想", "强军思想", "文化思想")
_BEFORE_NOW = re.compile(r"[^，,。；;]{0,6}?(?:[两三四五六七八九十多数]次|曾经|曾)(?:亲临|到|来|莅临|视察|考察)")
_DECIDED_BEFORE = ("任命", "免去", "提名")
# Right after a name (and its post): that person's instructions or speech, 市长批示, 书记在…大会上的讲话
_WORDS_OF = re.compile(r"[^，,。；;、]{0,6}?(?:批示|指示|在[^，,。；;]{0,40}?(?:上|时)的(?:重要)?讲话)")
MERGE_WINDOW = 32  # the latest events of a day a sentence may join
_LINE_BREAK = re.compile("\n")
# Right after the names: they joined the activity told before (陪同, 一同参加, 参加调研活动, 等人也都共襄盛举).
_COMPANIONS = re.compile(
    r"[等分别]{0,2}人?(?:应邀|也|亦|均|都){0,2}(?:" + alternation(COMPANION_WORDS) + r"|在座(?!谈))"
)
# Before the names: they were there too (到访中总的还有…, 参与官员包括…, 本次大会的执行主席是…)
_ALSO_PRESENT = re.compile(
    r"(?:(?:陪同|参加|出席|到访|随同|参与|同行|随行|在座|就座|就坐|考察|调研|会见|活动)[^。，,；;]{0,12}?的[^。，,；;]{0,3}?(?:领导|人员|官员)?"
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
# Verbs whose object is a person: an official named right after one is received or called on, not a new actor.
_CALLS_ON = re.compile(r"(?:会见|接见|会晤|看望|慰问|拜会|拜访|宴请|欢迎|送别|接待|探望|颁发|授予)了?")
_ACCOMPANIED = re.compile(r"(?:陪同|随同|一同|同行|随行)(?:考察|调研|视察|参观|检查)?")  # who only went along
_TOUR_PLACE = re.compile(r"[我本全该][省市县区镇乡村]")  # the writer's own place: a tour of it
_STOP_LISTS = ("等地", "等处", "等乡镇", "等村", "等企业", "等单位")
_GUESTS = re.compile(r"与[^，,。；;]{2,40}?(?:一行|代表团|考察团|客商|董事长|总经理|总裁|企业家|大使|领事)")


@dataclass
class EventDraft:
    day: date | None
    date_span: Span | None
    officials: list[str]  # Simplified names, in order of appearance
    evidence: Span  # the sentence
    action: Span | None
    location: Span | None
    kind: EventKind = EventKind.OTHER
    name_spans: dict[str, Span] = field(default_factory=dict)
    joins: bool = False  # its officials joined an activity told before: 县长某某一同参加调研
    speaks: bool = False  # its action is in what its official said: 赵璞指出,…要加快推进…建设
    present: bool = False  # its officials were there too (到访中总的还有…): they join the day's first event
    next_step: bool = False  # its sentence opens with what came next (其后,…考察…), or is a report: its own


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
        participants = _participants(self.text, self.names.find(self.text, s_start, s_end), s_start, s_end)
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
        groups = _groups_by_action(self.text, participants, sentence.end, self.start)
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
    return _merge_same_activity(simplified, drafts)


def _tells_a_vague_time(text: str, s_start: int, s_end: int) -> bool:
    """Whether the sentence is set at a vague time (近日，…; 市委书记日前…), not one that cites an occasion of one
    (会议传达了近期…会议精神): no verb of citing comes before the vague word."""
    vague = _VAGUE.search(text, s_start, s_end)
    if vague is None:
        return False
    cited = _CITING.search(text, s_start, vague.start())
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


def _groups_by_action(
    simplified: str, participants: list[WordHit], s_end: int, section_start: int
) -> list[tuple[list[WordHit], Span | None]]:
    """The sentence's officials grouped by what each did: `A主持会议，B、C出席` is one activity (B and
    C attend A's), `A作重要讲话，B主持会议` two. Names before a verb share it; a bare attending verb
    (出席, 陪同, 致辞) joins the activity told before it in the sentence."""
    groups: list[tuple[list[WordHit], Span | None]] = []
    pending: list[WordHit] = []
    for index, name in enumerate(participants):
        pending.append(name)
        next_start = participants[index + 1].start if index + 1 < len(participants) else s_end
        action = action_span(simplified, name.end, next_start, section_start)
        if action is not None and action[1] == next_start < s_end and _CALLS_ON.match(simplified, *action):
            # 周清利…会见了黄国荣一行, 会见了由扬州市委书记谢正义率领的…: the guest (and his post) is the verb's
            # object, and the action runs on through him
            action = action_span(simplified, name.end, s_end, section_start)
        if action is None and index + 1 < len(participants):
            continue
        if groups and (action is None or is_bare(simplified, action)):
            names, told = groups[-1]
            groups[-1] = ([*names, *pending], best_action(simplified, [told, action]))
        else:
            groups.append((pending, action))
        pending = []
    return groups


def _participants(simplified: str, names: list[WordHit], s_start: int, s_end: int) -> list[WordHit]:
    """The named officials who take part, not those cited: `贯彻落实武国定副省长…指示精神`.

    Linear in the sentence: clause breaks and cited nouns are found once, each name looks them up.
    """
    if not names:
        return []
    has_titles = simplified.find("《", s_start, s_end) != -1
    titles = [m.span() for m in _BOOK_TITLE.finditer(simplified, s_start, s_end)] if has_titles else []
    breaks = [
        m.end()
        for m in _CLAUSE_BREAK.finditer(simplified, s_start, s_end)
        if not any(start < m.start() < end for start, end in titles)  # 《…精神,以…》: one title, one clause
    ]
    cited_ends = [m.start() for m in _CITED_AFTER.finditer(simplified, s_start, s_end)]
    citing = [(m.start(), m.end()) for m in _CITING.finditer(simplified, s_start, s_end)]
    last_cited = cited_ends[-1] if cited_ends else -1
    kept = []
    for name in names:
        if any(start < name.start < end for start, end in titles):
            continue  # 《…副院长李普生同志个人履职情况的专项工作报告》: a name inside a title takes no part
        index = bisect.bisect_right(breaks, name.start) - 1
        clause_start = breaks[index] if index >= 0 else s_start
        cites = any(clause_start <= c_start and c_end <= name.start for c_start, c_end in citing)
        if cites and last_cited >= name.end:
            continue
        if citing and citing[0][1] <= name.start and _WORDS_OF.match(simplified, name.end, s_end):
            continue  # 传达学习…,以及吴贤德市长批示要求: the words of one cited earlier in the sentence
        if simplified.startswith(_IDEOLOGY_AFTER, name.end):
            continue  # 以习近平新时代中国特色社会主义思想为指导: a name inside a doctrine's name
        if _BEFORE_NOW.match(simplified, name.end, s_end):
            continue  # 习近平总书记两次亲临天津视察: visits of the past, not the day's
        if simplified.startswith(_DECIDED_AFTER, name.end) or simplified.endswith(_DECIDED_BEFORE, 0, name.start):
            continue  # 任命黄育奇同志为…, 庄稼祥同志辞去…: a matter the meeting decided, not one who took part
        kept.append(name)
    return kept


def _merge_same_activity(text: str, drafts: list[EventDraft]) -> list[EventDraft]:
    """One event per activity: sentences of one day that share an official, join the activity told
    before, add no action or kind of their own, or are of the same kind in one paragraph, tell one event.

    Each sentence is compared with the last `MERGE_WINDOW` events of its day only, and paragraphs are
    found by bisection: linear in the section however many sentences tell the same day.
    """
    bounds = (drafts[0].evidence[0], drafts[-1].evidence[1]) if drafts else (0, 0)
    breaks = [line_break.start() for line_break in _LINE_BREAK.finditer(text, *bounds)]
    kept: list[EventDraft] = []
    by_day: dict[date | None, list[EventDraft]] = {}
    for draft in drafts:
        recent = by_day.setdefault(draft.day, [])[-MERGE_WINDOW:]
        if draft.present and by_day[draft.day]:
            same: EventDraft | None = by_day[draft.day][0]
        else:
            attended = (k for k in recent if _attends_the_same(text, k, draft))  # …参加会见: the 会见 told, first
            same = next(attended, None) or next((k for k in recent if _same_activity(text, breaks, k, draft)), None)
        if same is None:
            kept.append(draft)
            by_day[draft.day].append(draft)
            continue
        for name in draft.officials:
            if name not in same.name_spans:
                same.officials.append(name)
                same.name_spans[name] = draft.name_spans[name]
        if not draft.speaks or same.action is None:  # 董可强调，要…落实…部署要求: what was said, not done
            same.action = best_action(text, [same.action, draft.action])
            if same.action is not None and same.action == draft.action and draft.kind is EventKind.RECEPTION:
                same.kind = EventKind.RECEPTION  # …考察。…会见了黄国荣一行: the guests received, the action kept
        same.location = same.location or draft.location
        if same.kind is EventKind.OTHER:
            same.kind = draft.kind
    return _drop_retold_undated(text, kept)


def _same_activity(text: str, breaks: list[int], kept: EventDraft, draft: EventDraft) -> bool:
    one_paragraph = bisect.bisect(breaks, kept.evidence[0]) == bisect.bisect(breaks, draft.evidence[0])
    if not one_paragraph and _an_item(text, breaks, draft):
        return False  # the items of a column or a chronicle (●…, △…, 2日 …, 是日 …): each its own activity
    alike = EventKind.OTHER in (kept.kind, draft.kind) or kept.kind is draft.kind
    if _elsewhere(text, kept, draft) or _others_at_their_own(text, kept, draft):
        return False
    return (
        _attends_the_same(text, kept, draft)
        or draft.action is None
        or kept.action is None
        or draft.joins
        or one_paragraph
        and alike
        or (one_paragraph or alike or draft.speaks)
        and not draft.next_step
        and any(name in kept.name_spans for name in draft.officials)
    )


def _elsewhere(text: str, kept: EventDraft, draft: EventDraft) -> bool:
    """Two activities of the same officials, told with their own verbs at two places the text names apart: two
    stops of their day."""
    if kept.location is None or draft.location is None or kept.action is None or draft.action is None:
        return False
    if not all(name in kept.name_spans for name in draft.officials):
        return False  # others named at another place went along: the same activity
    if is_bare(text, kept.action) or is_bare(text, draft.action):
        return False
    kept_place, draft_place = text[slice(*kept.location)], text[slice(*draft.location)]
    if _TOUR_PLACE.match(kept_place) or draft_place.endswith(_STOP_LISTS):
        return False  # 到我县调研。…先后来到儒里村、斜溪村等地调研: the stops of one tour
    return kept_place not in draft_place and draft_place not in kept_place


def _others_at_their_own(text: str, kept: EventDraft, draft: EventDraft) -> bool:
    """`曾国衞到访黄大仙区…；而罗致光亦到观塘区…派发…`: other officials of the same sentence doing a thing of their
    own, at a place of their own."""
    if kept.evidence != draft.evidence or draft.location is None or draft.location == kept.location:
        return False
    if kept.action is None or draft.action is None or is_bare(text, kept.action) or is_bare(text, draft.action):
        return False
    return not any(name in kept.name_spans for name in draft.officials)


def _attends_the_same(text: str, kept: EventDraft, draft: EventDraft) -> bool:
    """`…参加会见` after `刘伟在济南会见了…`: attending the activity the kept event told, by its verb."""
    if kept.action is None or draft.action is None:
        return False
    attended = _ATTENDS.fullmatch(text, *draft.action)
    if attended is not None:  # …参加观摩活动 after …进行实地调研观摩: the verb anywhere in the activity told
        verb = attended.group("verb")
        if verb in GENERIC_OCCASIONS:  # 出席会议: which meeting, the verb does not say
            return text.startswith(verb, kept.action[0])
        return text.find(verb, *kept.action) != -1
    start, end = draft.action  # 县委书记陈文敏等领导陪同调研: the verb alone, right after the attending word
    return end - start == 2 and text.endswith(_ATTENDING, 0, start) and text.startswith(text[start:end], kept.action[0])


def _opens_an_item(text: str, start: int) -> bool:
    """True when the sentence at `start` opens a line that is an item (●…, △…, `2日 …`, `是日 …`)."""
    line_start = start
    while line_start > 0 and text[line_start - 1] != "\n" and text[line_start - 1].isspace():
        line_start -= 1  # only the line's indent may stand before the sentence
    if line_start > 0 and text[line_start - 1] != "\n":
        return False
    return _is_an_item(text, line_start, start, len(text))


def _an_item(text: str, breaks: list[int], draft: EventDraft) -> bool:
    """True when the draft's paragraph opens with a list mark (●, ◆, △ …) or a chronicle's day (`2日 `, `是日 `)."""
    index = bisect.bisect(breaks, draft.evidence[0]) - 1
    paragraph_start = breaks[index] + 1 if index >= 0 else 0
    return _is_an_item(text, paragraph_start, paragraph_start, draft.evidence[0] + 1)


def _is_an_item(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether the line at `line_start` opens with a chronicle's day, or its first character in `[start, end)`
    after any indent is a list mark. Reads only the indent and that character."""
    if _CHRONICLE_DAY.match(text, line_start) is not None:
        return True
    first = _FIRST_CHARACTER.match(text, start, end)
    return first is not None and first.group(1) in _ITEM_MARK_SET


def _drop_retold_undated(text: str, drafts: list[EventDraft]) -> list[EventDraft]:
    """An undated event's officials who have a dated event in the section told that activity already; where
    the dated event only says where they went (来到郭庄村…家中), the activity is the one told undated
    (…分别带队走访慰问我镇建档立卡贫困户)."""
    dated_officials = {name for d in drafts if d.day is not None for name in d.officials}
    kept = []
    for draft in drafts:
        if draft.day is None:
            _tell_what_they_did(text, draft, [d for d in drafts if d.day is not None])
            draft.officials = [name for name in draft.officials if name not in dated_officials]
            if not draft.officials:
                continue
        kept.append(draft)
    return sorted(kept, key=lambda d: d.evidence[0])


def _tell_what_they_did(text: str, undated: EventDraft, dated: list[EventDraft]) -> None:
    """Give the undated event's activity to its officials' dated events that only tell a going (来到, 前往)."""
    if undated.action is None or only_goes(text, undated.action):
        return
    for draft in dated:
        if draft.action is not None and only_goes(text, draft.action) and set(draft.officials) & set(undated.officials):
            draft.action = undated.action
            if draft.kind in (EventKind.OTHER, EventKind.INSPECTION) and undated.kind is not EventKind.OTHER:
                draft.kind = undated.kind
