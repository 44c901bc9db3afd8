"""Everything digestllm raises on purpose derives from `DigestError`.

Each error says what happened and what to do about it; the CLI prints `str(error)` on one line and
exits with the class's `exit_code`.
"""

from __future__ import annotations


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
