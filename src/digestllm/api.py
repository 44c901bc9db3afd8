"""The public entry points: `extract`, `aextract`, `extract_file`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from digestllm.errors import ConfigurationError
from digestllm.pipeline import DEFAULT_MAX_CHARS, check_text, extract_with_rules, to_simplified_result
from digestllm.schemas import DigestResult
from digestllm.sources import read_text_file

Mode = Literal["auto", "rules", "model"]


def extract(
    text: str,
    *,
    reference_date: date | str | None = None,
    mode: Mode = "auto",
    simplified: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> DigestResult:
    """Officials, events and metrics of a digest or news article, each tied to the source text.

    `reference_date` supplies the year and month of days the text leaves incomplete (the
    document's date). `mode`: `auto` uses a model when one is configured, else the rules;
    `rules` and `model` force one. `simplified=True` reports strings in Simplified script.
    """
    checked = check_text(text, max_chars)
    if mode not in ("auto", "rules", "model"):
        raise ConfigurationError(f"mode must be 'auto', 'rules' or 'model', not {mode!r}")
    if mode == "model":
        raise ConfigurationError("mode='model' needs a model: pass model=... or set DIGESTLLM_MODEL")
    result = extract_with_rules(checked, reference_date)
    return to_simplified_result(result) if simplified else result


def extract_file(path: str | Path, **options: object) -> DigestResult:
    """`extract` on a file in UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 or Big5."""
    return extract(read_text_file(path), **options)  # type: ignore[arg-type]
