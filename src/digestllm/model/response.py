"""What the model is asked to return for one section: the response model *is* the prompt's contract.

Two tasks (`ModelConfig.task`):
- `slots` (the default): the rules' skeleton of the section is in the prompt; the model fills in each
  event's action, location and kind and each figure's subject, and names officials the rules missed;
- `records`: the whole section read afresh (officials, events, metrics), as before the skeleton existed.

The field descriptions and validation messages are prompt text: they live in `prompts/fields.json`
and are read when a schema is first built or a message first needed, never at import time. Field
descriptions carry no real-looking example values: small models copy them into the output.
Validation errors here go back to the model as a re-ask (instructor).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from digestllm.model.prompts import load_prompts

_DIGIT = re.compile(r"[0-9０-９零〇一二两兩三四五六七八九十百千万萬亿億]")
KindName = Literal["meeting", "inspection", "visit", "reception", "ceremony", "lecture", "other"]
_KINDS = frozenset(get_args(KindName))


def _text(key: str) -> str:
    return load_prompts().fields[key]


def _describe(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """Fill in the field descriptions from `prompts/fields.json` when the JSON Schema is built."""
    prefix = getattr(model, "PROMPT_KEY", "")
    fields = load_prompts().fields
    for name, prop in schema.get("properties", {}).items():
        description = fields.get(f"{prefix}.{name}")
        if description:
            prop["description"] = description


class _Described(BaseModel):
    """A response model whose field descriptions come from the prompt files."""

    model_config = ConfigDict(json_schema_extra=_describe)
    PROMPT_KEY: ClassVar[str] = ""


class OfficialItem(_Described):
    PROMPT_KEY: ClassVar[str] = "official"
    name: str
    titles: list[str] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _short_name(cls, value: str) -> str:
        value = value.strip()
        if not 2 <= len(value) <= 6:
            raise ValueError(_text("official.name.invalid"))
        return value


class EventItem(_Described):
    PROMPT_KEY: ClassVar[str] = "event"
    date_text: str | None = None
    officials: list[str] = Field(default_factory=list)
    action: str = ""
    location: str | None = None


class MetricItem(_Described):
    PROMPT_KEY: ClassVar[str] = "metric"
    quantity: str
    subject: str | None = None

    @field_validator("quantity")
    @classmethod
    def _has_number(cls, value: str) -> str:
        if not _DIGIT.search(value):
            raise ValueError(_text("metric.quantity.invalid"))
        return value.strip()


class SectionExtraction(_Described):
    """Officials, events and metrics of one section of a news text."""

    officials: list[OfficialItem] = Field(default_factory=list)
    events: list[EventItem] = Field(default_factory=list)
    metrics: list[MetricItem] = Field(default_factory=list)


class EventSlot(_Described):
    PROMPT_KEY: ClassVar[str] = "slots"
    event: int
    action: str | None = None
    location: str | None = None
    kind: KindName = "other"

    @field_validator("event", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        return _listed_number(value, "E")

    @field_validator("kind", mode="before")
    @classmethod
    def _known_kind(cls, value: object) -> object:
        """A kind outside the seven is `other`: not worth a re-ask, and grounding trusts none anyway."""
        text = str(value).strip().lower() if value is not None else "other"
        return text if text in _KINDS else "other"


class MetricSlot(_Described):
    PROMPT_KEY: ClassVar[str] = "slots"
    metric: int
    subject: str | None = None

    @field_validator("metric", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        return _listed_number(value, "M")


class SectionSlots(_Described):
    """The blanks of the rules' skeleton of one section, filled in, and the officials it missed."""

    events: list[EventSlot] = Field(default_factory=list)
    metrics: list[MetricSlot] = Field(default_factory=list)
    missed_officials: list[OfficialItem] = Field(default_factory=list)


def _listed_number(value: object, letter: str) -> object:
    """`E2` or `2` → 2: small models often copy the label."""
    if isinstance(value, str):
        stripped = value.strip().upper().removeprefix(letter)
        if not stripped.isdigit():
            raise ValueError(_text("slots.number.invalid"))
        return int(stripped)
    return value
