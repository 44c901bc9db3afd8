"""The model's prompts, loaded from the `prompts/` folder and versioned by their content.

The version is a short hash of every prompt file, so any edit to a prompt changes it; it is part of
every cache key and is recorded in the result.
"""

from __future__ import annotations

import hashlib
import json
import os
import site
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from digestllm.errors import ConfigurationError

PROMPT_FILES = (
    "system.md",
    "instructions.md",
    "user.md",
    "example_input.txt",
    "example_output.json",
    "fields.json",
    "slots_instructions.md",
    "slots_user.md",
    "slots_example_skeleton.txt",
    "slots_example_output.json",
)


def _candidate_dirs() -> list[Path]:
    configured = os.environ.get("DIGESTLLM_PROMPTS_DIR")
    candidates = [Path(configured)] if configured else []
    candidates.append(Path(__file__).resolve().parents[3] / "prompts")  # a source checkout
    candidates.append(Path(sys.prefix) / "share" / "digestllm" / "prompts")  # an installed wheel
    candidates.append(Path(site.getuserbase()) / "share" / "digestllm" / "prompts")  # pip install --user
    return candidates


@dataclass(frozen=True)
class PromptSet:
    version: str
    system: str
    user_template: str
    instructions: str
    example_input: str
    example_output: str
    fields: dict[str, str]  # the response model's field descriptions and validation messages
    slots_instructions: str
    slots_user_template: str
    slots_example_skeleton: str
    slots_example_output: str

    def user_message(self, section_text: str) -> str:
        """The `records` task: read the section afresh."""
        return self.user_template.format(
            instructions=self.instructions.strip(),
            example_input=self.example_input.strip(),
            example_output=self.example_output.strip(),
            section=section_text.strip(),
        )

    def slots_message(self, section_text: str, skeleton: str) -> str:
        """The `slots` task: fill in the blanks of the rules' skeleton of the section."""
        return self.slots_user_template.format(
            instructions=self.slots_instructions.strip(),
            example_input=self.example_input.strip(),
            example_skeleton=self.slots_example_skeleton.strip(),
            example_output=self.slots_example_output.strip(),
            section=section_text.strip(),
            skeleton=skeleton.strip(),
        )


@cache
def load_prompts(directory: Path | None = None) -> PromptSet:
    folder = directory or next((d for d in _candidate_dirs() if (d / "system.md").is_file()), None)
    if folder is None:
        raise ConfigurationError("prompt files not found: set DIGESTLLM_PROMPTS_DIR to the project's prompts/ folder")
    texts = {}
    for name in PROMPT_FILES:
        path = folder / name
        if not path.is_file():
            raise ConfigurationError(f"prompt file missing: {path}")
        texts[name] = path.read_text(encoding="utf-8")
    digest = hashlib.sha256("\0".join(texts[n] for n in PROMPT_FILES).encode("utf-8")).hexdigest()[:12]
    return PromptSet(
        version=f"p-{digest}",
        system=texts["system.md"].strip(),
        user_template=texts["user.md"],
        instructions=texts["instructions.md"],
        example_input=texts["example_input.txt"],
        example_output=texts["example_output.json"],
        fields=json.loads(texts["fields.json"]),
        slots_instructions=texts["slots_instructions.md"],
        slots_user_template=texts["slots_user.md"],
        slots_example_skeleton=texts["slots_example_skeleton.txt"],
        slots_example_output=texts["slots_example_output.json"],
    )
