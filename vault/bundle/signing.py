"""Ed25519 helpers shared by the builder and the verifier: fingerprint, checkpoint, checks."""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from vault import custody
from vault.model import CustodyEntry


def load_public_key(pem: bytes) -> Ed25519PublicKey | None:
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError):
        return None
    return key if isinstance(key, Ed25519PublicKey) else None


def fingerprint(pem: bytes) -> str:
    """SHA-256 of the raw 32-byte public key, hex; "" when the PEM is not an Ed25519 key."""
    key = load_public_key(pem)
    if key is None:
        return ""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def grouped(hex_text: str, size: int = 4) -> str:
    """'ab12cd34...' -> 'ab12 cd34 ...' for reading aloud or comparing by eye."""
    return " ".join(hex_text[i : i + size] for i in range(0, len(hex_text), size))


def checkpoint_text(vault_id: str, size: int, head: str) -> bytes:
    """The signed statement of the custody log's head: the vault's own checkpoint format."""
    return custody.checkpoint_text(vault_id, size, head)


def entry_links(entry: dict[str, Any]) -> bool:
    """Whether an entry's head is its prev chained with its own leaf hash (vault.custody)."""
    try:
        e = CustodyEntry.from_dict(entry)
        return custody.chain(bytes.fromhex(e.prev), custody.leaf_hash(e)).hex() == e.head
    except (ValueError, TypeError, KeyError):
        return False


def encode_signature(signature: bytes) -> str:
    return base64.b64encode(signature).decode("ascii")


def decode_signature(text: str | bytes) -> bytes | None:
    try:
        sig = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    return sig if len(sig) == 64 else None


def signature_ok(pem: bytes, signature: bytes | None, data: bytes) -> bool:
    key = load_public_key(pem)
    if key is None or signature is None:
        return False
    try:
        key.verify(signature, data)
    except InvalidSignature:
        return False
    return True
