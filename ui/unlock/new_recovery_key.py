"""Making a new recovery key: for one lost, or one never written down (a panic on the
screen that showed it wipes it, and it cannot be shown again)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QStackedWidget, QVBoxLayout, QWidget

from ui.dialogs import Dialogs, error_text
from ui.tasks import JobContext, VaultWorker
from ui.unlock.pages import finish_page, heading, page_layout, para, password_field, wipe
from ui.unlock.printing import print_recovery_key, save_recovery_pdf
from ui.unlock.recovery_key import RecoveryKeyPage
from vault.vault import Vault


class NewRecoveryKeyDialog(QDialog):
    checked = Signal()  # the new words were typed back: the vault now knows it

    def __init__(self, vault: Vault, worker: VaultWorker, dialogs: Dialogs,
                 copy_secret: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New recovery key")
        self.setAccessibleName("Make a new recovery key")
        self._vault, self._worker, self._dialogs = vault, worker, dialogs
        self.stack = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.stack)
        self.stack.addWidget(self._password_page())
        self.key_page = RecoveryKeyPage()
        self.key_page.copy_requested.connect(copy_secret)
        self.key_page.save_pdf_requested.connect(
            lambda words: save_recovery_pdf(self, words, dialogs))
        self.key_page.print_requested.connect(
            lambda words: print_recovery_key(self, words, dialogs))
        self.key_page.confirmed.connect(self._on_key_confirmed)
        self.stack.addWidget(self.key_page)
        self.resize(720, 520)

    def _password_page(self) -> QWidget:
        page = QWidget()
        layout = page_layout(page)
        layout.addWidget(heading("Make a new recovery key"))
        layout.addWidget(para(
            "A new recovery key takes the place of the old one: the old words will no "
            "longer open the vault, so a copy someone else found stops being any use. "
            "Your password stays the same. Type it to go on."))
        form = QFormLayout()
        self.password = password_field("Your password")
        self.password.returnPressed.connect(self._on_make_clicked)
        form.addRow("Password", self.password)
        layout.addLayout(form)
        self.message, self.make_button = finish_page(
            layout, self.reject, "Make the new key", self._on_make_clicked, "Cancel")
        self.message.setVisible(False)
        return page

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_make_clicked(self) -> None:
        password = self.password.text()
        if not password:
            self.show_message("Please type your password.")
            return
        self.make_button.setEnabled(False)
        self.show_message("Making the new key…")
        vault = self._vault

        def job(_ctx: JobContext) -> str:
            return vault.new_recovery_key(password)

        self._worker.submit(job, on_done=self._on_made, on_error=self._on_failed)

    def _on_made(self, words: object) -> None:
        wipe(self.password)
        self.make_button.setEnabled(True)
        self.key_page.show_words(str(words))
        self.stack.setCurrentWidget(self.key_page)

    def _on_failed(self, error: object) -> None:
        self.make_button.setEnabled(True)
        self.show_message(error_text(error) if isinstance(error, BaseException)
                          else str(error))

    def _on_key_confirmed(self) -> None:
        vault = self._vault
        self._worker.submit(lambda _ctx: vault.update_settings(recovery_key_checked=True),
                            on_error=lambda e: self._dialogs.error(self, e))
        self.key_page.wipe()
        self.checked.emit()
        self.accept()

    def done(self, result: int) -> None:  # every way out: accept, reject, close, the lock
        self.key_page.wipe()
        wipe(self.password)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.key_page.wipe()
        wipe(self.password)
        super().closeEvent(event)
