"""Issue 4 benchmarks: photo import rate against the bare pipeline, a 2 GB import, and
listing/searching 10,000 incidents and 10,000 items after unlock.

    .venv/bin/python bench/bench_import.py [--photos 1000] [--big-mb 2048]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

from bench._common import corpus_dir, emit, peak_rss_mb, run_child  # noqa: E402

PASSWORD = "bench password for the vault"


def base_photo() -> bytes:
    corpus = corpus_dir()
    if corpus is not None:
        cand = corpus / "photos" / "odd-exif" / "42_IndexError.jpg"  # 12 MP, 4032x3024
        if cand.exists():
            return cand.read_bytes()
    from PIL import Image

    img = Image.effect_noise((4032, 3024), 60).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def make_photos(folder: Path, n: int) -> None:
    """n distinct camera-sized JPEGs: the same picture, each with its own COM segment."""
    data = base_photo()
    folder.mkdir()
    for i in range(n):
        text = f"bench photo {i:06d}".encode()
        com = b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text
        (folder / f"IMG_{i:05d}.jpg").write_bytes(data[:2] + com + data[2:])


def bare_one(path: Path, aead: AESGCM) -> None:
    from vault import media

    data = path.read_bytes()
    hashlib.sha256(data).digest()
    aead.encrypt(os.urandom(12), data, None)
    media.make_thumbnail(data, "image/jpeg")


def child_bare_photos(folder: Path, workers: int) -> None:
    aead = AESGCM(os.urandom(32))
    files = sorted(folder.iterdir())
    started = time.perf_counter()
    if workers == 1:
        for f in files:
            bare_one(f, aead)
    else:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda f: bare_one(f, aead), files))
    elapsed = time.perf_counter() - started
    emit({"per_s": len(files) / elapsed, "seconds": elapsed})


def child_import_photos(folder: Path, work: Path, workers: int) -> None:
    from vault.kdf import KdfParams
    from vault.vault import Vault

    vault, _ = Vault.create(work / f"p{workers}", PASSWORD, kdf_params=KdfParams.fast_for_tests())
    started = time.perf_counter()
    report = vault.items.import_paths([folder], workers=workers)
    elapsed = time.perf_counter() - started
    assert report.imported == len(list(folder.iterdir())), report.summary()
    vault.lock()
    emit({"per_s": report.imported / elapsed, "seconds": elapsed, "peak_mb": peak_rss_mb()})


def child_big(src: Path, work: Path) -> None:
    from vault.kdf import KdfParams
    from vault.vault import Vault

    vault, _ = Vault.create(work / "big", PASSWORD, kdf_params=KdfParams.fast_for_tests())
    started = time.perf_counter()
    report = vault.items.import_paths([src])
    elapsed = time.perf_counter() - started
    assert report.imported == 1
    vault.lock()
    emit({"mb_s": src.stat().st_size / elapsed / 1e6, "peak_mb": peak_rss_mb()})


def child_fill(folder: Path, n: int) -> None:
    """A vault of n incidents and n items, written as the vault writes them."""
    from vault import kdf
    from vault.ids import new_id, utc_now
    from vault.items import stored_body
    from vault.model import Incident, Item
    from vault.vault import Vault

    vault, _ = Vault.create(folder, PASSWORD, initials="JS", kdf_params=kdf.calibrate())
    s = vault.session
    with s.write() as conn:
        for i in range(n):
            inc = Incident(
                id=new_id(),
                start=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T17:30+00:00",
                title=f"Incident {i}",
                where="Outside work",
                behaviours=["following", "watching"],
                account="He was waiting by the gate again. " * 8,
                recorded_at=utc_now(),
                revision=1,
            )
            s.store.put(conn, "incidents", inc.id, 1, inc.to_record())
            item = Item(
                id=new_id(),
                reference=f"JS/{i + 1}",
                number=i + 1,
                kind="photo",
                original_name=f"IMG_{i:05d}.jpg",
                size=3_000_000,
                media_type="image/jpeg",
                sha256=hashlib.sha256(str(i).encode()).hexdigest(),
                imported_at=utc_now(),
                incidents=[inc.id],
                description=f"Photo {i} of the car",
            )
            s.store.put(conn, "items", item.id, 1, stored_body(item, "00" * 32))
    vault.lock()
    emit({})


def reference_s() -> float:
    """A fixed piece of work like the listing's, timed. This machine's speed swings by up to
    1.7x from one second to the next (a shared host); this tells the runs apart."""
    import orjson

    doc = orjson.dumps({"id": "0" * 32, "start": "2025-01-01T17:30+00:00", "title": "x" * 12,
                        "account": "x" * 270, "revision": 1, "behaviours": ["following"]})
    started = time.perf_counter()
    for _ in range(20_000):
        orjson.loads(doc)
    return time.perf_counter() - started


def child_listing(folder: Path, n: int) -> None:
    """In a fresh process, as after starting the app: open (minus KDF), list, search."""
    from vault import kdf
    from vault.header import Header
    from vault.vault import Vault

    params = Header.read(folder).kdf
    # Derive the key once, timed; then open with that key handed in, so what is measured
    # is exactly what unlocking costs beyond the KDF (open, list, search).
    key_s = time.perf_counter()
    key = kdf.derive(PASSWORD, params)
    kdf_s = time.perf_counter() - key_s
    real_derive = kdf.derive
    kdf.derive = lambda password, p: key  # type: ignore[assignment]
    reference = reference_s()
    try:
        started, cpu = time.perf_counter(), time.process_time()
        vault = Vault.open(folder, PASSWORD)
        opened = time.perf_counter()
        incidents = vault.incidents.list()
        items = vault.items.list()
        listed = time.perf_counter()
        needle = "incident 4242"
        hits = [i for i in incidents if needle in i.title.lower() or needle in i.account.lower()]
        hits_items = [i for i in items if "img_04242" in i.original_name.lower()]
        searched, cpu_end = time.perf_counter(), time.process_time()
    finally:
        kdf.derive = real_derive  # type: ignore[assignment]
    reference = (reference + reference_s()) / 2
    vault.lock()
    assert len(incidents) == n and len(items) == n and hits and hits_items
    emit({"kdf_s": kdf_s, "open_s": opened - started, "list_s": listed - opened,
          "search_s": searched - listed, "beyond_kdf_s": searched - started,
          "cpu_s": cpu_end - cpu, "reference_s": reference})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--big-mb", type=int, default=2048)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--child", nargs="*")
    parser.add_argument("--only", choices=["photos", "big", "listing"])
    args = parser.parse_args()
    from vault.runtime import tune_gc

    tune_gc()  # as the app and the command line do at start
    if args.child is not None:
        what, *rest = args.child
        if what == "bare":
            child_bare_photos(Path(rest[0]), int(rest[1]))
        elif what == "photos":
            child_import_photos(Path(rest[0]), Path(rest[1]), int(rest[2]))
        elif what == "big":
            child_big(Path(rest[0]), Path(rest[1]))
        elif what == "fill":
            child_fill(Path(rest[0]), int(rest[1]))
        else:
            child_listing(Path(rest[0]), int(rest[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.only in (None, "photos"):
            bench_photos(work, args.photos)
        if args.only in (None, "big"):
            bench_big(work, args.big_mb)
        if args.only in (None, "listing"):
            bench_listing(work, args.records)


ME = Path(__file__)


def bench_photos(work: Path, n: int) -> None:
    import shutil

    photos = work / "photos"
    make_photos(photos, n)
    for workers in (1, 2):
        bare = run_child(ME, "bare", str(photos), str(workers))
        got = run_child(ME, "photos", str(photos), str(work), str(workers))
        print(
            f"import {n} 12 MP JPEGs, {workers} worker(s): {got['per_s']:.1f} "
            f"photos/s; bare read+SHA-256+encrypt+thumbnail: {bare['per_s']:.1f}/s; "
            f"ratio {bare['per_s'] / got['per_s']:.2f}x (target <= 1.5x); "
            f"peak {got['peak_mb']:.0f} MB"
        )
        shutil.rmtree(work / f"p{workers}", ignore_errors=True)
    shutil.rmtree(photos)


def bench_big(work: Path, size_mb: int) -> None:
    import shutil

    big = work / "big.bin"
    block = os.urandom(8 * 1024 * 1024)
    with open(big, "wb") as fh:
        for _ in range(size_mb // 8):
            fh.write(block)
    got = run_child(ME, "big", str(big), str(work))
    print(
        f"import one {size_mb} MB file: {got['mb_s']:.0f} MB/s, "
        f"peak memory {got['peak_mb']:.0f} MB (target < 200 MB)"
    )
    big.unlink()
    shutil.rmtree(work / "big", ignore_errors=True)


def bench_listing(work: Path, records: int, runs_wanted: int = 9) -> None:
    folder = work / "listing"
    run_child(ME, "fill", str(folder), str(records))
    runs = [run_child(ME, "listing", str(folder), str(records)) for _ in range(runs_wanted)]
    fastest_ref = min(r["reference_s"] for r in runs)
    for r in runs:
        r["speed"] = fastest_ref / r["reference_s"]
        print(f"  run: beyond KDF {r['beyond_kdf_s']:.3f} s (open {r['open_s']:.3f}, list "
              f"{r['list_s']:.3f}, search {r['search_s']:.3f}); machine at "
              f"{r['speed'] * 100:.0f}% of its best speed")
    times = sorted(r["beyond_kdf_s"] for r in runs)
    quiet = sorted(r["beyond_kdf_s"] for r in runs if r["speed"] >= 0.85)
    got = runs[0]
    print(
        f"{records} incidents + {records} items, each run in a fresh process: KDF "
        f"{got['kdf_s']:.2f} s; beyond the KDF (open, list, search) median of {len(times)} "
        f"{statistics.median(times):.3f} s, fastest {times[0]:.3f}, slowest {times[-1]:.3f}; "
        f"median of the {len(quiet)} runs with the machine at full speed "
        f"{statistics.median(quiet):.3f} s (target < 0.3 s)"
    )


if __name__ == "__main__":
    main()
