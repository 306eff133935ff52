"""The witnesses of one incident: a short list of name, contact and what they saw."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.incidents.fields import line, text, wipe
from vault.model import Witness


class WitnessRow(QFrame):
    removed = Signal(object)
    edited = Signal()

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = line(self, f"Witness {number}: name")
        self.contact = line(self, f"Witness {number}: how to contact them",
                            "Phone, e-mail or address")
        self.saw = text(self, f"Witness {number}: what they saw", lines=2)
        remove = QPushButton("Remove this witness", self)
        remove.setAccessibleName(f"Remove witness {number}")
        remove.clicked.connect(lambda: self.removed.emit(self))
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("How to contact them", self.contact)
        form.addRow("What they saw", self.saw)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(remove)
        form.addRow(buttons)
        for w in (self.name, self.contact):
            w.textEdited.connect(self.edited)
        self.saw.textChanged.connect(self.edited)

    def value(self) -> Witness:
        return Witness(self.name.text().strip(), self.contact.text().strip(),
                       self.saw.toPlainText().strip())

    def set_value(self, w: Witness) -> None:
        self.name.setText(w.name)
        self.contact.setText(w.contact)
        self.saw.setPlainText(w.saw)

    def wipe(self) -> None:
        for edit in (self.name, self.contact, self.saw):
            wipe(edit)


class WitnessList(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[WitnessRow] = []
        self._box = QVBoxLayout()
        self._box.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton("Add a witness", self)
        self.add_button.clicked.connect(self._on_add_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._box)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def _add(self, w: Witness | None = None) -> WitnessRow:
        row = WitnessRow(len(self._rows) + 1, self)
        if w is not None:
            row.set_value(w)
        row.removed.connect(self._on_row_removed)
        row.edited.connect(self.edited)
        self._rows.append(row)
        self._box.addWidget(row)
        return row

    def _on_add_clicked(self) -> None:
        self._add().name.setFocus()
        self.edited.emit()

    def _on_row_removed(self, row: WitnessRow) -> None:
        self._rows.remove(row)
        row.wipe()
        row.hide()
        row.deleteLater()
        self.edited.emit()

    def value(self) -> list[Witness]:
        out = [r.value() for r in self._rows]
        return [w for w in out if w.name or w.contact or w.saw]

    def set_value(self, witnesses: list[Witness]) -> None:
        self.clear()
        for w in witnesses:
            self._add(w)

    def clear(self) -> None:
        for row in self._rows:
            row.wipe()
            row.hide()
            row.deleteLater()
        self._rows = []

    def editors(self) -> list[QLineEdit | QPlainTextEdit]:
        return [e for r in self._rows for e in (r.name, r.contact, r.saw)]
