"""The incident log: one chronological table, one row per incident."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph

from vault.bundle.pdf import fmt
from vault.bundle.pdf.styles import grid_table, styles
from vault.model import BEHAVIOUR_SHORT

if TYPE_CHECKING:
    from vault.bundle.pdf.report import ReportInput

ACCOUNT_CHARS = 240


def exhibit_refs(r: ReportInput) -> dict[str, list[str]]:
    """Incident id -> references of the included exhibits linked to it."""
    refs: dict[str, list[str]] = {}
    for e in r.selection.exhibits:
        for inc_id in e.item.incidents:
            refs.setdefault(inc_id, []).append(e.item.reference)
    return refs


def story(r: ReportInput) -> list[Any]:
    s = styles()
    out: list[Any] = [Paragraph("Incident log", s.h1)]
    if not r.selection.incidents:
        return out + [Paragraph("No incidents.", s.body), PageBreak()]
    out.append(
        Paragraph(
            "Every incident in date order. The account is shortened here; each incident is "
            "given in full in the next section.",
            s.muted,
        )
    )
    refs = exhibit_refs(r)
    rows: list[list[object]] = []
    for n, inc in enumerate(r.selection.incidents, start=1):
        when = fmt.short_when(inc.start, approximate=inc.approximate)
        if inc.end:
            when += " – " + fmt.short_when(inc.end)
        behaviours = ", ".join(BEHAVIOUR_SHORT.get(b, b) for b in inc.behaviours)
        account = fmt.clip(inc.account, ACCOUNT_CHARS)
        if inc.title:
            account = f"<b>{fmt.para(inc.title)}</b><br/>{fmt.para(account)}"
        else:
            account = fmt.para(account)
        witnesses = ", ".join(w.name or "unnamed" for w in inc.witnesses)
        rows.append(
            [
                str(n),
                fmt.para(when),
                fmt.para(inc.where),
                fmt.para(behaviours),
                account,
                fmt.para(witnesses),
                fmt.para(", ".join(refs.get(inc.id, []))),
            ]
        )
    widths = [8 * mm, 23 * mm, 25 * mm, 21 * mm, 55 * mm, 19 * mm, 19 * mm]
    out.append(
        grid_table(
            ["#", "Date and time", "Where", "Behaviour", "What happened", "Seen by", "Exhibits"],
            rows,
            widths,
        )
    )
    out.append(PageBreak())
    return out
