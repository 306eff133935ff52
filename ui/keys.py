"""Every key binding of the app, in one table (STYLE.md habit 7).

The panic triggers are not QShortcuts: they are watched by an event filter on the whole
application (ui/locking/triggers.py), so they work in every window and dialog, even while a
modal dialog is open. Their choices are listed here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


@dataclass(frozen=True)
class Binding:
    action: str
    keys: QKeySequence | QKeySequence.StandardKey
    text: str


BINDINGS: dict[str, Binding] = {
    b.action: b
    for b in [
        Binding("record_now", QKeySequence("Ctrl+N"), "Record what just happened"),
        Binding("import", QKeySequence("Ctrl+I"), "Import evidence"),
        Binding("paste", QKeySequence.StandardKey.Paste, "Paste a picture"),
        Binding("build_bundle", QKeySequence("Ctrl+B"), "Build the evidence bundle"),
        Binding("custody_log", QKeySequence("Ctrl+Shift+L"), "Custody log"),
        Binding("check_integrity", QKeySequence("Ctrl+Shift+K"), "Check integrity"),
        Binding("settings", QKeySequence.StandardKey.Preferences, "Settings"),
        Binding("help", QKeySequence.StandardKey.HelpContents, "Help and safety"),
        Binding("lock", QKeySequence("Ctrl+L"), "Lock"),
        Binding("hide", QKeySequence("Ctrl+H"), "Hide now"),
        Binding("cover_open", QKeySequence("Ctrl+O"), "Open..."),  # the cover's way back
    ]
}

# Panic key choices: (setting value, label, key or None for "Escape twice").
# Default: Escape pressed twice within a second. Escape is at the same corner of every
# keyboard, laptops included, and can be found by touch without looking; needing it twice
# keeps a single Escape (closing a dialog) from locking. F12 and Pause are offered too, but
# on many laptops F12 needs the Fn key and Pause does not exist.
PANIC_ESC_TWICE = "esc2"
PANIC_KEYS: list[tuple[str, str, Qt.Key | None]] = [
    (PANIC_ESC_TWICE, "Escape, pressed twice quickly", None),
    ("f12", "F12", Qt.Key.Key_F12),
    ("pause", "Pause / Break", Qt.Key.Key_Pause),
    ("f9", "F9", Qt.Key.Key_F9),
    ("scroll", "Scroll Lock", Qt.Key.Key_ScrollLock),
]
DEFAULT_PANIC_KEY = PANIC_ESC_TWICE
ESC_TWICE_WINDOW_S = 1.0
SHIFT_TAPS = 3  # GOV.UK "Exit this page": Shift three times, each within 5 s of the last
SHIFT_WINDOW_S = 5.0


def panic_key(value: str) -> Qt.Key | None:
    for name, _label, key in PANIC_KEYS:
        if name == value:
            return key
    return None


def shortcut(action: str) -> QKeySequence:
    keys = BINDINGS[action].keys
    return keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
