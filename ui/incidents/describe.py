"""An incident as plain text, for the version history (read-only)."""

from __future__ import annotations

from ui.incidents import when
from vault.model import BEHAVIOUR_SHORT, EFFECT_LABELS, Incident, Suspect

FIELD_NAMES = {
    "start": "when it started", "end": "when it ended", "approximate": "approximate",
    "title": "title", "where": "where", "behaviours": "behaviours", "account": "what happened",
    "suspect_id": "who", "suspect_wore": "what they wore", "suspect_said": "what they said",
    "vehicle": "vehicle", "witnesses": "witnesses", "police": "police",
    "channel": "how they did it", "orders_in_force": "orders", "breaches_order": "order broken",
    "other_reports": "other reports", "effects": "how it affected me",
    "effect_notes": "how it affected me", "private_notes": "private notes",
    "from_memory": "written from memory",
}


def describe(inc: Incident, people: dict[str, Suspect]) -> str:
    out: list[str] = []

    def add(label: str, value: str) -> None:
        if value:
            out.append(f"{label}: {value}")

    add("When", when.show(inc.start, approximate=inc.approximate))
    add("Until", when.show(inc.end) if inc.end else "")
    add("Title", inc.title)
    add("Where", inc.where)
    add("Behaviour", ", ".join(BEHAVIOUR_SHORT.get(b, b) for b in inc.behaviours))
    add("What happened", inc.account)
    person = people.get(inc.suspect_id)
    add("Who", person.name if person else "")
    add("What they wore", inc.suspect_wore)
    add("What they said", inc.suspect_said)
    v = inc.vehicle
    add("Vehicle", " ".join(x for x in (v.colour, v.make, v.model) if x)
        + (f", plate {v.plate}" if v.plate else ""))
    for i, w in enumerate(inc.witnesses, start=1):
        add(f"Witness {i}", "; ".join(x for x in (w.name, w.contact, w.saw) if x))
    p = inc.police
    add("Reported to police", "; ".join(x for x in (when.show(p.reported_at) if p.reported_at
                                                     else "", p.reference, p.officer) if x))
    add("How", inc.channel)
    add("Orders", inc.orders_in_force + (" (broken)" if inc.breaches_order else ""))
    add("Other reports", inc.other_reports)
    add("How it affected me", "; ".join(EFFECT_LABELS.get(e, e) for e in inc.effects))
    add("In my words", inc.effect_notes)
    add("Private notes", inc.private_notes)
    if inc.from_memory:
        out.append("Written later from memory.")
    return "\n\n".join(out)


def changed_names(fields: list[str]) -> str:
    names: list[str] = []
    for f in fields:
        name = FIELD_NAMES.get(f, f)
        if name not in names:
            names.append(name)
    return ", ".join(names)
