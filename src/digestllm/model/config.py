"""How to reach a model: from keyword arguments, else from the environment.

DIGESTLLM_MODEL, DIGESTLLM_BASE_URL, OPENAI_API_KEY (or DIGESTLLM_API_KEY), DIGESTLLM_INSTRUCTOR_MODE
(`tools` or `md_json`), DIGESTLLM_TASK (`slots` or `records`), DIGESTLLM_TIMEOUT, DIGESTLLM_CONCURRENCY,
DIGESTLLM_CACHE_DIR.

`ModelConfig` is a frozen pydantic model that forbids unknown fields: a misspelt option is a
`ConfigurationError` naming it, never silently ignored. The defaults fit the local server the README
tells people to start (llama.cpp's server answers one request at a time, so sections queue: one in
flight, a generous timeout); a hosted API takes a higher `concurrency`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from digestllm.errors import ConfigurationError
from digestllm.model.credentials import check_api_key, check_base_url

LOCAL_PLACEHOLDER_KEY = "not-needed"  # local servers (llama.cpp, Ollama, vLLM) ignore the key
BACKOFF_ALLOWANCE_S = 30.0  # added to a section's derived time budget for the retries' back-off
_ENVIRONMENT_NUMBERS = (("timeout", "DIGESTLLM_TIMEOUT", float), ("concurrency", "DIGESTLLM_CONCURRENCY", int))


class ModelConfig(BaseModel):
    """Everything the model path needs to know; checked when built."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    model: str = Field(min_length=1)
    base_url: str | None = None
    api_key: str = Field(default=LOCAL_PLACEHOLDER_KEY, repr=False)  # never printed
    instructor_mode: Literal["tools", "md_json"] = "tools"
    task: Literal["slots", "records"] = "slots"  # fill in the rules' skeleton, or read each section afresh
    timeout: float = Field(default=300.0, gt=0, allow_inf_nan=False)  # seconds, one HTTP call
    transport_retries: int = Field(default=2, ge=0)  # 429 / 5xx / timeouts, by the openai client
    validation_retries: int = Field(default=1, ge=0)  # re-asks after a validation error, through instructor
    concurrency: int = Field(default=1, ge=1)  # sections in flight at once
    section_budget: float | None = Field(default=None, gt=0, allow_inf_nan=False)  # None: derived
    max_section_chars: int = Field(default=1500, ge=1)  # longer sections are sent in pieces
    max_document_chars: int = Field(default=200_000, ge=1)  # past this, sections go to the rules alone
    max_tokens: int = Field(default=1024, ge=1)
    temperature: float = Field(default=0.0, ge=0, allow_inf_nan=False)
    cache_dir: Path | None = None

    @field_validator("timeout", "section_budget", "temperature", mode="before")
    @classmethod
    def _a_number(cls, value: object) -> object:
        """Integers are numbers too (strict mode would refuse them for a float); booleans are not."""
        return float(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("api_key")
    @classmethod
    def _printable_key(cls, value: str) -> str:
        check_api_key(value)
        return value

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        check_base_url(value)
        return value

    @property
    def total_budget(self) -> float:
        """Seconds one section may take in all: every attempt at its longest, plus back-off."""
        if self.section_budget is not None:
            return self.section_budget
        attempts = (self.transport_retries + 1) * (self.validation_retries + 1)
        return attempts * self.timeout + BACKOFF_ALLOWANCE_S

    def __repr__(self) -> str:
        return f"ModelConfig(model={self.model!r}, base_url={self.base_url!r}, task={self.task!r})"


def build_config(**settings: Any) -> ModelConfig:
    """A `ModelConfig`, or a `ConfigurationError` that says which setting is wrong and why."""
    try:
        return ModelConfig(**settings)
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(part) for part in problem["loc"]) or "model options"
        given = "" if field == "api_key" else f", not {problem.get('input')!r}"  # a key is never quoted
        raise ConfigurationError(f"{field}: {problem['msg'].lower()}{given}") from None


def check_options(options: dict[str, object]) -> None:
    """Refuse keyword options that no part of digestllm reads (a typo would otherwise pass silently)."""
    known = set(ModelConfig.model_fields)
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
        "task": env.get("DIGESTLLM_TASK", "slots"),
    }
    for key, variable, kind in _ENVIRONMENT_NUMBERS:
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
    key = api_key or env.get("DIGESTLLM_API_KEY") or env.get("OPENAI_API_KEY") or LOCAL_PLACEHOLDER_KEY
    check_options(settings)
    return build_config(model=name, base_url=base_url or env.get("DIGESTLLM_BASE_URL"), api_key=key, **settings)
