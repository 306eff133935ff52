"""Screenshots of the main screens, for the README: docs/screenshots/*.png.

Makes a demo vault in a temporary folder (the corpus photos from ../shared/corpus if present,
and a few made-up incidents), starts the app's shell on it and saves each screen. Run it
under Xvfb for real windows (DISPLAY=:99), or offscreen.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("EVIDENCE_VAULT_FAST_KDF", "1")
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent  # noqa: E402, TID251 - a UI script
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402, TID251

OUT = ROOT / "docs" / "screenshots"
CORPUS = ROOT.parent / "shared" / "corpus"
PASSWORD = "demo password for screenshots"  # noqa: S105 - a throwaway demo vault
INCIDENTS = [
    ("2026-02-02T08:10:00+00:00", "Waiting outside work again",
     "Outside the office, Mill St", ["loitering", "watching"],
     "He was standing by the bus shelter when I came out at 8. He watched me "
     "walk to the door and took a photo with his phone."),
    ("2026-02-09T21:14:00+00:00", "Fourteen calls in one evening", "At home",
     ["contacting"], "Calls from a withheld number between 21:00 and 23:30. "
     "I did not answer. Two voicemails, kept."),
    ("2026-02-15T13:00:00+00:00", "Flowers left on the car", "Supermarket car park",
     ["gifts", "threats"], "A bunch of flowers under the wiper with a card: 'You can't hide'."),
]


def wait(app: QApplication, cond: Callable[[], bool], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if time.monotonic() > end:
            raise TimeoutError
        time.sleep(0.005)


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shot(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print("saved", path.relative_to(ROOT))


def make_demo_vault(folder: Path) -> None:
    from vault.importer import Importer
    from vault.kdf import KdfParams
    from vault.model import Incident
    from vault.vault import Vault

    vault, _ = Vault.create(folder, PASSWORD, initials="JS",
                            kdf_params=KdfParams.fast_for_tests())
    try:
        vault.update_settings(recovery_key_checked=True)  # as after the check on creation
        ids = []
        for start, title, where, behaviours, account in INCIDENTS:
            inc = vault.incidents.add(Incident(start=start, title=title, where=where,
                                               behaviours=behaviours, account=account))
            ids.append(inc.id)
        photos = sorted((CORPUS / "photos").glob("*.jpg"))[:6] if CORPUS.exists() else []
        shots = sorted((CORPUS / "screenshots").glob("*"))[:2] if CORPUS.exists() else []
        if photos:
            Importer(vault).import_paths(photos[:3], incident_id=ids[0])
            Importer(vault).import_paths(photos[3:])
        if shots:
            Importer(vault).import_paths(shots, incident_id=ids[1])
    finally:
        vault.lock()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from ui.app import STYLE_FILE
    from ui.dialogs import Dialogs
    from ui.settings.app_settings import AppSettings
    from ui.shell import Shell
    from ui.tasks import VaultWorker
    from vault.kdf import KdfParams

    app.setStyleSheet(STYLE_FILE.read_text(encoding="utf-8"))
    tmp = Path(tempfile.mkdtemp())
    settings = AppSettings(folder=tmp / "cfg", vault_path=tmp / "new")
    shell = Shell(settings, Dialogs(), VaultWorker(), kdf_params=KdfParams.fast_for_tests)
    w = shell.start_window

    shell.show_start()
    shot(app, w, "welcome")
    shell.show_create()
    w.create_page.password.setText("correct horse battery staple")
    w.create_page.repeat.setText("correct horse battery staple")
    w.create_page.initials.setText("JS")
    shot(app, w, "create")
    w.create_page._on_create_clicked()
    wait(app, lambda: w.stack.currentWidget() is w.recovery_key)
    shot(app, w, "recovery-key")
    shell.lock("button")
    wait(app, lambda: shell.vault is None)

    demo = tmp / "demo"
    make_demo_vault(demo)
    settings.vault_path = demo
    shell.show_unlock()
    w.unlock.password.setText("not the right one")
    w.unlock._on_unlock_clicked()
    wait(app, lambda: w.unlock.message.isVisible())
    shot(app, w, "unlock")

    w.unlock.password.setText(PASSWORD)
    w.unlock._on_unlock_clicked()
    wait(app, lambda: shell.main_window is not None)
    window = shell.main_window
    window.resize(1360, 860)
    loaded = {"v": False}
    window.view.loaded.connect(lambda: loaded.__setitem__("v", True))
    wait(app, lambda: loaded["v"])
    settle(app, 1.0)
    rows = window.view.timeline.model.rows() if hasattr(window.view.timeline, "model") else []
    with_evidence = [r for r in rows if getattr(r, "exhibits", 0)]
    if with_evidence:
        window.view.open_incident(with_evidence[-1].id)
        settle(app, 1.5)
    shot(app, window, "main-window")

    items = list(window.view._items)
    if items:
        viewer = window.view.open_item(items[0])
        if viewer is not None:
            settle(app, 1.0)
            shot(app, viewer, "viewer")
            redact = viewer.hide_parts()
            if redact is not None:
                redact.canvas.add_box((0.08, 0.1, 0.45, 0.2))
                settle(app, 0.5)
                shot(app, redact, "redact")
                redact.reject()
            viewer.close()
    bundle = window.view.build_bundle()
    settle(app, 0.5)
    shot(app, bundle, "bundle-dialog")
    bundle.close()
    shell.show_help()
    shot(app, shell._help, "help")
    shell._help.hide()
    shell.vault_settings["panic_action"] = "cover"
    shell.on_panic("key")
    wait(app, lambda: shell.vault is None)
    shot(app, shell.cover, "cover")
    shell.shutdown()


if __name__ == "__main__":
    main()
