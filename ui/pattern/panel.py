"""The pattern tab: the chart, a period to look at, and the picture in words."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.pattern.chart import PatternChart, Weeks, describe
from vault.model import Incident
from vault.pattern import week_start, weekly_counts

PERIODS = (("The last 3 months", 13), ("The last 6 months", 26), ("The last 12 months", 52),
           ("Everything recorded", 0))


def window(weeks: Weeks, last_weeks: int, today: date | None = None) -> Weeks:
    """The weeks up to this one, `last_weeks` of them (0: from the first incident)."""
    if not weeks:
        return []
    this_week = week_start(today or date.today())
    by_week = dict(weeks)
    first = weeks[0][0] if last_weeks == 0 else this_week - timedelta(weeks=last_weeks - 1)
    end = max(this_week, weeks[-1][0])
    out: Weeks = []
    w = first
    while w <= end:
        out.append((w, by_week.get(w, {})))
        w += timedelta(days=7)
    return out


class PatternPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: Weeks = []
        self.period = QComboBox(self)
        self.period.setAccessibleName("Period shown")
        for label, n in PERIODS:
            self.period.addItem(label, n)
        self.period.setCurrentIndex(2)
        self.period.currentIndexChanged.connect(lambda _i: self._show())
        self.chart = PatternChart(self)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setAccessibleName("The pattern in words")
        intro = QLabel("How often each kind of behaviour happened, week by week. This is the "
                       "same picture the bundle for police shows.", self)
        intro.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel("Show", self))
        row.addWidget(self.period)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.words)

    def set_incidents(self, incidents: list[Incident]) -> None:
        self.set_weeks(weekly_counts(incidents))

    def set_weeks(self, weeks: Weeks) -> None:
        self._all = list(weeks)
        self._show()

    def _show(self) -> None:
        weeks = window(self._all, int(self.period.currentData() or 0))
        self.chart.set_weeks(weeks)
        self.words.setText(describe(weeks) if self._all else "")

    def clear(self) -> None:
        self._all = []
        self.chart.set_weeks([])
        self.words.setText("")
