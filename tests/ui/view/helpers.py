"""Helpers for the vault view tests."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from ui.dialogs import FakeDialogs
from ui.tasks import VaultWorker
from ui.vault_view import VaultView
from vault.vault import Vault


def make_jpeg(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (640, 480),
              orientation: int = 0) -> Path:
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=80, exif=exif.tobytes())
    return path


def png_bytes(colour: tuple[int, int, int], size: tuple[int, int] = (300, 200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def wait_idle(qtbot, worker: VaultWorker, timeout: int = 15000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not worker.busy, timeout=timeout)


def loaded_view(qtbot, vault: Vault, worker: VaultWorker,  # type: ignore[no-untyped-def]
                dialogs: FakeDialogs, *, register: bool = True) -> VaultView:
    view = VaultView(vault, worker, dialogs)
    if register:  # qtbot closes it at teardown; a test that deletes it itself says no
        qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.load()
    return view


def record(qtbot, view: VaultView) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.incident_opened, timeout=10000) as got:
        view.record_now()
    return str(got.args[0])


def all_text(root: QWidget) -> str:
    """Every text any widget under `root` (and every top-level window) still holds."""
    out: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if isinstance(w, QLineEdit):
            out.append(w.text())
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QLabel):
            out.append(w.text())
    for top in QApplication.topLevelWidgets():
        if top is not root and top.isVisible():
            out.append(top.windowTitle())
    return "\n".join(out)
