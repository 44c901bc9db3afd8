"""An event's location: the place the text names for it, as written.

A place follows a word that leads to one (`在`, `到`, `前往`, `深入`, `莅临` …) and runs to the next
activity verb or clause break: `前往炳德药业公共药厂、…、四川粉大师食品公司等地`, `在县会议中心举行`.
It is a place only when it ends with a word of `data/place_words.txt` (a region, a site, a body, a
stop list's `等地`), a country (`data/country_names.txt`: 葡萄牙) or a division's short name
(`data/division_names.txt`: 济南, 合肥), or is a deictic (`我县`, `全区`); a topic or a clause (`贯彻落实…`) is none.
"""

from __future__ import annotations

import re
from functools import cache

from digestllm.rules.lexicon import ACTIVITY_VERBS, PLACE_LEADS, VAGUE_TIMES, alternation, read_words

# 来我市考察, 对我县进行视察: 来 and 对 lead to a place only when it is the writer's own (elsewhere 来 is
# 以来, 带来, 来自 …, and 对 leads to a topic: 对疫情防控工作进行督导)
_LEAD = re.compile(r"(?:" + alternation(PLACE_LEADS) + r"|[来对](?=[我本][省市县区镇乡村]))")
# A place may hold a short parenthesis (高速公路沙洋(高阳)出口) and a quoted name (“2260”优质烟项目区);
# any other bracket or quotation mark ends it. An activity verb ends it, unless it begins a noun that names
# a site (检查站, 观察点, 接待室, 接待服务中心).
_PLACE_END = re.compile(
    r"[，,。；;：:！!？?\n”]|[（(](?![^（()）\n，,。]{1,12}[）)])|[）)]|(?:"
    + alternation(ACTIVITY_VERBS)
    + r")(?![点站室所]|服务中心)|的|时|期间|之际|以来|后[，,]|上[，,]|[对就](?=[^，,。；;\n]{1,30}?(?:进行|开展))"
)
# 来勉考察, 赴港访问, 在滁亲切会见: a place written as its one-character short name, between a verb of coming (or 在)
# and the activity (not 来绛考察的董事长: the guest's journey; not 在此调研, 来访接待: a deictic, a word)
_ABBREVIATED_PLACE = re.compile(
    r"(?:来|赴|抵|莅|在)(?P<place>[\u4e00-\u9fff])(?<![在此这那其该全各本我他她访自信电宾人往回])"
    r"(?=(?:亲切)?(?:" + alternation([*ACTIVITY_VERBS, "访问", "交流", "投资"]) + r")(?!的))"
)
# A county's short name right after a word that leads to a place and right before an activity: 在吉水调研
_COUNTY_NAMES = frozenset(read_words("county_names.txt"))
_BEFORE_AN_ACTIVITY = re.compile(
    r"(?:在|到|赴|来|深入|莅临)(?P<place>[\u4e00-\u9fff]{2,4}?)"
    r"(?=(?:亲切)?(?:" + alternation([*ACTIVITY_VERBS, "访问", "交流"]) + r")(?!的)|与)"
)
# 一行来上饶县考察: 来 leads to a place it names right before the activity (elsewhere 来 is 以来, 带来, 来自 …)
_CAME_TO = re.compile(
    r"来(?P<place>[\u4e00-\u9fff]{2,10}?)(?=(?:" + alternation([*ACTIVITY_VERBS, "访问", "交流"]) + r")(?!的))"
)
# 分别对锡山区、新吴区进行了执法检查: the regions a piece of work was done on are its place
_WORK_ON_PLACES = re.compile(r"对(?P<places>[^，,。；;\n]{2,30}?)(?:进行|开展)")
_REGION_ITEM = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|镇|乡|村|街道|社区)")
_RECEIVING = re.compile(r"会见|接见|会晤|宴请|接待")
_HOLDS_A_POST = re.compile(r"书记|省长|市长|县长|区长|镇长|乡长|主任|主席|部长|局长|团长|同志|领导|负责人")
_NEVER_IN_A_PLACE = ("同志", "领导", "负责人")
_LEVEL_HEADS = frozenset({"省长", "市长", "县长", "区长", "镇长", "乡长"})  # 湖南省长沙市, 上海市长宁区
# 在现代农业、旅游业等方面加强与山东…: a topic, not a place
_TOPIC = re.compile(r"方面|领域")
_DAY = re.compile(r"[0-9０-９一二三四五六七八九十]{1,3}[月日]")
_DEICTIC = re.compile(r"^(?:我|全|本)[省市县区镇乡村]$")
_SCENE = re.compile(
    r"(?:在|(?<![休放请度])假)(?P<named>[^，,。；;：:\n]{2,30}?)(?:隆重|正式|盛大|胜利|成功|顺利)?"
    r"(?:举行|召开|举办|开幕|闭幕|开工|开赛)"
    r"|(?:^|(?<=[，,。；;：:\n\s]))(?P<region>[^，,。；;：:\n\s]{1,10}?[省市县区镇乡村])(?:举行|召开|举办)"
)
# 新竹县议会今天举行…, 中区公所于今天举行…: a council or a township office holding a session that day holds it
# in its hall
_COUNCIL_SCENE = re.compile(
    r"(?:^|(?<=[，,。；;：:\n\s]))(?P<council>[^，,。；;：:\n\s]{1,10}?(?:议会|公所))"
    r"(?:于?(?:今天|今日|昨天|昨日|[今昨][（(][0-9０-９]{1,2}[)）]日))?(?:举行|召开|举办)"
)
_COUNCILS = ("议会", "公所")
# 在随后召开的…, 在第四届进口博览会举办期间, 在圆满完成各项议程后胜利闭幕: a time or an occasion, not a place.
_SCENE_TIMES = tuple(read_words("scene_times.txt"))
_NO_SCENE = re.compile(r"^(?:" + alternation([*VAGUE_TIMES, *_SCENE_TIMES]) + r")|[会节展赛后时]$|之际$|[0-9０-９]")
_NO_PLACE_START = frozenset("、，,。；;：:场与跟")  # 在场亦有…嘉宾: 在场 is being there, no place
_NO_REGION_START = frozenset("与和同及在各该全本")
_FRONT_LINES = frozenset({"一线", "第一线"})
_HERE = frozenset({"这里", "此", "此地", "这儿", "此间"})
_CLAUSE_MARK = re.compile(r"[，,；;]")
_JOINING = re.compile(r"[和与同]")
_LOOKALIKES = tuple(read_words("place_word_lookalikes.txt"))  # 落到实处, “十四五”开局
_CLOCK = re.compile(r"[0-9０-９一二三四五六七八九十两]点$")  # 于晚上8点: a time, not a place (、竭尽所能 neither)
_TRAILING_PARENTHESIS = re.compile(r"[（(][^（()）]*[）)]$")
MAX_PLACE_CHARS = 60
MAX_PLACE_NAME_AFTER_POST = 4  # 省长|沙市: the rest of a place name a post word may run into
MAX_TRAILING_WORD = 2  # characters of a verb glued to a place that may be cut off


@cache
def _place_words(divisions: bool) -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The words that end a place: a level, a site, a body (`place_words.txt`), a country (`country_names.txt`),
    and with `divisions` a division's short name (济南, 合肥: `division_names.txt`); and, by last character, the
    lengths they come in."""
    words = frozenset(
        read_words("place_words.txt")
        + read_words("country_names.txt")
        + (read_words("division_names.txt") if divisions else [])
    )
    lengths: dict[str, set[int]] = {}
    for word in words:
        lengths.setdefault(word[-1], set()).add(len(word))
    return words, {last: tuple(sorted(found)) for last, found in lengths.items()}


def _ends_a_place(text: str, start: int = 0, end: int | None = None, divisions: bool = True) -> bool:
    """Whether `text[start:end]` ends with a word that ends a place."""
    words, lengths = _place_words(divisions)
    end = len(text) if end is None else end
    if end <= start:
        return False
    return any(end - n >= start and text[end - n : end] in words for n in lengths.get(text[end - 1], ()))


def location_span(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    """The first place named for the event in `simplified[start:end]`, or None."""
    for lead in _LEAD.finditer(simplified, start, end):
        if lead.group() == "至" and simplified.startswith("于", lead.end()):
            continue  # 至于与其他乡镇相比: 至于, as for
        place = _place_after(simplified, lead.end(), end)
        if place is not None:
            return place
    county = _county_visited(simplified, start, end) or _regions_worked_on(simplified, start, end)
    if county is not None:
        return county
    abbreviated = _ABBREVIATED_PLACE.search(simplified, start, end)
    if abbreviated is None or _RECEIVING.search(simplified, start, abbreviated.start()):
        return None  # 会见…来京列席…的海外侨胞: the guests' journey, not where they were received
    return abbreviated.span("place")


def _county_visited(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    """`在吉水调研`: a county's short name between a word that leads to a place and an activity; `来上饶县考察`:
    a place named between 来 and an activity."""
    for found in _BEFORE_AN_ACTIVITY.finditer(simplified, start, end):
        if found.group("place") in _COUNTY_NAMES:
            return found.span("place")
    for found in _CAME_TO.finditer(simplified, start, end):
        place = found.group("place")
        if _names_a_place(place) and not _names_a_person(place) and not _DEICTIC.match(place):
            return found.span("place")
    return None


def _regions_worked_on(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    """`对锡山区、新吴区进行…检查`: regions listed between 对 and 进行 (a topic there is no place)."""
    found = _WORK_ON_PLACES.search(simplified, start, end) if simplified.find("对", start, end) != -1 else None
    if found is None:
        return None
    items = found["places"].split("、")
    if all(_REGION_ITEM.fullmatch(item) and item[0] not in _NO_REGION_START for item in items):
        return found.span("places")
    return None


def _place_after(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    while simplified.startswith(("了", "到"), start):  # 来到了…, 先后深入到…
        start += 1
    limit = min(end, start + MAX_PLACE_CHARS)
    stop = _place_end(simplified, start, limit)
    place_end = stop.start() if stop else limit
    # 同为重点县的百色市田林县: a place word before 的 describes the place it leads to (but 访问的 does not,
    # nor a bare city name: 在…加强与山东的合作)
    if stop is not None and stop.group() == "的" and _ends_a_place(simplified, start, place_end, divisions=False):
        named = _place_after(simplified, stop.end(), end)
        if named is not None:
            return named
    return _place_phrase(simplified, start, place_end)


def _place_phrase(simplified: str, start: int, place_end: int) -> tuple[int, int] | None:
    """The place `simplified[start:place_end]` holds, cut back to what reads as one, or None."""
    while place_end - start >= 2:
        phrase = simplified[start:place_end]
        if _names_a_person(phrase):  # 贯彻落实武国定副省长: a person, not a place
            joined = _place_before_a_person(phrase)  # 在台南市政府和市长许添财举行…: the place before 和
            if joined is None:
                return None
            place_end = start + joined
            continue
        if _TOPIC.search(phrase) or phrase[0] in _NO_PLACE_START or _DAY.search(phrase):  # 3月21日、22日到滑县
            return None
        if phrase.startswith(_SCENE_TIMES):  # 在任期内会继续区访: a time, not a place
            return None
        if all(len(item) < 2 for item in phrase.split("、")) or phrase in _FRONT_LINES:
            return None  # 在乡、村发生: levels, not places; 深入一线: wherever the work is
        if _DEICTIC.match(phrase) or _names_a_place(_TRAILING_PARENTHESIS.sub("", phrase)):
            return start, place_end  # 县医院(新院区): the place word before a closing parenthesis counts
        if phrase.endswith(_LOOKALIKES) or _CLOCK.search(phrase):
            return None
        for trim in range(1, MAX_TRAILING_WORD + 1):  # 项目现场作开工动员: a verb glued to the place
            if place_end - trim - start >= 2 and _names_a_place(simplified[start : place_end - trim]):
                return start, place_end - trim
        cut = simplified.rfind("、", start, place_end)  # a list whose last item reads as no place: drop it
        if cut <= start:
            return None
        place_end = cut
    return None


def _place_before_a_person(phrase: str) -> int | None:
    """Where a place ends that a joining word (和, 与, 同) and a person with his post follow, or None."""
    for joining in _JOINING.finditer(phrase):
        if joining.start() >= 2 and not _names_a_person(phrase[: joining.start()]):
            return joining.start() if _names_a_person(phrase[joining.end() :]) else None
    return None


def _names_a_place(phrase: str) -> bool:
    """Whether the phrase ends with a word that ends a place, and not with one that only looks like it
    (落到实处, 定点, 晚上8点)."""
    return _ends_a_place(phrase) and not phrase.endswith(_LOOKALIKES) and not _CLOCK.search(phrase)


def _place_told_before(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    """The place a clause before the last of `simplified[start:end]` opens with (the nearest such clause):
    `县文化馆会议室华灯璀璨`."""
    bounds = [start, *(m.end() for m in _CLAUSE_MARK.finditer(simplified, start, end))]
    for clause_start in reversed(bounds[:-1]):  # not the clause of 在这里 itself: its subject is the occasion
        clause_end = next((b - 1 for b in bounds if b > clause_start), end)
        for place_end in range(min(clause_end, clause_start + MAX_PLACE_CHARS), clause_start + 1, -1):
            phrase = simplified[clause_start:place_end]
            if _names_a_place(phrase) and not _DAY.search(phrase) and not _names_a_person(phrase):
                return clause_start, place_end
    return None


def _council_scene(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    """The council or township office a sentence holds a session in, read only where one is named."""
    if all(simplified.find(word, start, end) == -1 for word in _COUNCILS):
        return None
    found = _COUNCIL_SCENE.search(simplified, start, end)
    return found.span("council") if found else None


def _names_a_person(phrase: str) -> bool:
    """Whether the phrase names someone by a post (武国定副省长). A post word that runs into a place name
    (湖南省长沙市, 上海市长宁区) is none."""
    if any(word in phrase for word in _NEVER_IN_A_PLACE):
        return True  # 在家领导以及区直相关单位负责人在我区分会场: people, whatever follows
    for post in _HOLDS_A_POST.finditer(phrase):
        if post.group() not in _LEVEL_HEADS:
            return True  # 北京与国家商务部长高虎城: only a level's head (省长, 市长) runs into a place name
        tail = phrase[post.end() : post.end() + MAX_PLACE_NAME_AFTER_POST]
        if not any(_ends_a_place(tail, 0, end) for end in range(2, len(tail) + 1)):
            return True
    return False


def _place_end(simplified: str, start: int, limit: int) -> re.Match[str] | None:
    """What ends the place that starts at `start`: a closing bracket only when the place did not open it."""
    stop = _PLACE_END.search(simplified, start, limit)
    while stop is not None and _closes_what_it_opened(simplified, start, stop):
        stop = _PLACE_END.search(simplified, stop.end(), limit)
    return stop


def _closes_what_it_opened(simplified: str, start: int, stop: re.Match[str]) -> bool:
    """Whether `stop` closes a bracket or a quotation the place opened after `start`."""
    end = stop.start()
    if stop.group() == "”":
        return simplified.rfind("“", start, end) > simplified.rfind("”", start, end)
    if stop.group() in "）)":
        return max(simplified.rfind("(", start, end), simplified.rfind("（", start, end)) > max(
            simplified.rfind(")", start, end), simplified.rfind("）", start, end)
        )
    return False


def scene_span(simplified: str, start: int, end: int) -> tuple[int, int] | None:
    """The place a sentence sets an occasion in: `签约会在德州市庆云县举行`, `沙市区举行…仪式`."""
    council = _council_scene(simplified, start, end)
    if council is not None:
        return council
    found = _SCENE.search(simplified, start, end)
    if found is None:
        return None
    if found.group("region"):
        return found.span("region")
    named = found.group("named")
    if named in _HERE:  # 县文化馆会议室华灯璀璨，…大会在这里隆重开幕: the place told before in the sentence
        return _place_told_before(simplified, start, found.start())
    if (
        named
        and not _names_a_person(named)
        and not _PLACE_END.search(named)
        and not _NO_SCENE.search(named)
        and not named.endswith(_LOOKALIKES)
    ):
        return found.span("named")  # 在宜城举行: what an occasion is held in is its place, suffix or not
    return location_span(simplified, found.start(), found.end())
