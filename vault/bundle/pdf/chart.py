"""A stacked bar chart of incidents over time by behaviour (reportlab.graphics).

A pattern is what makes stalking: the chart shows how often each behaviour happened, month by
month (week by week over a short period, quarter by quarter over a long one).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from vault.bundle.pdf import fonts
from vault.bundle.pdf.styles import INK, MUTED, RULE
from vault.model import BEHAVIOUR_SHORT, Incident
from vault.pattern import ORDER, period_counts

PALETTE = [
    colors.HexColor(c)
    for c in (
        "#4e79a7",
        "#f28e2b",
        "#e15759",
        "#76b7b2",
        "#59a14f",
        "#edc948",
        "#b07aa1",
        "#ff9da7",
        "#9c755f",
        "#bab0ac",
        "#7f8c8d",
    )
]
def _label(unit: str, start: date) -> str:
    if unit == "week":
        return start.strftime("%d %b")
    if unit == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return start.strftime("%b %Y") if start.month == 1 else start.strftime("%b")


def chart(incidents: list[Incident], width: float, height: float = 230) -> Drawing | None:
    unit, periods = period_counts(incidents)  # the same numbers as the app's picture
    if not periods:
        return None
    starts = [start for start, _ in periods]
    order = ORDER
    counts: dict[str, Counter[int]] = {b: Counter() for b in order}
    for index, (_, seen) in enumerate(periods):
        for b, n in seen.items():
            counts[b][index] += n
    used = [b for b in order if counts[b]]

    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.REGULAR  # else reportlab adds an unembedded Helvetica
    drawing.initialFontSize = 8
    bc = VerticalBarChart()
    bc.x, bc.y = 28, 58
    bc.width, bc.height = width - 36, height - 80
    bc.data = [[counts[b][i] for i in range(len(starts))] for b in used]
    bc.categoryAxis.style = "stacked"
    every = max(1, len(starts) // 14)
    bc.categoryAxis.categoryNames = [
        _label(unit, s) if i % every == 0 else "" for i, s in enumerate(starts)
    ]
    bc.categoryAxis.labels.fontName = fonts.REGULAR
    bc.categoryAxis.labels.fontSize = 7
    bc.categoryAxis.labels.fillColor = MUTED
    bc.categoryAxis.strokeColor = MUTED
    bc.valueAxis.labels.fontName = fonts.REGULAR
    bc.valueAxis.labels.fontSize = 7
    bc.valueAxis.labels.fillColor = MUTED
    bc.valueAxis.strokeColor = MUTED
    bc.valueAxis.valueMin = 0
    peak = max(sum(counts[b][i] for b in used) for i in range(len(starts)))
    bc.valueAxis.valueStep = max(1, -(-peak // 5))
    bc.valueAxis.visibleGrid = True
    bc.valueAxis.gridStrokeColor = RULE
    bc.valueAxis.gridStrokeWidth = 0.3
    bc.barSpacing = 0
    bc.groupSpacing = 3 if len(starts) < 40 else 1
    for i, b in enumerate(used):
        bc.bars[i].fillColor = PALETTE[order.index(b) % len(PALETTE)]
        bc.bars[i].strokeColor = None
    drawing.add(bc)

    legend = Legend()
    legend.x, legend.y = 28, 22
    legend.alignment = "right"
    legend.fontName = fonts.REGULAR
    legend.fontSize = 7.5
    legend.fillColor = INK
    legend.columnMaximum = 2
    legend.dx, legend.dy = 7, 7
    legend.deltax = 76
    legend.dxTextSpace = 4
    legend.colorNamePairs = [
        (PALETTE[order.index(b) % len(PALETTE)], BEHAVIOUR_SHORT.get(b, "Not stated")) for b in used
    ]
    drawing.add(legend)
    drawing.add(
        String(
            28,
            height - 12,
            f"Incidents per {unit}, by behaviour",
            fontName=fonts.REGULAR,
            fontSize=8,
            fillColor=MUTED,
        )
    )
    return drawing
