"""Time inspect, thumbnail and preview per format on corpus files (medians, milliseconds).

Reads the corpus from EVIDENCE_CORPUS, else ../shared/corpus next to the repository; skips
cleanly when neither exists. Prints only formats and figures, never file names or contents.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from vault.media import inspect, make_preview, make_thumbnail  # noqa: E402

ROUNDS = 3


def corpus() -> Path | None:
    value = os.environ.get("EVIDENCE_CORPUS")
    if value:
        return Path(value) if Path(value).is_dir() else None
    default = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
    return default if default.is_dir() else None


def ms(fn: object, *args: object) -> float:
    best = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn(*args)  # type: ignore[operator]
        best.append((time.perf_counter() - start) * 1000)
    return statistics.median(best)


def main() -> int:
    root = corpus()
    if root is None:
        print("bench_media: no corpus (set EVIDENCE_CORPUS); skipped")
        return 0
    rows: dict[str, list[tuple[float, float, float, int]]] = defaultdict(list)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if path.name in ("README.md", ".gitattributes") or "broken" in path.parts:
            continue
        data = path.read_bytes()
        info = inspect(data, None, path.name)
        rows[info.media_type].append(
            (
                ms(inspect, data, None, path.name),
                ms(make_thumbnail, data, info.media_type),
                ms(make_preview, data, info.media_type),
                max(info.width, 0) * max(info.height, 0),
            )
        )
    print(
        f"{'media type':28s} {'files':>5s} {'inspect':>9s} {'thumb':>9s} {'preview':>9s}  ms"
    )
    for mt, vals in sorted(rows.items()):
        med = [statistics.median(v[i] for v in vals) for i in range(3)]
        print(f"{mt:28s} {len(vals):5d} {med[0]:9.1f} {med[1]:9.1f} {med[2]:9.1f}")
    big = [(v, mt) for mt, vs in rows.items() for v in vs if mt == "image/jpeg"]
    if big:
        (i, t, p, px), _ = max(big, key=lambda x: x[0][3])
        print(
            f"largest JPEG ({px / 1e6:.1f} MP): inspect {i:.1f}, thumb {t:.1f}, preview {p:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
