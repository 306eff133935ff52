"""Screen-capture exclusion: asked for on Windows, harmless everywhere else."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QDialog

from ui.capture_guard import CaptureGuard, exclude_from_capture


def test_every_new_window_is_offered_and_nothing_breaks(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[object] = []
    monkeypatch.setattr("ui.capture_guard.exclude_from_capture", seen.append)
    guard = CaptureGuard()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(guard)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.hide()
        dialog.show()
    finally:
        app.removeEventFilter(guard)
    assert seen.count(dialog) == 1


def test_not_windows_says_no(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    assert exclude_from_capture(dialog) is (sys.platform == "win32")
