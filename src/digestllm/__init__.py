"""digestllm: structured, source-grounded records from Chinese government news digests."""

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
    Metric,
    Official,
    Origin,
    Section,
    SectionKind,
    SectionStatus,
    Span,
    Usage,
)

__all__ = [
    "AlignmentStatus",
    "ConfigurationError",
    "DecodeError",
    "DigestError",
    "DigestResult",
    "EmptyInputError",
    "Event",
    "InputError",
    "InputTooLargeError",
    "InternalError",
    "Metric",
    "ModelError",
    "Official",
    "Origin",
    "Section",
    "SectionKind",
    "SectionStatus",
    "SourceNotFoundError",
    "Span",
    "Usage",
    "aextract",
    "extract",
    "extract_file",
]
