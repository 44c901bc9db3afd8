"""The public entry points: `extract`, `aextract`, `extract_file`.

They check the input, build the model extractor only when a model is configured (the core never
imports the provider layer), and hand the document to the orchestrator in `document.py`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from digestllm.document import SectionExtractor, arun_document, run_document
from digestllm.enrich import enrich_officials
from digestllm.errors import ConfigurationError, internal_errors
from digestllm.inputs import DEFAULT_MAX_CHARS, check_text
from digestllm.schemas import DigestResult
from digestllm.simplify import to_simplified_result
from digestllm.sources import DEFAULT_MAX_BYTES, file_name_reference, read_text_file

if TYPE_CHECKING:
    import httpx

    from digestllm.model.config import ModelConfig

ModeOption = Literal["auto", "rules", "model"]
PLACE_CONTEXT_CHARS = 2000  # the head of the text that helps choose between places of one name
T = TypeVar("T")


async def aextract(
    text: str,
    *,
    reference_date: date | str | None = None,
    mode: ModeOption = "auto",
    simplified: bool = False,
    places: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    **model_options: Any,
) -> DigestResult:
    """Officials, events and metrics of a digest or news article, each tied to the source text.

    `reference_date` supplies the year and month of days the text leaves incomplete (the document's
    date). `mode`: `auto` uses a model when one is configured (arguments or DIGESTLLM_MODEL), else
    the rules; `rules` and `model` force one. `simplified=True` reports strings in Simplified script.
    Every official carries its name in pinyin and its posts normalised (role, level, region);
    `places=True` adds the regions' administrative division codes for the document's year (the `geo`
    extra). Model options (`task`, `timeout`, `concurrency`, `cache_dir`, …) are `ModelConfig`'s.
    """
    with internal_errors():  # nothing but a DigestError leaves: a bug is an InternalError
        checked = check_text(text, max_chars)
        extractor = _model_extractor(mode, model, base_url, api_key, model_options, transport)
        if extractor is None:
            result = await asyncio.to_thread(run_document, checked, reference_date)  # keep the loop free
        else:
            result = await arun_document(checked, reference_date, extractor)
        return _finish(result, simplified, places, checked)


def extract(
    text: str,
    *,
    reference_date: date | str | None = None,
    mode: ModeOption = "auto",
    simplified: bool = False,
    places: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    **model_options: Any,
) -> DigestResult:
    """`aextract` for synchronous callers: the rules run directly, the model's calls on an event
    loop of their own (in a worker thread when the caller is already inside one)."""
    with internal_errors():  # nothing but a DigestError leaves: a bug is an InternalError
        checked = check_text(text, max_chars)
        extractor = _model_extractor(mode, model, base_url, api_key, model_options, transport)
        if extractor is None:
            result = run_document(checked, reference_date)
        else:
            result = _run(arun_document(checked, reference_date, extractor))
        return _finish(result, simplified, places, checked)


def _finish(result: DigestResult, simplified: bool, places: bool, text: str) -> DigestResult:
    """The result in the script asked for, its officials with pinyin, posts and (asked for) place codes."""
    if simplified:
        result = to_simplified_result(result)
    return enrich_officials(result, codes=places, context=[text[:PLACE_CONTEXT_CHARS]])


def extract_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, **options: Any) -> DigestResult:
    """`extract` on a file in UTF-8 (with or without BOM), UTF-16, GB18030 or Big5 (see `sources`).

    Without `reference_date`, a text that gives no date with a year takes the date of its file name
    (`guangan-2020-03-02.txt`), with a warning that says so."""
    text = read_text_file(path, max_bytes=max_bytes)
    named = file_name_reference(path, text) if options.get("reference_date") is None else None
    if named is None:
        return extract(text, **options)
    result = extract(text, **{**options, "reference_date": named[0]})
    result.warnings.insert(0, f"reference date {named[0]} taken from the file name {named[1]}")
    return result


def _model_extractor(
    mode: str,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    options: dict[str, Any],
    transport: httpx.AsyncBaseTransport | None,
) -> SectionExtractor | None:
    """The model extractor when a model is configured (or demanded), else None for the rules."""
    config = _model_config(mode, model, base_url, api_key, options)
    if config is None:
        return None
    from digestllm.model.extractor import ModelExtractor  # the model libraries load only when needed

    return ModelExtractor(config, transport=transport)


def _model_config(
    mode: str, model: str | None, base_url: str | None, api_key: str | None, options: dict[str, Any]
) -> ModelConfig | None:
    if mode not in ("auto", "rules", "model"):
        raise ConfigurationError(f"mode must be 'auto', 'rules' or 'model', not {mode!r}")
    from digestllm.model.config import check_options, resolve_config

    check_options(options)
    if mode == "rules":
        return None
    config = resolve_config(model, base_url, api_key, **options)
    if config is None and mode == "model":
        raise ConfigurationError("mode='model' needs a model: pass model=... or set DIGESTLLM_MODEL")
    return config


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion, also when the caller is already inside an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
