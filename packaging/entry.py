"""The frozen program's entry point (PyInstaller's script; also runnable unfrozen for testing).

    notebook                 the desktop app (ui.app.main)
    notebook --self-test     headless vault self-test, then a Qt smoke check; exit 0 or one line
             [--qt-only] [--qt-platform=xcb]   only the Qt part; a real platform (under Xvfb)
    notebook --cli ARGS...   the command line (vault.cli), e.g. `notebook --cli verify-bundle X`
    notebook --version

NOTEBOOK_STARTUP_PROBE=1 (for bench/bench_frozen_startup.py): when the app's event loop starts,
print one line `startup-probe <unix time> <visible top-level windows>` to standard output and quit.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

PROBE_ENV = "NOTEBOOK_STARTUP_PROBE"
# Every Qt module ui/ imports, lazy imports included (tests/test_frozen_build.py keeps this true):
# the smoke check imports each, since importing ui modules does not reach imports in functions.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtDBus", "QtPrintSupport")
EXIT_FAIL = 1


def _ensure_streams() -> None:
    """A windowed Windows build has no stdout/stderr (None): use the console it was started from.

    On Linux and macOS a windowed build keeps the streams of whoever started it, so a
    `--self-test` line still reaches the terminal and CI.
    """
    if sys.stdout is not None and sys.stderr is not None:
        return
    attached = False
    if sys.platform == "win32":
        try:
            import ctypes

            attached = bool(ctypes.windll.kernel32.AttachConsole(-1))  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            attached = False
    target = "CONOUT$" if attached else os.devnull
    if sys.stdout is None:
        sys.stdout = open(target, "w", encoding="utf-8")  # noqa: SIM115 - lives for the process
    if sys.stderr is None:
        sys.stderr = open(target, "w", encoding="utf-8")  # noqa: SIM115 - lives for the process


def _fail(line: str) -> int:
    print("Self-test failed: " + " ".join(line.split()), file=sys.stderr)
    return EXIT_FAIL


def ui_modules() -> list[str]:
    """Every module of the ui package present (in a frozen build: what PyInstaller collected)."""
    import pkgutil

    import ui

    return ["ui"] + sorted(
        m.name for m in pkgutil.walk_packages(ui.__path__, "ui.") if not m.name.endswith("__main__")
    )


def qt_smoke(platform: str = "offscreen") -> str:
    """Start Qt (offscreen unless told) and import every ui module. Returns "" or a problem.

    Nothing that needs a vault is constructed. A Qt plugin or hidden import missing from the
    build fails here rather than on the person's screen. `platform="xcb"` under Xvfb checks
    the real X11 plugin and the libraries it loads.
    """
    os.environ["QT_QPA_PLATFORM"] = platform
    import importlib

    try:
        from PySide6.QtGui import QGuiApplication, QImage, QImageReader
        from PySide6.QtWidgets import QApplication, QLabel
    except ImportError as exc:
        return f"Qt cannot be imported ({exc})"
    app = QApplication.instance() or QApplication([sys.argv[0]])
    if QGuiApplication.platformName() != platform:
        return f"Qt started the {QGuiApplication.platformName()!r} platform, not {platform!r}"
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    for needed in ("png", "jpeg"):
        if needed not in formats:
            return f"Qt cannot read {needed} images (its imageformats plugin is missing)"
    icon = _icon_path()
    if icon is None or QImage(str(icon)).isNull():
        return "the app icon is missing from the build"
    label = QLabel("Notebook")  # a widget, a font: fails when no font can be found
    label.adjustSize()
    label.show()
    app.processEvents()
    if label.width() <= 0:
        return "Qt could not lay out a label (no usable font?)"
    label.deleteLater()
    for name in [f"PySide6.{m}" for m in QT_MODULES] + ui_modules():
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - any import error is the one line
            return f"importing {name} failed: {type(exc).__name__}: {exc}"
    if "ui.app" in sys.modules and not callable(getattr(sys.modules["ui.app"], "main", None)):
        return "ui.app has no main()"
    app.processEvents()
    return ""


def _icon_path() -> Any:
    from vault.bundle.pdf.fonts import resources_dir

    path = resources_dir() / "icons" / "notebook-256.png"
    return path if path.is_file() else None


def self_test(qt_only: bool = False, platform: str = "offscreen") -> int:
    from vault.hardening import harden_process

    harden_process()
    if not qt_only:
        from vault import selftest

        rc = selftest.run()
        if rc:
            return rc
    problem = qt_smoke(platform)
    if problem:
        return _fail(f"Qt: {problem}")
    return 0


def _install_startup_probe() -> None:
    """Print when the event loop starts (the first screen is up by then) and quit at once."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original: Callable[..., int] = QApplication.exec

    def report() -> None:
        shown = [
            f"{type(w).__name__}:{w.windowTitle()!r}"
            for w in QApplication.topLevelWidgets()
            if w.isVisible()
        ]
        print(f"startup-probe {time.time():.6f} {' '.join(shown) or '-'}", flush=True)
        QApplication.quit()

    def exec_and_report(*_args: Any) -> int:
        QTimer.singleShot(0, report)
        return original()  # a static method in PySide6: app.exec() and QApplication.exec()

    setattr(QApplication, "exec", exec_and_report)  # noqa: B010 - mypy: no method assignment
    setattr(QApplication, "exec_", exec_and_report)  # noqa: B010


def run_app() -> int:
    try:
        from ui.app import main as app_main
    except ModuleNotFoundError as exc:
        if exc.name not in ("ui.app", "ui"):
            raise
        print("The desktop app (ui.app) is not part of this build.", file=sys.stderr)
        return EXIT_FAIL
    if os.environ.get(PROBE_ENV) == "1":
        _install_startup_probe()
    result = app_main()
    return int(result) if isinstance(result, int) else 0


def main(argv: list[str] | None = None) -> int:
    _ensure_streams()
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--self-test"]:
        platform = next(
            (a.split("=", 1)[1] for a in args[1:] if a.startswith("--qt-platform=")), "offscreen"
        )
        return self_test(qt_only="--qt-only" in args[1:], platform=platform)
    if args[:1] == ["--cli"]:
        from vault.cli import Io, run
        from vault.hardening import harden_process

        harden_process()
        return run(args[1:], Io(sys.stdin, sys.stdout, sys.stderr))
    if args[:1] == ["--version"]:
        from vault import __version__

        print(__version__)
        return 0
    return run_app()


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
