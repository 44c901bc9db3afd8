"""`DIR/documents/<id>.json`: one record per document, written atomically, and what a rerun may reuse.

A record holds the document's metadata, its text, the result, and the key it was made under (the
text's hash, the options' hash, the library and prompt versions). A rerun reuses a record only when
all of them match; anything else is extracted again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from digestllm.corpus.inputs import Document, file_name
from digestllm.errors import DigestError

DOCUMENTS = "documents"
_TEMPORARY = ".tmp-"
# Options that change what is extracted; the rest (keys, timeouts, concurrency, caches) do not.
_RESULT_SHAPING = (
    "mode",
    "simplified",
    "max_chars",
    "model",
    "base_url",
    "instructor_mode",
    "validation_retries",
    "max_section_chars",
    "max_document_chars",
    "max_tokens",
    "temperature",
)


@cache
def library_version() -> str:
    """The installed digestllm's version."""
    try:
        return metadata.version("digestllm")
    except metadata.PackageNotFoundError:
        return "unknown"


def options_key(options: Mapping[str, object]) -> str:
    """A short hash of the options that shape a result."""
    shaping = {name: options.get(name) for name in _RESULT_SHAPING if options.get(name) is not None}
    canonical = json.dumps(shaping, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class RunKey:
    """What a record must have been made under to be reused: the options and versions."""

    options_key: str
    library_version: str
    prompt_version: str | None


class DocumentStore:
    """The folder of per-document records."""

    def __init__(self, out_dir: Path) -> None:
        self.folder = out_dir / DOCUMENTS
        self._prefix = f"{self.folder}{os.sep}"  # paths as strings: pathlib is slow at thousands a second
        self._made = False

    def path(self, doc_id: str) -> str:
        return f"{self._prefix}{file_name(doc_id)}.json"

    def reusable(self, document: Document, key: RunKey) -> dict[str, Any] | None:
        """The stored record of this document when it was made from the same text under the same key."""
        try:
            with open(self.path(document.id), encoding="utf-8") as stream:
                record: dict[str, Any] = json.load(stream)
        except (OSError, ValueError):
            return None
        same = (
            record.get("id") == document.id
            and record.get("text_sha256") == text_sha256(document.text)
            and record.get("reference_date") == document.reference_date
            and record.get("options_key") == key.options_key
            and record.get("library_version") == key.library_version
            and record.get("prompt_version") == key.prompt_version
        )
        return record if same and isinstance(record.get("result"), dict) else None

    def write(self, document: Document, key: RunKey, result_json: str) -> dict[str, Any]:
        """Write the record atomically (a kill at any moment leaves the old file or the new one whole);
        returns the record's fields but the result."""
        header = {
            "id": document.id,
            "source": document.source,
            "path": document.path,
            "url": document.url,
            "reference_date": document.reference_date,
            "text_sha256": text_sha256(document.text),
            "options_key": key.options_key,
            "library_version": key.library_version,
            "prompt_version": key.prompt_version,
            "text": document.text,
        }
        body = json.dumps(header, ensure_ascii=False)[:-1] + ', "result": ' + result_json + "}\n"
        name = file_name(document.id)
        target = f"{self._prefix}{name}.json"
        temporary = f"{self._prefix}.{name}.json{_TEMPORARY}{os.getpid()}"
        try:
            if not self._made:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._made = True
            with open(temporary, "w", encoding="utf-8") as stream:
                stream.write(body)
            os.replace(temporary, target)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise DigestError(f"{target}: cannot write ({error.strerror or error})") from None
        return header

    def remove(self, doc_id: str) -> None:
        """Drop a record that no longer stands for its document (its text now fails)."""
        with contextlib.suppress(OSError):
            os.unlink(self.path(doc_id))

    def clear_temporary(self) -> None:
        """Remove half-written files a killed run left behind."""
        if self.folder.is_dir():
            for leftover in self.folder.glob(f".*{_TEMPORARY}*"):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    def names(self) -> Iterator[str]:
        """The file names of every record in the folder."""
        if self.folder.is_dir():
            for entry in os.scandir(self.folder):
                if entry.name.endswith(".json") and not entry.name.startswith("."):
                    yield entry.name

    def read(self, name: str) -> dict[str, Any] | None:
        try:
            record: dict[str, Any] = json.loads((self.folder / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return record if isinstance(record.get("result"), dict) else None
