"""`SectionRecords`: what one extractor found in one section, the unit every stage passes on."""

from __future__ import annotations

from dataclasses import dataclass, field

from digestllm.schemas import Event, Metric, Official
from digestllm.text import to_simplified


@dataclass
class SectionRecords:
    """Officials, events and metrics of one section, every record tied to the original text."""

    officials: list[Official] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Records per type; officials counted once per name however often the section names them."""
        names = {to_simplified(o.name) for o in self.officials}
        return {"officials": len(names), "events": len(self.events), "metrics": len(self.metrics)}
