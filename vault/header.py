"""The vault header: the one small file in the clear.

It holds the format version, the vault id, the KDF parameters and salts, the two wrapped
copies of the master key, a public key for sealing failed-attempt records, and a
generation counter. All of it is authenticated by an HMAC under a key from the master key,
so an edited or downgraded header does not open. A plain SHA-256 checksum beside the MAC
tells accidental damage apart from a wrong password.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vault import crypto
from vault.errors import DamagedVault, NotAVault, UnsupportedVersion
from vault.fs import atomic_write
from vault.kdf import KdfParams

HEADER_FILE = "header"
MAGIC = "vlt"
FORMAT_VERSION = 1
MAX_HEADER_BYTES = 64 * 1024
PART = "the key file"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _canonical(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass
class Header:
    vault_id: bytes
    kdf: KdfParams
    recovery_salt: bytes
    wrapped_by_password: bytes
    wrapped_by_recovery: bytes
    attempts_public_key: bytes
    generation: int
    mac: bytes = b""
    format_version: int = FORMAT_VERSION

    def body(self) -> dict[str, Any]:
        """Everything the MAC covers."""
        return {
            "magic": MAGIC,
            "format": self.format_version,
            "vault_id": self.vault_id.hex(),
            "kdf": {
                "alg": "argon2id",
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
                "salt": _b64(self.kdf.salt),
            },
            "recovery": {"alg": "hkdf-sha256", "salt": _b64(self.recovery_salt)},
            "wrapped_by_password": _b64(self.wrapped_by_password),
            "wrapped_by_recovery": _b64(self.wrapped_by_recovery),
            "attempts_public_key": _b64(self.attempts_public_key),
            "generation": self.generation,
        }

    def sign(self, mac_key: bytes) -> None:
        self.mac = crypto.mac(mac_key, _canonical(self.body()))

    def verify(self, mac_key: bytes) -> bool:
        return crypto.mac_ok(mac_key, _canonical(self.body()), self.mac)

    def to_bytes(self) -> bytes:
        obj = self.body()
        obj["mac"] = _b64(self.mac)
        obj["checksum"] = hashlib.sha256(_canonical(obj)).hexdigest()
        return json.dumps(obj, sort_keys=True, indent=1).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> Header:
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise DamagedVault(PART, "It cannot be read.") from exc
        if not isinstance(obj, dict) or obj.get("magic") != MAGIC:
            raise NotAVault()
        checksum = obj.pop("checksum", None)
        if checksum != hashlib.sha256(_canonical(obj)).hexdigest():
            raise DamagedVault(PART, "It has been changed or damaged.")
        fmt = obj.get("format")
        if not isinstance(fmt, int) or fmt < 1:
            raise DamagedVault(PART, "Its format number is not valid.")
        if fmt > FORMAT_VERSION:
            raise UnsupportedVersion()
        try:
            kdf = obj["kdf"]
            if kdf["alg"] != "argon2id":
                raise ValueError("alg")
            params = KdfParams(
                memory_kib=int(kdf["memory_kib"]),
                iterations=int(kdf["iterations"]),
                lanes=int(kdf["lanes"]),
                salt=_unb64(kdf["salt"]),
            )
            header = cls(
                vault_id=bytes.fromhex(obj["vault_id"]),
                kdf=params,
                recovery_salt=_unb64(obj["recovery"]["salt"]),
                wrapped_by_password=_unb64(obj["wrapped_by_password"]),
                wrapped_by_recovery=_unb64(obj["wrapped_by_recovery"]),
                attempts_public_key=_unb64(obj["attempts_public_key"]),
                generation=int(obj["generation"]),
                mac=_unb64(obj["mac"]),
                format_version=fmt,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DamagedVault(PART, "It is incomplete.") from exc
        if len(header.vault_id) != 16 or len(header.wrapped_by_password) != 40:
            raise DamagedVault(PART, "It is incomplete.")
        params.check_caps()
        return header

    @classmethod
    def read(cls, folder: Path) -> Header:
        path = folder / HEADER_FILE
        if not folder.is_dir() or not path.exists():
            raise NotAVault()
        try:
            with open(path, "rb") as fh:
                raw = fh.read(MAX_HEADER_BYTES + 1)
        except OSError as exc:
            raise DamagedVault(PART, "It cannot be read.") from exc
        if len(raw) > MAX_HEADER_BYTES:
            raise DamagedVault(PART, "It is far too large.")
        return cls.from_bytes(raw)

    def write(self, folder: Path) -> None:
        atomic_write(folder / HEADER_FILE, self.to_bytes())

    def public_info(self) -> dict[str, Any]:
        """What anyone can read without the password."""
        return {
            "format": self.format_version,
            "kdf": "argon2id",
            "kdf_memory_mib": self.kdf.memory_kib // 1024,
            "kdf_iterations": self.kdf.iterations,
            "kdf_lanes": self.kdf.lanes,
        }
