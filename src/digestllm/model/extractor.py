"""The model as a `SectionExtractor`: each section asked concurrently (bounded), every answer
grounded in the section's text; a section whose call fails comes back without records, so the
orchestrator falls back to the rules for it."""

from __future__ import annotations

import asyncio
from types import TracebackType

import httpx

from digestllm.document import Document, SectionOutcome
from digestllm.grounding import (
    EventClaim,
    GroundingReport,
    MetricClaim,
    OfficialClaim,
    SectionClaims,
    ground_claims,
)
from digestllm.grounding_slots import ground_slots
from digestllm.model.cache import ResponseCache
from digestllm.model.client import ModelClient, SectionFailure
from digestllm.model.config import ModelConfig
from digestllm.model.prompts import load_prompts
from digestllm.model.response import SectionExtraction, SectionSlots
from digestllm.model.slots import combine, slot_claims, slot_pieces
from digestllm.schemas import Mode, SectionKind, Usage


class ModelExtractor:
    """One document's sections through the configured model; build one per document."""

    mode = Mode.MODEL

    def __init__(self, config: ModelConfig, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config
        prompts = load_prompts()
        self.prompt_version: str | None = prompts.version
        self.prompts = prompts
        cache = ResponseCache(config.cache_dir) if config.cache_dir else None
        response_model = SectionSlots if config.task == "slots" else SectionExtraction
        self._client = ModelClient(config, prompts, cache, transport=transport, response_model=response_model)
        self._gate = asyncio.Semaphore(config.concurrency)

    async def __aenter__(self) -> ModelExtractor:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        await self._client.aclose()

    async def extract(self, document: Document, index: int) -> SectionOutcome | None:
        """The grounded answer for one section; None for a byline or an empty section."""
        raw = document.sections[index]
        text = document.section_text(index)
        if raw.kind is SectionKind.BYLINE or not text.strip():
            return None
        if not _within_budget(document, index, self.config.max_document_chars):
            return SectionOutcome(
                None,
                Usage(),
                error=f"the document is over max_document_chars={self.config.max_document_chars} "
                "for the model; this section was left to the rules",
            )
        async with self._gate:
            try:
                if self.config.task == "slots":
                    report, usage = await self._fill_slots(document, index)
                else:
                    answer, usage = await self._client.extract_section(text)
                    report = ground_claims(
                        document.view, index, raw.start, raw.end, to_claims(answer), document.reference
                    )
            except SectionFailure as failure:
                return SectionOutcome(None, failure.usage, error=str(failure))
        return SectionOutcome(report.records, usage, dropped=report.dropped)

    async def _fill_slots(self, document: Document, index: int) -> tuple[GroundingReport, Usage]:
        """The `slots` task: the section's skeleton filled in by the model, piece by piece, grounded."""
        raw = document.sections[index]
        skeleton = document.skeleton[index]
        pieces = slot_pieces(document.section_text(index), raw.start, skeleton, self.config.max_section_chars)
        claims, total = [], Usage()
        for piece in pieces:
            answer, usage = await self._client.ask(self.prompts.slots_message(piece.text, piece.skeleton))
            claims.append(slot_claims(answer, piece))
            total = _added(total, usage)
        report = ground_slots(document.view, index, (raw.start, raw.end), skeleton, combine(claims), document.reference)
        return report, total


def _added(total: Usage, usage: Usage) -> Usage:
    return Usage(
        calls=total.calls + usage.calls,
        retries=total.retries + usage.retries,
        prompt_tokens=total.prompt_tokens + usage.prompt_tokens,
        completion_tokens=total.completion_tokens + usage.completion_tokens,
        seconds=round(total.seconds + usage.seconds, 3),
        cached=(total.cached or total.calls == 0) and usage.cached,
    )


def _within_budget(document: Document, index: int, budget: int) -> bool:
    """True when the sections up to `index` (bylines aside), in text order, stay within `budget` characters."""
    spent = 0
    for raw in document.sections[: index + 1]:
        if raw.kind is not SectionKind.BYLINE:
            spent += raw.end - raw.start
    return spent <= budget


def to_claims(answer: SectionExtraction) -> SectionClaims:
    """The model's answer as claims, before any of it is checked against the text."""
    return SectionClaims(
        officials=[OfficialClaim(o.name, list(o.titles)) for o in answer.officials],
        events=[EventClaim(e.date_text, list(e.officials), e.action, e.location) for e in answer.events],
        metrics=[MetricClaim(m.quantity, m.subject) for m in answer.metrics],
    )
