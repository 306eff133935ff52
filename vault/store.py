"""The record store: SQLite (WAL, synchronous=FULL) holding encrypted JSON records.

Every row's body is AES-256-GCM sealed with associated data binding it to vault, table,
id and revision. Ids are random hex. Nothing else about a record is in the clear.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vault import crypto
from vault.errors import DamagedVault, DiskFull, StorageError, from_os_error
from vault.fs import FILE_MODE

DB_FILE = "records.db"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS incidents (
    id TEXT PRIMARY KEY, rev INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS incident_history (
    id TEXT NOT NULL, rev INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (id, rev));
CREATE TABLE IF NOT EXISTS suspects (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY, rev INTEGER NOT NULL, body BLOB NOT NULL,
    blob TEXT NOT NULL DEFAULT '', dedup BLOB UNIQUE);
CREATE TABLE IF NOT EXISTS pictures (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS custody (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, body BLOB NOT NULL);
"""

# Made on every open, so vaults from before an index was added get it too. The blob names
# are random and already in the clear; the index lets opening find stray blob files
# without reading every evidence record.
INDEXES = """
CREATE INDEX IF NOT EXISTS items_blob ON items (blob);
"""

TABLE_LABELS = {
    "meta": "the vault settings",
    "incidents": "an incident record",
    "incident_history": "an earlier version of an incident",
    "suspects": "a record of the person responsible",
    "items": "an evidence record",
    "pictures": "a preview picture",
    "custody": "the custody log",
}


def _classify(exc: sqlite3.Error) -> Exception:
    text = str(exc).lower()
    if "full" in text:
        return DiskFull()
    if isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in text or "not a database" in text or "corrupt" in text
    ):
        return DamagedVault("the records database", "It cannot be read.")
    return StorageError()


class Store:
    def __init__(
        self, folder: Path, vault_id: bytes, aead: AESGCM, *, create: bool = False
    ) -> None:
        self.path = folder / DB_FILE
        self._vault_id = vault_id
        self._aead = aead
        self._lock = threading.RLock()
        if not create and not self.path.exists():
            raise DamagedVault("the records database", "It is missing from the vault folder.")
        try:
            if not self.path.exists():
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
            os.chmod(self.path, FILE_MODE)  # SQLite gives its -wal and -shm files these rights
        except OSError as exc:
            raise from_os_error(exc) from exc
        try:
            self._conn: sqlite3.Connection | None = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False
            )
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.execute("PRAGMA secure_delete=ON")
            if create:
                self._conn.executescript(SCHEMA)
            tables = {
                row[0]
                for row in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if not set(TABLE_LABELS) <= tables:
                raise DamagedVault("the records database", "Part of it is missing.")
            self._conn.executescript(INDEXES)
        except sqlite3.Error as exc:
            self.close()
            raise _classify(exc) from exc
        except DamagedVault:
            self.close()
            raise

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            from vault.errors import VaultLocked

            raise VaultLocked()
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write. Everything inside commits together or not at all."""
        with self._lock:
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _classify(exc) from exc
            try:
                yield conn
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise _classify(exc) from exc

    # -- sealing -----------------------------------------------------------------
    def seal(self, table: str, record_id: str, rev: int, obj: Any) -> bytes:
        plain = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        aad = crypto.record_aad(self._vault_id, table, record_id, rev)
        return crypto.seal_record(self._aead, aad, plain)

    def unseal(self, table: str, record_id: str, rev: int, body: bytes) -> Any:
        aad = crypto.record_aad(self._vault_id, table, record_id, rev)
        plain = crypto.open_record(self._aead, aad, bytes(body))
        if plain is None:
            raise DamagedVault(TABLE_LABELS.get(table, table), "It has been changed or damaged.")
        try:
            return orjson.loads(plain)
        except ValueError as exc:
            raise DamagedVault(TABLE_LABELS.get(table, table), "It cannot be read.") from exc

    # -- simple records ------------------------------------------------------------
    def put(self, conn: sqlite3.Connection, table: str, record_id: str, rev: int, obj: Any) -> None:
        body = self.seal(table, record_id, rev, obj)
        try:
            conn.execute(
                f"INSERT INTO {table} (id, rev, body) VALUES (?, ?, ?) "  # noqa: S608
                "ON CONFLICT DO UPDATE SET rev = excluded.rev, body = excluded.body",
                (record_id, rev, body),
            )
        except sqlite3.Error as exc:
            raise _classify(exc) from exc

    def get(self, table: str, record_id: str) -> tuple[int, Any] | None:
        row = self.query(f"SELECT rev, body FROM {table} WHERE id = ?", (record_id,))  # noqa: S608
        if not row:
            return None
        rev, body = row[0]
        return rev, self.unseal(table, record_id, rev, body)

    def all(self, table: str) -> list[tuple[str, int, Any]]:
        """Every record of a table, decrypted. The loop is `unseal` written out: unlocking
        decodes every incident and exhibit at once, and call overhead was a third of it."""
        rows = self.query(f"SELECT id, rev, body FROM {table}")  # noqa: S608
        decrypt, loads, pack = self._aead.decrypt, orjson.loads, crypto.REV_STRUCT.pack
        prefix = self._vault_id + table.encode("ascii") + b"\x00"
        schema, fmt = crypto.SCHEMA_VERSION, crypto.RECORD_FORMAT
        out = []
        try:
            for rid, rev, body in rows:
                if len(body) < 29 or body[0] != fmt:
                    raise InvalidTag
                aad = b"".join((prefix, rid.encode("ascii"), b"\x00", pack(rev, schema)))
                out.append((rid, rev, loads(decrypt(body[1:13], body[13:], aad))))
        except (InvalidTag, ValueError) as exc:
            raise DamagedVault(
                TABLE_LABELS.get(table, table), "It has been changed or damaged."
            ) from exc
        return out

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise _classify(exc) from exc

    def put_raw(self, conn: sqlite3.Connection, table: str, record_id: str, data: bytes) -> None:
        """Seal bytes (pictures) rather than JSON."""
        aad = crypto.record_aad(self._vault_id, table, record_id, 1)
        body = crypto.seal_record(self._aead, aad, data)
        try:
            conn.execute(
                f"INSERT OR REPLACE INTO {table} (id, rev, body) VALUES (?, 1, ?)",  # noqa: S608
                (record_id, body),
            )
        except sqlite3.Error as exc:
            raise _classify(exc) from exc

    def get_raw(self, table: str, record_id: str) -> bytes | None:
        rows = self.query(f"SELECT body FROM {table} WHERE id = ?", (record_id,))  # noqa: S608
        if not rows:
            return None
        aad = crypto.record_aad(self._vault_id, table, record_id, 1)
        plain = crypto.open_record(self._aead, aad, bytes(rows[0][0]))
        if plain is None:
            raise DamagedVault(TABLE_LABELS.get(table, table), "It has been changed or damaged.")
        return plain

    def get_meta(self, name: str) -> Any:
        got = self.get("meta", name)
        return None if got is None else got[1]

    def put_meta(self, conn: sqlite3.Connection, name: str, obj: Any) -> None:
        self.put(conn, "meta", name, 1, obj)
