"""Everything digestllm raises on purpose derives from `DigestError`.

Each error says what happened and what to do about it; the CLI prints `str(error)` on one line and
exits with the class's `exit_code`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class DigestError(Exception):
    """Base class of every error digestllm raises on purpose."""

    exit_code = 1


class InputError(DigestError):
    """The input cannot be processed as given (empty, too large, wrong type)."""

    exit_code = 3


class EmptyInputError(InputError):
    """The input holds no text."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""


class DecodeError(InputError):
    """A file's bytes are not text in any supported encoding."""

    exit_code = 4


class SourceNotFoundError(InputError):
    """A path given to read does not exist or is not a readable file."""

    exit_code = 2


class ConfigurationError(DigestError):
    """The model path is misconfigured (no model name, a rejected API key, a bad option)."""

    exit_code = 5


class ModelError(DigestError):
    """The model failed for good on a section, after the retries allowed."""

    exit_code = 6


class InternalError(DigestError):
    """A fault inside digestllm (a bug): the input is not to blame. The original exception is its cause."""

    exit_code = 70

    @classmethod
    def from_exception(cls, error: BaseException) -> InternalError:
        message = " ".join(str(error).split())[:200]
        return cls(f"internal error: {type(error).__name__}: {message} (please report it, with the input)")


@contextmanager
def internal_errors() -> Iterator[None]:
    """Let `DigestError`s through and turn any other exception (a bug) into an `InternalError` whose
    cause is the original, so that a caller catching `DigestError` is never surprised. `MemoryError`
    and interrupts pass unchanged: they are not faults of the code."""
    try:
        yield
    except (DigestError, MemoryError):
        raise
    except Exception as error:
        raise InternalError.from_exception(error) from error
