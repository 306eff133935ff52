"""Password key derivation: Argon2id, calibrated at creation, capped on read."""

from __future__ import annotations

import os
import time
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from vault.errors import DamagedVault

DEFAULT_MEMORY_KIB = 256 * 1024
LOW_MEMORY_KIB = 64 * 1024
DEFAULT_LANES = 4
MIN_ITERATIONS = 3
# Caps applied when reading a header: a tampered header must not ask for 64 GiB.
MAX_MEMORY_KIB = 2 * 1024 * 1024
MAX_ITERATIONS = 10
MAX_LANES = 16
TARGET_SECONDS = 0.75


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def check_caps(self) -> None:
        ok = (
            8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
            and 1 <= self.lanes <= MAX_LANES
            and len(self.salt) == 16
        )
        if not ok:
            raise DamagedVault("the key file", "Its settings are outside the allowed range.")

    @classmethod
    def fast_for_tests(cls) -> KdfParams:
        """Tiny parameters so tests run quickly. Never used by the app."""
        return cls(memory_kib=64, iterations=1, lanes=1, salt=os.urandom(16))


def normalise_password(password: str) -> bytes:
    """NFC-normalise so the same password typed on another OS derives the same key."""
    return unicodedata.normalize("NFC", password).encode("utf-8")


def derive(password: str, params: KdfParams) -> bytes:
    params.check_caps()
    kdf = Argon2id(
        salt=params.salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalise_password(password))


def available_memory_kib() -> int | None:
    """Memory the OS says is available, or None where it does not say."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def calibrate(target: float = TARGET_SECONDS) -> KdfParams:
    """Choose Argon2id parameters that take about `target` seconds on this machine.

    256 MiB and at least 3 passes; 64 MiB only where the machine has little memory free.
    """
    avail = available_memory_kib()
    memory = DEFAULT_MEMORY_KIB
    if avail is not None and avail < 4 * DEFAULT_MEMORY_KIB:
        memory = LOW_MEMORY_KIB
    salt = os.urandom(16)
    probe = KdfParams(memory, MIN_ITERATIONS, DEFAULT_LANES, salt)
    started = time.perf_counter()
    derive("calibration", probe)
    elapsed = max(time.perf_counter() - started, 1e-3)
    per_pass = elapsed / MIN_ITERATIONS
    iterations = int(target / per_pass)
    iterations = max(MIN_ITERATIONS, min(MAX_ITERATIONS, iterations))
    return KdfParams(memory, iterations, DEFAULT_LANES, salt)
