"""Issue 3 benchmarks: unlock time, and the store path against the machine's physical limit.

    .venv/bin/python bench/bench_vault.py [--size-mb 512]

Prints the KDF time and total open time with real (calibrated) parameters; then, for one
large file, the MB/s of the vault's store path (read, SHA-256, AES-GCM STREAM, fsync, commit)
and of a bare read + SHA-256 + AES-GCM + write of the same file, and the peak memory of each.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

from bench._common import emit, peak_rss_mb, run_child  # noqa: E402

PASSWORD = "bench password for the vault"


def make_file(path: Path, size_mb: int) -> None:
    block = os.urandom(8 * 1024 * 1024)
    with open(path, "wb") as fh:
        for _ in range(size_mb // 8):
            fh.write(block[:-1] + os.urandom(1))


def child_bare(src: Path, work: Path) -> None:
    """read -> SHA-256 -> AES-256-GCM -> write, 1 MiB chunks, one thread: the limit."""
    aead = AESGCM(os.urandom(32))
    digest = hashlib.sha256()
    started = time.perf_counter()
    size = 0
    with open(src, "rb") as fh, open(work / "bare.out", "wb") as out:
        counter = 0
        while block := fh.read(1024 * 1024):
            digest.update(block)
            out.write(aead.encrypt(counter.to_bytes(12, "big"), block, None))
            counter += 1
            size += len(block)
        out.flush()
        os.fsync(out.fileno())
    elapsed = time.perf_counter() - started
    (work / "bare.out").unlink()
    emit({"mb_s": size / elapsed / 1e6, "seconds": elapsed, "peak_mb": peak_rss_mb()})


def child_store(src: Path, work: Path) -> None:
    from vault.kdf import KdfParams
    from vault.vault import Vault

    vault, _ = Vault.create(work / "v", PASSWORD, kdf_params=KdfParams.fast_for_tests())
    started = time.perf_counter()
    report = vault.items.import_paths([src], workers=1)
    elapsed = time.perf_counter() - started
    assert report.imported == 1, report.summary()
    vault.lock()
    emit({"mb_s": src.stat().st_size / elapsed / 1e6, "seconds": elapsed, "peak_mb": peak_rss_mb()})


def child_unlock(work: Path) -> None:
    from vault import kdf
    from vault.vault import Vault

    params = kdf.calibrate()
    started = time.perf_counter()
    kdf.derive(PASSWORD, params)
    kdf_s = time.perf_counter() - started
    vault, _ = Vault.create(work / "u", PASSWORD, kdf_params=params)
    vault.lock()
    started = time.perf_counter()
    Vault.open(work / "u", PASSWORD).lock()
    open_s = time.perf_counter() - started
    emit(
        {
            "kdf_s": kdf_s,
            "open_s": open_s,
            "memory_mib": params.memory_kib // 1024,
            "iterations": params.iterations,
            "lanes": params.lanes,
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=512)
    parser.add_argument("--child", nargs="*")
    args = parser.parse_args()
    if args.child is not None:
        what, *rest = args.child
        if what == "bare":
            child_bare(Path(rest[0]), Path(rest[1]))
        elif what == "store":
            child_store(Path(rest[0]), Path(rest[1]))
        else:
            child_unlock(Path(rest[0]))
        return
    me = Path(__file__)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        u = run_child(me, "unlock", str(work))
        print(
            f"unlock: Argon2id {u['memory_mib']} MiB, t={u['iterations']}, p={u['lanes']}: "
            f"KDF {u['kdf_s']:.2f} s, whole open {u['open_s']:.2f} s"
        )
        src = work / "large.bin"
        make_file(src, args.size_mb)
        stores, bares = [], []
        for _ in range(3):
            bares.append(run_child(me, "bare", str(src), str(work)))
            stores.append(run_child(me, "store", str(src), str(work)))
            for sub in ("v",):
                import shutil

                shutil.rmtree(work / sub, ignore_errors=True)
        bare = sorted(b["mb_s"] for b in bares)[1]
        store = sorted(s["mb_s"] for s in stores)[1]
        print(
            f"store path, {args.size_mb} MB file (median of 3): {store:.0f} MB/s, "
            f"peak memory {max(s['peak_mb'] for s in stores):.0f} MB"
        )
        print(
            f"bare read+SHA-256+AES-GCM+write of the same file: {bare:.0f} MB/s, "
            f"peak memory {max(b['peak_mb'] for b in bares):.0f} MB"
        )
        print(f"store path / limit: {100 * store / bare:.0f} % (target >= 70 %)")


if __name__ == "__main__":
    main()
