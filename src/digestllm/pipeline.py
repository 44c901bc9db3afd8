"""One document end to end on the rules: text → sections → records; the state a model run shares."""

from __future__ import annotations

import re
from datetime import date, datetime

from digestllm.consolidate import consolidate_officials, deduplicate_metrics, order_events
from digestllm.errors import EmptyInputError, InputError, InputTooLargeError
from digestllm.numbers import absurd_figures_warning
from digestllm.rules.dates import document_date
from digestllm.rules.extractor import RuleExtractor, SectionRecords, span_of
from digestllm.schemas import DigestResult, Section, SectionKind, SectionStatus
from digestllm.sections import RawSection, split_sections
from digestllm.text import ScriptView, to_simplified

DEFAULT_MAX_CHARS = 20_000_000
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Letters of scripts that share Han characters with Chinese but are not Chinese text.
_KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")
_FOREIGN_SHARE_LIMIT = 0.2  # of the letters: more kana or Hangul than this is not a Chinese text
_HOW_TO_DATE = " (pass reference_date='YYYY-MM-DD'; on the command line --reference-date YYYY-MM-DD)"
_PLAUSIBLE_YEARS = (1900, 2100)  # a document date outside them is a misreading


def parse_reference_date(value: date | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(f"reference_date {value!r} is not a date in YYYY-MM-DD form") from None
    elif not isinstance(value, date):
        raise InputError(f"reference_date must be a date or a 'YYYY-MM-DD' string, not {type(value).__name__}")
    if not _PLAUSIBLE_YEARS[0] <= value.year <= _PLAUSIBLE_YEARS[1]:
        raise InputError(
            f"reference_date {value.isoformat()} is outside the years {_PLAUSIBLE_YEARS[0]}–{_PLAUSIBLE_YEARS[1]} "
            "that news reports are dated in"
        )
    return value


def check_text(text: object, max_chars: int) -> str:
    """The text to extract from, or an `InputError` that says what is wrong with it."""
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise InputError(f"max_chars must be a positive integer, not {max_chars!r}")
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise InputError("extract() takes str; decode bytes first or use extract_file()")
    if not isinstance(text, str):
        raise InputError(f"extract() takes str, not {type(text).__name__}")
    if not text.strip():
        raise EmptyInputError("the input holds no text" + (f" ({len(text)} whitespace characters)" if text else ""))
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"the input has {len(text)} characters, over the limit of {max_chars}; split it or pass a larger max_chars"
        )
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:  # no UTF-8 can hold it: the result could never be written out
        raise InputError(
            f"the input holds a lone surrogate U+{ord(surrogate.group()):04X} at offset {surrogate.start()}, "
            "which is not text (bytes decoded with errors='surrogateescape'?); decode it properly first"
        )
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
            self.warnings.append(
                "no reference date given or found in the text: days without a year are left undated" + _HOW_TO_DATE
            )
            return None
        year, month, day = found
        if year is None:
            self.warnings.append(
                f"the text dates itself {month}/{day} without a year and no reference date was given: "
                "days without a year are left undated" + _HOW_TO_DATE
            )
            return None
        try:
            found_date = date(year, month, day)
        except ValueError:
            found_date = None
        if found_date is None or not _PLAUSIBLE_YEARS[0] <= year <= _PLAUSIBLE_YEARS[1]:
            # An impossible day (2月30日) or a year no news report has (0001.01.01, which also leaves
            # no room to count back "前天" from): say so instead of silently dropping or trusting it.
            self.warnings.append(
                f"the text dates itself {year}-{month}-{day}, which is no plausible day, and no "
                "reference date was given: days without a year are left undated" + _HOW_TO_DATE
            )
            return None
        return found_date

    def _headline_spans(self) -> list[tuple[int, int]]:
        """Where each section's headline is written (its first occurrence inside the section)."""
        spans = []
        for raw in self.raw_sections:
            at = self.view.original.find(raw.headline, raw.start, raw.end) if raw.headline else -1
            if at != -1:
                spans.append((at, at + len(raw.headline or "")))
        return spans

    def rule_records(self) -> list[SectionRecords]:
        return [self.rules.extract(i, raw) for i, raw in enumerate(self.raw_sections)]

    def section(
        self,
        index: int,
        raw: RawSection,
        records: SectionRecords,
        extractor: str = "rules",
        status: SectionStatus | None = None,
        warnings: list[str] | None = None,
    ) -> Section:
        if status is None:
            status = SectionStatus.SKIPPED if raw.kind is SectionKind.BYLINE else SectionStatus.OK
        return Section(
            index=index,
            kind=raw.kind,
            span=span_of(self.view, raw.start, raw.end),
            header=raw.header,
            headline=raw.headline,
            extractor=extractor,
            status=status,
            warnings=warnings or [],
            counts=records.counts(),
        )

    def result(
        self, sections: list[Section], records: list[SectionRecords], mode: str, prompt_version: str | None = None
    ) -> DigestResult:
        warnings = list(self.warnings)
        absurd = absurd_figures_warning(self.view.original)
        if absurd:
            warnings.append(absurd)
        if self.view.script == "none" or not _HAN.search(self.view.original):
            warnings.append("the text has no Chinese characters: nothing to extract")
        else:
            foreign = _foreign_script_warning(self.view.original)
            if foreign:
                warnings.append(foreign)
        title = next((raw.headline for raw in self.raw_sections if raw.headline), None)
        return DigestResult(
            title=title,
            reference_date=self.reference.isoformat() if self.reference else None,
            script=self.view.script,
            mode=mode,
            prompt_version=prompt_version,
            sections=sections,
            officials=consolidate_officials(
                self.view,
                [o for r in records for o in r.officials],
                skip=[(raw.start, raw.end) for raw in self.raw_sections if raw.kind is SectionKind.BYLINE],
            ),
            events=order_events([e for r in records for e in r.events]),
            metrics=deduplicate_metrics([m for r in records for m in r.metrics], headlines=self._headline_spans()),
            warnings=warnings,
        )


def _foreign_script_warning(text: str) -> str | None:
    """A warning when kana or Hangul make up much of the letters: Japanese or Korean, not Chinese."""
    if not _KANA.search(text) and not _HANGUL.search(text):
        return None
    letters = len(_LETTER.findall(text))
    for pattern, language in ((_KANA, "Japanese kana"), (_HANGUL, "Korean Hangul")):
        share = len(pattern.findall(text)) / letters
        if share > _FOREIGN_SHARE_LIMIT:
            return (
                f"the text does not look Chinese: {share:.0%} of its letters are {language}; "
                "its Han characters were read as Chinese and records from it are unreliable"
            )
    return None


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
    for section in data["sections"]:
        for key in ("header", "headline"):
            section[key] = section[key] and to_simplified(section[key])
    return DigestResult.model_validate(data)
