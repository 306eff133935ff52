"""A draft witness-statement annex: exhibit lines and the CrimPR r.16.2 declaration.

Police take the formal statement (form MG11); this draft only helps the person prepare it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from vault.bundle.pdf import fmt, fonts
from vault.bundle.pdf.styles import FRAME_WIDTH, INK, styles

if TYPE_CHECKING:
    from vault.bundle.pdf.report import ReportInput

DECLARATION = (
    "This statement (consisting of ...... page(s) each signed by me) is true to the best of my "
    "knowledge and belief and I make it knowing that, if it is tendered in evidence, I shall be "
    "liable to prosecution if I have wilfully stated in it anything which I know to be false, "
    "or do not believe to be true."
)


def story(r: ReportInput) -> list[Any]:
    s = styles()
    out: list[Any] = [
        Paragraph("Annex: draft witness statement (exhibits)", s.h1),
        Paragraph("DRAFT: NOT A SIGNED STATEMENT", s.draft),
        Paragraph(
            "The police take the formal witness statement. These lines are a starting point "
            "for producing the exhibits in it, and can be copied into the statement.",
            s.muted,
        ),
        Spacer(1, 3 * mm),
    ]
    if not r.selection.exhibits:
        out.append(Paragraph("No exhibits are included.", s.body))
    for e in r.selection.exhibits:
        item = e.item
        what = item.description or item.original_name or "an item"
        out.append(Paragraph(fmt.para(f"I produce {what} marked {item.reference}."), s.body))
    out += [
        Spacer(1, 5 * mm),
        Paragraph(
            "Declaration (Criminal Procedure Rules, r.16.2; Criminal Justice Act 1967, s.9)", s.h2
        ),
        Paragraph(DECLARATION, s.body),
        Spacer(1, 10 * mm),
    ]
    line = [
        ("LINEBELOW", (1, 0), (1, -1), 0.6, INK),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 14),
    ]
    name = fmt.para(r.options.producer_name)
    sign = Table(
        [
            [Paragraph("Signed", s.body), ""],
            [Paragraph("Name", s.body), Paragraph(name, s.body) if name else ""],
            [Paragraph("Date", s.body), ""],
        ],
        colWidths=[30 * mm, FRAME_WIDTH * 0.55],
        rowHeights=[16 * mm, 12 * mm, 12 * mm],
        hAlign="LEFT",
    )
    sign.setStyle(TableStyle(line))
    out.append(sign)
    return out
