"""The work done for one document, in a worker process or on the event loop alike.

`extract_batch` is what `extract_many` sends to its workers: results as JSON text (cheap to pass
between processes). `corpus_batch` is what a corpus run sends: reuse the stored record when it
still holds, else extract and write the record; either way return the document's table rows, so
that the main process only collects them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digestllm.api import extract
from digestllm.corpus.documents import DocumentStore, RunKey
from digestllm.corpus.inputs import Document, DocumentFailure
from digestllm.corpus.parts import DocumentRows, PartWriter
from digestllm.corpus.people import document_people
from digestllm.corpus.tables import rows_of
from digestllm.errors import DigestError
from digestllm.schemas import DigestResult

Item = Document | DocumentFailure

PART_ROWS = 200_000  # a batch's rows are held until the batch ends, unless there are more than this
EXTRACTED = "extracted"
REUSED = "reused"
FAILED = "failed"


@dataclass
class UsageTotals:
    """The model's calls and tokens, added up over sections and documents."""

    calls: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_sections: int = 0

    @classmethod
    def of(cls, result: DigestResult) -> UsageTotals:
        totals = cls()
        for section in result.sections:
            usage = section.usage
            if usage is not None:
                totals.calls += usage.calls
                totals.retries += usage.retries
                totals.prompt_tokens += usage.prompt_tokens
                totals.completion_tokens += usage.completion_tokens
                totals.cached_sections += int(usage.cached)
        return totals

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def add(self, other: UsageTotals) -> None:
        self.calls += other.calls
        self.retries += other.retries
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.cached_sections += other.cached_sections


@dataclass
class Outcome:
    """What became of one document in a corpus run."""

    id: str
    status: str  # EXTRACTED, REUSED or FAILED
    characters: int = 0
    rows: DocumentRows | None = None
    usage: UsageTotals = field(default_factory=UsageTotals)
    failure: DocumentFailure | None = None
    on_rules_by_budget: bool = False


@dataclass(frozen=True)
class CorpusSetup:
    """What every worker of a corpus run needs: where records go, the options, the key, and whether
    places get division codes (the `geo` extra)."""

    out_dir: Path
    options: dict[str, Any]
    key: RunKey
    places: bool = False


def failure_of(document: Document, error: Exception) -> DocumentFailure:
    """A failure for a document; an unexpected exception is recorded rather than ending the run."""
    return DocumentFailure.of(document.id, error, document.path)


def extract_one(document: Document, options: dict[str, Any]) -> DigestResult | DocumentFailure:
    try:
        return extract(document.text, reference_date=document.reference_date, **options)
    except DigestError as error:
        return failure_of(document, error)
    except Exception as error:  # a bug on one strange document must not end a run of thousands
        return failure_of(document, error)


def extract_batch(number: int, batch: list[Item], options: dict[str, Any]) -> list[tuple[str, str | DocumentFailure]]:
    """Each document's result as JSON text, or its failure (`number`, the batch's, is not needed)."""
    out: list[tuple[str, str | DocumentFailure]] = []
    for item in batch:
        if isinstance(item, DocumentFailure):
            out.append((item.id, item))
            continue
        result = extract_one(item, options)
        out.append((item.id, result if isinstance(result, DocumentFailure) else result.model_dump_json()))
    return out


def document_rows(record: Mapping[str, Any], result: DigestResult, places: bool) -> DocumentRows:
    """What a document adds to the tables, from its record's metadata and its result."""
    people = document_people(record["id"], result, record.get("text"), codes=places)
    return DocumentRows(rows_of(record, result), people)


def stored_rows(record: Mapping[str, Any], places: bool) -> DocumentRows:
    """What a record read back from `documents/<id>.json` adds to the tables."""
    return document_rows(record, DigestResult.model_validate(record["result"]), places)


def reused(document: Document, store: DocumentStore, setup: CorpusSetup) -> Outcome | None:
    """The outcome of a document whose stored record still holds, or None."""
    record = store.reusable(document, setup.key)
    if record is None:
        return None
    return Outcome(document.id, REUSED, len(document.text), stored_rows(record, setup.places))


def recorded(
    document: Document, result: DigestResult, store: DocumentStore, setup: CorpusSetup, key: RunKey
) -> Outcome:
    """Write a fresh result's record (made under `key`) and return its rows."""
    record = store.write(document, key, result.model_dump_json())
    rows = document_rows(record, result, setup.places)
    return Outcome(document.id, EXTRACTED, len(document.text), rows, UsageTotals.of(result))


def failed(item: Item, error: Exception | None = None) -> Outcome:
    if isinstance(item, DocumentFailure):
        return Outcome(item.id, FAILED, failure=item)
    assert error is not None
    return Outcome(item.id, FAILED, len(item.text), failure=failure_of(item, error))


def corpus_batch(number: int, batch: list[Item], setup: CorpusSetup) -> list[Outcome]:
    """The corpus run's work on a batch of documents (rules path, in a worker process): records
    written, table rows and people shares written to the batch's own parts; the outcomes come back
    without them, so that little passes between the processes."""
    outcomes = corpus_outcomes(batch, setup)
    parts = PartWriter(setup.out_dir, prefix=f"batch{number:08d}", flush_rows=PART_ROWS)
    for outcome in outcomes:
        if outcome.rows is not None:
            parts.add(outcome.rows)
            outcome.rows = None
    parts.flush()
    return outcomes


def corpus_outcomes(batch: list[Item], setup: CorpusSetup) -> list[Outcome]:
    """Each document of a batch reused, or extracted and recorded; its outcome with its rows."""
    store = DocumentStore(setup.out_dir)
    outcomes: list[Outcome] = []
    for item in batch:
        if isinstance(item, DocumentFailure):
            outcomes.append(failed(item))
            continue
        outcome = reused(item, store, setup)
        if outcome is None:
            result = extract_one(item, setup.options)
            if isinstance(result, DocumentFailure):
                outcome = Outcome(item.id, FAILED, len(item.text), failure=result)
            else:
                try:
                    outcome = recorded(item, result, store, setup, setup.key)
                except DigestError as error:
                    outcome = failed(item, error)
        outcomes.append(outcome)
    return outcomes
