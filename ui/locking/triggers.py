"""What starts a lock, watched at the application level (STYLE.md habit 7).

- `PanicFilter`: an event filter on the QApplication. It sees every key press in every
  window and dialog of the app, before any widget does: the panic key (Escape twice by
  default, or a single key), and Shift tapped three times with each tap within 5 s of the
  last (GOV.UK "Exit this page"; a Shift held down for a capital letter does not count, and
  any other key starts the count again). It also notes activity for the idle timer.
- `IdleWatcher`: locks after N minutes without input. The clock is injectable for tests. It
  also notices the machine having slept (the wall clock jumped far past the monotonic one).
- `SessionWatcher`: the application being suspended or hidden by the platform, and on Linux
  the desktop session being locked or the machine going to sleep (D-Bus), where available.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent

from ui.keys import ESC_TWICE_WINDOW_S, PANIC_ESC_TWICE, SHIFT_TAPS, SHIFT_WINDOW_S, panic_key

Clock = Callable[[], float]

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
}


class PanicFilter(QObject):
    panic = Signal(str)  # which trigger: "key" or "shift"
    activity = Signal()

    def __init__(self, panic_key_setting: str, clock: Clock = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.set_panic_key(panic_key_setting)
        self._last_press: tuple[int, int, int] | None = None
        self._escape_at: float | None = None
        self._shift_taps: list[float] = []
        self._shift_down_clean = False
        self.last_activity = clock()

    def set_panic_key(self, setting: str) -> None:
        self._twice = setting == PANIC_ESC_TWICE
        self._key = panic_key(setting)

    def reset(self) -> None:
        self._escape_at = None
        self._shift_taps.clear()
        self._shift_down_clean = False
        self._last_press = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in _ACTIVITY:
            self.last_activity = self._clock()
        if kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._on_key_press(event)
        if kind == QEvent.Type.KeyRelease:
            assert isinstance(event, QKeyEvent)
            self._on_key_release(event)
        return False

    def _on_key_press(self, event: QKeyEvent) -> bool:
        # The same press is offered again to each parent while it propagates: count it once.
        ident = (shiboken6.getCppPointer(event)[0], int(event.timestamp()), event.key())
        if ident == self._last_press:
            return False
        self._last_press = ident
        if event.isAutoRepeat():
            return False
        key = event.key()
        now = self._clock()
        if key == Qt.Key.Key_Shift:
            self._shift_down_clean = True
            return False
        self._shift_down_clean = False
        self._shift_taps.clear()
        if self._twice and key == Qt.Key.Key_Escape:
            if self._escape_at is not None and now - self._escape_at <= ESC_TWICE_WINDOW_S:
                self._escape_at = None
                self.panic.emit("key")
                return True
            self._escape_at = now
            return False
        self._escape_at = None
        if self._key is not None and key == self._key:
            self.panic.emit("key")
            return True
        return False

    def _on_key_release(self, event: QKeyEvent) -> None:
        self._last_press = None
        if event.isAutoRepeat() or event.key() != Qt.Key.Key_Shift:
            return
        if not self._shift_down_clean:
            return
        self._shift_down_clean = False
        now = self._clock()
        if self._shift_taps and now - self._shift_taps[-1] > SHIFT_WINDOW_S:
            self._shift_taps.clear()
        self._shift_taps.append(now)
        if len(self._shift_taps) >= SHIFT_TAPS:
            self._shift_taps.clear()
            self.panic.emit("shift")


class IdleWatcher(QObject):
    """Emits `idle` after `minutes` without activity, and `slept` after the machine slept."""

    idle = Signal()
    slept = Signal()

    def __init__(self, panic_filter: PanicFilter, clock: Clock = time.monotonic,
                 wall: Clock = time.time, interval_ms: int = 5_000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = panic_filter
        self._clock = clock
        self._wall = wall
        self.minutes = 5
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._marks = (clock(), wall())

    def start(self, minutes: int) -> None:
        self.minutes = minutes
        self._filter.last_activity = self._clock()
        self._marks = (self._clock(), self._wall())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def check(self) -> None:
        mono, wall = self._clock(), self._wall()
        last_mono, last_wall = self._marks
        self._marks = (mono, wall)
        # Monotonic time stops while the machine sleeps; wall time does not.
        if (wall - last_wall) - (mono - last_mono) > 30:
            self.slept.emit()
            return
        if self.minutes > 0 and mono - self._filter.last_activity >= self.minutes * 60:
            self.idle.emit()


class SessionWatcher(QObject):
    """The platform saying the app was suspended, the session locked, or the machine sleeps."""

    went_away = Signal(str)

    def __init__(self, parent: QObject | None = None, *, system_bus: Any = None,
                 session_bus: Any = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state_changed)
        self._dbus_connected = False
        with contextlib.suppress(Exception):
            self._connect_dbus(system_bus, session_bus)

    @property
    def listening(self) -> bool:
        """True when at least one D-Bus signal (sleep, screen saver) is being watched."""
        return self._dbus_connected

    @Slot(Qt.ApplicationState)
    def _on_app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state in (Qt.ApplicationState.ApplicationSuspended,
                     Qt.ApplicationState.ApplicationHidden):
            self.went_away.emit("app")

    def _connect_dbus(self, system: Any, session: Any) -> None:
        """Watch logind's PrepareForSleep and the screen savers' ActiveChanged.

        The sender is not filtered (""): a screen saver service may not own the well-known
        name, and a false signal can do no harm: it only locks.
        """
        from PySide6.QtCore import SLOT
        from PySide6.QtDBus import QDBusConnection

        system = system if system is not None else QDBusConnection.systemBus()
        session = session if session is not None else QDBusConnection.sessionBus()
        if system.isConnected():
            self._dbus_connected |= system.connect(
                "", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                "PrepareForSleep", self, SLOT("on_sleep(bool)"))
        if session.isConnected():
            for iface, path in (("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver")):
                self._dbus_connected |= session.connect(
                    "", path, iface, "ActiveChanged", self, SLOT("on_screensaver(bool)"))

    @Slot(bool)
    def on_sleep(self, starting: bool) -> None:
        if starting:
            self.went_away.emit("sleep")

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.went_away.emit("session")
