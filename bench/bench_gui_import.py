"""GUI responsiveness during an import: the longest the event loop is blocked while the vault
view imports 500 camera-sized photos (12 MP JPEGs, each distinct) and then shows their
thumbnails. A 2 ms QTimer heartbeat measures the gaps. Target: under 50 ms.

    .venv/bin/python bench/bench_gui_import.py [--photos 500]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from bench.bench_import import make_photos  # noqa: E402
from ui.dialogs import FakeDialogs  # noqa: E402
from ui.tasks import VaultWorker  # noqa: E402
from ui.vault_view import VaultView  # noqa: E402
from vault.kdf import KdfParams  # noqa: E402
from vault.vault import Vault  # noqa: E402

TARGET_MS = 50.0


class Heartbeat:
    def __init__(self, interval_ms: int = 2) -> None:
        self.gaps: list[float] = []
        self.times: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self.times.append(now)
        self._last = now

    def between(self, start: float, end: float) -> list[float]:
        return sorted(g for g, t in zip(self.gaps, self.times, strict=True) if start < t <= end)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()


class Watchdog:
    """Diagnosis only (BENCH_WATCHDOG=1): while the heartbeat is late, note what Python
    code the GUI thread is running, to find what blocks the event loop."""

    def __init__(self, beat: Heartbeat, late_ms: float = 25.0) -> None:
        import threading
        import traceback

        self.samples: list[tuple[float, str]] = []
        self._beat, self._late = beat, late_ms / 1000
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._format = traceback.format_stack
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.003):
            now = time.perf_counter()
            if now - self._beat._last > self._late:
                frame = sys._current_frames().get(self._main)  # noqa: SLF001
                if frame is not None:
                    stack = "".join(self._format(frame)[-6:])
                    self.samples.append((now, stack))

    def report(self, started: float) -> None:
        self._stop.set()
        last = ""
        for at, stack in self.samples:
            if stack != last:
                print(f"--- GUI thread late at {at - started:.3f} s:\n{stack}")
                last = stack


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--switch-interval", type=float, default=0.001,
                        help="Python's GIL switch interval in seconds (CPython's default is "
                             "0.005; the app should set 0.001 at start, see the report)")
    args = parser.parse_args()
    sys.setswitchinterval(args.switch_interval)
    from vault.runtime import tune_gc

    tune_gc()  # as the app does at start
    if os.environ.get("BENCH_NO_GC") == "1":  # diagnosis only
        import gc

        gc.disable()
    print(f"GIL switch interval {args.switch_interval * 1000:.0f} ms, load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        t = time.perf_counter()
        make_photos(work / "photos", args.photos)
        print(f"made {args.photos} photos in {time.perf_counter() - t:.1f} s")
        vault, _ = Vault.create(work / "v", "bench password 1234", initials="JS",
                                kdf_params=KdfParams.fast_for_tests())
        worker = VaultWorker()
        dialogs = FakeDialogs()
        win = QMainWindow()
        view = VaultView(vault, worker, dialogs)
        win.setCentralWidget(view)
        win.resize(1400, 900)
        win.show()
        view.load()
        while worker.busy:
            app.processEvents()
        view.tabs.setCurrentWidget(view.inbox)  # the thumbnails are drawn as they arrive

        done = {"import": False}
        view.importer.finished.connect(lambda _r: done.__setitem__("import", True))
        beat = Heartbeat()
        beat.start()
        watchdog = Watchdog(beat) if os.environ.get("BENCH_WATCHDOG") == "1" else None
        started = time.perf_counter()
        view.import_paths([work / "photos"])
        while not done["import"]:
            app.processEvents()
        imported_at = time.perf_counter()
        while len(view.thumbs) < args.photos and time.perf_counter() - imported_at < 120:
            app.processEvents()
        shown_at = time.perf_counter()
        # then the larger previews are made in the background, a few at a time
        while worker.busy and time.perf_counter() - shown_at < 300:
            app.processEvents()
        ended = time.perf_counter()
        beat.timer.stop()

        print(f"import of {args.photos} photos: {imported_at - started:.1f} s "
              f"({args.photos / (imported_at - started):.1f} photos/s); all thumbnails on "
              f"screen after {shown_at - started:.1f} s; background previews done after "
              f"{ended - started:.1f} s")
        for phase, start, end in (("import", started, shown_at),
                                  ("background previews", shown_at, ended)):
            gaps = beat.between(start, end)
            if not gaps:
                continue
            longest = gaps[-1]
            p99 = gaps[max(0, int(len(gaps) * 0.99) - 1)]
            worst = max(((g, t) for g, t in zip(beat.gaps, beat.times, strict=True)
                         if start < t <= end), default=(0.0, start))
            print(f"  (the longest gap ended {worst[1] - started:.2f} s after the start; "
                  f"monotonic clock {worst[1]:.3f})")
            print(f"event loop during {phase}: {len(gaps)} heartbeats, median gap "
                  f"{statistics.median(gaps):.1f} ms, p99 {p99:.1f} ms, "
                  f"longest {longest:.1f} ms (target < {TARGET_MS:.0f} ms): "
                  f"{'OK' if longest < TARGET_MS else 'OVER'}")
        if watchdog is not None:
            watchdog.report(started)
        print(f"summary shown: {dialogs.shown[-1][2] if dialogs.shown else '-'}")
        view.shutdown()
        worker.shutdown()
        vault.lock()


if __name__ == "__main__":
    main()
