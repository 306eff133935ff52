"""The choices for a bundle: which incidents, names, and what to include."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.incidents import when
from ui.incidents.timeline_model import IncidentRow

PRIVATE_WARNING = ("Private notes are left out unless you tick this. What goes to the police "
                   "may be disclosed to the person you fear, for example if there is a trial.")


class BundleOptions(QWidget):
    def __init__(self, rows: list[IncidentRow], producer_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.every = QRadioButton("Every incident", self)
        self.some = QRadioButton("Only the incidents I tick", self)
        self.between = QRadioButton("Incidents between two dates", self)
        self.every.setChecked(True)
        group = QButtonGroup(self)
        for b in (self.every, self.some, self.between):
            group.addButton(b)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Incidents to include")
        for r in rows:
            it = QListWidgetItem(f"{when.show(r.start, approximate=r.approximate)} — "
                                 f"{r.title or '(no title)'}")
            it.setData(Qt.ItemDataRole.UserRole, r.id)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(it)
        self.list.setEnabled(False)
        self.some.toggled.connect(self.list.setEnabled)
        days = [r.day for r in rows if r.day]
        first = min(days) if days else date.today() - timedelta(days=90)
        self.date_from = _date_edit(self, first, "From date")
        self.date_to = _date_edit(self, date.today(), "To date")
        for w in (self.date_from, self.date_to):
            w.setEnabled(False)
            self.between.toggled.connect(w.setEnabled)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("and", self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)

        self.case_ref = QLineEdit(self)
        self.case_ref.setAccessibleName("Police case reference")
        self.case_ref.setPlaceholderText("The crime or incident number, if you have one")
        self.producer = QLineEdit(producer_name, self)
        self.producer.setAccessibleName("Your name, as the person producing the evidence")
        self.folder = QLineEdit(self)
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName("Where to put the bundle")
        self.folder.setPlaceholderText("Choose a folder, for example on a USB stick")
        self.choose = QPushButton("Choose…", self)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        self.custody = QCheckBox("Include the custody log (recommended)", self)
        self.custody.setChecked(True)
        self.private = QCheckBox("Include my private notes", self)
        warning = QLabel(PRIVATE_WARNING, self)
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.PlainText)
        self.private_warning = warning

        which = QVBoxLayout()
        which.addWidget(self.every)
        which.addWidget(self.some)
        which.addWidget(self.list, 1)
        which.addWidget(self.between)
        which.addLayout(dates)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Case reference", self.case_ref)
        form.addRow("Your name", self.producer)
        form.addRow("Put it in", folder_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Which incidents</b>", self))
        layout.addLayout(which, 1)
        layout.addLayout(form)
        layout.addWidget(self.custody)
        layout.addWidget(self.private)
        layout.addWidget(warning)

    def tick(self, incident_ids: list[str]) -> None:
        wanted = set(incident_ids)
        self.some.setChecked(True)
        for i in range(self.list.count()):
            it = self.list.item(i)
            on = it.data(Qt.ItemDataRole.UserRole) in wanted
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def incident_ids(self) -> list[str] | None:
        if not self.some.isChecked():
            return None
        return [str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def date_range(self) -> tuple[str, str]:
        if not self.between.isChecked():
            return "", ""
        a, b = self.date_from.date(), self.date_to.date()
        return (date(a.year(), a.month(), a.day()).isoformat(),
                date(b.year(), b.month(), b.day()).isoformat())

    def out_dir(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if text else None


def _date_edit(parent: QWidget, day: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setAccessibleName(name)
    return edit
