"""Evidence bytes, encrypted as a stream of chunks (after age's STREAM construction).

Each blob has its own random 256-bit key, kept in the item's encrypted record. The file
holds one format byte, then chunks of up to CHUNK plaintext bytes, each sealed with
AES-256-GCM under nonce = 11-byte big-endian counter || last-chunk flag, with associated
data binding the vault id and the item id. Truncation, reordering, swapping between items
and flipped bits all fail authentication. Memory use does not grow with the file.

Blob files are written to `blobs/tmp/` then renamed to `blobs/<aa>/<random name>`
before the record that points to them is committed; orphans are collected at unlock.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vault.errors import DamagedVault, from_os_error
from vault.fs import FILE_MODE, ensure_dir, fsync_dir

BLOB_DIR = "blobs"
TMP_DIR = "tmp"
BLOB_FORMAT = 1
CHUNK = 1024 * 1024
TAG = 16
MAX_CHUNKS = 2**40


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def blob_aad(vault_id: bytes, item_id: str) -> bytes:
    return vault_id + b"blob\x00" + item_id.encode("ascii")


def blob_path(folder: Path, name: str) -> Path:
    return folder / BLOB_DIR / name[:2] / name


class BlobWriter:
    """Write plaintext in; an encrypted blob file comes out. Use as a context manager.

    `finish()` makes the blob durable under its final random name and returns it. Leaving
    the block without `finish()` (an error, a cancel) removes the temporary file.
    """

    def __init__(self, folder: Path, key: bytes, aad: bytes) -> None:
        self._folder = folder
        self._aead = AESGCM(key)
        self._aad = aad
        self._counter = 0
        self._pending = bytearray()
        self.size = 0
        self.name = secrets.token_hex(16)
        tmp_dir = folder / BLOB_DIR / TMP_DIR
        ensure_dir(tmp_dir)
        self._tmp = tmp_dir / self.name
        self._fh: BinaryIO | None = None
        self._done = False

    def __enter__(self) -> BlobWriter:
        try:
            fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            self._fh = os.fdopen(fd, "wb", buffering=0)
            self._fh.write(bytes([BLOB_FORMAT]))
        except OSError as exc:
            raise from_os_error(exc) from exc
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if not self._done:
            with contextlib.suppress(OSError):
                self._tmp.unlink()

    def _seal(self, chunk: bytes | bytearray | memoryview, last: bool) -> None:
        assert self._fh is not None
        sealed = self._aead.encrypt(_nonce(self._counter, last), bytes(chunk), self._aad)
        self._counter += 1
        try:
            self._fh.write(sealed)
        except OSError as exc:
            raise from_os_error(exc) from exc

    def write(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data)
        self.size += len(view)
        if self._pending:
            need = CHUNK - len(self._pending)
            self._pending += view[:need]
            view = view[need:]
            if len(self._pending) == CHUNK and len(view):
                self._seal(self._pending, last=False)
                self._pending.clear()
        # Whole chunks straight from the caller's buffer; always keep the last one back.
        while len(view) > CHUNK:
            self._seal(view[:CHUNK], last=False)
            view = view[CHUNK:]
        if len(view):
            if self._pending:
                self._seal(self._pending, last=False)
                self._pending.clear()
            self._pending += view

    def finish(self) -> str:
        assert self._fh is not None
        self._seal(self._pending, last=True)
        self._pending.clear()
        try:
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None
            final = blob_path(self._folder, self.name)
            ensure_dir(final.parent)
            os.replace(self._tmp, final)
            fsync_dir(final.parent)
        except OSError as exc:
            raise from_os_error(exc) from exc
        self._done = True
        return self.name


def read_blob(folder: Path, name: str, key: bytes, aad: bytes) -> Iterator[bytes]:
    """Yield the plaintext chunk by chunk, authenticating each. Raises DamagedVault."""
    aead = AESGCM(key)
    path = blob_path(folder, name)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in finally; generator
    except FileNotFoundError as exc:
        raise DamagedVault("an evidence file", "It is missing from the vault folder.") from exc
    except OSError as exc:
        raise DamagedVault("an evidence file", "It cannot be read.") from exc
    try:
        if fh.read(1) != bytes([BLOB_FORMAT]):
            raise DamagedVault("an evidence file", "It has been changed or damaged.")
        counter = 0
        size = CHUNK + TAG
        current = fh.read(size)
        while True:
            nxt = fh.read(size) if len(current) == size else b""
            last = not nxt
            if len(current) < TAG or counter >= MAX_CHUNKS:
                raise DamagedVault("an evidence file", "It has been cut short.")
            try:
                plain = aead.decrypt(_nonce(counter, last), current, aad)
            except InvalidTag as exc:
                raise DamagedVault("an evidence file", "It has been changed or damaged.") from exc
            yield plain
            if last:
                return
            counter += 1
            current = nxt
    finally:
        fh.close()


def delete_blob(folder: Path, name: str) -> None:
    with contextlib.suppress(OSError):
        blob_path(folder, name).unlink()


def all_blob_names(folder: Path) -> set[str]:
    root = folder / BLOB_DIR
    names: set[str] = set()
    if not root.is_dir():
        return names
    for sub in root.iterdir():
        if sub.name == TMP_DIR or not sub.is_dir():
            continue
        names.update(p.name for p in sub.iterdir())
    return names


def clear_tmp(folder: Path) -> int:
    tmp = folder / BLOB_DIR / TMP_DIR
    removed = 0
    if tmp.is_dir():
        for p in tmp.iterdir():
            with contextlib.suppress(OSError):
                p.unlink()
                removed += 1
    return removed
