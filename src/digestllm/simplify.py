"""A result reported in Simplified script: every string converted, every span kept on the original."""

from __future__ import annotations

from typing import Any

from digestllm.schemas import DigestResult
from digestllm.text import to_simplified

_CONVERTED_FIELDS: dict[str, tuple[str, ...]] = {
    "officials": ("name", "region"),
    "events": ("date_text", "action", "location"),
    "metrics": ("unit", "raw", "subject", "region"),
    "sections": ("header", "headline"),
}


def to_simplified_result(result: DigestResult) -> DigestResult:
    """The same result with every reported string in Simplified script (spans keep the original)."""
    data = result.model_dump()
    for records, fields in _CONVERTED_FIELDS.items():
        for record in data[records]:
            _convert(record, fields)
    for official in data["officials"]:
        official["titles"] = [to_simplified(t) for t in official["titles"]]
    for event in data["events"]:
        event["officials"] = [to_simplified(n) for n in event["officials"]]
    _convert(data, ("title",))
    return DigestResult.model_validate(data)


def _convert(record: dict[str, Any], fields: tuple[str, ...]) -> None:
    for key in fields:
        record[key] = record[key] and to_simplified(record[key])
