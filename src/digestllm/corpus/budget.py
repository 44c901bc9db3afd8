"""A run's token budget on the model path: once it is spent, the remaining documents go to the rules.

The counter is shared by every document of the run and checked when a document starts; documents
already in flight when the budget runs out finish on the model, so a run can pass the budget by what
those few spend. Each document that the budget sends to the rules says so in its warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from digestllm.schemas import DigestResult


@dataclass
class TokenBudget:
    """Tokens (prompt + completion) the model may spend in one run; None: no limit."""

    limit: int | None = None
    spent: int = 0
    documents_on_rules: int = 0

    @property
    def exhausted(self) -> bool:
        return self.limit is not None and self.spent >= self.limit

    def options_for_next(self, options: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """The options for the next document, and whether the budget sent it to the rules."""
        if not self.exhausted:
            return options, False
        self.documents_on_rules += 1
        return {**options, "mode": "rules"}, True

    def spend(self, result: DigestResult, on_rules: bool) -> None:
        """Count what a document spent; mark a document the budget sent to the rules."""
        for section in result.sections:
            if section.usage is not None:
                self.spent += section.usage.prompt_tokens + section.usage.completion_tokens
        if on_rules:
            result.warnings.append(
                f"the run's token budget ({self.limit}) was spent: this document was extracted by the rules alone"
            )

    def report(self) -> dict[str, Any]:
        return {
            "max_total_tokens": self.limit,
            "tokens_spent": self.spent,
            "exhausted": self.exhausted,
            "documents_on_rules": self.documents_on_rules,
        }
