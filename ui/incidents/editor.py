"""The incident editor: every field of an incident, grouped calmly, saved as it is typed.

The editor only shows and collects; saving is the autosaver's job (ui/incidents/autosave.py).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.incidents import when
from ui.incidents.fields import line, note, section, text, wipe
from ui.incidents.suspects import SuspectPicker
from ui.incidents.when_fields import DateTimeField
from ui.incidents.witnesses import WitnessList
from vault.model import (
    BEHAVIOUR_LABELS,
    EFFECT_LABELS,
    Behaviour,
    Effect,
    Incident,
    PoliceReport,
    Suspect,
    Vehicle,
)


class IncidentEditor(QWidget):
    """Shows one incident. `edited` fires on every change the person makes."""

    edited = Signal()
    history_requested = Signal(str)

    def __init__(self, track: Callable[[QDialog], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: Incident | None = None
        self._loading = False
        self.setAccessibleName("Incident")

        # -- header: state and times the vault set --------------------------------------
        self.state = QLabel("", self)
        self.state.setAccessibleName("Saving state")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.recorded = QLabel("", self)
        self.recorded.setAccessibleName("When this was first written down")
        self.recorded.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_button = QPushButton("Earlier versions…", self)
        self.history_button.setToolTip("See every saved version of this incident")
        self.history_button.clicked.connect(
            lambda: self.history_requested.emit(self.incident_id))
        top = QHBoxLayout()
        top.addWidget(self.recorded, 1)
        top.addWidget(self.state)
        top.addWidget(self.history_button)

        body = QWidget(self)
        col = QVBoxLayout(body)
        col.setSpacing(12)

        # -- When -----------------------------------------------------------------------
        box, form = section(body, "When")
        self.start = DateTimeField("Started", box)
        self.has_end = QCheckBox("It went on until", box)
        self.end = DateTimeField("Ended", box)
        self.end.setEnabled(False)
        self.has_end.toggled.connect(self.end.setEnabled)
        self.approximate = QCheckBox("I am not sure of the exact date or time", box)
        self.from_memory = QCheckBox("I am writing this later, from memory", box)
        self.from_memory.setToolTip(
            "Notes written at the time count for more. Saying honestly that this was written "
            "later keeps your record trustworthy.")
        form.addRow("It happened on", self.start)
        form.addRow(self.has_end, self.end)
        form.addRow(self.approximate)
        form.addRow(self.from_memory)
        col.addWidget(box)

        # -- What happened --------------------------------------------------------------
        box, form = section(body, "What happened")
        self.title = line(box, "Title", "In a few words, e.g. \"Waiting outside my work\"")
        self.where = line(box, "Where", "Street, place, or online")
        self.account = text(box, "What happened, in your own words",
                            "What happened, in your own words. What they did and said, "
                            "how they looked and sounded.", lines=7)
        grid = QGridLayout()
        self.behaviours: dict[str, QCheckBox] = {}
        for i, b in enumerate(Behaviour):
            cb = QCheckBox(BEHAVIOUR_LABELS[b], box)
            self.behaviours[b.value] = cb
            grid.addWidget(cb, i, 0)  # one column: never wider than the window
        form.addRow("Title", self.title)
        form.addRow("Where", self.where)
        form.addRow(QLabel("What they did (tick all that fit)", box))
        form.addRow(grid)
        form.addRow(QLabel("In your own words", box))
        form.addRow(self.account)
        col.addWidget(box)

        # -- Who ------------------------------------------------------------------------
        box, form = section(body, "Who")
        self.suspect = SuspectPicker(track, box)
        self.suspect_wore = line(box, "What they wore this time")
        self.suspect_said = text(box, "What they said", "Their exact words, if you can", lines=2)
        form.addRow("Who did it", self.suspect)
        form.addRow("What they wore this time", self.suspect_wore)
        form.addRow("What they said", self.suspect_said)
        col.addWidget(box)

        # -- Vehicle --------------------------------------------------------------------
        box, form = section(body, "Vehicle")
        self.make = line(box, "Vehicle make", "e.g. Ford")
        self.model = line(box, "Vehicle model", "e.g. Focus")
        self.colour = line(box, "Vehicle colour")
        self.plate = line(box, "Number plate", "Even part of it helps")
        form.addRow("Make", self.make)
        form.addRow("Model", self.model)
        form.addRow("Colour", self.colour)
        form.addRow("Number plate", self.plate)
        col.addWidget(box)

        # -- Witnesses ------------------------------------------------------------------
        box, form = section(body, "Witnesses")
        self.witnesses = WitnessList(box)
        form.addRow(self.witnesses)
        col.addWidget(box)

        # -- Police ---------------------------------------------------------------------
        box, form = section(body, "Police")
        self.reported = QCheckBox("I reported this to the police", box)
        self.reported_at = DateTimeField("Reported", box)
        self.reported_at.setEnabled(False)
        self.reported.toggled.connect(self.reported_at.setEnabled)
        self.police_ref = line(box, "Crime or incident reference number")
        self.officer = line(box, "Officer name and number")
        form.addRow(self.reported)
        form.addRow("Reported on", self.reported_at)
        form.addRow("Reference number", self.police_ref)
        form.addRow("Officer", self.officer)
        col.addWidget(box)

        # -- How (channel) --------------------------------------------------------------
        box, form = section(body, "How they did it")
        self.channel = line(box, "How they contacted or watched you",
                            "Phone number, e-mail, account or handle, app, or a person")
        form.addRow(note(box, "For calls, messages or watching online: which number, address, "
                              "account, app or site, or who passed the message on."))
        form.addRow("Channel", self.channel)
        col.addWidget(box)

        # -- Orders ---------------------------------------------------------------------
        box, form = section(body, "Orders")
        self.orders = line(box, "Orders in force",
                           "e.g. restraining order, stalking protection order")
        self.breaches = QCheckBox("This broke the order", box)
        form.addRow("Orders in force", self.orders)
        form.addRow(self.breaches)
        col.addWidget(box)

        # -- Other reports --------------------------------------------------------------
        box, form = section(body, "Other reports")
        self.other_reports = text(box, "Other reports made",
                                  "Advocate, platform report number, employer, landlord",
                                  lines=2)
        form.addRow(self.other_reports)
        col.addWidget(box)

        # -- How it affected me ---------------------------------------------------------
        box, form = section(body, "How it affected me")
        self.effects: dict[str, QCheckBox] = {}
        for e in Effect:
            cb = QCheckBox(EFFECT_LABELS[e], box)
            self.effects[e.value] = cb
            form.addRow(cb)
        self.effect_notes = text(box, "How it affected me, in your own words", lines=3)
        form.addRow(QLabel("In your own words", box))
        form.addRow(self.effect_notes)
        col.addWidget(box)

        # -- Private notes --------------------------------------------------------------
        box, form = section(body, "Private notes")
        form.addRow(note(box, "Never put in a bundle unless you ask. What goes to the police "
                              "may be shown to the person you fear."))
        self.private_notes = text(box, "Private notes, never put in a bundle unless you ask",
                                  lines=3)
        form.addRow(self.private_notes)
        col.addWidget(box)
        col.addStretch(1)

        self.scroller = QScrollArea(self)
        self.scroller.setWidget(body)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.scroller, 1)
        self._connect_edits()
        self.setEnabled(False)

    # -- change tracking ----------------------------------------------------------------
    def _connect_edits(self) -> None:
        for e in self._lines():
            e.textEdited.connect(self._on_any_edit)
        for t in self._texts():
            t.textChanged.connect(self._on_any_edit)
        boxes = [self.has_end, self.approximate, self.from_memory, self.reported, self.breaches,
                 *self.behaviours.values(), *self.effects.values()]
        for cb in boxes:
            cb.toggled.connect(self._on_any_edit)
        for f in (self.start, self.end, self.reported_at):
            f.edited.connect(self._on_any_edit)
        self.suspect.edited.connect(self._on_any_edit)
        self.witnesses.edited.connect(self._on_any_edit)

    def _lines(self) -> list[QLineEdit]:
        return [self.title, self.where, self.suspect_wore, self.make, self.model, self.colour,
                self.plate, self.police_ref, self.officer, self.channel, self.orders]

    def _texts(self) -> list[QPlainTextEdit]:
        return [self.account, self.suspect_said, self.other_reports, self.effect_notes,
                self.private_notes]

    def _on_any_edit(self, *_args: object) -> None:
        if not self._loading and self._loaded is not None:
            self.edited.emit()

    # -- in and out ---------------------------------------------------------------------
    @property
    def incident_id(self) -> str:
        return self._loaded.id if self._loaded else ""

    def load(self, inc: Incident, people: dict[str, Suspect]) -> None:
        self._loading = True
        try:
            self._loaded = copy.deepcopy(inc)
            self.start.set_value(inc.start)
            self.has_end.setChecked(bool(inc.end))
            self.end.set_value(inc.end or inc.start)
            self.end.setEnabled(bool(inc.end))
            self.approximate.setChecked(inc.approximate)
            self.from_memory.setChecked(inc.from_memory)
            self.title.setText(inc.title)
            self.where.setText(inc.where)
            for b, cb in self.behaviours.items():
                cb.setChecked(b in inc.behaviours)
            _set_text(self.account, inc.account)
            self.suspect.set_people(people, inc.suspect_id)
            self.suspect_wore.setText(inc.suspect_wore)
            _set_text(self.suspect_said, inc.suspect_said)
            self.make.setText(inc.vehicle.make)
            self.model.setText(inc.vehicle.model)
            self.colour.setText(inc.vehicle.colour)
            self.plate.setText(inc.vehicle.plate)
            self.witnesses.set_value(inc.witnesses)
            self.reported.setChecked(bool(inc.police.reported_at))
            self.reported_at.set_value(inc.police.reported_at)
            self.reported_at.setEnabled(bool(inc.police.reported_at))
            self.police_ref.setText(inc.police.reference)
            self.officer.setText(inc.police.officer)
            self.channel.setText(inc.channel)
            self.orders.setText(inc.orders_in_force)
            self.breaches.setChecked(inc.breaches_order)
            _set_text(self.other_reports, inc.other_reports)
            for e, cb in self.effects.items():
                cb.setChecked(e in inc.effects)
            _set_text(self.effect_notes, inc.effect_notes)
            _set_text(self.private_notes, inc.private_notes)
            self.show_saved(inc)
            self.setEnabled(True)
            self.scroller.verticalScrollBar().setValue(0)
        finally:
            self._loading = False

    def value(self) -> Incident:
        """The incident as it is on screen now."""
        assert self._loaded is not None
        inc = copy.deepcopy(self._loaded)
        inc.start = self.start.value()
        inc.end = self.end.value() if self.has_end.isChecked() else ""
        inc.approximate = self.approximate.isChecked()
        inc.from_memory = self.from_memory.isChecked()
        inc.title = self.title.text().strip()
        inc.where = self.where.text().strip()
        inc.behaviours = [b for b, cb in self.behaviours.items() if cb.isChecked()]
        inc.account = self.account.toPlainText().rstrip()
        inc.suspect_id = self.suspect.current()
        inc.suspect_wore = self.suspect_wore.text().strip()
        inc.suspect_said = self.suspect_said.toPlainText().rstrip()
        inc.vehicle = Vehicle(self.make.text().strip(), self.model.text().strip(),
                              self.colour.text().strip(), self.plate.text().strip())
        inc.witnesses = self.witnesses.value()
        inc.police = PoliceReport(
            self.reported_at.value() if self.reported.isChecked() else "",
            self.police_ref.text().strip(), self.officer.text().strip())
        inc.channel = self.channel.text().strip()
        inc.orders_in_force = self.orders.text().strip()
        inc.breaches_order = self.breaches.isChecked()
        inc.other_reports = self.other_reports.toPlainText().rstrip()
        inc.effects = [e for e, cb in self.effects.items() if cb.isChecked()]
        inc.effect_notes = self.effect_notes.toPlainText().rstrip()
        inc.private_notes = self.private_notes.toPlainText().rstrip()
        return inc

    def show_saved(self, saved: Incident) -> None:
        """The vault kept a version: take its times and revision (not the fields on screen)."""
        if self._loaded is None or saved.id != self._loaded.id:
            return
        self._loaded.recorded_at = saved.recorded_at
        self._loaded.edited_at = saved.edited_at
        self._loaded.revision = saved.revision
        words = f"Written down {when.show_moment(saved.recorded_at)}"
        if saved.edited_at:
            words += f" · last changed {when.show_moment(saved.edited_at)}"
        if saved.from_memory:
            words += " · written later from memory"
        self.recorded.setText(words)
        self.history_button.setEnabled(saved.revision > 1)
        self.history_button.setText(
            f"Earlier versions ({saved.revision - 1})…" if saved.revision > 1
            else "Earlier versions…")

    def set_state(self, words: str) -> None:
        self.state.setText(words)

    def focus_account(self) -> None:
        self.account.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Empty every field and undo history (switching to nothing, or lock)."""
        self._loading = True
        try:
            self._loaded = None
            for line_edit in self._lines():
                wipe(line_edit)
            for text_edit in self._texts():
                wipe(text_edit)
            self.witnesses.clear()
            self.suspect.clear()
            for cb in (*self.behaviours.values(), *self.effects.values()):
                cb.setChecked(False)
            self.recorded.setText("")
            self.state.setText("")
            self.setEnabled(False)
        finally:
            self._loading = False

    def text_fields(self) -> list[QLineEdit | QPlainTextEdit]:
        return [*self._lines(), *self._texts(), *self.witnesses.editors()]


def _set_text(edit: QPlainTextEdit, value: str) -> None:
    edit.setPlainText(value)
    edit.document().clearUndoRedoStacks()  # undo never reaches the previous incident
