"""The screen saver starting and the machine going to sleep lock the vault (D-Bus)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtDBus import QDBusConnection

from ui.locking.triggers import SessionWatcher

pytestmark = pytest.mark.skipif(
    not (shutil.which("dbus-daemon") and shutil.which("dbus-send")), reason="no D-Bus tools"
)


@pytest.fixture
def bus() -> Iterator[tuple[str, QDBusConnection]]:
    """A private session bus of our own, so nothing on the machine is touched."""
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    name = f"ev-test-{proc.pid}"
    conn = QDBusConnection.connectToBus(address, name)
    assert conn.isConnected()
    try:
        yield address, conn
    finally:
        QDBusConnection.disconnectFromBus(name)
        proc.terminate()
        proc.wait(timeout=10)


def _send(address: str, path: str, member: str, value: str) -> None:
    # --session on our private bus: with --address, dbus-send never registers and the bus
    # drops what it sends.
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    subprocess.run(["dbus-send", "--session", "--type=signal", path, member, value],
                   check=True, timeout=10, env=env)


@pytest.mark.parametrize(("path", "member", "reason"), [
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "session"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", "session"),
    ("/org/freedesktop/login1", "org.freedesktop.login1.Manager.PrepareForSleep", "sleep"),
])
def test_signal_locks(qtbot, bus, path: str, member: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    address, conn = bus
    watcher = SessionWatcher(system_bus=conn, session_bus=conn)
    assert watcher.listening
    seen: list[str] = []
    watcher.went_away.connect(seen.append)
    # The bus registers our match rule asynchronously: send until it is heard (bounded).
    for _ in range(25):
        _send(address, path, member, "boolean:true")
        with qtbot.waitSignal(watcher.went_away, timeout=200, raising=False):
            pass
        if seen:
            break
    assert seen and set(seen) == {reason}


def test_screen_saver_ending_does_not_lock(qtbot, bus) -> None:  # type: ignore[no-untyped-def]
    address, conn = bus
    watcher = SessionWatcher(system_bus=conn, session_bus=conn)
    seen: list[str] = []
    watcher.went_away.connect(seen.append)
    for _ in range(25):
        _send(address, "/org/freedesktop/ScreenSaver",
              "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:false")
        _send(address, "/org/freedesktop/ScreenSaver",
              "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:true")
        with qtbot.waitSignal(watcher.went_away, timeout=200, raising=False):
            pass
        if seen:
            break
    assert seen and set(seen) == {"session"}  # "false" never locked
