"""The neutral cover: what panic can show instead of the lock screen.

An empty plain-text notebook page, with a File menu. Nothing typed there is kept. The way
back to the unlock screen is File > Open... (Ctrl+O), which a notebook would have anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QWidget

from ui.keys import shortcut


class CoverWindow(QMainWindow):
    open_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cover")
        self.setWindowTitle("Untitled - Notebook")
        self.page = QPlainTextEdit(self)
        self.page.setObjectName("coverPage")
        self.page.setAccessibleName("Page")
        self.page.setPlaceholderText("")
        self.setCentralWidget(self.page)
        menu = self.menuBar().addMenu("&File")
        new = QAction("&New", self)
        new.triggered.connect(self.page.clear)
        menu.addAction(new)
        open_action = QAction("&Open...", self)
        open_action.setShortcut(shortcut("cover_open"))
        open_action.triggered.connect(self.open_requested)
        menu.addAction(open_action)
        self.menuBar().addMenu("&Edit")
        self.menuBar().addMenu("&View")
        self.resize(720, 520)

    def show_cover(self) -> None:
        self.page.clear()
        self.page.document().clearUndoRedoStacks()
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.page.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.page.clear()
        super().closeEvent(event)
        self.closed.emit()
