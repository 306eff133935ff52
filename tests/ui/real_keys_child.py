"""Run by test_real_keys.py on its own X server: the app unlocked, waiting for a real key
press or click from xdotool. Prints READY with the window id and where the Hide button is,
then, once locked, RESULT with whether the window was already hidden when the event that
triggered the panic had been handled (the same turn of the event loop)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.shell_helpers import SecretView
from ui.dialogs import FakeDialogs
from ui.settings.app_settings import AppSettings
from ui.shell import Shell
from ui.tasks import VaultWorker
from vault.kdf import KdfParams
from vault.vault import Vault

PASSWORD = "correct horse battery staple"
GIVE_UP_MS = 30_000


class Probe(QObject):
    """Installed after the shell's panic filter, so it sees each input event first; a
    zero-time timer started here runs once that event has been handled in full."""

    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell
        self.after: list[bool] = []  # per input event: was the main window hidden after it?

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
                            QEvent.Type.MouseButtonRelease):
            window = self.shell.main_window
            if window is not None:
                QTimer.singleShot(0, lambda w=window: self.after.append(
                    not shiboken6.isValid(w) or not w.isVisible()))
        return False


def main() -> int:
    app = QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    settings = AppSettings(folder=tmp / "config", vault_path=tmp / "vault")
    Vault.create(settings.vault_path, PASSWORD, kdf_params=KdfParams.fast_for_tests())[0].lock()
    worker = VaultWorker()
    shell = Shell(settings, FakeDialogs(), worker, kdf_params=KdfParams.fast_for_tests,
                  view_factory=SecretView)
    probe = Probe(shell)
    app.installEventFilter(probe)
    outcome = {"code": 3}

    def ready() -> None:
        window = shell.main_window
        assert window is not None
        button = window.hide_button
        centre = button.mapToGlobal(QPoint(button.width() // 2, button.height() // 2))
        print(f"READY {int(window.winId())} {centre.x()} {centre.y()}", flush=True)

    def on_unlocked() -> None:
        window = shell.main_window
        assert window is not None
        window.move(0, 0)
        window.activateWindow()
        QTimer.singleShot(0, ready)

    def on_locked(_reason: str) -> None:
        # the probe's timer for the last event may still be queued: report after it
        def report() -> None:
            print(f"RESULT {'hidden' if probe.after and probe.after[-1] else 'visible'} "
                  f"{len(probe.after)}", flush=True)
            outcome["code"] = 0
            app.quit()
        QTimer.singleShot(0, report)

    shell.unlocked.connect(on_unlocked)
    shell.locked.connect(on_locked)
    QTimer.singleShot(GIVE_UP_MS, app.quit)
    shell.show_start()
    shell.unlock(PASSWORD)
    app.exec()
    shell.shutdown()
    worker.shutdown()
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main())
