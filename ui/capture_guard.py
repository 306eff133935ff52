"""Keep the app's windows out of screen captures, where the OS allows it (Windows 10 2004+).

Spyware often takes screenshots. Windows can exclude a window from every capture
(SetWindowDisplayAffinity with WDA_EXCLUDEFROMCAPTURE); other systems offer no such switch to
an ordinary app, so this does nothing there.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

WDA_EXCLUDEFROMCAPTURE = 0x00000011


def exclude_from_capture(widget: QWidget) -> bool:
    """Ask the OS to leave this top-level window out of captures. True if it agreed."""
    if sys.platform != "win32":
        return False
    try:
        import ctypes

        user32 = ctypes.windll.user32
        return bool(user32.SetWindowDisplayAffinity(int(widget.winId()), WDA_EXCLUDEFROMCAPTURE))
    except (AttributeError, OSError, ValueError):
        return False


class CaptureGuard(QObject):
    """An application-wide event filter: every top-level window, as it is first shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and id(watched) not in self._done):
            self._done.add(id(watched))
            exclude_from_capture(watched)
        return False
