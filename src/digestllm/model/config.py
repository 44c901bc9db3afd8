"""How to reach a model: from keyword arguments, else from the environment.

DIGESTLLM_MODEL, DIGESTLLM_BASE_URL, OPENAI_API_KEY (or DIGESTLLM_API_KEY), DIGESTLLM_INSTRUCTOR_MODE
(`tools` or `md_json`), DIGESTLLM_TIMEOUT, DIGESTLLM_CONCURRENCY, DIGESTLLM_CACHE_DIR.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from digestllm.errors import ConfigurationError
from digestllm.model.credentials import check_api_key, check_base_url

INSTRUCTOR_MODES = ("tools", "md_json")
_LOCAL_PLACEHOLDER_KEY = "not-needed"  # local servers (llama.cpp, Ollama, vLLM) ignore the key


@dataclass(frozen=True)
class ModelConfig:
    model: str
    base_url: str | None = None
    api_key: str = field(default=_LOCAL_PLACEHOLDER_KEY, repr=False)  # never printed
    instructor_mode: str = "tools"
    timeout: float = 120.0  # seconds, one HTTP call
    transport_retries: int = 2  # 429 / 5xx / timeouts, by the openai client (honours Retry-After)
    validation_retries: int = 1  # re-asks after a validation error, through instructor
    concurrency: int = 4  # sections in flight at once
    section_budget: float | None = None  # seconds for one section, retries included; None: derived
    max_section_chars: int = 1500  # longer sections are sent in chunks
    max_document_chars: int = 200_000  # past this, sections go to the rules alone (a 10 MB page is no prompt)
    max_tokens: int = 1024
    temperature: float = 0.0
    cache_dir: Path | None = None

    def __post_init__(self) -> None:
        if not self.model:
            raise ConfigurationError("no model name: pass model=... or set DIGESTLLM_MODEL")
        if self.instructor_mode not in INSTRUCTOR_MODES:
            raise ConfigurationError(f"instructor mode must be one of {INSTRUCTOR_MODES}, not {self.instructor_mode!r}")
        _require(isinstance(self.model, str), "model must be a string")
        check_api_key(self.api_key)
        check_base_url(self.base_url)
        for name in ("concurrency", "max_section_chars", "max_document_chars", "max_tokens"):
            value = getattr(self, name)
            _require(
                isinstance(value, int) and not isinstance(value, bool) and value >= 1,
                f"{name} must be an integer ≥ 1, not {value!r}",
            )
        for name in ("transport_retries", "validation_retries"):
            value = getattr(self, name)
            _require(
                isinstance(value, int) and not isinstance(value, bool) and value >= 0,
                f"{name} must be an integer ≥ 0, not {value!r}",
            )
        for name in ("timeout", "section_budget", "temperature"):
            value = getattr(self, name)
            if value is None and name == "section_budget":
                continue
            _require(
                isinstance(value, (int, float))
                and not isinstance(value, bool)
                and math.isfinite(value)
                and (value > 0 or name == "temperature" and value == 0),
                f"{name} must be a positive number, not {value!r}",
            )
        _require(self.cache_dir is None or isinstance(self.cache_dir, Path), "cache_dir must be a path")

    @property
    def total_budget(self) -> float:
        """Seconds one section may take in all: every attempt at its longest, plus back-off."""
        if self.section_budget is not None:
            return self.section_budget
        attempts = (self.transport_retries + 1) * (self.validation_retries + 1)
        return attempts * self.timeout + 30.0

    def __repr__(self) -> str:
        return f"ModelConfig(model={self.model!r}, base_url={self.base_url!r}, mode={self.instructor_mode!r})"


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ConfigurationError(message)


def check_options(options: dict[str, object]) -> None:
    """Refuse keyword options that no part of digestllm reads (a typo would otherwise pass silently)."""
    known = set(ModelConfig.__dataclass_fields__)
    unknown = sorted(set(options) - known)
    if unknown:
        raise ConfigurationError(
            f"unknown option(s): {', '.join(unknown)}; model options are {', '.join(sorted(known))}"
        )


def resolve_config(
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    **options: object,
) -> ModelConfig | None:
    """The model configuration from arguments and environment, or None when no model is named."""
    env = os.environ
    name = model or env.get("DIGESTLLM_MODEL")
    if not name:
        return None
    settings: dict[str, object] = {
        "instructor_mode": env.get("DIGESTLLM_INSTRUCTOR_MODE", "tools"),
    }
    for key, variable, kind in (("timeout", "DIGESTLLM_TIMEOUT", float), ("concurrency", "DIGESTLLM_CONCURRENCY", int)):
        if env.get(variable):
            try:
                settings[key] = kind(env[variable])
            except ValueError:
                raise ConfigurationError(f"{variable}={env[variable]!r} is not a number") from None
    if env.get("DIGESTLLM_CACHE_DIR"):
        settings["cache_dir"] = Path(env["DIGESTLLM_CACHE_DIR"])
    settings.update({k: v for k, v in options.items() if v is not None})
    if isinstance(settings.get("cache_dir"), str):
        settings["cache_dir"] = Path(str(settings["cache_dir"]))
    key = api_key or env.get("DIGESTLLM_API_KEY") or env.get("OPENAI_API_KEY") or _LOCAL_PLACEHOLDER_KEY
    check_options(settings)
    return ModelConfig(model=name, base_url=base_url or env.get("DIGESTLLM_BASE_URL"), api_key=key, **settings)  # type: ignore[arg-type]
