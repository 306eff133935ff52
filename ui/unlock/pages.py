"""Small shared pieces of the start screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


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


def finish_page(layout: QVBoxLayout, back: Any, action: str,
                on_action: Callable[[], None], back_text: str = "Back",
                ) -> tuple[QLabel, QPushButton]:
    """The end of a form page: a calm message line, then Back on the left and the one
    action on the right (the default button). Returns the message and the action button."""
    msg = message()
    layout.addWidget(msg)
    layout.addStretch(1)
    row = QHBoxLayout()
    back_button = QPushButton(back_text)
    back_button.clicked.connect(back)
    button = QPushButton(action)
    button.setDefault(True)
    button.clicked.connect(on_action)
    row.addWidget(back_button)
    row.addStretch(1)
    row.addWidget(button)
    layout.addLayout(row)
    return msg, button
