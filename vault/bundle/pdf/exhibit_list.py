"""The exhibit list: reference, description, SHA-256 and size, one row each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph

from vault.bundle.pdf import fmt
from vault.bundle.pdf.styles import grid_table, styles

if TYPE_CHECKING:
    from vault.bundle.pdf.report import ReportInput


def story(r: ReportInput) -> list[Any]:
    s = styles()
    out: list[Any] = [Paragraph("Exhibit list", s.h1)]
    if not r.selection.exhibits:
        return out + [Paragraph("No exhibits are included.", s.body), PageBreak()]
    rows: list[list[object]] = []
    for e in r.selection.exhibits:
        item = e.item
        desc = fmt.para(item.description) or fmt.para(item.original_name)
        rows.append(
            [
                f"<b>{fmt.para(item.reference)}</b>",
                f"{desc}<br/><font color='#5a6470'>{fmt.para(e.path)}</font>",
                Paragraph(f"{item.sha256[:32]}<br/>{item.sha256[32:]}", s.hash),
                fmt.para(fmt.size(item.size).split(" (")[0]),
            ]
        )
    out.append(
        grid_table(
            ["Reference", "Description and file", "SHA-256", "Size"],
            rows,
            [20 * mm, 80 * mm, 52 * mm, 18 * mm],
        )
    )
    out.append(PageBreak())
    return out
