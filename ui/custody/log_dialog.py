"""The custody log, read-only, with a note on what it proves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.custody.log_model import CustodyModel
from vault.model import CustodyEntry


class CustodyLogDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Custody log")
        self.model = CustodyModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Custody log entries, oldest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        h = self.table.horizontalHeader()
        for col in range(4):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        intro = QLabel(
            "Everything that happened to the evidence, in order. Each entry is chained to the "
            "one before and signed by the vault, so no entry can be changed, removed or "
            "reordered without it showing. It goes into every bundle you build.", self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.state = QLabel("Opening…", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.finished.connect(lambda _r: self.model.clear())

    def set_entries(self, entries: list[CustodyEntry]) -> None:
        self.model.set_entries(entries)
        self.state.setText(f"{len(entries)} entries.")
        self.table.scrollToBottom()
