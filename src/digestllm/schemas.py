"""The public contract of digestllm: what `extract` returns.

Every offset indexes the *original* input string, and every `Span.text` equals
`original[start:end]`. Strings are reported in the input's own script unless the caller asks for
Simplified output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, Field, model_validator
from pydantic.dataclasses import dataclass as pydantic_dataclass


class AlignmentStatus(str, Enum):
    """How a record's evidence was found in the source (langextract's alignment status)."""

    EXACT = "exact"  # the quoted text occurs verbatim in the original
    SIMPLIFIED = "simplified"  # it occurs once both sides are converted to Simplified script
    FUZZY = "fuzzy"  # a close but not identical stretch of the source was found
    DERIVED = "derived"  # produced by the rules from the source itself


class Origin(str, Enum):
    """Which extractor produced a record."""

    RULES = "rules"
    MODEL = "model"
    BOTH = "both"


SCHEMA_VERSION = "2.0"  # bumped whenever a field is added, removed or changes meaning


class Script(str, Enum):
    """The script an input is written in."""

    TRADITIONAL = "traditional"
    SIMPLIFIED = "simplified"
    MIXED = "mixed"
    NONE = "none"  # no Chinese characters at all


class Mode(str, Enum):
    """Which path extracted a document."""

    RULES = "rules"
    MODEL = "model"


class Extractor(str, Enum):
    """What produced one section's records."""

    RULES = "rules"
    RULES_AND_MODEL = "rules+model"


class EventKind(str, Enum):
    """What sort of activity an event is (ANNOTATION.md, "Event")."""

    MEETING = "meeting"  # a meeting, session, conference or study session held, chaired or attended
    INSPECTION = "inspection"  # research tours, inspections, supervision
    VISIT = "visit"  # calling on people: the needy, workers, petitioners, families
    RECEPTION = "reception"  # receiving or seeing off guests and delegations
    CEREMONY = "ceremony"  # openings, groundbreakings, signings, unveilings, launches
    LECTURE = "lecture"  # party lessons, lectures, briefings to others
    OTHER = "other"


# A slotted dataclass, not a model: a document holds one per mention, event and figure, a dense page
# hundreds of thousands of them, and a model instance costs four times the memory (bench/scaling.py).
@pydantic_dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original input: `text == original[start:end]`."""

    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} precedes start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length differs from end - start")
        return self


class Official(BaseModel):
    """A named person holding a public post, with every post the text gives and every mention."""

    name: str
    titles: list[str] = Field(default_factory=list)
    region: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    origin: Origin = Origin.RULES
    alignment: AlignmentStatus = AlignmentStatus.DERIVED
    pinyin: str | None = Field(default=None, description="the name in Hanyu Pinyin, surname first: 'Jiang Bo'")
    posts: list[Post] = Field(default_factory=list, description="each title normalised: role, level, region, code")


class PostRole(str, Enum):
    """What kind of leadership a post is (digestllm.posts maps titles onto these)."""

    PARTY_SECRETARY = "party_secretary"  # 书记 of a party committee: 县委书记, 镇党委书记, 党工委书记
    DEPUTY_PARTY_SECRETARY = "deputy_party_secretary"  # 副书记
    GOVERNMENT_HEAD = "government_head"  # 省长, 市长, 县长, 区长, 镇长, 管委会主任, 村主任
    DEPUTY_GOVERNMENT_HEAD = "deputy_government_head"  # 副市长, 常务副县长
    STANDING_COMMITTEE = "standing_committee"  # 常委 of a party committee, 党工委委员
    CONGRESS_CPPCC = "congress_cppcc"  # posts of the people's congress or the CPPCC: 人大常委会主任, 政协主席
    DEPARTMENT_HEAD = "department_head"  # head of an organ: 部长, 局长, 办公室主任, 秘书长, 政法委书记
    OTHER = "other"


class PostLevel(str, Enum):
    """The tier of the body a post belongs to."""

    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"  # prefecture level: 市, 州, 盟, 地区
    COUNTY = "county"  # county level: 县, 区, 旗, county-level 市
    TOWNSHIP = "township"  # 镇, 乡, 街道
    VILLAGE = "village"  # 村, 社区
    ZONE = "zone"  # development zones and parks: 开发区, 高新区, 园区
    ORGAN = "organ"  # an organ named without its territory: 局长, 办公室主任
    UNKNOWN = "unknown"


class Post(BaseModel):
    """One title of an official, as written, with its role, level and place (and the place's code)."""

    title: str
    role: PostRole = PostRole.OTHER
    level: PostLevel = PostLevel.UNKNOWN
    region: str | None = None
    region_code: str | None = Field(default=None, description="administrative division code (GB/T 2260) or null")


Official.model_rebuild()


class GroundedRecord(BaseModel):
    """What every event and metric carries: where it stands in the source and who found it."""

    evidence: Span
    section: int = Field(default=0, description="index of the section the evidence lies in")
    origin: Origin = Origin.RULES
    alignment: AlignmentStatus = AlignmentStatus.DERIVED


class Event(GroundedRecord):
    """Something officials did at a time: the day (ISO, or null), who took part, what, where."""

    date: dt.date | None = Field(default=None, description="ISO YYYY-MM-DD, or null when the text gives no day")
    date_text: str | None = None
    officials: list[str] = Field(default_factory=list, description="names of the officials who took part")
    action: str | None = Field(
        default=None, description="the activity verb with its whole object, a phrase of the text"
    )
    location: str | None = Field(default=None, description="where it happened, as the text names it")
    kind: EventKind = EventKind.OTHER


class Metric(GroundedRecord):
    """A stated quantity: its value with magnitude words applied, its unit, what it measures."""

    value: float | int
    unit: str
    raw: str
    subject: str | None = None
    region: str | None = None


class SectionKind(str, Enum):
    LEAD = "lead"  # the digest's title and introduction
    LEADER = "leader"  # one leader's part of a digest: header, headline, body
    ARTICLE = "article"  # a plain news article, taken whole
    BYLINE = "byline"  # the closing byline and whatever trails it


class SectionStatus(str, Enum):
    OK = "ok"  # extracted by the extractor that was asked for
    FALLBACK = "fallback"  # the model failed; the rules extracted this section
    SKIPPED = "skipped"  # nothing to extract by design (a byline)


class Usage(BaseModel):
    """What the model path spent on one section."""

    calls: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cached: bool = False


class Section(BaseModel):
    """One part of the input (lead, a leader's part, an article, the byline) and how it was extracted."""

    index: int
    kind: SectionKind
    span: Span
    header: str | None = None
    headline: str | None = None
    extractor: Extractor = Field(default=Extractor.RULES, description="rules+model when a model answer was merged")
    status: SectionStatus = SectionStatus.OK
    warnings: list[str] = Field(default_factory=list)
    usage: Usage | None = None
    counts: dict[str, int] = Field(default_factory=dict, description="records per type found in this section")


class DigestResult(BaseModel):
    """Everything extracted from one input, with the sections that tile it and the warnings."""

    schema_version: str = SCHEMA_VERSION
    title: str | None = None
    reference_date: dt.date | None = None
    script: Script
    mode: Mode = Mode.RULES
    prompt_version: str | None = None
    sections: list[Section] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def spans(self) -> Iterator[Span]:
        """Every span of the result: sections, official mentions, event and metric evidence."""
        for section in self.sections:
            yield section.span
        for official in self.officials:
            yield from official.mentions
        for record in [*self.events, *self.metrics]:
            yield record.evidence

    def _repr_html_(self) -> str:
        """Jupyter's view of a result: its review page in a frame (the renderer is imported only here)."""
        from digestllm.view.render import notebook_html

        return notebook_html(self)


PUBLIC_MODELS: tuple[type, ...] = (Span, Official, Event, Metric, Section, DigestResult)
