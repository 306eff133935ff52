"""Entry point of the desktop app (`evidence-vault`): harden, set up Qt, open the door."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vault.hardening import harden_process
from vault.runtime import tune_gc

STYLE_FILE = Path(__file__).resolve().parents[1] / "resources" / "style.qss"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="evidence-vault", add_help=True)
    parser.add_argument("--vault", type=Path, help="open the vault in this folder")
    args, _qt = parser.parse_known_args(argv)
    return args


def main(argv: list[str] | None = None) -> int:
    harden_process()
    tune_gc()
    # The vault worker and the import threads share the GIL with the GUI thread: a shorter
    # switch interval keeps the longest event-loop stall during an import well under 50 ms.
    sys.setswitchinterval(0.001)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication

    from ui.dialogs import Dialogs
    from ui.settings.app_settings import AppSettings
    from ui.shell import Shell
    from ui.tasks import VaultWorker

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Notebook")
    app.setDesktopFileName("notebook")
    app.setQuitOnLastWindowClosed(False)
    if STYLE_FILE.exists():
        app.setStyleSheet(STYLE_FILE.read_text(encoding="utf-8"))
    from ui.capture_guard import CaptureGuard

    capture_guard = CaptureGuard(app)
    app.installEventFilter(capture_guard)
    settings = AppSettings.load()
    if args.vault is not None:
        settings.vault_path = args.vault.expanduser().resolve()
    worker = VaultWorker()
    # The app always calibrates the password key derivation; only tests inject cheap settings.
    shell = Shell(settings, Dialogs(), worker)
    app.aboutToQuit.connect(shell.shutdown)
    shell.start_window.quit_requested.connect(shell.quit)
    shell.show_start()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
