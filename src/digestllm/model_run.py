"""One document through the model: every section asked concurrently, each answer grounded in the
text and merged with the rules, or the section falls back to the rules."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date

import httpx

from digestllm.consolidate import fallback_warning
from digestllm.grounding import EventClaim, MetricClaim, OfficialClaim, SectionClaims, ground_claims
from digestllm.merge import merge_section
from digestllm.model.cache import ResponseCache
from digestllm.model.client import ModelClient, SectionFailure
from digestllm.model.config import ModelConfig
from digestllm.model.prompts import load_prompts
from digestllm.model.response import SectionExtraction
from digestllm.pipeline import DocumentRun
from digestllm.rules.extractor import SectionRecords
from digestllm.schemas import DigestResult, Section, SectionKind, SectionStatus, Usage
from digestllm.sections import RawSection
from digestllm.text import to_simplified


@dataclass
class SectionOutcome:
    """The model's part of one section: its grounded records, or why it failed."""

    usage: Usage
    claims: SectionClaims | None = None
    error: str | None = None


async def extract_with_model(
    text: str, reference_date: date | str | None, config: ModelConfig, transport: httpx.AsyncBaseTransport | None = None
) -> DigestResult:
    """Rules on every section, the model on every section but the byline, concurrently; then each
    model answer is grounded in the text and merged with the rules, or the section falls back."""
    run = DocumentRun(text, reference_date)
    rule_records = run.rule_records()
    prompts = load_prompts()
    cache = ResponseCache(config.cache_dir) if config.cache_dir else None
    client = ModelClient(config, prompts, cache, transport=transport)
    gate = asyncio.Semaphore(config.concurrency)

    within_budget = _sections_within_budget(run.raw_sections, config.max_document_chars)

    async def ask(raw: RawSection) -> SectionOutcome | None:
        if raw.kind is SectionKind.BYLINE or not text[raw.start : raw.end].strip():
            return None
        if raw not in within_budget:
            return SectionOutcome(
                Usage(),
                error=f"the document is over max_document_chars={config.max_document_chars} "
                "for the model; this section was left to the rules",
            )
        async with gate:
            try:
                answer, usage = await client.extract_section(text[raw.start : raw.end])
            except SectionFailure as error:
                return SectionOutcome(error.usage, error=str(error))
        return SectionOutcome(usage, claims=to_claims(answer))

    async with client:
        tasks = [asyncio.ensure_future(ask(raw)) for raw in run.raw_sections]
        try:
            outcomes = await asyncio.gather(*tasks)
        except BaseException:  # a ConfigurationError (or a cancellation) stops every section still in flight
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
    grounded = [
        ground_claims(run.view, i, raw.start, raw.end, o.claims, run.reference) if o and o.claims else None
        for i, (raw, o) in enumerate(zip(run.raw_sections, outcomes))
    ]
    known = {to_simplified(n) for n in run.rules.official_names}
    known.update(to_simplified(o.name) for g in grounded if g for o in g.records.officials)

    sections: list[Section] = []
    records: list[SectionRecords] = []
    for i, (raw, rules, outcome, report) in enumerate(zip(run.raw_sections, rule_records, outcomes, grounded)):
        if outcome is None:
            section_records, section = rules, run.section(i, raw, rules)
        elif report is None:
            section_records = rules
            section = run.section(
                i,
                raw,
                rules,
                extractor="rules",
                status=SectionStatus.FALLBACK,
                warnings=[f"rules used instead of the model: {outcome.error}"],
            )
        else:
            section_records, set_aside = merge_section(rules, report.records, known)
            report.dropped.extend(set_aside)
            section = run.section(i, raw, section_records, extractor="rules+model", warnings=report.warnings())
        if outcome is not None:
            section.usage = outcome.usage
        sections.append(section)
        records.append(section_records)
    result = run.result(sections, records, mode="model", prompt_version=prompts.version)
    result.warnings[:0] = filter(None, [fallback_warning(sections)])  # said first: what happened to the model
    return result


def _sections_within_budget(sections: list[RawSection], budget: int) -> set[RawSection]:
    """The sections sent to the model, in text order, until their characters pass `budget`."""
    chosen: set[RawSection] = set()
    spent = 0
    for raw in sections:
        if raw.kind is SectionKind.BYLINE:
            continue
        spent += raw.end - raw.start
        if spent > budget:
            break
        chosen.add(raw)
    return chosen


def to_claims(answer: SectionExtraction) -> SectionClaims:
    return SectionClaims(
        officials=[OfficialClaim(o.name, list(o.titles)) for o in answer.officials],
        events=[EventClaim(e.date_text, list(e.officials), e.action, e.location) for e in answer.events],
        metrics=[MetricClaim(m.quantity, m.subject) for m in answer.metrics],
    )
