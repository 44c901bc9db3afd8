"""instructor re-asks after a validation error: recorded against a real model server.

A stricter response model than the production one demands the section's two figures; the small
local model leaves them out at first, the validation error goes back to it, and it answers again.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

import pytest
from pydantic import model_validator

from digestllm.model.client import ModelClient
from digestllm.model.config import ModelConfig
from digestllm.model.prompts import load_prompts
from digestllm.model.response import SectionExtraction
from digestllm.sections import split_sections
from digestllm.text import ScriptView
from tests.conftest import SEED
from tests.test_model_recorded import LOCAL_SERVER


class _EveryFigure(SectionExtraction):
    REQUIRED: ClassVar[tuple[str, ...]] = ("83戶", "12家")

    @model_validator(mode="after")
    def _lists_every_figure(self) -> _EveryFigure:
        quoted = " ".join(m.quantity for m in self.metrics)
        missing = [f for f in self.REQUIRED if f not in quoted]
        if missing:
            raise ValueError(f"metrics must list every figure of the text; missing: {'、'.join(missing)}")
        return self


@pytest.mark.vcr
async def test_instructor_re_asks_with_the_validation_error(vcr: Any) -> None:
    text = SEED.read_text(encoding="utf-8")
    section = next(s for s in split_sections(ScriptView(text)) if s.header and "米亮" in s.header)
    config = ModelConfig(**{**LOCAL_SERVER, "validation_retries": 1})
    async with ModelClient(config, load_prompts(), response_model=_EveryFigure) as client:
        answer, usage = await client.extract_section(text[section.start : section.end])
    assert usage.calls == 2 and usage.retries == 1
    assert {"83戶", "12家"} <= {m.quantity for m in answer.metrics}
    requests = vcr.requests
    assert len(requests) == 2
    re_ask = json.loads(requests[1].body)
    assert "missing" in json.dumps(re_ask["messages"], ensure_ascii=False)
    assert len(re_ask["messages"]) > len(json.loads(requests[0].body)["messages"])
