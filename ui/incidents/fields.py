"""Small form helpers shared by the incident editor's sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def line(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def text(parent: QWidget, name: str, placeholder: str = "", lines: int = 4) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    height = QFontMetrics(edit.font()).lineSpacing() * lines + 14
    edit.setMinimumHeight(height)
    edit.setSizeAdjustPolicy(QPlainTextEdit.SizeAdjustPolicy.AdjustToContents)
    return edit


def note(parent: QWidget, words: str) -> QLabel:
    label = QLabel(words, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setForegroundRole(label.foregroundRole())
    font = label.font()
    font.setItalic(True)
    label.setFont(font)
    return label


def section(parent: QWidget, title: str) -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title, parent)
    box.setAccessibleName(title)
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return box, form


def wipe(edit: QLineEdit | QPlainTextEdit | QTextEdit) -> None:
    """Empty a text field and its undo history (used on lock)."""
    if isinstance(edit, QLineEdit):
        edit.setText("")  # setText clears QLineEdit's undo history
        return
    edit.clear()
    edit.document().clearUndoRedoStacks()
