"""Unlock: one password field. Wrong password says so calmly; waits are counted down."""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ui.unlock.pages import heading, message, page_layout, para, password_field, wipe


class UnlockPage(QWidget):
    unlock_requested = Signal(str)
    recover_chosen = Signal()
    other_vault_chosen = Signal()
    help_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(self)
        self.title = heading("Unlock")
        layout.addWidget(self.title)
        self.where = para("")
        self.where.setObjectName("vaultPath")
        layout.addWidget(self.where)
        row = QHBoxLayout()
        self.password = password_field("Password")
        self.password.returnPressed.connect(self._on_unlock_clicked)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        row.addWidget(QLabel("Password"))
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        self.busy = QProgressBar()
        self.busy.setObjectName("unlockBusy")
        self.busy.setAccessibleName("Unlocking")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setVisible(False)
        layout.addWidget(self.busy)
        self.message = message()
        layout.addWidget(self.message)
        layout.addStretch(1)
        links = QHBoxLayout()
        recover = QPushButton("Forgot the password? Use the recovery key")
        recover.setObjectName("link")
        recover.clicked.connect(self.recover_chosen)
        other = QPushButton("Open another vault...")
        other.setObjectName("link")
        other.clicked.connect(self.other_vault_chosen)
        help_button = QPushButton("Help && safety")
        help_button.clicked.connect(self.help_chosen)
        links.addWidget(recover)
        links.addWidget(other)
        links.addStretch(1)
        links.addWidget(help_button)
        layout.addLayout(links)
        self._wait_until = 0.0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._on_countdown_tick)
        self._seconds_left = 0

    def set_vault(self, title: str, where: str) -> None:
        self.title.setText(title)
        self.where.setText(where)

    def _on_unlock_clicked(self) -> None:
        if not self.unlock_button.isEnabled() or not self.password.text():
            return
        password = self.password.text()
        wipe(self.password)
        self.set_busy(True)
        self.unlock_requested.emit(password)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.password.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and self._seconds_left <= 0)
        if busy:
            self.show_message("")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def wait(self, seconds: float) -> None:
        """Too many attempts: keep the button off and count down."""
        self._seconds_left = max(1, math.ceil(seconds))
        self.unlock_button.setEnabled(False)
        self._show_wait()
        self._countdown.start()

    def _show_wait(self) -> None:
        s = self._seconds_left
        self.show_message(f"Please wait {s} second{'s' if s != 1 else ''} before trying again.")

    def _on_countdown_tick(self) -> None:
        self._seconds_left -= 1
        if self._seconds_left <= 0:
            self._countdown.stop()
            self.show_message("You can try again now.")
            self.unlock_button.setEnabled(not self.busy.isVisible())
            self.password.setFocus()
        else:
            self._show_wait()

    def reset(self) -> None:
        wipe(self.password)
        self.set_busy(False)
        self.show_message("")
        self.password.setFocus()
