"""A corpus run into an output folder: records, failures, tables, database, run report.

1. Parts and half-written files of an earlier run are removed.
2. Each document is reused (its record holds for the same text, options and versions) or extracted
   and its record written atomically; its table rows and its share of the people tables go into
   parts (written by the worker that made them on the rules, by this process on the model path).
3. Records in the folder from earlier runs with other inputs are added to the tables as they are.
4. The parts become the tables, the database and `run.json`.

A run killed at any moment leaves whole records only; the rerun reuses them and rebuilds every table
from its own parts, so each document appears once in each table.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from digestllm.api import aextract
from digestllm.corpus.aio import amap_ordered, iterate_in_thread
from digestllm.corpus.budget import TokenBudget
from digestllm.corpus.database import build_tables
from digestllm.corpus.documents import DocumentStore, RunKey, library_version, options_key
from digestllm.corpus.inputs import Document, DocumentFailure, file_name
from digestllm.corpus.parts import PartWriter, reset_parts
from digestllm.corpus.pool import BatchSize, default_workers, map_ordered
from digestllm.corpus.progress import RunProgress
from digestllm.corpus.report import FailureLog, RunReport, write_run_json
from digestllm.corpus.run import MODEL_DOCUMENTS_IN_FLIGHT, check_options, uses_model
from digestllm.corpus.work import FAILED, CorpusSetup, Outcome, corpus_batch, failed, recorded, reused, stored_rows
from digestllm.errors import ConfigurationError, InputError

Item = Document | DocumentFailure
_MODEL_ONLY = (
    *("model", "base_url", "instructor_mode", "validation_retries"),
    *("max_section_chars", "max_document_chars", "max_tokens", "temperature"),
)


# Big batches: each writes its own Parquet parts, so fewer, larger parts (a million documents: ~4,000 batches).
CORPUS_BATCH = BatchSize(documents=256, characters=1_000_000)


class DuplicateIdError(InputError):
    """Two inputs of one run have the same document id."""


@dataclass(frozen=True)
class CorpusOptions:
    """How a corpus run goes, besides `extract`'s own options."""

    workers: int | None = None
    excel: bool = False
    places: bool = False  # division codes in the people tables (the geo extra)
    progress: bool = True
    max_total_tokens: int | None = None
    total: int | None = None  # documents expected, for the progress bar's ETA


def run_corpus(items: Iterable[Item], out_dir: Path, options: dict[str, Any], run: CorpusOptions) -> dict[str, Any]:
    """Run every document into `out_dir`; returns what `run.json` says."""
    check_options(options)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: not a folder; --out names the folder the dataset goes to")
    model = uses_model(options)
    setup = CorpusSetup(out_dir, options, run_key(options, model), places=run.places)
    store = DocumentStore(out_dir)
    store.clear_temporary()
    reset_parts(out_dir)
    workers = run.workers or (MODEL_DOCUMENTS_IN_FLIGHT if model else default_workers())
    report = RunReport(workers)
    budget = TokenBudget(run.max_total_tokens)
    parts = PartWriter(out_dir)
    seen: set[str] = set()
    with FailureLog(out_dir) as failures, RunProgress(run.total, enabled=run.progress, tokens=model) as bar:
        once = unique(items, seen)
        if model:
            outcomes = _model_run(once, setup, workers, budget)
        else:  # each batch writes its rows to Parquet parts itself
            outcomes = map_ordered(corpus_batch, once, setup, workers, CORPUS_BATCH)
        for outcome in outcomes:
            report.add(outcome)
            if outcome.rows is not None:
                parts.add(outcome.rows)
            if outcome.failure is not None:
                failures.write(outcome.failure)
                if outcome.failure.error_class != DuplicateIdError.__name__:
                    store.remove(outcome.id)  # a record of an earlier text would stand for this one
            bar.advance(failed=outcome.status == FAILED, tokens=outcome.usage.tokens)
    for record in earlier_records(store, seen):
        parts.add(stored_rows(record, run.places))
        report.counts["kept"] += 1
    parts.flush()
    tables = build_tables(out_dir, excel=run.excel)
    summary = report.summary(tables, settings(setup, model, budget))
    write_run_json(out_dir, summary)
    return summary


def run_key(options: dict[str, Any], model: bool) -> RunKey:
    if not model:
        shaping = {k: v for k, v in options.items() if k not in _MODEL_ONLY}
        return RunKey(options_key({**shaping, "mode": "rules"}), library_version(), None)
    named = options.get("model") or os.environ.get("DIGESTLLM_MODEL")
    base_url = options.get("base_url") or os.environ.get("DIGESTLLM_BASE_URL")
    return RunKey(
        options_key({**options, "mode": "model", "model": named, "base_url": base_url}),
        library_version(),
        _prompt_version(),
    )


def _prompt_version() -> str:
    from digestllm.model.prompts import load_prompts  # the model path's prompts; loaded only for model runs

    return load_prompts().version


def unique(items: Iterable[Item], seen: set[str]) -> Iterator[Item]:
    """The items, a document whose id an earlier one had turned into a failure."""
    for item in items:
        name = file_name(item.id)
        if name in seen:
            yield DocumentFailure(
                item.id,
                DuplicateIdError.__name__,
                f"document id {item.id!r} is given twice in this run; the first one is kept",
                item.path,
            )
            continue
        seen.add(name)
        yield item


def _model_run(items: Iterable[Item], setup: CorpusSetup, workers: int, budget: TokenBudget) -> Iterator[Outcome]:
    """The corpus work on the model path: documents and sections concurrent on one event loop."""
    store = DocumentStore(setup.out_dir)
    rules_key = replace(setup.key, options_key=run_key(setup.options, model=False).options_key, prompt_version=None)

    async def one(item: Item) -> Outcome:
        if isinstance(item, DocumentFailure):
            return failed(item)
        outcome = reused(item, store, setup)
        if outcome is not None:
            return outcome
        chosen, on_rules = budget.options_for_next(setup.options)
        try:
            result = await aextract(item.text, reference_date=item.reference_date, **chosen)
            budget.spend(result, on_rules)
            outcome = recorded(item, result, store, setup, rules_key if on_rules else setup.key)
        except ConfigurationError:
            raise  # the same for every document: the run stops
        except Exception as error:  # this document failed (a DigestError, or a bug on a strange text)
            return failed(item, error)
        outcome.on_rules_by_budget = on_rules
        return outcome

    async def outcomes() -> AsyncIterator[Outcome]:
        async for outcome in amap_ordered(one, items, workers):
            yield outcome

    return iterate_in_thread(outcomes)


def earlier_records(store: DocumentStore, seen: set[str]) -> Iterator[dict[str, Any]]:
    """Records in the folder that this run's inputs did not name (kept from runs on other inputs)."""
    for name in store.names():
        if name[: -len(".json")] not in seen:
            record = store.read(name)
            if record is not None:
                yield record


def settings(setup: CorpusSetup, model: bool, budget: TokenBudget) -> dict[str, Any]:
    hidden = {"api_key", "transport"}
    return {
        "path": "model" if model else "rules",
        "options": {k: str(v) if isinstance(v, Path) else v for k, v in setup.options.items() if k not in hidden},
        "options_key": setup.key.options_key,
        "library_version": setup.key.library_version,
        "prompt_version": setup.key.prompt_version,
        "budget": budget.report(),
    }
