"""Create a vault: the password twice with a strength estimate, exhibit initials, where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from ui.unlock.pages import finish_page, heading, page_layout, para, password_field, wipe
from ui.unlock.strength import estimate
from vault.vault import MIN_PASSWORD_CHARS


class CreatePage(QWidget):
    create_requested = Signal(str, str, str)  # password, initials, folder
    back_requested = Signal()
    change_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        layout.addWidget(heading("Create your vault"))
        layout.addWidget(para(
            "Choose a password that nobody could guess, and that you have not used anywhere "
            "else. Nobody can open the vault without it, and it cannot be reset without the "
            "recovery key you will see next."))
        form = QFormLayout()
        self.password = password_field("Password")
        self.repeat = password_field("Password again")
        self.strength = QProgressBar()
        self.strength.setObjectName("strength")
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setAccessibleName("Password strength")
        self.strength.setMaximumHeight(10)
        self.strength_label = QLabel("")
        self.strength_label.setWordWrap(True)
        self.strength_label.setObjectName("strengthLabel")
        self.initials = QLineEdit()
        self.initials.setAccessibleName("Your initials for exhibit numbers")
        self.initials.setMaxLength(6)
        self.initials.setPlaceholderText("e.g. JS, for exhibits JS/1, JS/2 ...")
        self.folder_label = QLabel("")
        self.folder_label.setWordWrap(True)
        change = QPushButton("Change...")
        change.setAccessibleName("Choose where the vault is kept")
        change.clicked.connect(self.change_folder_requested)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(change)
        form.addRow("Password", self.password)
        form.addRow("", self.strength)
        form.addRow("", self.strength_label)
        form.addRow("Password again", self.repeat)
        form.addRow("Your initials", self.initials)
        form.addRow("Kept in", folder_row)
        layout.addLayout(form)
        self.message, self.create_button = finish_page(
            layout, self.back_requested, "Create the vault", self._on_create_clicked)
        self.password.textChanged.connect(self._on_password_changed)
        self.repeat.returnPressed.connect(self._on_create_clicked)
        self.folder = Path()

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.folder_label.setText(str(folder))

    def _on_password_changed(self, text: str) -> None:
        s = estimate(text, [self.initials.text()])
        self.strength.setValue(s.score if text else 0)
        self.strength.setProperty("score", s.score if text else -1)
        self.strength.style().unpolish(self.strength)
        self.strength.style().polish(self.strength)
        self.strength_label.setText(f"{s.label}. {s.advice}".strip(". ") if text else "")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_create_clicked(self) -> None:
        password, repeat = self.password.text(), self.repeat.text()
        if len(password) < MIN_PASSWORD_CHARS:
            self.show_message(f"Please choose a password of at least {MIN_PASSWORD_CHARS} "
                              "characters.")
            self.password.setFocus()
            return
        if password != repeat:
            self.show_message("The two passwords are not the same. Please type them again.")
            wipe(self.repeat)
            self.repeat.setFocus()
            return
        self.show_message("")
        self.create_requested.emit(password, self.initials.text(), str(self.folder))

    def reset(self) -> None:
        wipe(self.password)
        wipe(self.repeat)
        self.initials.clear()
        self.show_message("")
        self.strength_label.clear()
        self.strength.setValue(0)
