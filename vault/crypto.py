"""Key hierarchy and record encryption.

password --Argon2id--> KEK --AES-KW--> master key (32 random bytes)
recovery secret (32 random bytes) --HKDF--> RKEK --AES-KW--> the same master key
master key --HKDF(purpose)--> sub-keys: header MAC, records, dedup index, signing, attempts.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap, aes_key_wrap

RECORD_FORMAT = 1
SCHEMA_VERSION = 1


def hkdf(key: bytes, info: bytes, salt: bytes | None = None, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(key)


def wrap_key(kek: bytes, key: bytes) -> bytes:
    return aes_key_wrap(kek, key)


def unwrap_key(kek: bytes, wrapped: bytes) -> bytes | None:
    """The unwrapped key, or None when the KEK is wrong (or the wrapped key damaged)."""
    try:
        return aes_key_unwrap(kek, wrapped)
    except (InvalidUnwrap, ValueError):
        return None


def mac(key: bytes, data: bytes) -> bytes:
    h = hmac.HMAC(key, hashes.SHA256())
    h.update(data)
    return h.finalize()


def mac_ok(key: bytes, data: bytes, tag: bytes) -> bool:
    h = hmac.HMAC(key, hashes.SHA256())
    h.update(data)
    try:
        h.verify(tag)
    except Exception:
        return False
    return True


@dataclass
class SubKeys:
    """Keys derived from the master key, one per purpose."""

    header_mac: bytes
    records: AESGCM
    dedup: bytes
    signing: Ed25519PrivateKey
    attempts: X25519PrivateKey

    @classmethod
    def derive(cls, master: bytes, vault_id: bytes) -> SubKeys:
        def sub(purpose: bytes) -> bytes:
            return hkdf(master, b"v1 " + purpose, salt=vault_id)

        return cls(
            header_mac=sub(b"header-mac"),
            records=AESGCM(sub(b"records")),
            dedup=sub(b"dedup-index"),
            signing=Ed25519PrivateKey.from_private_bytes(sub(b"signing-ed25519")),
            attempts=X25519PrivateKey.from_private_bytes(sub(b"attempts-x25519")),
        )


REV_STRUCT = struct.Struct(">QH")


def record_aad(vault_id: bytes, table: str, record_id: str, rev: int) -> bytes:
    """Bind a record to its place: vault, table, id, revision and schema version."""
    return b"".join(
        (vault_id, table.encode("ascii"), b"\x00", record_id.encode("ascii"), b"\x00",
         REV_STRUCT.pack(rev, SCHEMA_VERSION))
    )


def seal_record(aead: AESGCM, aad: bytes, plaintext: bytes) -> bytes:
    nonce = os.urandom(12)
    return bytes([RECORD_FORMAT]) + nonce + aead.encrypt(nonce, plaintext, aad)


def open_record(aead: AESGCM, aad: bytes, body: bytes) -> bytes | None:
    """The plaintext, or None when the record was changed, moved or damaged."""
    if len(body) < 1 + 12 + 16 or body[0] != RECORD_FORMAT:
        return None
    try:
        return aead.decrypt(body[1:13], body[13:], aad)
    except InvalidTag:
        return None
