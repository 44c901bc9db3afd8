"""Rules + model → one record set per section.

Conflict policy (the rules are deterministic and tested; the model fills gaps, never overrides):
- officials: one per name (compared in Simplified script); posts are the union of both, kept in
  their fullest form later; a record both found is marked `both`.
- metrics: one per quantity in the text (its span); value and unit always come from the rules'
  parser (the model's figures go through the same code); the model's subject is used only where
  the rules have none.
- events: the rules' events stand. A model event adds only officials who have no rules event in
  the section, and only officials known to the document; it joins a rules event of the same day
  or stands alone.
- descriptive fields of the skeleton the model filled in (the `slots` task: same event, same
  figure): `FIELD_POLICY` says, per field, whether the grounded model value replaces the rules'
  (`model`), only fills a blank (`fill`), or is ignored (`rules`). The table was set by measuring
  rules, model and merged on the project's corpora (`bench/model.py`).
"""

from __future__ import annotations

from enum import Enum

from digestllm.consolidate import combine_origins
from digestllm.records import SectionRecords
from digestllm.schemas import Event, EventKind, Metric, Official, Origin
from digestllm.text import to_simplified


class FieldPolicy(str, Enum):
    RULES = "rules"  # the model's value is ignored
    FILL = "fill"  # the model's value fills a blank of the rules
    MODEL = "model"  # the model's grounded value replaces the rules'


# Measured with `bench/model.py --policy` (the slots task of the local 1.5B model, replayed): where the rules
# have a phrase the model's loses to it, so the model only fills blanks. Its places in the rules' blanks cost
# location hits on the dev corpus (0.750 → 0.600) and, since the rules read more places, on held-out batch 12
# too (0.559 → 0.441), so places stay the rules'.
FIELD_POLICY: dict[str, FieldPolicy] = {
    "action": FieldPolicy.FILL,
    "location": FieldPolicy.RULES,
    "kind": FieldPolicy.FILL,
    "subject": FieldPolicy.FILL,
}


def merge_section(
    rules: SectionRecords, model: SectionRecords, known_officials: set[str]
) -> tuple[SectionRecords, list[str]]:
    """The merged records, and what of the model's was set aside (for the section's warnings).

    `known_officials`: Simplified names of every official of the document (rules and grounded model).
    """
    set_aside: list[str] = []
    merged = SectionRecords(
        officials=_merge_officials(rules.officials, model.officials),
        events=_merge_events(rules.events, model.events, known_officials, set_aside),
        metrics=_merge_metrics(rules, model),
    )
    return merged, set_aside


def _merge_officials(rules: list[Official], model: list[Official]) -> list[Official]:
    """One record per name; the rules' records first, then the model's, posts and mentions united."""
    merged: dict[str, Official] = {}
    for official in [*rules, *model]:
        key = to_simplified(official.name)
        kept = merged.get(key)
        if kept is None:
            merged[key] = official.model_copy(
                update={"titles": list(official.titles), "mentions": list(official.mentions)}
            )
            continue
        kept.titles = kept.titles + [t for t in official.titles if t not in kept.titles]
        known = set(kept.mentions)  # a name cited thousands of times in one section: no pairwise compare
        kept.mentions = kept.mentions + [m for m in official.mentions if m not in known]
        kept.region = kept.region or official.region
        kept.origin = combine_origins(kept.origin, official.origin)
    return list(merged.values())


def _merge_metrics(rules: SectionRecords, model: SectionRecords) -> list[Metric]:
    by_span = {m.evidence.start: m.model_copy() for m in rules.metrics}
    for metric in model.metrics:
        kept = by_span.get(metric.evidence.start)
        if kept is None:
            by_span[metric.evidence.start] = metric
            continue
        kept.origin = combine_origins(kept.origin, Origin.MODEL)
        kept.subject = _choose("subject", kept.subject, metric.subject)
    return sorted(by_span.values(), key=lambda m: m.evidence.start)


def _choose(name: str, rules: str | None, model: str | None) -> str | None:
    policy = FIELD_POLICY[name]
    if policy is FieldPolicy.MODEL and model:
        return model
    if policy is FieldPolicy.FILL:
        return rules or model
    return rules


def _fill_in(rules: Event, model: Event) -> None:
    """The skeleton event the model filled in: its fields as `FIELD_POLICY` says."""
    rules.action = _choose("action", rules.action, model.action)
    rules.location = _choose("location", rules.location, model.location)
    rules_kind = rules.kind.value if rules.kind is not EventKind.OTHER else None  # other: a blank to fill
    model_kind = model.kind.value if model.kind is not EventKind.OTHER else None
    rules.kind = EventKind(_choose("kind", rules_kind, model_kind) or EventKind.OTHER.value)
    rules.origin = combine_origins(rules.origin, Origin.MODEL)


def _merge_events(
    rules: list[Event], model: list[Event], known_officials: set[str], set_aside: list[str]
) -> list[Event]:
    merged = [e.model_copy(update={"officials": list(e.officials)}) for e in rules]
    covered = {to_simplified(name) for e in rules for name in e.officials}
    for event in model:
        twin = next((e for e in merged if e.evidence == event.evidence and e.officials == event.officials), None)
        if twin is not None:
            _fill_in(twin, event)
            continue
        strangers = [n for n in event.officials if to_simplified(n) not in known_officials]
        if strangers:
            set_aside.append(f"event of {'、'.join(strangers)} (not an official of the document)")
        newcomers = [
            n for n in event.officials if to_simplified(n) in known_officials and to_simplified(n) not in covered
        ]
        if not newcomers:
            same = next(
                (
                    e
                    for e in merged
                    if e.date == event.date
                    and set(map(to_simplified, e.officials)) & set(map(to_simplified, event.officials))
                ),
                None,
            )
            if same is not None:
                same.origin = combine_origins(same.origin, Origin.MODEL)
            continue
        same_day = next((e for e in merged if e.date == event.date and e.date is not None), None)
        if same_day is not None:
            same_day.officials.extend(newcomers)
            same_day.origin = combine_origins(same_day.origin, Origin.MODEL)
        else:
            merged.append(event.model_copy(update={"officials": newcomers}))
        covered.update(map(to_simplified, newcomers))
    return sorted(merged, key=lambda e: e.evidence.start)
