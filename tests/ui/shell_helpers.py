"""Helpers for shell tests: a fake clock, a view holding known secrets, a secret finder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

SECRET_TITLE = "Zorblax followed me to the Quenford bus stop"
SECRET_NOTE = "He said the words wibblequork"
SECRETS = ("Zorblax", "Quenford", "wibblequork")


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


class SecretView(QWidget):
    """Stands in for VaultView: shows decrypted-looking text in a field, a label and a model."""

    status = Signal(str)

    def __init__(self, vault: object, worker: object, dialogs: object,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls: list[str] = []
        layout = QVBoxLayout(self)
        self.field = QLineEdit(SECRET_TITLE)
        self.note = QPlainTextEdit(SECRET_NOTE)
        self.label = QLabel(SECRET_TITLE)
        self.list = QListView()
        self.list.setModel(QStringListModel([SECRET_TITLE], self.list))
        for w in (self.field, self.note, self.label, self.list):
            layout.addWidget(w)

    def load(self) -> None:
        self.calls.append("load")

    def shutdown(self) -> None:
        self.calls.append("shutdown")

    def record_now(self) -> None:
        self.calls.append("record_now")

    def import_dialog(self) -> None:
        self.calls.append("import_dialog")

    def import_paths(self, paths: list[Path]) -> None:
        self.calls.append("import_paths")

    def paste(self) -> None:
        self.calls.append("paste")

    def build_bundle(self) -> None:
        self.calls.append("build_bundle")

    def show_custody_log(self) -> None:
        self.calls.append("custody")

    def check_integrity(self) -> None:
        self.calls.append("integrity")


def widget_texts(widget: QWidget) -> list[str]:
    texts: list[str] = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    if isinstance(widget, QLineEdit | QLabel):
        texts.append(widget.text())
    if isinstance(widget, QPlainTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        texts.extend(widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        row = 0
        while row < 1000 and model.index(row, 0).isValid():
            col = 0
            while col < 50 and model.index(row, col).isValid():
                texts.append(str(model.data(model.index(row, col))))
                col += 1
            row += 1
    return texts


def secrets_on_screen(secrets: tuple[str, ...] = SECRETS) -> list[str]:
    """Every (widget class, secret) still held by a live widget."""
    found = []
    for widget in QApplication.allWidgets():
        for text in widget_texts(widget):
            for secret in secrets:
                if text and secret in text:
                    found.append(f"{type(widget).__name__}: {secret}")
    return found
