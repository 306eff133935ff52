"""Start-up time of the frozen program (issue 7), offscreen.

    bash packaging/build.sh                       # builds dist/notebook/notebook
    .venv/bin/python bench/bench_frozen_startup.py [--exe dist/notebook/notebook] [--runs 7]

What is measured, from the moment the process is launched (wall clock, median of --runs after
one discarded first run; the first run is printed too):

- `to_first_screen`: the app started normally (ui.app.main) with NOTEBOOK_STARTUP_PROBE=1, to the
  moment its event loop starts (packaging/entry.py prints a time stamp from a zero-length timer
  queued on QApplication.exec, so every window shown before exec() is up). The visible windows
  are listed, so you can see it was the unlock (or first-start) screen. Settings and data go to a
  temporary XDG folder. Skipped, and said so, when the build has no ui.app yet.
- `qt_smoke`: `--self-test --qt-only`: bootloader, Python, QApplication offscreen, every ui module
  imported, a label shown, exit. The lower bound for reaching any screen.
- `bare`: `--version`: bootloader and Python start only.
- `self_test`: the full `--self-test` (vault, four decoders, bundle, verify, Qt smoke).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import ROOT, emit  # noqa: E402


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    env.pop("EVIDENCE_VAULT_FAST_KDF", None)
    return env


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int, str, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    return time.perf_counter() - start, done.returncode, done.stdout, done.stderr


def to_first_screen(exe: Path, env: dict[str, str], cwd: Path) -> tuple[float, str] | str:
    """Seconds from launch to the probe's stamp, and the windows shown; or why there are none."""
    env = {**env, "NOTEBOOK_STARTUP_PROBE": "1"}
    launched = time.time()
    done = subprocess.run([str(exe)], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("startup-probe "):
            _, stamp, *shown = line.split(" ")
            return float(stamp) - launched, " ".join(shown)
    return (done.stderr.strip().splitlines() or [f"exit {done.returncode}, no probe line"])[-1]


def summary(name: str, samples: list[float], note: str = "") -> dict[str, object]:
    rest = samples[1:] or samples
    result: dict[str, object] = {
        "measure": name,
        "first_s": round(samples[0], 3),
        "median_s": round(statistics.median(rest), 3),
        "min_s": round(min(rest), 3),
        "max_s": round(max(rest), 3),
        "runs": len(rest),
    }
    if note:
        result["note"] = note
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", type=Path, default=ROOT / "dist" / "notebook" / "notebook")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    exe: Path = args.exe.resolve()
    if not exe.is_file():
        print(f"No built program at {exe}: run bash packaging/build.sh first.", file=sys.stderr)
        return 1
    runs = max(2, args.runs + 1)
    results: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        home = Path(tmp)
        env = _env(home)

        screen: list[float] = []
        shown = ""
        for _ in range(runs):
            got = to_first_screen(exe, env, home)
            if isinstance(got, str):
                results.append({"measure": "to_first_screen", "skipped": got})
                break
            screen.append(got[0])
            shown = got[1]
        if screen:
            results.append(summary("to_first_screen", screen, f"windows shown: {shown}"))

        for name, extra in (
            ("qt_smoke", ["--self-test", "--qt-only"]),
            ("bare", ["--version"]),
            ("self_test", ["--self-test"]),
        ):
            samples = []
            for _ in range(runs):
                seconds, rc, _out, err = timed([str(exe), *extra], env, home)
                if rc != 0:
                    print(f"{name} failed: {err.strip()}", file=sys.stderr)
                    return 1
                samples.append(seconds)
            results.append(summary(name, samples))

    for result in results:
        emit(result)
    print()
    print(f"{'measure':<16} {'first':>7} {'median':>7} {'min':>7} {'max':>7}")
    for r in results:
        if "skipped" in r:
            print(f"{r['measure']:<16} skipped: {r['skipped']}")
            continue
        print(
            f"{r['measure']:<16} {r['first_s']:>7.3f} {r['median_s']:>7.3f} "
            f"{r['min_s']:>7.3f} {r['max_s']:>7.3f}  {r.get('note', '')}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
