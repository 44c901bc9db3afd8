"""What the model is asked to return for one section: the response model *is* the prompt's contract.

The field descriptions and validation messages are prompt text: they live in `prompts/fields.json`.

Field descriptions carry no real-looking example values: small models copy them into the output.
Validation errors here go back to the model as a re-ask (instructor).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, field_validator

from digestllm.model.prompts import load_prompts

TEXT = load_prompts().fields
_DIGIT = re.compile(r"[0-9０-９零〇一二两兩三四五六七八九十百千万萬亿億]")


class OfficialItem(BaseModel):
    name: str = Field(description=TEXT["official.name"])
    titles: list[str] = Field(default_factory=list, description=TEXT["official.titles"])

    @field_validator("name")
    @classmethod
    def _short_name(cls, value: str) -> str:
        value = value.strip()
        if not 2 <= len(value) <= 6:
            raise ValueError(TEXT["official.name.invalid"])
        return value


class EventItem(BaseModel):
    date_text: str | None = Field(default=None, description=TEXT["event.date_text"])
    officials: list[str] = Field(default_factory=list, description=TEXT["event.officials"])
    action: str = Field(default="", description=TEXT["event.action"])
    location: str | None = Field(default=None, description=TEXT["event.location"])


class MetricItem(BaseModel):
    quantity: str = Field(description=TEXT["metric.quantity"])
    subject: str | None = Field(default=None, description=TEXT["metric.subject"])

    @field_validator("quantity")
    @classmethod
    def _has_number(cls, value: str) -> str:
        if not _DIGIT.search(value):
            raise ValueError(TEXT["metric.quantity.invalid"])
        return value.strip()


class SectionExtraction(BaseModel):
    """Officials, events and metrics of one section of a news text."""

    officials: list[OfficialItem] = Field(default_factory=list)
    events: list[EventItem] = Field(default_factory=list)
    metrics: list[MetricItem] = Field(default_factory=list)
