"""Bundle benchmark: 500 camera-sized JPEG exhibits, 200 incidents, disk-backed fake vault.

    .venv/bin/python bench/bench_bundle.py [--sizes 100,250,500]

Each build runs in its own process so peak memory (ru_maxrss) is that build's alone. Runs:
previews not made yet (made at build time on both cores), and previews already stored.
Targets (issue 5): under 30 s and under 400 MB for 500 exhibits.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.core.bundle_fakes import FakeSource, make_jpeg  # noqa: E402
from vault.bundle import BundleOptions, build_bundle  # noqa: E402
from vault.model import Incident, Item  # noqa: E402

BASES = 16
N_INCIDENTS = 200
BEHAVIOURS = ["following", "contacting", "loitering", "watching", "threats", "property"]


class DiskSource(FakeSource):
    """Originals and previews are files, so the build's memory is the build's own."""

    def __init__(self, corpus: Path, n: int, premade: bool) -> None:
        super().__init__()
        self.corpus = corpus
        self.premade = premade
        meta = json.loads((corpus / "items.json").read_text())[:n]
        self.items_list = [Item.from_dict(m) for m in meta]
        self.incidents_list = [
            Incident(
                id=f"inc{k}",
                start=f"2026-{1 + k % 11:02d}-{1 + k % 27:02d}T{8 + k % 12:02d}:15:00+00:00",
                title=f"Incident {k}",
                where="Outside my house",
                behaviours=[BEHAVIOURS[k % 6], BEHAVIOURS[(k * 7) % 6]],
                account=("He was there again and watched me walk to the car. " * (5 + k % 30)),
                recorded_at="2026-12-01T10:00:00+00:00",
            )
            for k in range(N_INCIDENTS)
        ]
        for e in range(n):
            self.append_log("item_imported", self.items_list[e])

    def iter_original(self, item: Item) -> Iterator[bytes]:
        with (self.corpus / "originals" / item.id).open("rb") as f:
            while chunk := f.read(1024 * 1024):
                yield chunk

    def preview_jpeg(self, item: Item) -> bytes | None:
        path = self.corpus / "previews" / item.id
        return path.read_bytes() if self.premade and path.exists() else None

    def store_preview(self, item: Item, jpeg: bytes) -> None:
        pass  # keep the corpus as it is between runs


def real_camera_photos() -> list[bytes]:
    """The largest camera JPEGs of the shared corpus (12 MP, about 3 MB), when it is there:
    generated pictures compress far better than real ones and understate the cost."""
    from bench._common import corpus_dir

    found = corpus_dir()
    if found is None:
        return []
    photos = sorted((p for p in (found / "photos").rglob("*.jpg") if "broken" not in p.parts),
                    key=lambda p: -p.stat().st_size)
    return [p.read_bytes() for p in photos[:4] if p.stat().st_size > 800_000]


def make_corpus(corpus: Path, n: int) -> None:
    from vault.media import make_preview

    (corpus / "originals").mkdir(parents=True)
    (corpus / "previews").mkdir()
    bases = real_camera_photos()
    for b in range(len(bases), BASES):
        w, h = (4000, 3000) if b % 3 else (3000, 4000)
        bases.append(make_jpeg(w, h, b, orientation=6 if b % 5 == 0 else 0, quality=92))
    items = []
    for e in range(n):
        data = bases[e % BASES] + f"exhibit {e}".encode()  # bytes after EOI: unique hash
        item_id = f"item{e:04d}"
        (corpus / "originals" / item_id).write_bytes(data)
        items.append(
            Item(
                id=item_id,
                reference=f"JS/{e + 1}",
                number=e + 1,
                kind="photo",
                description=f"Photo {e + 1}",
                original_name=f"IMG_{e:04d}.JPG",
                media_type="image/jpeg",
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                imported_at="2026-12-01T10:00:00+00:00",
                incidents=[f"inc{e % N_INCIDENTS}"],
            ).to_dict()
        )
    for b in range(BASES):  # previews of the same base picture look the same; that is fine
        jpeg = make_preview(bases[b], "image/jpeg")
        for e in range(b, n, BASES):
            (corpus / "previews" / f"item{e:04d}").write_bytes(jpeg or b"")
    (corpus / "items.json").write_text(json.dumps(items))
    sizes = [len(x) for x in bases]
    print(
        f"corpus: {n} JPEGs, real camera photos and 4000x3000 made ones, {min(sizes) / 1e6:.1f}-"
        f"{max(sizes) / 1e6:.1f} MB each",
        flush=True,
    )


def child(corpus: Path, n: int, premade: bool, out: Path) -> None:
    from vault.media import make_preview

    source = DiskSource(corpus, n, premade)
    t0 = time.perf_counter()
    result = build_bundle(
        source, BundleOptions(case_reference="BENCH"), out, make_preview=make_preview
    )
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "n": n,
                "premade": premade,
                "seconds": round(seconds, 2),
                "peak_mb": round(peak_mb),
                "pdf_mb": round(result.pdf_path.stat().st_size / 1e6, 1),
                "pages": result.counts.pdf_pages,
                "previews_made": result.counts.previews_made,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,250,500")
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        corpus, n, premade = args.child
        with tempfile.TemporaryDirectory(dir=corpus) as out:
            child(Path(corpus), int(n), premade == "1", Path(out))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    corpus = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    try:
        make_corpus(corpus, max(sizes))
        runs = [(n, False) for n in sizes] + [(max(sizes), True)]
        for n, premade in runs:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", str(corpus), str(n), "1" if premade else "0"],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            label = "previews stored" if premade else "previews made at build"
            print(
                f"{r['n']:4d} exhibits, {label:22s}: {r['seconds']:6.2f} s, "
                f"peak {r['peak_mb']:4d} MB, PDF {r['pdf_mb']:6.1f} MB, {r['pages']} pages, "
                f"{r['previews_made']} previews made",
                flush=True,
            )
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
