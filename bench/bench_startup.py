"""Time from process start to the unlock screen shown (target < 1 s).

Starts `evidence-vault --vault <a vault>` in a fresh Python process (offscreen unless a
DISPLAY is given) and notes when the start window has been shown and the event loop has
turned once after it. Prints each run and the median.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.shell as shell_mod
orig = shell_mod.Shell.show_start
def show_start(self):
    orig(self)
    def probe():
        page = self.start_window.stack.currentWidget()
        print("shown", time.time(), self.start_window.isVisible(),
              page is self.start_window.unlock, flush=True)
        QApplication.quit()
    QTimer.singleShot(0, probe)
shell_mod.Shell.show_start = show_start
from ui.app import main
main(["--vault", sys.argv[1]])
"""


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    sys.path.insert(0, str(ROOT))
    from vault.kdf import KdfParams
    from vault.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "v"
        Vault.create(folder, "correct horse battery staple",
                     kdf_params=KdfParams.fast_for_tests())[0].lock()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(Path(tmp) / "cfg")}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        figures = []
        for _ in range(runs):
            started = time.time()
            out = subprocess.run([sys.executable, "-c", CHILD, str(folder)], env=env,
                                 capture_output=True, text=True, timeout=60, check=True).stdout
            line = next(li for li in out.splitlines() if li.startswith("shown"))
            _, when, visible, on_unlock = line.split()
            assert visible == "True" and on_unlock == "True"
            figures.append(float(when) - started)
            print(f"start to unlock screen: {figures[-1] * 1000:.0f} ms")
    print(f"median {statistics.median(figures) * 1000:.0f} ms, max {max(figures) * 1000:.0f} ms "
          f"over {runs} runs (target < 1000 ms)")


if __name__ == "__main__":
    main()
