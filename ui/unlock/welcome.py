"""First start: what the app does, what it cannot do, and the way in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.unlock.pages import heading, page_layout, para

TEXT_FILE = Path(__file__).resolve().parents[2] / "resources" / "help" / "welcome.txt"


def welcome_paragraphs() -> list[str]:
    text = TEXT_FILE.read_text(encoding="utf-8")
    return [p.strip().replace("\n", " ") for p in text.split("\n\n") if p.strip()]


class WelcomePage(QWidget):
    create_chosen = Signal()
    open_chosen = Signal()
    help_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        paragraphs = welcome_paragraphs()
        layout.addWidget(heading(paragraphs[0]))
        for text in paragraphs[1:]:
            layout.addWidget(para(text))
        layout.addStretch(1)
        row = QHBoxLayout()
        self.create_button = QPushButton("Create a new vault")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_chosen)
        self.open_button = QPushButton("Open an existing vault...")
        self.open_button.clicked.connect(self.open_chosen)
        help_button = QPushButton("Help && safety")
        help_button.clicked.connect(self.help_chosen)
        row.addWidget(self.create_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(help_button)
        layout.addLayout(row)
