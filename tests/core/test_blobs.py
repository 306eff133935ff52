"""The streamed blob format: round trips, and every kind of damage is detected."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from vault import blobs
from vault.errors import DamagedVault

KEY = bytes(range(32))
AAD = b"vault-id-16bytes" + b"blob\x00item"


def write(folder: Path, data: bytes, key: bytes = KEY, aad: bytes = AAD) -> str:
    with blobs.BlobWriter(folder, key, aad) as w:
        # uneven pieces exercise the chunk buffering
        for start in range(0, len(data), 700_001):
            w.write(data[start : start + 700_001])
        if not data:
            w.write(b"")
        return w.finish()


def read(folder: Path, name: str, key: bytes = KEY, aad: bytes = AAD) -> bytes:
    return b"".join(blobs.read_blob(folder, name, key, aad))


@pytest.mark.parametrize(
    "size",
    [0, 1, blobs.CHUNK - 1, blobs.CHUNK, blobs.CHUNK + 1, 3 * blobs.CHUNK, 3 * blobs.CHUNK + 17],
)
def test_round_trip(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    name = write(tmp_path, data)
    assert read(tmp_path, name) == data
    assert not list((tmp_path / "blobs" / "tmp").iterdir())


def test_unfinished_writer_leaves_nothing(tmp_path: Path) -> None:
    with blobs.BlobWriter(tmp_path, KEY, AAD) as w:
        w.write(b"x" * 10)
    assert not list((tmp_path / "blobs" / "tmp").iterdir())
    assert blobs.all_blob_names(tmp_path) == set()


def _damage_cases(size: int) -> list[tuple[str, int]]:
    return [("flip", p) for p in (0, 1, 20, size // 2, size - 1)] + [
        ("truncate", n) for n in (0, 1, blobs.CHUNK + blobs.TAG + 1, size - 1)
    ]


@pytest.mark.parametrize("case", range(9))
def test_damage_is_detected(tmp_path: Path, case: int) -> None:
    data = os.urandom(2 * blobs.CHUNK + 5)
    name = write(tmp_path, data)
    path = blobs.blob_path(tmp_path, name)
    raw = bytearray(path.read_bytes())
    kind, at = _damage_cases(len(raw))[case]
    if kind == "flip":
        raw[at] ^= 0x01
    else:
        raw = raw[:at]
    path.write_bytes(bytes(raw))
    with pytest.raises(DamagedVault):
        read(tmp_path, name)


def test_dropping_the_last_chunk_is_detected(tmp_path: Path) -> None:
    data = os.urandom(2 * blobs.CHUNK)
    name = write(tmp_path, data)
    path = blobs.blob_path(tmp_path, name)
    raw = path.read_bytes()
    path.write_bytes(raw[: 1 + blobs.CHUNK + blobs.TAG])  # exactly one whole chunk left
    with pytest.raises(DamagedVault):
        read(tmp_path, name)


def test_reordered_chunks_are_detected(tmp_path: Path) -> None:
    data = os.urandom(3 * blobs.CHUNK)
    name = write(tmp_path, data)
    path = blobs.blob_path(tmp_path, name)
    raw = path.read_bytes()
    c = blobs.CHUNK + blobs.TAG
    first, second = raw[1 : 1 + c], raw[1 + c : 1 + 2 * c]
    path.write_bytes(raw[:1] + second + first + raw[1 + 2 * c :])
    with pytest.raises(DamagedVault):
        read(tmp_path, name)


def test_swapping_blobs_between_items_is_detected(tmp_path: Path) -> None:
    a = write(tmp_path, b"a" * 100, aad=b"vault" + b"blob\x00item-a")
    with pytest.raises(DamagedVault):
        read(tmp_path, a, aad=b"vault" + b"blob\x00item-b")


def test_missing_blob_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(DamagedVault):
        read(tmp_path, "ab" + "0" * 30)


@pytest.mark.slow
def test_one_gigabyte_in_bounded_memory(tmp_path: Path) -> None:
    chunk = os.urandom(4 * 1024 * 1024)
    total = 1024 * 1024 * 1024
    tracemalloc.start()
    with blobs.BlobWriter(tmp_path, KEY, AAD) as w:
        for _ in range(total // len(chunk)):
            w.write(chunk)
        name = w.finish()
    seen = 0
    for piece in blobs.read_blob(tmp_path, name, KEY, AAD):
        seen += len(piece)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert seen == total
    assert peak < 32 * 1024 * 1024, peak
