"""The main window: the toolbar and menu, an always-visible Hide button, and the vault view.

Its central widget is the content's `VaultView` (ui/vault_view.py). The window is built on
unlock and destroyed on lock, with everything in it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import Dialogs
from ui.keys import shortcut
from ui.tasks import VaultWorker
from vault.vault import Vault

log = logging.getLogger(__name__)

# (action name, label, the VaultView method it calls or "" for the window's own signal)
VIEW_ACTIONS: list[tuple[str, str, str]] = [
    ("record_now", "Record what just happened", "record_now"),
    ("import", "Import...", "import_dialog"),
    ("paste", "Paste", "paste"),
    ("build_bundle", "Build bundle...", "build_bundle"),
    ("custody_log", "Custody log", "show_custody_log"),
    ("check_integrity", "Check integrity", "check_integrity"),
]


class Placeholder(QWidget):
    """Shown if the vault view is not available (while it is being written)."""

    status = Signal(str)

    def __init__(self, *_args: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel("The vault is open.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)

    def load(self) -> None: ...
    def record_now(self) -> None: ...
    def import_dialog(self) -> None: ...
    def import_paths(self, paths: list[Path]) -> None: ...
    def paste(self) -> None: ...
    def build_bundle(self) -> None: ...
    def show_custody_log(self) -> None: ...
    def check_integrity(self) -> None: ...
    def shutdown(self) -> None: ...


def make_view(vault: Vault, worker: VaultWorker, dialogs: Dialogs) -> QWidget:
    try:
        from ui.vault_view import VaultView
    except ImportError:
        log.warning("vault view not available; showing a placeholder")
        return Placeholder()
    return VaultView(vault, worker, dialogs)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    hide_requested = Signal()
    settings_requested = Signal()
    help_requested = Signal()
    minimised = Signal()
    close_requested = Signal()
    new_recovery_key_requested = Signal()

    def __init__(self, vault: Vault, worker: VaultWorker, dialogs: Dialogs, title: str,
                 icon: QIcon, failed_attempts: str = "",
                 view_factory: Callable[[Vault, VaultWorker, Dialogs], QWidget] = make_view,
                 parent: QWidget | None = None, *, recovery_key_unchecked: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(title)
        self.setWindowIcon(icon)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.view = view_factory(vault, worker, dialogs)
        self.actions_by_name: dict[str, QAction] = {}
        self._build_toolbar()
        self._build_menu()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = self._make_banner(failed_attempts)
        layout.addWidget(self.banner)
        self.recovery_banner = self._make_recovery_banner(recovery_key_unchecked)
        layout.addWidget(self.recovery_banner)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(body)
        self._build_status(worker)
        status = getattr(self.view, "status", None)
        if status is not None:
            status.connect(self.statusBar().showMessage)
        self.resize(1200, 800)

    # -- building ----------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        action.setShortcut(shortcut(name))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{text} ({action.shortcut().toString()})")
        action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_toolbar(self) -> None:
        bar = QToolBar("Actions", self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)
        bar.toggleViewAction().setVisible(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setIconSize(QSize(0, 0))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        # The view shows its own buttons for recording, importing and the bundle; here they
        # are menu entries with their shortcuts, so the bar stays short and Hide never
        # slides into an overflow menu.
        for name, text, method in VIEW_ACTIONS:
            self._action(name, text, self._call_view(method))
        bar.addAction(self._action("help", "Help && safety", self.help_requested.emit))
        bar.addAction(self._action("settings", "Settings", self.settings_requested.emit))
        bar.addAction(self._action("lock", "Lock", self.lock_requested.emit))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.hide_button = QPushButton("Hide")
        self.hide_button.setObjectName("hideButton")
        self.hide_button.setAccessibleName("Hide everything now")
        self.hide_button.setToolTip("Hide everything now and lock (also: Escape twice, or "
                                    "Shift three times)")
        self.hide_button.clicked.connect(self.hide_requested.emit)
        bar.addWidget(self.hide_button)
        self._action("hide", "Hide now", self.hide_requested.emit)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_menu(self) -> None:
        vault_menu = self.menuBar().addMenu("&Vault")
        for name in ("record_now", "import", "paste"):
            vault_menu.addAction(self.actions_by_name[name])
        vault_menu.addSeparator()
        for name in ("build_bundle", "custody_log", "check_integrity"):
            vault_menu.addAction(self.actions_by_name[name])
        vault_menu.addSeparator()
        vault_menu.addAction(self.actions_by_name["settings"])
        new_key = vault_menu.addAction("New recovery key…")
        new_key.setObjectName("action_new_recovery_key")
        new_key.triggered.connect(self.new_recovery_key_requested.emit)
        vault_menu.addAction(self.actions_by_name["lock"])
        vault_menu.addAction(self.actions_by_name["hide"])
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.actions_by_name["help"])

    def _make_banner(self, text: str) -> QWidget:
        banner = QWidget()
        banner.setObjectName("attemptsBanner")
        row = QHBoxLayout(banner)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setObjectName("attemptsText")
        close = QPushButton("Understood")
        close.setAccessibleName("Dismiss the note about failed attempts")
        close.clicked.connect(banner.hide)
        row.addWidget(label, 1)
        row.addWidget(close)
        banner.setVisible(bool(text))
        return banner

    def _make_recovery_banner(self, unchecked: bool) -> QWidget:
        banner = QWidget()
        banner.setObjectName("recoveryBanner")
        row = QHBoxLayout(banner)
        label = QLabel("Your recovery key was not checked as written down, so it may be "
                       "lost. Without it a forgotten password cannot be undone. You can make "
                       "a new one now, or later from the Vault menu.")
        label.setWordWrap(True)
        make = QPushButton("Make a new recovery key")
        make.clicked.connect(self.new_recovery_key_requested.emit)
        later = QPushButton("Later")
        later.setAccessibleName("Dismiss the note about the recovery key")
        later.clicked.connect(banner.hide)
        row.addWidget(label, 1)
        row.addWidget(make)
        row.addWidget(later)
        banner.setVisible(unchecked)
        return banner

    def _build_status(self, worker: VaultWorker) -> None:
        self.busy = QProgressBar()
        self.busy.setObjectName("busyIndicator")
        self.busy.setAccessibleName("Working")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(worker.busy)
        self.statusBar().addPermanentWidget(self.busy)
        worker.busy_changed.connect(self._on_worker_busy_changed)

    def _on_worker_busy_changed(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def _call_view(self, method: str) -> Callable[[], None]:
        def call() -> None:
            getattr(self.view, method)()
        return call

    # -- lifecycle ---------------------------------------------------------------------
    def load(self) -> None:
        self.view.load()  # type: ignore[attr-defined]

    def shutdown_view(self) -> None:
        self.view.shutdown()  # type: ignore[attr-defined]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.minimised.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        event.ignore()
        self.close_requested.emit()
