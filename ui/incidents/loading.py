"""What the main view needs after unlocking, read on the vault worker in one job."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ui.incidents.timeline_model import IncidentRow
from vault.model import Incident, Item, Suspect
from vault.pattern import weekly_counts
from vault.vault import Vault


@dataclass
class Loaded:
    rows: list[IncidentRow] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    people: dict[str, Suspect] = field(default_factory=dict)
    producer_name: str = ""


def pattern_of(rows: list[IncidentRow]) -> list[tuple[date, dict[str, int]]]:
    """The weekly pattern from the timeline's rows (on the worker: 10,000 take a while)."""
    return weekly_counts(Incident(start=r.start, behaviours=list(r.behaviours)) for r in rows)


def exhibit_counts(items: list[Item]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for item in items:
        counts.update(item.incidents)
    return counts


def load_everything(vault: Vault) -> Loaded:
    incidents = vault.incidents.list()
    items = vault.items.list()
    counts = exhibit_counts(items)
    return Loaded(
        rows=[IncidentRow.of(inc, counts.get(inc.id, 0)) for inc in incidents],
        items=items,
        people=vault.incidents.suspects(),
        producer_name=str(vault.settings().get("producer_name", "")),
    )
