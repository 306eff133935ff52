"""Every saved version of one incident, oldest first, read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.incidents import when
from ui.incidents.describe import changed_names, describe
from vault.incidents import changed_fields
from vault.model import Incident, Suspect


class HistoryDialog(QDialog):
    def __init__(self, versions: list[Incident], people: dict[str, Suspect],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Earlier versions of this incident")
        self._versions = versions
        self._people = people
        self.list = QListWidget(self)
        self.list.setAccessibleName("Versions")
        for i, v in enumerate(versions):
            if i == 0:
                label = f"Version 1 — written down {when.show_moment(v.recorded_at)}"
            else:
                what = changed_names(changed_fields(versions[i - 1], v))
                label = f"Version {v.revision} — {when.show_moment(v.edited_at)}"
                if what:
                    label += f"\nchanged: {what}"
            self.list.addItem(label)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("This version")
        self.list.currentRowChanged.connect(self._on_row_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 2)
        row.addWidget(self.text, 3)
        layout = QVBoxLayout(self)
        intro = QLabel("Every change is kept. Earlier versions cannot be changed; the custody "
                       "log records when each change was made.", self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(820, 520)
        if versions:
            self.list.setCurrentRow(len(versions) - 1)
        self.finished.connect(self._wipe)

    def _on_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._versions):
            self.text.setPlainText(describe(self._versions[row], self._people))

    def _wipe(self, _r: int = 0) -> None:
        self.text.clear()
        self.list.clear()
        self._versions = []
        self._people = {}
