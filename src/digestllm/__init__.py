"""digestllm: structured, source-grounded records from Chinese government news digests."""

from typing import TYPE_CHECKING

from digestllm.api import aextract, extract, extract_file
from digestllm.errors import (
    ConfigurationError,
    DecodeError,
    DigestError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    InternalError,
    ModelError,
    SourceNotFoundError,
)
from digestllm.schemas import (
    AlignmentStatus,
    DigestResult,
    Event,
    EventKind,
    Metric,
    Official,
    Origin,
    Script,
    Section,
    SectionKind,
    SectionStatus,
    Span,
    Usage,
)

if TYPE_CHECKING:
    from digestllm.corpus.run import aextract_many, extract_many


def __getattr__(name: str) -> object:
    if name in ("extract_many", "aextract_many"):  # the corpus runner loads multiprocessing and rich: when used
        from digestllm.corpus import run

        return getattr(run, name)
    raise AttributeError(f"module 'digestllm' has no attribute {name!r}")


__all__ = [
    "AlignmentStatus",
    "ConfigurationError",
    "DecodeError",
    "DigestError",
    "DigestResult",
    "EmptyInputError",
    "Event",
    "EventKind",
    "InputError",
    "InputTooLargeError",
    "InternalError",
    "Metric",
    "ModelError",
    "Official",
    "Origin",
    "Script",
    "Section",
    "SectionKind",
    "SectionStatus",
    "SourceNotFoundError",
    "Span",
    "Usage",
    "aextract",
    "aextract_many",
    "extract",
    "extract_file",
    "extract_many",
]
