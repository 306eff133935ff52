"""The shell: the start window, the main window, the cover and help, the lock state, and
the triggers that lock. It holds the open vault and nothing else decrypted."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from ui.clipboard import ClipboardGuard
from ui.dialogs import Dialogs, error_text
from ui.help.window import HelpWindow
from ui.locking.cover import CoverWindow
from ui.locking.sequence import LockSequence, hide_all_windows
from ui.locking.triggers import IdleWatcher, PanicFilter, SessionWatcher
from ui.main_window import MainWindow, make_view
from ui.settings.app_settings import AppSettings
from ui.settings.dialog import SettingsDialog, SettingsValues
from ui.state import LockState, LockStateMachine
from ui.tasks import JobContext, VaultWorker
from ui.unlock.attempts_text import failed_attempts_text
from ui.unlock.new_recovery_key import NewRecoveryKeyDialog
from ui.unlock.start_window import StartWindow
from vault.errors import TooManyAttempts, WrongPassword
from vault.header import HEADER_FILE
from vault.kdf import KdfParams
from vault.paths import synced_folder
from vault.vault import Vault

log = logging.getLogger(__name__)

ICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
PLAIN_TITLE = "Notebook"
APP_TITLE = "Evidence Vault"


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = ICON_DIR / f"notebook-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon


class Shell(QObject):
    unlocked = Signal()
    locked = Signal(str)

    def __init__(self, settings: AppSettings, dialogs: Dialogs, worker: VaultWorker, *,
                 kdf_params: Callable[[], KdfParams | None] = lambda: None,
                 clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time,
                 view_factory: Callable[..., QWidget] = make_view,
                 idle_interval_ms: int = 5_000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.dialogs = dialogs
        self.worker = worker
        self._kdf_params = kdf_params
        self._view_factory = view_factory
        self.vault: Vault | None = None
        self.vault_settings: dict[str, Any] = {"idle_lock_minutes": 5, "panic_action": "lock",
                                               "initials": ""}
        self.main_window: MainWindow | None = None
        self._help: HelpWindow | None = None
        self._abort_unlock = False
        self._quitting = False

        self.state = LockStateMachine(self)
        self.clipboard = ClipboardGuard(parent=self)
        self.sequence = LockSequence(self.state, dialogs, self.clipboard, worker, self)
        self.sequence.locked.connect(self._on_sequence_locked)
        self.icon = app_icon()
        self.start_window = StartWindow(self.title, self.icon)
        self.cover = CoverWindow()
        self.cover.setWindowIcon(self.icon)
        self._connect_start_window()
        self.cover.open_requested.connect(self.show_unlock)
        self.cover.closed.connect(self.quit)

        self.panic_filter = PanicFilter(settings.panic_key, clock, self)
        self.panic_filter.panic.connect(self.on_panic)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.panic_filter)
        self.idle = IdleWatcher(self.panic_filter, clock, wall, idle_interval_ms, self)
        self.idle.idle.connect(lambda: self.lock("idle"))
        self.idle.slept.connect(lambda: self.lock("away"))
        self.session_watcher = SessionWatcher(self)
        self.session_watcher.went_away.connect(lambda _why: self.lock("away"))

    # -- names -------------------------------------------------------------------------
    @property
    def title(self) -> str:
        return PLAIN_TITLE if self.settings.discreet else APP_TITLE

    def _apply_titles(self) -> None:
        self.start_window.setWindowTitle(self.title)
        if self.main_window is not None:
            self.main_window.setWindowTitle(self.title)
        if self._help is not None:
            self._help.setWindowTitle(f"Help - {self.title}")
        self.start_window.unlock.set_vault(
            "Unlock" if not self.settings.discreet else "Notebook",
            "" if self.settings.discreet else f"Vault: {self.settings.vault_path}")

    # -- start -------------------------------------------------------------------------
    def _connect_start_window(self) -> None:
        w = self.start_window
        w.welcome.create_chosen.connect(self.show_create)
        w.welcome.open_chosen.connect(self._on_open_other_vault)
        w.welcome.help_chosen.connect(self.show_help)
        w.create_page.back_requested.connect(self.show_start)
        w.create_page.change_folder_requested.connect(self._on_change_new_folder)
        w.create_page.create_requested.connect(self.create_vault)
        w.recovery_key.copy_requested.connect(self.clipboard.put_secret)
        w.recovery_key.save_pdf_requested.connect(self._on_save_recovery_pdf)
        w.recovery_key.print_requested.connect(self._on_print_recovery)
        w.recovery_key.confirmed.connect(self._on_recovery_key_confirmed)
        w.unlock.unlock_requested.connect(self.unlock)
        w.unlock.recover_chosen.connect(self.show_recover)
        w.unlock.other_vault_chosen.connect(self._on_open_other_vault)
        w.unlock.help_chosen.connect(self.show_help)
        w.recover.back_requested.connect(self.show_unlock)
        w.recover.recover_requested.connect(self.recover)

    def vault_exists(self) -> bool:
        return (self.settings.vault_path / HEADER_FILE).exists()

    def show_start(self) -> None:
        self._apply_titles()
        if self.vault_exists():
            self.show_unlock()
        else:
            self.start_window.show_page(self.start_window.welcome)

    def show_unlock(self) -> None:
        if self.state.state is not LockState.LOCKED:
            return
        self.cover.hide()
        if not self.vault_exists():
            self.start_window.show_page(self.start_window.welcome)
            return
        self._apply_titles()
        self.start_window.unlock.reset()
        self.start_window.show_page(self.start_window.unlock)

    def show_create(self) -> None:
        self.start_window.create_page.reset()
        self.start_window.create_page.set_folder(self.settings.vault_path)
        self.start_window.show_page(self.start_window.create_page)

    def show_recover(self) -> None:
        self.start_window.recover.reset()
        self.start_window.show_page(self.start_window.recover)

    def show_help(self) -> None:
        if self._help is None:
            self._help = HelpWindow(f"Help - {self.title}")
            self._help.setWindowIcon(self.icon)
        self._help.show_help()

    def _on_open_other_vault(self) -> None:
        folder = self.dialogs.open_folder(self.start_window, "Choose the vault's folder")
        if folder is None:
            return
        if not (folder / HEADER_FILE).exists():
            self.dialogs.error(self.start_window, "That folder does not hold a vault.")
            return
        self.settings.vault_path = folder
        self.settings.save()
        self.show_unlock()

    def _on_change_new_folder(self) -> None:
        folder = self.dialogs.choose_folder(self.start_window, "Where to keep the new vault")
        if folder is not None:
            self.start_window.create_page.set_folder(folder / "notes" if any(folder.iterdir())
                                                else folder)

    # -- create, unlock, recover (the slow parts run on the worker) ---------------------
    def create_vault(self, password: str, initials: str, folder_text: str) -> None:
        folder = Path(folder_text)
        synced = synced_folder(folder)
        if synced and not self.dialogs.ask(
                self.start_window, "A synced folder",
                f"This folder is inside {synced}, which keeps copies online and old versions. "
                "A vault is safer in a folder that is not synced. Use it anyway?",
                yes="Use it anyway", no="Choose another"):
            return
        if not self.state.transition(LockState.LOCKED, LockState.UNLOCKING):
            return
        self._abort_unlock = False
        page = self.start_window.create_page
        page.create_button.setEnabled(False)
        page.show_message("Creating the vault. This takes a few seconds...")
        params = self._kdf_params()

        def job(_ctx: JobContext) -> tuple[Vault, str, dict[str, Any]]:
            vault, words = Vault.create(folder, password, initials=initials, kdf_params=params)
            return vault, words, vault.settings()

        def done(got: object) -> None:
            page.create_button.setEnabled(True)
            vault, words, vsettings = cast(tuple[Vault, str, dict[str, Any]], got)
            if not self._arrived(vault):
                return
            self.settings.vault_path = folder
            self.settings.seen_welcome = True
            self.settings.save()
            self.vault_settings = vsettings
            page.reset()
            self.start_window.recovery_key.show_words(words)
            self.start_window.show_page(self.start_window.recovery_key)

        def failed(error: Exception) -> None:
            page.create_button.setEnabled(True)
            self.state.transition(LockState.UNLOCKING, LockState.LOCKED)
            page.show_message(error_text(error))

        self.worker.submit(job, done, failed)

    def unlock(self, password: str) -> None:
        if not self.state.transition(LockState.LOCKED, LockState.UNLOCKING):
            return
        self._abort_unlock = False
        folder = self.settings.vault_path
        page = self.start_window.unlock

        def job(_ctx: JobContext) -> tuple[Vault, dict[str, Any]]:
            vault = Vault.open(folder, password)
            return vault, vault.settings()

        def done(got: object) -> None:
            vault, vsettings = cast(tuple[Vault, dict[str, Any]], got)
            page.set_busy(False)
            if self._arrived(vault):
                self.vault_settings = vsettings
                self._enter_unlocked()

        def failed(error: Exception) -> None:
            self.state.transition(LockState.UNLOCKING, LockState.LOCKED)
            page.set_busy(False)
            page.show_message(error_text(error))
            if isinstance(error, TooManyAttempts):
                page.wait(error.seconds)
            elif isinstance(error, WrongPassword) and error.retry_after > 0:
                page.wait(error.retry_after)
            page.password.setFocus()

        self.worker.submit(job, done, failed)

    def recover(self, words: str, new_password: str) -> None:
        if not self.state.transition(LockState.LOCKED, LockState.UNLOCKING):
            return
        self._abort_unlock = False
        folder = self.settings.vault_path
        page = self.start_window.recover
        params = self._kdf_params()

        def job(_ctx: JobContext) -> tuple[Vault, dict[str, Any]]:
            vault = Vault.recover(folder, words, new_password, kdf_params=params)
            return vault, vault.settings()

        def done(got: object) -> None:
            vault, vsettings = cast(tuple[Vault, dict[str, Any]], got)
            page.reset()
            if self._arrived(vault):
                self.vault_settings = vsettings
                self._enter_unlocked()

        def failed(error: Exception) -> None:
            self.state.transition(LockState.UNLOCKING, LockState.LOCKED)
            page.done()
            page.show_message(error_text(error))

        self.worker.submit(job, done, failed)

    def _arrived(self, vault: Vault) -> bool:
        """A vault came back open. False (and locked again) if panic came first."""
        if self._abort_unlock or self.state.state is not LockState.UNLOCKING:
            self.worker.submit(lambda _ctx: vault.lock())
            self.state.transition(LockState.UNLOCKING, LockState.LOCKED)
            return False
        self.vault = vault
        self.state.transition(LockState.UNLOCKING, LockState.UNLOCKED)
        self.dialogs.quiet = False
        return True

    def _on_recovery_key_confirmed(self) -> None:
        self.start_window.recovery_key.wipe()
        vault = self.vault
        if vault is not None:
            self.vault_settings["recovery_key_checked"] = True
            self.worker.submit(lambda _ctx: vault.update_settings(recovery_key_checked=True))
        self._enter_unlocked()

    def new_recovery_key(self) -> NewRecoveryKeyDialog | None:
        vault, window = self.vault, self.main_window
        if vault is None or window is None:
            return None
        dialog = NewRecoveryKeyDialog(vault, self.worker, self.dialogs,
                                      self.clipboard.put_secret, window)
        dialog.checked.connect(window.recovery_banner.hide)
        dialog.checked.connect(
            lambda: self.vault_settings.__setitem__("recovery_key_checked", True))
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs.track(dialog)
        dialog.open()
        return dialog

    def _enter_unlocked(self) -> None:
        vault = self.vault
        assert vault is not None
        attempts = failed_attempts_text(vault.failed_attempts)
        window = MainWindow(
            vault, self.worker, self.dialogs, self.title, self.icon, attempts,
            self._view_factory,
            recovery_key_unchecked=not self.vault_settings.get("recovery_key_checked", True))
        window.lock_requested.connect(lambda: self.lock("button"))
        window.hide_requested.connect(lambda: self.on_panic("button"))
        window.settings_requested.connect(self.show_settings)
        window.new_recovery_key_requested.connect(self.new_recovery_key)
        window.help_requested.connect(self.show_help)
        window.minimised.connect(lambda: self.lock("minimised"))
        window.close_requested.connect(self.quit)
        self.main_window = window
        self.start_window.hide()
        self.start_window.unlock.reset()
        self.panic_filter.reset()
        self.idle.start(int(self.vault_settings.get("idle_lock_minutes", 5)))
        window.show()
        window.load()
        self.unlocked.emit()

    # -- recovery key: print / PDF ------------------------------------------------------
    def _on_save_recovery_pdf(self, words: str) -> None:
        from ui.unlock.printing import save_recovery_pdf

        save_recovery_pdf(self.start_window, words, self.dialogs)

    def _on_print_recovery(self, words: str) -> None:
        from ui.unlock.printing import print_recovery_key

        print_recovery_key(self.start_window, words, self.dialogs)

    # -- settings ----------------------------------------------------------------------
    def show_settings(self) -> None:
        vault = self.vault
        if vault is None or self.main_window is None:
            return
        values = SettingsValues(
            idle_lock_minutes=int(self.vault_settings.get("idle_lock_minutes", 5)),
            panic_action=str(self.vault_settings.get("panic_action", "lock")),
            panic_key=self.settings.panic_key,
            discreet=self.settings.discreet,
            initials=str(self.vault_settings.get("initials", "")),
        )
        dialog = SettingsDialog(values, self.main_window)
        self.dialogs.track(dialog)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            dialog.deleteLater()
            return
        new = dialog.values()
        dialog.deleteLater()
        self.apply_settings(new)

    def apply_settings(self, new: SettingsValues) -> None:
        self.settings.panic_key = new.panic_key
        self.settings.discreet = new.discreet
        self.settings.save()
        self.panic_filter.set_panic_key(new.panic_key)
        self._apply_titles()
        changes = {"idle_lock_minutes": new.idle_lock_minutes, "panic_action": new.panic_action,
                   "initials": new.initials}
        self.vault_settings.update(changes)
        self.idle.start(new.idle_lock_minutes)
        vault = self.vault
        if vault is not None:
            self.worker.submit(lambda _ctx: vault.update_settings(**changes),
                               on_error=lambda e: self.dialogs.error(self.main_window, e))

    # -- locking -----------------------------------------------------------------------
    def on_panic(self, trigger: str = "key") -> None:
        """Panic: hide now, then lock; show what the setting says. Never deletes anything."""
        action = str(self.vault_settings.get("panic_action", "lock"))
        state = self.state.state
        if state is LockState.UNLOCKED:
            self.lock("panic", action)
            return
        hide_all_windows()
        self.dialogs.close_all()
        if state is LockState.UNLOCKING:
            self._abort_unlock = True
        self._show_after_lock(action)

    def lock(self, reason: str, action: str = "lock") -> bool:
        vault = self.vault
        if vault is None or self.state.state is not LockState.UNLOCKED:
            return False
        self.idle.stop()
        window = self.main_window
        self.main_window = None
        ok = self.sequence.run(
            reason, vault, window,
            show_after=lambda: self._show_after_lock(
                "minimise" if reason == "minimised" else action),
            view_shutdown=window.shutdown_view if window is not None else lambda: None,
        )
        self.panic_filter.reset()
        return ok

    def _show_after_lock(self, action: str) -> None:
        self.start_window.recovery_key.wipe()
        self.start_window.create_page.reset()
        self.start_window.recover.reset()
        self.start_window.unlock.reset()
        if self._quitting:
            return
        if action == "cover":
            self.cover.show_cover()
        elif action == "minimise":
            self._apply_titles()
            self.start_window.stack.setCurrentWidget(self.start_window.unlock)
            self.start_window.showMinimized()
        else:
            self._apply_titles()
            self.start_window.show_page(self.start_window.unlock
                                        if self.vault_exists() else self.start_window.welcome)

    def _on_sequence_locked(self, reason: str) -> None:
        self.vault = None
        self.dialogs.quiet = False
        self.locked.emit(reason)
        if self._quitting:
            QApplication.quit()

    def quit(self) -> None:
        """Close the app: lock first (never asking), then quit."""
        self._quitting = True
        if not self.lock("quit"):
            QApplication.quit()

    def shutdown(self) -> None:
        """Stop everything: join the worker, drop the keys, remove the filter, close windows."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.panic_filter)
        self.idle.stop()
        self.clipboard.clear_ours()
        window = self.main_window
        self.main_window = None
        if window is not None:
            try:
                window.shutdown_view()
            finally:
                window.hide()
                window.deleteLater()
        self.worker.shutdown()
        if self.vault is not None:
            self.vault.lock()
            self.vault = None
        for w in (self.start_window, self.cover, self._help):
            if w is not None:
                w.hide()
                w.deleteLater()
