"""The chain-of-custody log: append-only, hash-chained, signed.

leaf  = SHA-256(0x00 || canonical entry)
head' = SHA-256(0x01 || head || leaf), starting from 32 zero bytes
Each entry carries a random salt, so a leaf hash can be shared without revealing the entry.
After every append the vault signs a checkpoint (vault id, size, head) with its Ed25519 key.
Entries are stored encrypted like every other record.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from vault.errors import Cancelled, DamagedVault
from vault.model import CustodyEntry
from vault.store import Store

GENESIS = bytes(32)
TABLE = "custody"
CHECKPOINT_META = "custody_checkpoint"

EVENTS = {
    "vault_created": "Vault created",
    "password_changed": "Password changed",
    "recovery_key_replaced": "New recovery key made (the old one no longer opens the vault)",
    "recovery_key_used": "Password reset with the recovery key",
    "incident_recorded": "Incident recorded",
    "incident_edited": "Incident edited",
    "item_imported": "Exhibit imported",
    "item_derived": "Redacted copy made",
    "item_viewed": "Exhibit viewed",
    "item_exported": "Exhibit copy saved",
    "item_edited": "Exhibit details edited",
    "item_linked": "Exhibit linked to an incident",
    "item_unlinked": "Exhibit unlinked from an incident",
    "item_deleted": "Exhibit deleted",
    "integrity_checked": "Integrity check run",
    "bundle_built": "Evidence bundle built",
}


def canonical(entry: CustodyEntry) -> bytes:
    body = {
        "seq": entry.seq,
        "at": entry.at,
        "event": entry.event,
        "item_ref": entry.item_ref,
        "item_id": entry.item_id,
        "details": entry.details,
        "salt": entry.salt,
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def leaf_hash(entry: CustodyEntry) -> bytes:
    return hashlib.sha256(b"\x00" + canonical(entry)).digest()


def chain(prev: bytes, leaf: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + prev + leaf).digest()


def checkpoint_text(vault_id: str, size: int, head: str) -> bytes:
    return f"custody checkpoint v1\n{vault_id}\n{size}\n{head}\n".encode("ascii")


def verify_entries(
    entries: list[CustodyEntry], expected_size: int | None = None, expected_head: str = ""
) -> tuple[bytes, list[str]]:
    """Recompute the chain. Returns the head and a plain list of problems (empty: intact).

    With a (signed) checkpoint's size and head, entries cut from the end are caught too.
    """
    problems: list[str] = []
    head = GENESIS
    for expected_seq, entry in enumerate(entries, start=1):
        if entry.seq != expected_seq:
            problems.append(f"Custody log entry {expected_seq} is missing or out of order.")
        if entry.prev != head.hex():
            problems.append(f"Custody log entry {entry.seq} does not follow the one before it.")
        head = chain(head, leaf_hash(entry))
        if entry.head != head.hex():
            problems.append(f"Custody log entry {entry.seq} has been changed.")
    if expected_size is not None and (expected_size != len(entries) or expected_head != head.hex()):
        problems.append("The custody log does not match its signed checkpoint.")
    return head, problems


def verify_signature(
    public: Ed25519PublicKey, vault_id: str, size: int, head: str, sig: bytes
) -> bool:
    try:
        public.verify(sig, checkpoint_text(vault_id, size, head))
    except InvalidSignature:
        return False
    return True


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Checkpoint:
    size: int
    head: str
    signature: str  # hex

    def to_dict(self) -> dict[str, Any]:
        return {"size": self.size, "head": self.head, "signature": self.signature}


class CustodyLog:
    def __init__(
        self,
        store: Store,
        vault_id: str,
        signing: Ed25519PrivateKey,
        clock: Callable[[], str] = now_utc,
    ) -> None:
        self._store = store
        self._vault_id = vault_id
        self._signing = signing
        self._clock = clock
        cp = store.get_meta(CHECKPOINT_META)
        self._size = int(cp["size"]) if cp else 0
        self._head = bytes.fromhex(cp["head"]) if cp else GENESIS

    @property
    def size(self) -> int:
        return self._size

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self._signing.public_key()

    def append(
        self,
        conn: sqlite3.Connection,
        event: str,
        *,
        item_ref: str = "",
        item_id: str = "",
        details: dict[str, Any] | None = None,
    ) -> CustodyEntry:
        """Append inside the caller's transaction, so the log and the change commit together."""
        assert event in EVENTS, event
        entry = CustodyEntry(
            seq=self._size + 1,
            at=self._clock(),
            event=event,
            item_ref=item_ref,
            item_id=item_id,
            details=details or {},
            salt=secrets.token_hex(16),
            prev=self._head.hex(),
        )
        head = chain(self._head, leaf_hash(entry))
        entry.head = head.hex()
        self._store.put(conn, TABLE, f"{entry.seq:012d}", 1, entry.to_dict())
        sig = self._signing.sign(checkpoint_text(self._vault_id, entry.seq, entry.head))
        cp = Checkpoint(entry.seq, entry.head, sig.hex())
        self._store.put_meta(conn, CHECKPOINT_META, cp.to_dict())
        # Only move our cached head once the caller's transaction is known to commit:
        # the store rolls back on error and the vault reloads the log after a failure.
        self._size, self._head = entry.seq, head
        return entry

    def reload(self) -> None:
        cp = self._store.get_meta(CHECKPOINT_META)
        self._size = int(cp["size"]) if cp else 0
        self._head = bytes.fromhex(cp["head"]) if cp else GENESIS

    def entries(self) -> list[CustodyEntry]:
        rows = self._store.query(f"SELECT id, rev, body FROM {TABLE} ORDER BY id")  # noqa: S608
        return [
            CustodyEntry.from_dict(self._store.unseal(TABLE, rid, rev, body))
            for rid, rev, body in rows
        ]

    def checkpoint(self) -> Checkpoint:
        cp = self._store.get_meta(CHECKPOINT_META)
        if not cp:
            return Checkpoint(0, GENESIS.hex(), "")
        return Checkpoint(int(cp["size"]), str(cp["head"]), str(cp["signature"]))

    def verify(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[str]:
        """Check the whole chain and the signed checkpoint. Returns plain problems."""
        try:
            entries = self.entries()
        except DamagedVault:
            return ["The custody log has been changed or damaged and cannot be read."]
        if cancelled and cancelled():
            raise Cancelled()
        cp = self.checkpoint()
        _, problems = verify_entries(entries, cp.size, cp.head)
        if (
            not problems
            and cp.size
            and not verify_signature(
                self.public_key, self._vault_id, cp.size, cp.head, bytes.fromhex(cp.signature)
            )
        ):
            problems.append("The custody log's signature is not valid.")
        if progress:
            progress(len(entries), len(entries))
        return problems
