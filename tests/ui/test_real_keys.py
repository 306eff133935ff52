"""The panic triggers with real input: a private X server (Xvfb), real key presses and a
real click from xdotool, the app on Qt's X11 platform. The other tests send Qt events
straight to widgets; these go through the X server and Qt's own input handling."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (scripts/bootstrap.sh installs them)",
)


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private X server; Xvfb writes its display number once it is ready."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten",
         "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True,
                   timeout=TIMEOUT_S)


@pytest.mark.parametrize("trigger", ["escape twice", "shift three times", "hide button"])
def test_real_input_hides_in_the_same_turn(x_display: str, trigger: str) -> None:
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb",
           "EVIDENCE_VAULT_FAST_KDF": "1"}
    child = subprocess.Popen([sys.executable, "-m", "tests.ui.real_keys_child"], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
        assert line and line[0] == "READY", child.stderr.read() if child.stderr else ""
        window, x, y = line[1], line[2], line[3]
        xdotool(x_display, "windowfocus", "--sync", window)
        if trigger == "escape twice":
            xdotool(x_display, "key", "Escape", "Escape")
        elif trigger == "shift three times":
            xdotool(x_display, "key", "shift", "shift", "shift")
        else:
            xdotool(x_display, "mousemove", "--sync", x, y, "click", "1")
        result = child.stdout.readline().split()
        code = child.wait(timeout=TIMEOUT_S)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert code == 0 and result[:2] == ["RESULT", "hidden"], result
