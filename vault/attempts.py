"""Failed unlock attempts, recorded without the password.

Each failed attempt appends one line: the time, sealed (X25519 + HKDF + AES-GCM) to a
public key in the header whose private half is derived from the master key. Only a
successful unlock can read them; it shows them and clears the file. The number of lines
(a count) is all that is visible without the password.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from vault.crypto import hkdf
from vault.fs import append_durable, atomic_write

ATTEMPTS_FILE = "attempts"
FREE_ATTEMPTS = 3
MAX_LINES = 10_000


def _raw(pub: X25519PublicKey) -> bytes:
    return pub.public_bytes(Encoding.Raw, PublicFormat.Raw)


def record_failure(folder: Path, public_key: bytes, when: datetime) -> None:
    """Append a sealed record of one failed attempt. Never raises: it must not block unlocking."""
    eph = X25519PrivateKey.generate()
    eph_pub = _raw(eph.public_key())
    shared = eph.exchange(X25519PublicKey.from_public_bytes(public_key))
    key = hkdf(shared, b"v1 failed-attempt", salt=eph_pub + public_key)
    nonce = os.urandom(12)
    payload = json.dumps({"at": when.isoformat(timespec="seconds")}).encode()
    sealed = eph_pub + nonce + AESGCM(key).encrypt(nonce, payload, None)
    with contextlib.suppress(Exception):
        append_durable(folder / ATTEMPTS_FILE, base64.b64encode(sealed) + b"\n")


def count(folder: Path) -> int:
    try:
        with open(folder / ATTEMPTS_FILE, "rb") as fh:
            return sum(1 for _ in zip(range(MAX_LINES), fh, strict=False))
    except OSError:
        return 0


def wait_needed(folder: Path, now: Callable[[], float] = time.time) -> float:
    """Seconds to wait before the next try: none for the first three failures, then growing."""
    n = count(folder)
    if n < FREE_ATTEMPTS:
        return 0.0
    delay = min(60.0, 5.0 * (n - FREE_ATTEMPTS + 1))
    try:
        last = os.stat(folder / ATTEMPTS_FILE).st_mtime
    except OSError:
        return 0.0
    return max(0.0, last + delay - now())


def read_and_clear(folder: Path, private_key: X25519PrivateKey) -> list[str]:
    """The times of the failed attempts since the last unlock (oldest first); clears them."""
    path = folder / ATTEMPTS_FILE
    try:
        with open(path, "rb") as fh:
            lines = [line for _, line in zip(range(MAX_LINES), fh, strict=False)]
    except OSError:
        return []
    my_pub = _raw(private_key.public_key())
    times: list[str] = []
    for line in lines:
        try:
            sealed = base64.b64decode(line.strip(), validate=True)
            eph_pub, nonce, ct = sealed[:32], sealed[32:44], sealed[44:]
            shared = private_key.exchange(X25519PublicKey.from_public_bytes(eph_pub))
            key = hkdf(shared, b"v1 failed-attempt", salt=eph_pub + my_pub)
            times.append(str(json.loads(AESGCM(key).decrypt(nonce, ct, None))["at"]))
        except (ValueError, InvalidTag, KeyError, TypeError):
            times.append("")  # an attempt whose record is unreadable still counts
    if lines:
        atomic_write(path, b"")
    return times
