"""`extract_many` and `aextract_many`: many documents, results in input order, memory bounded.

On the rules, documents go to worker processes (`workers`, default: the CPUs); with a model, the
documents (`workers` at once, default 4) and each one's sections run concurrently on one event loop.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from typing import Any

from digestllm import errors
from digestllm.api import aextract, extract
from digestllm.corpus.aio import amap_ordered, iterate_in_thread
from digestllm.corpus.budget import TokenBudget
from digestllm.corpus.inputs import Columns, Document, DocumentFailure, content_id, document_from_row
from digestllm.corpus.pool import default_workers, map_ordered
from digestllm.corpus.progress import RunProgress
from digestllm.corpus.work import extract_batch, extract_one, failure_of
from digestllm.errors import ConfigurationError, DigestError
from digestllm.schemas import DigestResult

MODEL_DOCUMENTS_IN_FLIGHT = 4
MODES = ("auto", "rules", "model")
Outcome = tuple[str, DigestResult | DigestError]
ItemLike = Document | str | Mapping[str, Any]


def extract_many(
    items: Iterable[ItemLike],
    *,
    workers: int | None = None,
    progress: bool = False,
    max_total_tokens: int | None = None,
    **options: Any,
) -> Iterator[Outcome]:
    """Extract every item; yields `(document id, DigestResult or DigestError)` in input order.

    An item is a `Document`, a text (its id is a hash of it), or a mapping with a `text` key and
    optional `id`, `date`, `url`, `source`. `options` are `extract`'s (`mode`, `simplified`,
    `model`, …). `max_total_tokens` caps the model's tokens for the whole run: past it, the remaining
    documents go to the rules with a warning. A `ConfigurationError` ends the run; any other error
    is that document's outcome and the run goes on.
    """
    check_options(options)
    documents = (as_document(item) for item in items)
    count = len(items) if isinstance(items, (list, tuple)) else None
    with RunProgress(count, enabled=progress, tokens=uses_model(options)) as bar:
        if uses_model(options):
            budget = TokenBudget(max_total_tokens)
            outcomes = iterate_in_thread(lambda: _model_outcomes(documents, options, workers, budget))
        else:
            outcomes = _rules_outcomes(documents, options, workers)
        for doc_id, outcome in outcomes:
            bar.advance(failed=isinstance(outcome, DigestError), tokens=_tokens(outcome))
            yield doc_id, outcome


async def aextract_many(
    items: Iterable[ItemLike] | AsyncIterable[ItemLike],
    *,
    workers: int | None = None,
    progress: bool = False,
    max_total_tokens: int | None = None,
    **options: Any,
) -> AsyncIterator[Outcome]:
    """`extract_many` for async callers: an async iterator of `(document id, result or error)`."""
    check_options(options)
    count = len(items) if isinstance(items, (list, tuple)) else None
    with RunProgress(count, enabled=progress, tokens=uses_model(options)) as bar:
        if uses_model(options):
            documents = _documents(items)
            outcomes = _model_outcomes(documents, options, workers, TokenBudget(max_total_tokens))
        else:
            if isinstance(items, AsyncIterable):
                raise ConfigurationError("on the rules, aextract_many takes a plain iterable of documents")
            outcomes = _in_thread(_rules_outcomes((as_document(item) for item in items), options, workers))
        async for doc_id, outcome in outcomes:
            bar.advance(failed=isinstance(outcome, DigestError), tokens=_tokens(outcome))
            yield doc_id, outcome


def as_document(item: ItemLike) -> Document:
    """An item of `extract_many` as a `Document`."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(content_id(item), item)
    if isinstance(item, Mapping):
        return document_from_row(dict(item), Columns(), "item")
    raise errors.InputError(f"an item must be a Document, a text or a mapping, not {type(item).__name__}")


def uses_model(options: Mapping[str, Any]) -> bool:
    """Whether these options run the model path (as `extract` decides it)."""
    mode = options.get("mode", "auto")
    if mode not in MODES:
        raise ConfigurationError(f"mode must be 'auto', 'rules' or 'model', not {mode!r}")
    if mode == "rules":
        return False
    return mode == "model" or bool(options.get("model") or os.environ.get("DIGESTLLM_MODEL"))


def check_options(options: Mapping[str, Any]) -> None:
    """Refuse unknown or invalid options before the first document rather than on every one."""
    uses_model(options)
    extract("国", **{**options, "mode": "rules"})


def to_error(failure: DocumentFailure) -> DigestError:
    """The error a worker reported, as an exception of the same class when it is digestllm's own."""
    kind = getattr(errors, failure.error_class, None)
    if isinstance(kind, type) and issubclass(kind, DigestError):
        return kind(failure.message)
    return DigestError(f"{failure.error_class}: {failure.message}")


def _rules_outcomes(documents: Iterable[Document], options: dict[str, Any], workers: int | None) -> Iterator[Outcome]:
    workers = workers or default_workers()
    if workers == 1:  # in this process: the results as they are, no round trip through JSON
        for document in documents:
            result = extract_one(document, options)
            yield document.id, to_error(result) if isinstance(result, DocumentFailure) else result
        return
    for doc_id, answer in map_ordered(extract_batch, documents, options, workers):
        if isinstance(answer, DocumentFailure):
            yield doc_id, to_error(answer)
        else:
            yield doc_id, DigestResult.model_validate_json(answer)


async def _model_outcomes(
    documents: Iterable[Document] | AsyncIterable[Document],
    options: dict[str, Any],
    workers: int | None,
    budget: TokenBudget,
) -> AsyncIterator[Outcome]:
    async def one(document: Document) -> Outcome:
        chosen, on_rules = budget.options_for_next(options)
        try:
            result = await aextract(document.text, reference_date=document.reference_date, **chosen)
        except ConfigurationError:
            raise  # the same for every document: the run stops
        except DigestError as error:
            return document.id, error
        except Exception as error:  # a bug on one strange document must not end the run
            return document.id, to_error(failure_of(document, error))
        budget.spend(result, on_rules)
        return document.id, result

    async for outcome in amap_ordered(one, documents, workers or MODEL_DOCUMENTS_IN_FLIGHT):
        yield outcome


async def _documents(items: Iterable[ItemLike] | AsyncIterable[ItemLike]) -> AsyncIterator[Document]:
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield as_document(item)
    else:
        for item in items:
            yield as_document(item)


async def _in_thread(outcomes: Iterator[Outcome]) -> AsyncIterator[Outcome]:
    """A blocking iterator's items, each fetched in a worker thread so that the loop stays free."""
    done = object()
    try:
        while True:
            outcome = await asyncio.to_thread(next, outcomes, done)
            if outcome is done:
                return
            yield outcome  # type: ignore[misc]
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            await asyncio.to_thread(close)


def _tokens(outcome: DigestResult | DigestError) -> int:
    if isinstance(outcome, DigestError):
        return 0
    return sum(s.usage.prompt_tokens + s.usage.completion_tokens for s in outcome.sections if s.usage)
