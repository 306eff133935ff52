"""The clipboard. The app never puts evidence there; what it does put (the recovery key) is
marked as secret for clipboard managers, cleared after 10 seconds and on lock."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 10_000


class ClipboardGuard(QObject):
    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_ours)

    @property
    def holds_ours(self) -> bool:
        return self._ours is not None

    def put_secret(self, text: str) -> None:
        data = QMimeData()
        data.setText(text)
        # Ask clipboard managers not to keep it (KDE Klipper; Windows clipboard history).
        data.setData("x-kde-passwordManagerHint", b"secret")
        data.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
        QGuiApplication.clipboard().setMimeData(data, QClipboard.Mode.Clipboard)
        self._ours = text
        self._timer.start()

    def clear_ours(self) -> None:
        """Clear the clipboard if it still holds what we put there."""
        self._timer.stop()
        if self._ours is None:
            return
        board = QGuiApplication.clipboard()
        for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
            if board.text(mode) == self._ours:
                board.clear(mode)
        self._ours = None
