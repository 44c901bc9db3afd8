"""What the model is asked to return for one section: the response model *is* the prompt's contract.

Field descriptions carry no real-looking example values: small models copy them into the output.
Validation errors here go back to the model as a re-ask (instructor).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, field_validator

_DIGIT = re.compile(r"[0-9０-９零〇一二两兩三四五六七八九十百千万萬亿億]")


class OfficialItem(BaseModel):
    name: str = Field(description="the person's name exactly as written, without any post or honorific")
    titles: list[str] = Field(default_factory=list, description="each post of this person, copied exactly, one per item")

    @field_validator("name")
    @classmethod
    def _short_name(cls, value: str) -> str:
        value = value.strip()
        if not 2 <= len(value) <= 6:
            raise ValueError("a name is the personal name alone, 2 to 6 characters, without its post")
        return value


class EventItem(BaseModel):
    date_text: str | None = Field(default=None, description="the date words copied exactly, or null when no day is given")
    officials: list[str] = Field(default_factory=list, description="names of the officials who took part")
    action: str = Field(default="", description="a short verb phrase copied from the text")
    location: str | None = Field(default=None, description="the place copied from the text, or null")


class MetricItem(BaseModel):
    quantity: str = Field(description="the number together with its unit, copied exactly")
    subject: str | None = Field(default=None, description="what is counted, copied from the text")

    @field_validator("quantity")
    @classmethod
    def _has_number(cls, value: str) -> str:
        if not _DIGIT.search(value):
            raise ValueError("a quantity must contain the number as written in the text")
        return value.strip()


class SectionExtraction(BaseModel):
    """Officials, events and metrics of one section of a news text."""

    officials: list[OfficialItem] = Field(default_factory=list)
    events: list[EventItem] = Field(default_factory=list)
    metrics: list[MetricItem] = Field(default_factory=list)
