"""The one ordered lock sequence, for the lock button, idle lock and panic alike.

After KeePassXC's DatabaseWidget::lock(). In order, and never asking a question:
 1. hide every top-level window of the app, in the same turn of the event loop as the trigger;
 2. close every dialog and menu, and keep any late dialog from showing (dialogs go quiet);
 3. clear the clipboard if the app put something there;
 4. cancel every background job (an import or bundle stops at its next check; the core never
    leaves a half item or half bundle) and drop their callbacks;
 5. shut the vault view down (its jobs, its dialogs) and destroy it with its main window
    (deleteLater), so no widget or model with decrypted data survives; clear QPixmapCache;
 6. drop the keys: vault.lock() runs on the vault worker right after the job that was running
    stops, so it never closes the store under a running job (a fallback locks from the GUI
    thread if that job does not stop within a few seconds);
 7. show the lock screen, the neutral cover or nothing (minimised), by setting;
 8. when the keys are gone and the window is destroyed: state `locked`, emit `locked`.
Steps 1-5 and 7 run synchronously in the trigger's turn.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from ui.clipboard import ClipboardGuard
from ui.dialogs import Dialogs
from ui.state import LockState, LockStateMachine
from ui.tasks import JobContext, VaultWorker
from vault.vault import Vault

log = logging.getLogger(__name__)
FALLBACK_LOCK_MS = 3_000


def hide_all_windows() -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            widget.hide()


class LockSequence(QObject):
    locked = Signal(str)  # the reason: "button", "idle", "panic", "minimised", "away"

    def __init__(self, state: LockStateMachine, dialogs: Dialogs, clipboard: ClipboardGuard,
                 worker: VaultWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._dialogs = dialogs
        self._clipboard = clipboard
        self._worker = worker

    def run(self, reason: str, vault: Vault, window: QMainWindow | None,
            show_after: Callable[[], None], view_shutdown: Callable[[], None]) -> bool:
        """Lock now. Returns False if the vault was not unlocked (nothing to do)."""
        if not self._state.transition(LockState.UNLOCKED, LockState.LOCKING):
            return False
        hide_all_windows()                                      # 1
        self._dialogs.quiet = True                              # 2
        self._dialogs.close_all()
        self._clipboard.clear_ours()                            # 3
        self._worker.cancel_all()                               # 4
        pending = {"keys": True, "window": window is not None}

        def part_done(part: str) -> None:
            if not pending[part]:
                return
            pending[part] = False
            if not any(pending.values()) and self._state.transition(
                    LockState.LOCKING, LockState.LOCKED):
                log.info("locked (%s)", reason)
                self.locked.emit(reason)

        try:                                                    # 5
            view_shutdown()
        except Exception as exc:  # noqa: BLE001 - locking must go on whatever the view does
            log.error("view shutdown failed: %s", type(exc).__name__)
        if window is not None:
            window.destroyed.connect(lambda *_a: part_done("window"))
            central = window.takeCentralWidget()
            if central is not None:
                central.hide()
                central.deleteLater()
            window.deleteLater()
        QPixmapCache.clear()

        fallback = QTimer(self)                                 # 6
        fallback.setSingleShot(True)

        def lock_here() -> None:
            vault.lock()
            part_done("keys")

        def keys_dropped(_result: object) -> None:
            fallback.stop()
            fallback.deleteLater()
            part_done("keys")

        def lock_failed(_error: Exception) -> None:
            fallback.stop()
            fallback.deleteLater()
            lock_here()

        def lock_job(_ctx: JobContext) -> None:
            vault.lock()

        fallback.timeout.connect(lock_here)
        fallback.start(FALLBACK_LOCK_MS)
        self._worker.submit(lock_job, on_done=keys_dropped, on_error=lock_failed)
        show_after()                                            # 7
        return True


def window_alive(widget: QWidget | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)
