"""The person responsible: chosen from the people already in the vault, or added once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.incidents.fields import line, note, text, wipe
from vault.model import Suspect


class SuspectDialog(QDialog):
    """Add or change a person. The details are reused in every incident naming them."""

    def __init__(self, suspect: Suspect, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change this person's details" if suspect.id else "Add a person")
        self._id = suspect.id
        self.name = line(self, "Name", "Their name, or \"unknown\"")
        self.relationship = line(self, "Relationship", "For example: ex-partner, neighbour")
        self.appearance = text(self, "How they look", lines=2)
        self.voice = line(self, "How they sound", "Accent, voice")
        self.clothing = line(self, "What they usually wear")
        self.notes = text(self, "Other notes about them", lines=2)
        self.name.setText(suspect.name)
        self.relationship.setText(suspect.relationship)
        self.appearance.setPlainText(suspect.appearance)
        self.voice.setText(suspect.voice)
        self.clothing.setText(suspect.usual_clothing)
        self.notes.setPlainText(suspect.notes)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Relationship to you", self.relationship)
        form.addRow("How they look", self.appearance)
        form.addRow("How they sound", self.voice)
        form.addRow("What they usually wear", self.clothing)
        form.addRow("Other notes", self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note(self, "These details are kept once and used in every incident "
                                    "where you choose this person."))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.finished.connect(self._wipe)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    def value(self) -> Suspect:
        return Suspect(
            id=self._id, name=self.name.text().strip() or "Unknown",
            relationship=self.relationship.text().strip(),
            appearance=self.appearance.toPlainText().strip(), voice=self.voice.text().strip(),
            usual_clothing=self.clothing.text().strip(), notes=self.notes.toPlainText().strip(),
        )

    def _wipe(self, _result: int = 0) -> None:
        self.result_value = self.value() if self.result() == QDialog.DialogCode.Accepted else None
        for e in (self.name, self.relationship, self.appearance, self.voice, self.clothing,
                  self.notes):
            wipe(e)


class SuspectPicker(QWidget):
    """A list of people plus "Add a person…" and "Change details…"."""

    edited = Signal()
    save_requested = Signal(object)  # Suspect; the view saves it and calls `saved`

    def __init__(self, track: Callable[[QDialog], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._track = track
        self._people: dict[str, Suspect] = {}
        self.combo = QComboBox(self)
        self.combo.setAccessibleName("Who did it")
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        self.add_button = QPushButton("Add a person…", self)
        self.add_button.clicked.connect(lambda: self._open(Suspect()))
        self.edit_button = QPushButton("Change their details…", self)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        self._fill("")

    def set_people(self, people: dict[str, Suspect], current: str = "") -> None:
        self._people = dict(people)
        self._fill(current)

    def _fill(self, current: str) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("Not known, or not chosen", "")
        for sid, s in sorted(self._people.items(), key=lambda kv: kv[1].name.casefold()):
            label = s.name + (f" ({s.relationship})" if s.relationship else "")
            self.combo.addItem(label, sid)
        at = self.combo.findData(current)
        self.combo.setCurrentIndex(max(0, at))
        self.combo.blockSignals(False)
        self.edit_button.setEnabled(bool(current))

    def current(self) -> str:
        return str(self.combo.currentData() or "")

    def set_current(self, suspect_id: str) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(0, self.combo.findData(suspect_id)))
        self.combo.blockSignals(False)
        self.edit_button.setEnabled(bool(self.current()))

    def _on_combo_changed(self, _i: int) -> None:
        self.edit_button.setEnabled(bool(self.current()))
        self.edited.emit()

    def _on_edit_clicked(self) -> None:
        person = self._people.get(self.current())
        if person is not None:
            self._open(person)

    def _open(self, suspect: Suspect) -> None:
        dlg = SuspectDialog(suspect, self)
        if self._track is not None:
            self._track(dlg)
        dlg.finished.connect(lambda _r: self._on_dialog_finished(dlg))
        dlg.open()

    def _on_dialog_finished(self, dlg: SuspectDialog) -> None:
        value = getattr(dlg, "result_value", None)
        dlg.deleteLater()
        if value is not None:
            self.save_requested.emit(value)

    def saved(self, suspect: Suspect) -> None:
        """The vault kept this person: list them and choose them."""
        self._people[suspect.id] = suspect
        self._fill(suspect.id)
        self.edited.emit()

    def clear(self) -> None:
        self._people = {}
        self._fill("")
