"""Settings: idle lock, panic key, what panic shows, discreet mode, exhibit initials.

The dialog only gathers values; the shell saves the vault's own settings on the worker and
the app-level ones (panic key, discreet mode) in AppSettings.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.keys import PANIC_KEYS

PANIC_SHOWS = [("lock", "The unlock screen"), ("cover", "A plain notebook page"),
               ("minimise", "Nothing (minimise)")]


@dataclass
class SettingsValues:
    idle_lock_minutes: int
    panic_action: str
    panic_key: str
    discreet: bool
    initials: str


def clean_initials(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())[:6]


class SettingsDialog(QDialog):
    def __init__(self, values: SettingsValues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        form = QFormLayout()
        self.idle = QSpinBox()
        self.idle.setRange(0, 120)
        self.idle.setSuffix(" minutes")
        self.idle.setSpecialValueText("Never")
        self.idle.setValue(values.idle_lock_minutes)
        self.idle.setAccessibleName("Lock after this long without use")
        self.panic_key = QComboBox()
        self.panic_key.setAccessibleName("Hide key")
        for value, label, _key in PANIC_KEYS:
            self.panic_key.addItem(label, value)
        self.panic_key.setCurrentIndex(max(0, self.panic_key.findData(values.panic_key)))
        self.panic_action = QComboBox()
        self.panic_action.setAccessibleName("After hiding, show")
        for value, label in PANIC_SHOWS:
            self.panic_action.addItem(label, value)
        self.panic_action.setCurrentIndex(max(0, self.panic_action.findData(values.panic_action)))
        self.discreet = QCheckBox("Use a plain name (\"Notebook\") for the windows")
        self.discreet.setChecked(values.discreet)
        self.initials = QLineEdit(values.initials)
        self.initials.setMaxLength(6)
        self.initials.setAccessibleName("Initials for exhibit numbers")
        form.addRow("Lock after", self.idle)
        form.addRow("Hide key", self.panic_key)
        form.addRow("", QLabel("Shift pressed three times and the Hide button always work too."))
        form.addRow("After hiding, show", self.panic_action)
        form.addRow("Discreet", self.discreet)
        form.addRow("Exhibit initials", self.initials)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> SettingsValues:
        return SettingsValues(
            idle_lock_minutes=self.idle.value(),
            panic_action=str(self.panic_action.currentData()),
            panic_key=str(self.panic_key.currentData()),
            discreet=self.discreet.isChecked(),
            initials=clean_initials(self.initials.text()),
        )
