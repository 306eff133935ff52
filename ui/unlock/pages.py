"""Small shared pieces of the start screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    label.setAccessibleName(text)
    return label


def para(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def message() -> QLabel:
    label = QLabel("")
    label.setObjectName("message")
    label.setWordWrap(True)
    label.setAccessibleName("Message")
    label.setVisible(False)
    return label


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setObjectName(name.replace(" ", "_"))
    # No undo history of a typed password, no context menu offering to copy it.
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    field.setMinimumWidth(320)
    return field


def wipe(field: QLineEdit) -> None:
    """Empty a field; setText also drops its undo history."""
    field.setText("")
    field.setModified(False)


def page_layout(page: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(48, 36, 48, 36)
    layout.setSpacing(14)
    return layout
