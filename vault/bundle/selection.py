"""Which incidents, exhibits and custody entries go into a bundle."""

from __future__ import annotations

from dataclasses import dataclass

from vault.bundle.naming import exhibit_file_names
from vault.bundle.options import BundleOptions
from vault.bundle.source import BundleSource
from vault.model import CustodyEntry, Incident, Item, Suspect


@dataclass
class Exhibit:
    item: Item
    path: str  # relative path inside the bundle, "exhibits/JS-7_IMG_0412.HEIC"


@dataclass
class Selection:
    incidents: list[Incident]  # chronological
    suspects: dict[str, Suspect]  # only those named by the chosen incidents
    exhibits: list[Exhibit]  # by exhibit number
    custody: list[CustodyEntry]  # entries about the included exhibits, in log order
    chain_seq: int  # seq of the last entry of the whole log (0 when empty)
    chain_head: str  # head of the whole log after that entry ("" when empty)


def _day(iso: str) -> str:
    return iso[:10]


def incident_sort_key(incident: Incident) -> tuple[str, str, str]:
    return (incident.start, incident.recorded_at, incident.id)


def select(source: BundleSource, options: BundleOptions) -> Selection:
    chosen_ids = set(options.incident_ids) if options.incident_ids is not None else None
    incidents = []
    for inc in source.incidents():
        if chosen_ids is not None and inc.id not in chosen_ids:
            continue
        day = _day(inc.start)
        if options.date_from and day < options.date_from:
            continue
        if options.date_to and day > options.date_to:
            continue
        incidents.append(inc)
    incidents.sort(key=incident_sort_key)
    ids = {inc.id for inc in incidents}

    all_suspects = source.suspects()
    suspects = {
        inc.suspect_id: all_suspects[inc.suspect_id]
        for inc in incidents
        if inc.suspect_id in all_suspects
    }

    items = [
        item
        for item in source.items()
        if ids.intersection(item.incidents)
        or (options.include_unlinked_items and not item.incidents)
    ]
    items.sort(key=lambda it: (it.number, it.reference, it.id))
    paths = exhibit_file_names([(it.reference, it.original_name) for it in items])
    exhibits = [Exhibit(item, path) for item, path in zip(items, paths, strict=True)]

    log = source.custody_entries()
    item_ids = {it.id for it in items}
    custody = (
        [e for e in log if e.item_id and e.item_id in item_ids]
        if options.include_custody_log
        else []
    )
    last = log[-1] if log else None
    return Selection(
        incidents=incidents,
        suspects=suspects,
        exhibits=exhibits,
        custody=custody,
        chain_seq=last.seq if last else 0,
        chain_head=last.head if last else "",
    )
