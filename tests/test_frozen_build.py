"""Builds the program with PyInstaller (packaging/build.sh) and runs the built program's self-test.

Slow (about a minute on two cores): CI runs it, so a missing hidden import, Qt plugin or
resource can never land. Linux only: that is what CI runs on.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NAME = "notebook"
MAX_FOLDER_MB = 400  # ≈ 320 MB today; a jump means a fat module crept in


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.pop("EVIDENCE_VAULT_FAST_KDF", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _size_mb(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CI builds on Linux")
def test_built_program_passes_its_self_test(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [
            "bash",
            str(ROOT / "packaging" / "build.sh"),
            "--dist",
            str(dist),
            "--work",
            str(tmp_path / "work"),
        ],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=840,
    )
    assert build.returncode == 0, (build.stdout[-4000:], build.stderr[-4000:])
    folder = dist / NAME
    exe = folder / NAME
    assert exe.is_file() and os.access(exe, os.X_OK)

    # the self-test again, from an unrelated folder: exit 0 and nothing printed
    run = subprocess.run(
        [str(exe), "--self-test"],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")

    from vault import __version__

    version = subprocess.run(
        [str(exe), "--version"], env=_env(), capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == __version__

    # the command line is in the build too
    cli = subprocess.run(
        [str(exe), "--cli", "verify-bundle", str(tmp_path / "nothing")],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert cli.returncode != 0 and len(cli.stderr.strip().splitlines()) == 1

    internal = folder / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unused in ("libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Network.so.6", "libqgtk3.so"):
        assert unused not in names
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert _size_mb(folder) < MAX_FOLDER_MB

    # a broken build fails with one plain line: take a decoder's sample away
    (internal / "resources" / "sample" / "sample.heic").unlink()
    broken = subprocess.run(
        [str(exe), "--self-test"],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert broken.returncode == 1
    lines = broken.stderr.strip().splitlines()
    assert len(lines) == 1 and "sample.heic" in lines[0], broken.stderr


def test_entry_qt_smoke_unfrozen(tmp_path: Path) -> None:
    """The same entry point, from the checkout: fast, runs on every test run."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "entry.py"), "--self-test", "--qt-only"],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_entry_smoke_covers_every_qt_module_ui_uses() -> None:
    import re

    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import entry
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    used = {
        m
        for f in (ROOT / "ui").rglob("*.py")
        for m in re.findall(r"PySide6\.(Qt\w+)", f.read_text(encoding="utf-8"))
    }
    assert used <= set(entry.QT_MODULES), "add the new Qt module to packaging/entry.py QT_MODULES"
