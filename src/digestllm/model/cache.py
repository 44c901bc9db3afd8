"""An optional on-disk cache of model answers, one JSON file per section.

The key covers everything that shapes an answer: model, endpoint, prompt version, response schema,
instructor mode and the message sent (the section's text with its prompt). A second run of the same
document makes no call.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

Answer = TypeVar("Answer", bound=BaseModel)


def cache_key(
    *,
    model: str,
    base_url: str | None,
    prompt_version: str,
    instructor_mode: str,
    response_model: type[BaseModel],
    text: str,
) -> str:
    schema = json.dumps(response_model.model_json_schema(), sort_keys=True)
    material = "\0".join([model, base_url or "", prompt_version, instructor_mode, schema, text])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class ResponseCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, response_model: type[Answer]) -> Answer | None:
        path = self._path(key)
        try:
            return response_model.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent or unreadable: ask the model again

    def put(self, key: str, answer: BaseModel) -> bool:
        """Store an answer; False when the cache cannot be written (the answer itself is not lost)."""
        path = self._path(key)
        temporary: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename, so that a concurrent reader never sees half a file.
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
            ) as handle:
                temporary = handle.name
                handle.write(answer.model_dump_json())
            os.replace(temporary, path)
        except OSError:
            if temporary:
                with contextlib.suppress(OSError):
                    os.remove(temporary)
            return False
        return True
