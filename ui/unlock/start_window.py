"""The door: welcome, create, recovery key, unlock and recover, in one window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ui.unlock.create import CreatePage
from ui.unlock.recover import RecoverPage
from ui.unlock.recovery_key import RecoveryKeyPage
from ui.unlock.unlock_page import UnlockPage
from ui.unlock.welcome import WelcomePage


class StartWindow(QWidget):
    quit_requested = Signal()

    def __init__(self, title: str, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startWindow")
        self.setWindowTitle(title)
        self.setWindowIcon(icon)
        self.stack = QStackedWidget(self)
        self.welcome = WelcomePage()
        self.create_page = CreatePage()
        self.recovery_key = RecoveryKeyPage()
        self.unlock = UnlockPage()
        self.recover = RecoverPage()
        for page in (self.welcome, self.create_page, self.recovery_key, self.unlock, self.recover):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.resize(760, 560)
        self.quit_on_close = True

    def show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        if self.isMinimized() or not self.isVisible():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if page is self.unlock:
            self.unlock.password.setFocus(Qt.FocusReason.OtherFocusReason)
        elif page is self.create_page:
            self.create_page.password.setFocus(Qt.FocusReason.OtherFocusReason)
        elif page is self.recover:
            self.recover.words.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.recovery_key.wipe()
        self.create_page.reset()
        self.recover.reset()
        super().closeEvent(event)
        if self.quit_on_close and event.isAccepted():
            self.quit_requested.emit()
