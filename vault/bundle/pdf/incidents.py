"""Each incident in full: every field, when it was written down and edited, its exhibits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from vault.bundle.pdf import fmt
from vault.bundle.pdf.log_table import exhibit_refs
from vault.bundle.pdf.styles import RULE, facts_table, styles
from vault.model import BEHAVIOUR_LABELS, EFFECT_LABELS, Incident, Suspect

if TYPE_CHECKING:
    from vault.bundle.pdf.report import ReportInput


def _paragraphs(text: str) -> list[Any]:
    """Long text as separate paragraphs, so it flows across pages."""
    s = styles()
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return [Paragraph(fmt.para(b.strip("\n")), s.body) for b in blocks]


def _suspect_rows(suspect: Suspect | None, inc: Incident) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = []
    if suspect is not None:
        rows.append(("Who", fmt.para(suspect.name or "Unknown")))
        for label, value in (
            ("Relationship", suspect.relationship),
            ("Appearance", suspect.appearance),
            ("Voice", suspect.voice),
            ("Usually wears", suspect.usual_clothing),
            ("About them", suspect.notes),
        ):
            if value:
                rows.append((label, fmt.para(value)))
    if inc.suspect_wore:
        rows.append(("Wearing this time", fmt.para(inc.suspect_wore)))
    if inc.suspect_said:
        rows.append(("What they said", fmt.para(inc.suspect_said)))
    v = inc.vehicle
    if not v.is_empty():
        vehicle = ", ".join(x for x in (v.colour, v.make, v.model) if x)
        if v.plate:
            vehicle += f"; registration {v.plate}" if vehicle else f"Registration {v.plate}"
        rows.append(("Vehicle", fmt.para(vehicle)))
    return rows


def incident_story(r: ReportInput, n: int, inc: Incident, refs: list[str]) -> list[Any]:
    s = styles()
    heading = f"Incident {n}: {fmt.when(inc.start, approximate=inc.approximate)}"
    out: list[Any] = [CondPageBreak(70 * mm), Paragraph(fmt.para(heading), s.h2)]
    rows: list[tuple[str, object]] = []
    if inc.title:
        rows.append(("Title", fmt.para(inc.title)))
    when = fmt.when(inc.start, approximate=inc.approximate)
    if inc.end:
        when += " until " + fmt.when(inc.end)
    if inc.approximate:
        when += " (the time is approximate)"
    rows.append(("When", fmt.para(when)))
    rows.append(("Where", fmt.para(inc.where) or "Not given"))
    rows.append(
        (
            "Behaviour",
            fmt.para("; ".join(BEHAVIOUR_LABELS.get(b, b) for b in inc.behaviours)) or "Not given",
        )
    )
    if inc.channel:
        rows.append(("How they made contact", fmt.para(inc.channel)))
    out.append(facts_table(rows))
    out.append(Paragraph("What happened", s.label))
    out += _paragraphs(inc.account) or [Paragraph("No account written.", s.muted)]

    more: list[tuple[str, object]] = []
    suspect = r.selection.suspects.get(inc.suspect_id)
    more += _suspect_rows(suspect, inc)
    for i, w in enumerate(inc.witnesses, start=1):
        parts = [w.name or "Name not known"]
        if w.contact:
            parts.append(f"contact: {w.contact}")
        if w.saw:
            parts.append(f"saw: {w.saw}")
        more.append((f"Witness {i}", fmt.para("; ".join(parts))))
    p = inc.police
    if not p.is_empty():
        police = "; ".join(
            x
            for x in (
                f"reported {fmt.when(p.reported_at)}" if p.reported_at else "",
                f"reference {p.reference}" if p.reference else "",
                f"officer {p.officer}" if p.officer else "",
            )
            if x
        )
        more.append(("Reported to police", fmt.para(police)))
    if inc.other_reports:
        more.append(("Other reports", fmt.para(inc.other_reports)))
    if inc.orders_in_force:
        more.append(("Orders in force", fmt.para(inc.orders_in_force)))
    more.append(("Breach of an order", "Yes" if inc.breaches_order else "No"))
    if inc.effects:
        more.append(
            (
                "How it affected me",
                "<br/>".join(fmt.para(EFFECT_LABELS.get(e, e)) for e in inc.effects),
            )
        )
    if inc.effect_notes:
        more.append(("More on the effect", fmt.para(inc.effect_notes)))
    if r.options.include_private_notes and inc.private_notes:
        more.append(("Private notes", fmt.para(inc.private_notes)))
    recorded = fmt.when(inc.recorded_at) or "Not known"
    if inc.from_memory:
        recorded += " — written later from memory"
    more.append(("Written down", fmt.para(recorded)))
    if inc.edited_at and inc.edited_at != inc.recorded_at:
        more.append(
            ("Last edited", fmt.para(f"{fmt.when(inc.edited_at)} (version {inc.revision})"))
        )
    more.append(("Exhibits", fmt.para(", ".join(refs)) or "None"))
    out.append(Spacer(1, 2 * mm))
    out.append(facts_table(more))
    out.append(Spacer(1, 4 * mm))
    out.append(HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=2, spaceAfter=6))
    return out


def story(r: ReportInput) -> list[Any]:
    s = styles()
    out: list[Any] = [Paragraph("The incidents in full", s.h1)]
    out.append(
        Paragraph(
            "Each incident as the person wrote it, with when it was first written down and "
            "when it was last edited. Times are local, with their offset from UTC.",
            s.muted,
        )
    )
    refs = exhibit_refs(r)
    for n, inc in enumerate(r.selection.incidents, start=1):
        out += incident_story(r, n, inc, refs.get(inc.id, []))
    out.append(PageBreak())
    return out
