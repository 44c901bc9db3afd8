"""One section → one (or, for a long section, a few) instructor calls to an OpenAI-compatible server.

Two kinds of retry, kept apart:
- transport: 429, 5xx, timeouts and dropped connections are retried by the openai client itself,
  with exponential back-off that honours `Retry-After`;
- validation: an answer that does not fit the response model goes back to the model with the
  validation error (instructor's re-ask), under a tenacity policy that retries only parse and
  validation errors. A rate-limit error is never pasted into a prompt.
Everything that still fails becomes a `ModelError` (the caller falls back to the rules for that
section), except a rejected key or an unknown model: a `ConfigurationError`, raised at once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, cast

import httpx
import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException, ResponseParsingError
from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt

from digestllm.errors import ConfigurationError, ModelError
from digestllm.model.cache import ResponseCache, cache_key
from digestllm.model.config import ModelConfig
from digestllm.model.credentials import MIN_SECRET_CHARS, redact
from digestllm.model.prompts import PromptSet
from digestllm.model.response import SectionExtraction
from digestllm.schemas import Usage

if TYPE_CHECKING:
    import httpx2

_INSTRUCTOR_MODES = {"tools": instructor.Mode.TOOLS, "md_json": instructor.Mode.MD_JSON}
_RE_ASKABLE = (ValidationError, json.JSONDecodeError, ResponseParsingError)
_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])")
_MAX_RETRY_AFTER = 120.0  # seconds: the openai client does not wait for a longer Retry-After, nor retry


def chunk_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut after sentence ends where possible."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > limit:  # a sentence longer than the limit is cut hard
            if current:
                chunks.append(current)
                current = ""
            chunks.append(sentence[:limit])
            sentence = sentence[limit:]
        if len(current) + len(sentence) > limit:
            chunks.append(current)
            current = ""
        current += sentence
    if current:
        chunks.append(current)
    return [c for c in chunks if c.strip()]


class SectionFailure(ModelError):
    """A section's model call failed for good; `usage` says what was spent trying."""

    def __init__(self, message: str, usage: Usage) -> None:
        super().__init__(message)
        self.usage = usage


class _LibraryLogRouter(logging.Filter):
    """Instructor logs every failed attempt ("API call failed on attempt 1…") on its own logger, which
    Python prints to stderr when the application configured no logging. During a digestllm call such
    records go to the `digestllm.model` logger instead (silent unless the application configures
    logging), and API keys are blotted out of every record of these libraries."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message, self.secrets)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if _SECTION_USAGE.get() is None:
            return True  # not a digestllm call: the record goes its usual way
        if _LOG.isEnabledFor(record.levelno):
            _LOG.handle(record)
        return False


_LOG = logging.getLogger("digestllm.model")
_LOG.addHandler(logging.NullHandler())  # no "last resort" printing to stderr: silent unless configured
_ROUTER = _LibraryLogRouter()
_LOGGED_LIBRARIES = ("instructor", "openai", "httpx", "httpcore")


def _guard_logs(secret: str) -> None:
    """Install the router on every logger of the libraries that talk to the server."""
    if len(secret) >= MIN_SECRET_CHARS:
        _ROUTER.secrets.add(secret)
    names = [n for n in logging.root.manager.loggerDict if n.split(".")[0] in _LOGGED_LIBRARIES]
    for name in {*names, *_LOGGED_LIBRARIES}:
        logger = logging.getLogger(name)
        if _ROUTER not in logger.filters:
            logger.addFilter(_ROUTER)


class ModelClient:
    """Calls the configured model for one section at a time; safe to share across sections."""

    def __init__(
        self,
        config: ModelConfig,
        prompts: PromptSet,
        cache: ResponseCache | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        response_model: type[BaseModel] = SectionExtraction,
    ) -> None:
        self.config = config
        self.prompts = prompts
        self.cache = cache
        self.response_model = response_model
        self._transport = transport  # tests inject faults here
        self._http: httpx.AsyncClient | None = None
        self._client: instructor.AsyncInstructor | None = None

    async def extract_section(self, text: str) -> tuple[SectionExtraction, Usage]:
        """The `records` task for one section (in chunks when long) and what it cost; `SectionFailure`
        when it fails for good."""
        chunks = chunk_text(text, self.config.max_section_chars)
        answers, usage = await self._timed([self.prompts.user_message(chunk) for chunk in chunks])
        combined = SectionExtraction(
            officials=[o for a in answers for o in a.officials],
            events=[e for a in answers for e in a.events],
            metrics=[m for a in answers for m in a.metrics],
        )
        return combined, usage

    async def ask(self, message: str) -> tuple[Any, Usage]:
        """One prepared user message → the answer in `response_model` and what it cost."""
        answers, usage = await self._timed([message])
        return answers[0], usage

    async def _timed(self, messages: list[str]) -> tuple[list[Any], Usage]:
        """Every message asked in turn, within the section's time budget."""
        usage = Usage()
        started = time.perf_counter()
        try:
            answers = await asyncio.wait_for(self._ask_all(messages, usage), timeout=self.config.total_budget)
        except asyncio.TimeoutError:
            usage.seconds = round(time.perf_counter() - started, 3)
            raise SectionFailure(
                f"no answer within {self.config.total_budget:.0f} s (retries included)", usage
            ) from None
        except ModelError as error:
            usage.seconds = round(time.perf_counter() - started, 3)
            raise SectionFailure(str(error), usage) from None
        usage.seconds = round(time.perf_counter() - started, 3)
        usage.cached = usage.calls == 0 and bool(answers)
        return answers, usage

    async def _ask_all(self, messages: list[str], usage: Usage) -> list[Any]:
        return [await self._cached_ask(message, usage) for message in messages]

    async def _cached_ask(self, message: str, usage: Usage) -> Any:
        key = cache_key(
            model=self.config.model,
            base_url=self.config.base_url,
            prompt_version=self.prompts.version,
            instructor_mode=self.config.instructor_mode,
            response_model=self.response_model,
            text=message,
        )
        if self.cache is not None:
            cached = self.cache.get(key, self.response_model)
            if cached is not None:
                return cached
        calls_before = usage.calls
        try:
            answer = await self._ask(message, usage)
        finally:
            usage.retries += max(0, usage.calls - calls_before - 1)  # attempts beyond this message's first
        if self.cache is not None:
            self.cache.put(key, answer)
        return answer

    async def _ask(self, message: str, usage: Usage) -> Any:
        _guard_logs(self.config.api_key)  # again each call: libraries create loggers lazily
        token = _SECTION_USAGE.set(usage)  # the shared client's hooks charge this section
        try:
            return await self._instructor().chat.completions.create(
                model=self.config.model,
                response_model=self.response_model,
                messages=[
                    {"role": "system", "content": self.prompts.system},
                    {"role": "user", "content": message},
                ],
                max_retries=AsyncRetrying(
                    stop=stop_after_attempt(self.config.validation_retries + 1),
                    retry=retry_if_exception_type(_RE_ASKABLE),
                    reraise=True,
                ),
                temperature=self.config.temperature,
                max_tokens=self.config.max_tokens,
            )
        except Exception as error:  # noqa: BLE001 - every failure is classified below
            raise classify_failure(error, secret=self.config.api_key) from None
        finally:
            _SECTION_USAGE.reset(token)

    def _instructor(self) -> instructor.AsyncInstructor:
        """One HTTP client, openai client and instructor client for all of a document's sections."""
        if self._client is None:
            self._http = httpx.AsyncClient(
                transport=self._transport, event_hooks={"request": [_count_request]}, timeout=self.config.timeout
            )
            raw_client = openai.AsyncOpenAI(
                api_key=self.config.api_key,
                base_url=self.config.base_url,
                timeout=self.config.timeout,
                max_retries=self.config.transport_retries,
                # The pinned openai types its client as httpx2's, but it takes an httpx client as well (its
                # `_httpx2.is_legacy_httpx_async_client`), which is what vcrpy records and the tests' mock
                # transports drive; the cast says so to the type checker.
                http_client=cast("httpx2.AsyncClient", self._http),
            )
            self._client = instructor.from_openai(raw_client, mode=_INSTRUCTOR_MODES[self.config.instructor_mode])
            self._client.on("completion:response", _count_tokens)
        return self._client

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
        self._client = self._http = None

    async def __aenter__(self) -> ModelClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


# The section a call is made for: set in `_ask`, read by the hooks of the client all sections share.
_SECTION_USAGE: ContextVar[Usage | None] = ContextVar("digestllm_section_usage", default=None)


async def _count_request(request: httpx.Request) -> None:
    usage = _SECTION_USAGE.get()
    if usage is not None:
        usage.calls += 1


def _count_tokens(response: Any) -> None:
    usage = _SECTION_USAGE.get()
    tokens = getattr(response, "usage", None)
    if usage is not None:
        usage.prompt_tokens += getattr(tokens, "prompt_tokens", 0) or 0
        usage.completion_tokens += getattr(tokens, "completion_tokens", 0) or 0


def classify_failure(error: BaseException, secret: str | None = None) -> ModelError | ConfigurationError:
    """A configuration problem stops the document; anything else falls back to the rules.

    What the server or the model said is quoted in places, never `secret` (the API key): a server or
    a proxy may echo the Authorization header in an error body, a model may echo it in an answer.
    """
    cause = error
    while isinstance(cause, InstructorRetryException) and cause.__cause__ is not None:
        cause = cause.__cause__
    if isinstance(cause, (openai.AuthenticationError, openai.PermissionDeniedError)):
        return ConfigurationError(
            f"the model server rejected the API key (HTTP {cause.status_code}); check OPENAI_API_KEY"
        )
    if isinstance(cause, openai.NotFoundError):
        return ConfigurationError(
            f"the model server does not know this model or path (HTTP 404): {_quote(cause, secret)}"
        )
    if isinstance(cause, openai.RateLimitError):
        return ModelError(_rate_limit_message(cause))
    if isinstance(cause, openai.APITimeoutError):
        return ModelError("the model server timed out after all retries")
    if isinstance(cause, openai.APIConnectionError):
        return ModelError(f"cannot reach the model server: {_quote(cause.__cause__ or cause, secret)}")
    if isinstance(cause, openai.APIStatusError):
        return ModelError(f"the model server answered HTTP {cause.status_code} after all retries")
    if isinstance(cause, IncompleteOutputException):
        return ModelError("the model's answer was cut off (max_tokens reached)")
    if isinstance(cause, _RE_ASKABLE) or isinstance(error, InstructorRetryException):
        return ModelError(f"the model's answer did not fit the schema after re-asking: {_quote(cause, secret)}")
    return ModelError(f"model call failed: {type(cause).__name__}: {_quote(cause, secret)}")


def _rate_limit_message(error: openai.RateLimitError) -> str:
    """What happened after a 429, truthfully: a Retry-After past what the client waits means one call."""
    wait = _retry_after(error.response.headers)
    if wait is not None and wait > _MAX_RETRY_AFTER:
        return (
            f"rate limited (HTTP 429): the server asked to wait {wait:.0f} s (Retry-After), more than the "
            f"{_MAX_RETRY_AFTER:.0f} s the client waits, so it gave up after that call without retrying"
        )
    return "rate limited (HTTP 429) after all retries, waiting as the server asked"


def _retry_after(headers: Any) -> float | None:
    """Seconds the server asked to wait (retry-after-ms or retry-after in seconds), or None."""
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        try:
            return float(headers.get(name)) * scale
        except (TypeError, ValueError):
            continue
    return None


def _quote(error: BaseException, secret: str | None, limit: int = 200) -> str:
    """The error's message on one line, at most `limit` characters, with `secret` blotted out first."""
    text = str(error)
    if secret and len(secret) >= MIN_SECRET_CHARS:
        text = redact(text, [secret])
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
