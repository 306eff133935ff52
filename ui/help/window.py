"""Help and safety: what to record, staying safe, who to call. Texts live in resources/help."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTabWidget, QTextBrowser, QVBoxLayout, QWidget

HELP_DIR = Path(__file__).resolve().parents[2] / "resources" / "help"
TABS = [("contacts.md", "Who to call"), ("recording.md", "What to record"),
        ("safety.md", "Staying safe"), ("app.md", "About this app")]


class HelpWindow(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(title)
        self.tabs = QTabWidget(self)
        for name, label in TABS:
            browser = QTextBrowser()
            browser.setOpenLinks(False)  # nothing here ever opens a browser
            browser.setAccessibleName(label)
            browser.setMarkdown((HELP_DIR / name).read_text(encoding="utf-8"))
            self.tabs.addTab(browser, label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(720, 620)

    def show_help(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.tabs.currentWidget().setFocus()
