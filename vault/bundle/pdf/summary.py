"""Summary of the course of conduct: first and last incident, counts by behaviour, the chart."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from vault.bundle.pdf import fmt
from vault.bundle.pdf.chart import chart
from vault.bundle.pdf.styles import FRAME_WIDTH, facts_table, grid_table, styles
from vault.model import BEHAVIOUR_LABELS, Behaviour

if TYPE_CHECKING:
    from vault.bundle.pdf.report import ReportInput


def story(r: ReportInput) -> list[Any]:
    s = styles()
    incs = r.selection.incidents
    out: list[Any] = [Paragraph("Summary of the course of conduct", s.h1)]
    if not incs:
        out += [Paragraph("No incidents are included in this bundle.", s.body), PageBreak()]
        return out
    first, last = incs[0], incs[-1]
    rows: list[tuple[str, object]] = [
        ("Incidents", str(len(incs))),
        ("First incident", fmt.when(first.start, approximate=first.approximate)),
        ("Last incident", fmt.when(last.start, approximate=last.approximate)),
        ("Reported to police", str(sum(1 for i in incs if not i.police.is_empty()))),
        ("In breach of an order", str(sum(1 for i in incs if i.breaches_order))),
        ("Written later from memory", str(sum(1 for i in incs if i.from_memory))),
        ("Exhibits", str(len(r.selection.exhibits))),
    ]
    out.append(facts_table(rows, label_width=48 * mm))
    out.append(Spacer(1, 5 * mm))

    counts: Counter[str] = Counter(b for i in incs for b in i.behaviours)
    table_rows: list[list[object]] = [
        [BEHAVIOUR_LABELS[b], str(counts[b])] for b in Behaviour if counts[b]
    ]
    unknown = sum(n for b, n in counts.items() if b not in BEHAVIOUR_LABELS)
    if unknown:
        table_rows.append(["Other (unlisted)", str(unknown)])
    none = sum(1 for i in incs if not i.behaviours)
    if none:
        table_rows.append(["No behaviour stated", str(none)])
    out.append(Paragraph("How many incidents involved each behaviour", s.h2))
    out.append(grid_table(["Behaviour", "Incidents"], table_rows, [FRAME_WIDTH - 28 * mm, 28 * mm]))
    out.append(Paragraph("An incident can involve more than one behaviour.", s.muted))
    drawing = chart(incs, FRAME_WIDTH)
    if drawing is not None:
        out += [Spacer(1, 4 * mm), Paragraph("Incidents over time", s.h2), drawing]
    out.append(PageBreak())
    return out
