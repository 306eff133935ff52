"""Forgot the password: the 24-word recovery key and a new password."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QWidget

from ui.unlock.pages import finish_page, heading, page_layout, para, password_field, wipe
from vault.vault import MIN_PASSWORD_CHARS


class RecoverPage(QWidget):
    recover_requested = Signal(str, str)  # words, new password
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        layout.addWidget(heading("Use the recovery key"))
        layout.addWidget(para("Type the 24 words of your recovery key, in order, and choose a "
                              "new password. The old password will stop working."))
        form = QFormLayout()
        self.words = QPlainTextEdit()
        self.words.setAccessibleName("Recovery key words")
        self.words.setTabChangesFocus(True)
        self.words.setMaximumHeight(110)
        self.password = password_field("New password")
        self.repeat = password_field("New password again")
        self.repeat.returnPressed.connect(self._on_recover_clicked)
        form.addRow("Recovery key", self.words)
        form.addRow("New password", self.password)
        form.addRow("Again", self.repeat)
        layout.addLayout(form)
        self.message, self.go = finish_page(
            layout, self.back_requested, "Set the new password and unlock",
            self._on_recover_clicked)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_recover_clicked(self) -> None:
        if len(self.password.text()) < MIN_PASSWORD_CHARS:
            self.show_message(f"Please choose a password of at least {MIN_PASSWORD_CHARS} "
                              "characters.")
            return
        if self.password.text() != self.repeat.text():
            self.show_message("The two passwords are not the same. Please type them again.")
            return
        self.show_message("")
        self.go.setEnabled(False)
        self.recover_requested.emit(self.words.toPlainText(), self.password.text())

    def done(self) -> None:
        self.go.setEnabled(True)

    def reset(self) -> None:
        self.words.setPlainText("")
        self.words.document().clearUndoRedoStacks()
        wipe(self.password)
        wipe(self.repeat)
        self.show_message("")
        self.go.setEnabled(True)
