"""Typography: one calm sans family, a few sizes, generous leading, quiet colours."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from vault.bundle.pdf import fonts

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#5a6470")
RULE = colors.HexColor("#c9d1d9")
SHADE = colors.HexColor("#f2f4f7")
ACCENT = colors.HexColor("#2f4a6d")
DRAFT = colors.HexColor("#a33a3a")

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    hash: ParagraphStyle
    draft: ParagraphStyle


@cache
def styles() -> Styles:
    fonts.register()
    base = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=10,
        leading=14.5,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=6,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        title=derive(
            "title", fontName=fonts.BOLD, fontSize=24, leading=30, spaceAfter=4, textColor=ACCENT
        ),
        subtitle=derive("subtitle", fontSize=12, leading=17, textColor=MUTED, spaceAfter=18),
        h1=derive(
            "h1",
            fontName=fonts.BOLD,
            fontSize=16,
            leading=21,
            spaceBefore=0,
            spaceAfter=10,
            textColor=ACCENT,
        ),
        h2=derive(
            "h2",
            fontName=fonts.BOLD,
            fontSize=12,
            leading=16,
            spaceBefore=10,
            spaceAfter=6,
            textColor=INK,
        ),
        body=base,
        small=derive("small", fontSize=8.5, leading=12),
        muted=derive("muted", fontSize=9, leading=13, textColor=MUTED),
        label=derive("label", fontSize=8.5, leading=12, textColor=MUTED, spaceAfter=0),
        cell=derive("cell", fontSize=8.5, leading=11.5, spaceAfter=0),
        cell_bold=derive(
            "cell_bold", fontName=fonts.BOLD, fontSize=8.5, leading=11.5, spaceAfter=0
        ),
        hash=derive("hash", fontSize=8.5, leading=11.5, spaceAfter=0),
        draft=derive("draft", fontName=fonts.BOLD, fontSize=11, leading=15, textColor=DRAFT),
    )


def facts_table(rows: list[tuple[str, object]], label_width: float = 38 * mm) -> Table:
    """Label / value pairs as a quiet two-column table; long values wrap and split across pages."""
    from reportlab.platypus import Paragraph

    s = styles()
    data = [
        [
            Paragraph(label, s.label),
            value if not isinstance(value, str) else Paragraph(value, s.cell),
        ]
        for label, value in rows
    ]
    table = Table(
        data,
        colWidths=[label_width, FRAME_WIDTH - label_width],
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ]
        )
    )
    return table


def grid_table(
    header: list[str], rows: list[list[object]], widths: list[float], repeat: bool = True
) -> Table:
    """A data table with a shaded, repeating header row and hairline rules."""
    from reportlab.platypus import Paragraph

    s = styles()
    data: list[list[object]] = [[Paragraph(h, s.cell_bold) for h in header]]
    for row in rows:
        data.append([Paragraph(c, s.cell) if isinstance(c, str) else c for c in row])
    table = Table(
        data, colWidths=widths, repeatRows=1 if repeat else 0, hAlign="LEFT", splitInRow=1
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
