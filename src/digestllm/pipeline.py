"""One document end to end: text → sections → rules (and the model) → merged, grounded records."""

from __future__ import annotations

import re
from datetime import date

from digestllm.consolidate import consolidate_officials, deduplicate_metrics, order_events
from digestllm.errors import EmptyInputError, InputError, InputTooLargeError
from digestllm.rules.dates import document_date
from digestllm.rules.extractor import RuleExtractor, SectionRecords, span_of
from digestllm.schemas import DigestResult, Section, SectionKind, SectionStatus
from digestllm.sections import RawSection, split_sections
from digestllm.text import ScriptView, to_simplified

DEFAULT_MAX_CHARS = 20_000_000
_HAN = re.compile(r"[\u3400-\u9fff]")


def parse_reference_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise InputError(f"reference_date {value!r} is not a date in YYYY-MM-DD form") from None


def check_text(text: object, max_chars: int) -> str:
    """The text to extract from, or an `InputError` that says what is wrong with it."""
    if isinstance(text, bytes):
        raise InputError("extract() takes str; decode bytes first or use extract_file()")
    if not isinstance(text, str):
        raise InputError(f"extract() takes str, not {type(text).__name__}")
    if not text.strip():
        raise EmptyInputError("the input holds no text")
    if len(text) > max_chars:
        raise InputTooLargeError(f"the input has {len(text)} characters, over the limit of {max_chars}; "
                                 "split it or pass a larger max_chars")
    return text


class DocumentRun:
    """The state one document needs across its sections."""

    def __init__(self, text: str, reference_date: date | str | None) -> None:
        self.view = ScriptView(text)
        self.warnings: list[str] = []
        self.reference = parse_reference_date(reference_date) or self._date_from_text()
        self.raw_sections = split_sections(self.view)
        self.rules = RuleExtractor(self.view, self.raw_sections, self.reference)

    def _date_from_text(self) -> date | None:
        found = document_date(self.view.simplified)
        if found is None:
            self.warnings.append("no reference date given or found in the text: days without a year are left undated")
            return None
        year, month, day = found
        if year is None:
            self.warnings.append(f"the text dates itself {month}/{day} without a year and no reference date was given: "
                                 "days without a year are left undated")
            return None
        try:
            return date(year, month, day)
        except ValueError:
            return None

    def rule_records(self) -> list[SectionRecords]:
        return [self.rules.extract(i, raw) for i, raw in enumerate(self.raw_sections)]

    def section(self, index: int, raw: RawSection, records: SectionRecords, extractor: str = "rules",
                status: SectionStatus | None = None, warnings: list[str] | None = None) -> Section:
        if status is None:
            status = SectionStatus.SKIPPED if raw.kind is SectionKind.BYLINE else SectionStatus.OK
        return Section(index=index, kind=raw.kind, span=span_of(self.view, raw.start, raw.end), header=raw.header,
                       headline=raw.headline, extractor=extractor, status=status, warnings=warnings or [],
                       counts=records.counts())

    def result(self, sections: list[Section], records: list[SectionRecords], mode: str,
               prompt_version: str | None = None) -> DigestResult:
        warnings = list(self.warnings)
        if self.view.script == "none" or not _HAN.search(self.view.original):
            warnings.append("the text has no Chinese characters: nothing to extract")
        title = next((raw.headline for raw in self.raw_sections if raw.headline), None)
        return DigestResult(
            title=title,
            reference_date=self.reference.isoformat() if self.reference else None,
            script=self.view.script,
            mode=mode,
            prompt_version=prompt_version,
            sections=sections,
            officials=consolidate_officials(self.view, [o for r in records for o in r.officials]),
            events=order_events([e for r in records for e in r.events]),
            metrics=deduplicate_metrics([m for r in records for m in r.metrics]),
            warnings=warnings,
        )


def extract_with_rules(text: str, reference_date: date | str | None) -> DigestResult:
    run = DocumentRun(text, reference_date)
    records = run.rule_records()
    sections = [run.section(i, raw, r) for i, (raw, r) in enumerate(zip(run.raw_sections, records))]
    return run.result(sections, records, mode="rules")


def to_simplified_result(result: DigestResult) -> DigestResult:
    """The same result with every reported string in Simplified script (spans keep the original)."""
    data = result.model_dump()
    for official in data["officials"]:
        official["name"] = to_simplified(official["name"])
        official["titles"] = [to_simplified(t) for t in official["titles"]]
        official["region"] = official["region"] and to_simplified(official["region"])
    for event in data["events"]:
        event["officials"] = [to_simplified(n) for n in event["officials"]]
        for key in ("date_text", "action", "location"):
            event[key] = event[key] and to_simplified(event[key])
    for metric in data["metrics"]:
        for key in ("unit", "raw", "subject", "region"):
            metric[key] = metric[key] and to_simplified(metric[key])
    data["title"] = data["title"] and to_simplified(data["title"])
    return DigestResult.model_validate(data)
