"""A date with an optional time, as the incident editor's "when" fields."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QTimeEdit, QWidget

from ui.incidents import when


class DateTimeField(QWidget):
    """Date, plus a time when "at" is ticked. Gives back ISO 8601 with the local offset."""

    edited = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = ""
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.day.setAccessibleName(f"{name}: date")
        self.has_time = QCheckBox("at", self)
        self.has_time.setAccessibleName(f"{name}: I know the time")
        self.clock = QTimeEdit(self)
        self.clock.setDisplayFormat("HH:mm")
        self.clock.setAccessibleName(f"{name}: time")
        self.has_time.toggled.connect(self.clock.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day)
        row.addWidget(self.has_time)
        row.addWidget(self.clock)
        row.addStretch(1)
        self.day.dateChanged.connect(self.edited)
        self.has_time.toggled.connect(self.edited)
        self.clock.timeChanged.connect(self.edited)

    def set_value(self, text: str, default: datetime | None = None) -> None:
        self._original = text
        got = when.parse(text) or default or datetime.now().astimezone()
        day = got.date() if isinstance(got, datetime) else got
        self.day.setDate(QDate(day.year, day.month, day.day))
        if isinstance(got, datetime):
            self.has_time.setChecked(True)
            self.clock.setTime(QTime(got.hour, got.minute))
        else:
            self.has_time.setChecked(False)
            self.clock.setTime(QTime(12, 0))
        self.clock.setEnabled(self.has_time.isChecked())

    def value(self) -> str:
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        if not self.has_time.isChecked():
            new = day.isoformat()
        else:
            t = self.clock.time()
            new = datetime.combine(day, time(t.hour(), t.minute())).astimezone().isoformat(
                timespec="minutes")
        # Unchanged on screen: keep exactly what was stored (its own UTC offset).
        orig = when.parse(self._original)
        if orig is not None and _same(orig, when.parse(new)):
            return self._original
        return new


def _same(a: datetime | date | None, b: datetime | date | None) -> bool:
    if isinstance(a, datetime) and isinstance(b, datetime):
        return (a.date(), a.hour, a.minute) == (b.date(), b.hour, b.minute)
    if isinstance(a, datetime) or isinstance(b, datetime):
        return False
    return a == b
