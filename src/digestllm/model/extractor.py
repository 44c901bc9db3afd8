"""The model as a `SectionExtractor`: each section asked concurrently (bounded), every answer
grounded in the section's text; a section whose call fails comes back without records, so the
orchestrator falls back to the rules for it."""

from __future__ import annotations

import asyncio
from types import TracebackType

import httpx

from digestllm.document import Document, SectionOutcome
from digestllm.grounding import EventClaim, MetricClaim, OfficialClaim, SectionClaims, ground_claims
from digestllm.model.cache import ResponseCache
from digestllm.model.client import ModelClient, SectionFailure
from digestllm.model.config import ModelConfig
from digestllm.model.prompts import load_prompts
from digestllm.model.response import SectionExtraction
from digestllm.schemas import Mode, SectionKind, Usage


class ModelExtractor:
    """One document's sections through the configured model; build one per document."""

    mode = Mode.MODEL

    def __init__(self, config: ModelConfig, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config
        prompts = load_prompts()
        self.prompt_version: str | None = prompts.version
        cache = ResponseCache(config.cache_dir) if config.cache_dir else None
        self._client = ModelClient(config, prompts, cache, transport=transport)
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
                answer, usage = await self._client.extract_section(text)
            except SectionFailure as failure:
                return SectionOutcome(None, failure.usage, error=str(failure))
        report = ground_claims(document.view, index, raw.start, raw.end, to_claims(answer), document.reference)
        return SectionOutcome(report.records, usage, dropped=report.dropped)


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
