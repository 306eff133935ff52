"""A picture of the pattern: incidents week by week, stacked by behaviour (QPainter).

The numbers come from vault.pattern.weekly_counts, the same as the bundle's chart.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from vault.model import BEHAVIOUR_SHORT
from vault.pattern import NOT_STATED, ORDER, peak

COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac", "#7f8c8d"]  # the bundle chart's, in ORDER

Weeks = list[tuple[date, dict[str, int]]]


def colour_of(behaviour: str) -> QColor:
    return QColor(COLOURS[ORDER.index(behaviour) % len(COLOURS)])


def label_of(behaviour: str) -> str:
    return "Not stated" if behaviour == NOT_STATED else BEHAVIOUR_SHORT.get(behaviour, behaviour)


def describe(weeks: Weeks) -> str:
    """The picture in words (for screen readers, and under the chart)."""
    total_weeks = len(weeks)
    if not total_weeks:
        return "Nothing recorded in this period."
    counts = [sum(c.values()) for _, c in weeks]
    busiest = max(range(total_weeks), key=lambda i: counts[i])
    recent, before = sum(counts[-4:]), sum(counts[-8:-4])
    text = (f"{sum(counts)} behaviours recorded over {total_weeks} weeks. Busiest week: "
            f"{weeks[busiest][0]:%d %b %Y} ({counts[busiest]}).")
    if total_weeks >= 8:
        trend = ("more than" if recent > before else "fewer than" if recent < before
                 else "the same as")
        text += f" Last four weeks: {recent}, {trend} the four weeks before ({before})."
    return text


class PatternChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: Weeks = []
        self._bars: list[tuple[QRectF, int]] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Incidents week by week, by behaviour")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 80, fm.lineSpacing() * 20)

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 30, fm.lineSpacing() * 10)

    def set_weeks(self, weeks: Weeks) -> None:
        self._weeks = list(weeks)
        self.setAccessibleDescription(describe(self._weeks))
        self.update()

    def weeks(self) -> Weeks:
        return list(self._weeks)

    def used(self) -> list[str]:
        seen = {b for _, c in self._weeks for b in c}
        return [b for b in ORDER if b in seen]

    # -- drawing ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pal = self.palette()
        text_colour = pal.color(QPalette.ColorRole.WindowText)
        muted = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        fm = QFontMetrics(self.font())
        line = fm.lineSpacing()
        self._bars = []
        if not self._weeks:
            p.setPen(text_colour)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       "When incidents are recorded, their pattern shows here.")
            p.end()
            return

        # Legend across the top, wrapping.
        x, y = 8.0, 6.0
        swatch = fm.height() * 0.8
        for b in self.used():
            words = label_of(b)
            w = swatch + 6 + fm.horizontalAdvance(words) + 18
            if x + w > self.width() - 8 and x > 8:
                x, y = 8.0, y + line + 4
            p.fillRect(QRectF(x, y + (line - swatch) / 2, swatch, swatch), colour_of(b))
            p.setPen(text_colour)
            p.drawText(QPointF(x + swatch + 6, y + fm.ascent()), words)
            x += w
        top = y + line + 12

        tallest = max(1, peak(self._weeks))
        step = max(1, -(-tallest // 5))
        axis_max = step * -(-tallest // step)
        left = 10 + fm.horizontalAdvance(str(axis_max))
        bottom = self.height() - line - 10
        right = self.width() - 10
        plot = QRectF(left, top, max(10.0, right - left), max(10.0, bottom - top))

        # Grid and value axis.
        p.setPen(QPen(muted, 0, Qt.PenStyle.DotLine))
        for v in range(0, axis_max + 1, step):
            gy = plot.bottom() - plot.height() * v / axis_max
            p.drawLine(QPointF(plot.left(), gy), QPointF(plot.right(), gy))
            p.drawText(QRectF(0, gy - line / 2, left - 4, line),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(v))

        # Bars.
        n = len(self._weeks)
        slot = plot.width() / n
        gap = min(3.0, slot * 0.2)
        for i, (_week, counts) in enumerate(self._weeks):
            bx = plot.left() + i * slot + gap / 2
            by = plot.bottom()
            for b in ORDER:
                c = counts.get(b, 0)
                if not c:
                    continue
                h = plot.height() * c / axis_max
                p.fillRect(QRectF(bx, by - h, max(1.0, slot - gap), h), colour_of(b))
                by -= h
            self._bars.append((QRectF(plot.left() + i * slot, plot.top(), slot,
                                      plot.height()), i))

        # Week labels: months where they begin, spaced so they never overlap.
        p.setPen(text_colour)
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        label_w = fm.horizontalAdvance("Sep 2026") + 12
        last_end = -1e9
        for i, (week, _c) in enumerate(self._weeks):
            first_of_month = i == 0 or week.month != self._weeks[i - 1][0].month
            if not first_of_month:
                continue
            lx = plot.left() + i * slot
            if lx < last_end:
                continue
            words = f"{week:%b %Y}" if i == 0 or week.month == 1 else f"{week:%b}"
            p.drawText(QPointF(lx, plot.bottom() + fm.ascent() + 4), words)
            last_end = lx + label_w
        p.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        for rect, i in self._bars:
            if rect.contains(pos):
                week, counts = self._weeks[i]
                end = week + timedelta(days=6)
                lines = [f"Week of {week.day} {week:%b} – {end.day} {end:%b %Y}"]
                lines += [f"{label_of(b)}: {counts[b]}" for b in ORDER if counts.get(b)]
                if not counts:
                    lines.append("Nothing recorded")
                QToolTip.showText(event.globalPosition().toPoint(), "\n".join(lines), self)
                return
        QToolTip.hideText()
