"""The vault: create, open, lock, change the password, recover.

A vault is one folder: `header` (the only file in the clear), `records.db` (SQLite with
encrypted records), `blobs/` (encrypted evidence bytes), `attempts` (sealed records of
failed unlocks) and `lock`. Copying the folder whole backs it up.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from vault import attempts, blobs, crypto, kdf, recovery
from vault.crypto import SubKeys
from vault.custody import CustodyLog
from vault.errors import (
    DamagedVault,
    InvalidInput,
    TooManyAttempts,
    VaultLocked,
    WrongPassword,
    WrongRecoveryKey,
)
from vault.fs import ensure_dir
from vault.header import HEADER_FILE, Header
from vault.lockfile import FolderLock
from vault.session import Session
from vault.store import DB_FILE, Store

GENERATION_META = "header_generation"
SETTINGS_META = "settings"
MIN_PASSWORD_CHARS = 8

DEFAULT_SETTINGS: dict[str, Any] = {
    "initials": "",
    "next_number": 1,
    "idle_lock_minutes": 5,
    "panic_action": "lock",  # lock | cover | minimise
    "producer_name": "",
    # False from creation until the person shows they wrote the recovery key down (a panic
    # on that screen wipes it); vaults made before this setting existed count as checked.
    "recovery_key_checked": True,
}


def local_now() -> datetime:
    return datetime.now().astimezone()


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise InvalidInput(
            f"Please choose a password of at least {MIN_PASSWORD_CHARS} characters. "
            "A few unrelated words make a strong one that is easy to remember."
        )


class Vault:
    """An open vault. Use `Vault.create`, `Vault.open` or `Vault.recover` to get one."""

    def __init__(
        self,
        folder: Path,
        header: Header,
        master: bytes,
        lock: FolderLock,
        failed_attempts: list[str],
    ) -> None:
        self.folder = folder
        self._header = header
        self._master: bytearray | None = bytearray(master)
        self._lock = lock
        keys = SubKeys.derive(master, header.vault_id)
        try:
            store = Store(folder, header.vault_id, keys.records)
        except BaseException:
            lock.release()
            raise
        self._session: Session | None = Session(
            folder,
            header.vault_id,
            keys,
            store,
            CustodyLog(store, header.vault_id.hex(), keys.signing),
        )
        self.failed_attempts = failed_attempts
        from vault.incidents import Incidents
        from vault.items import Items

        self.incidents = Incidents(self)
        self.items = Items(self)

    # -- state ---------------------------------------------------------------------
    @property
    def session(self) -> Session:
        if self._session is None:
            raise VaultLocked()
        return self._session

    @property
    def is_open(self) -> bool:
        return self._session is not None

    @property
    def vault_id(self) -> str:
        return self._header.vault_id.hex()

    @property
    def custody(self) -> CustodyLog:
        return self.session.custody

    def lock(self) -> None:
        """Drop every key and close the store. Safe to call twice."""
        session, self._session = self._session, None
        if session is not None:
            session.close()
        if self._master is not None:
            for i in range(len(self._master)):
                self._master[i] = 0
            self._master = None
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # -- settings --------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        stored = self.session.store.get_meta(SETTINGS_META) or {}
        return {**DEFAULT_SETTINGS, **stored}

    def update_settings(self, **changes: Any) -> dict[str, Any]:
        unknown = set(changes) - set(DEFAULT_SETTINGS)
        if unknown:
            raise InvalidInput("Unknown setting.")
        if "next_number" in changes:
            raise InvalidInput("Exhibit numbers cannot be changed.")
        with self.session.write() as conn:
            current = self.settings()
            current.update(changes)
            self.session.store.put_meta(conn, SETTINGS_META, current)
        return current

    # -- creating ----------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        folder: Path,
        password: str,
        *,
        initials: str = "",
        kdf_params: kdf.KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """Make a new vault. Returns it open, and the recovery key as 24 words (shown once)."""
        folder = Path(folder)
        check_new_password(password)
        if (folder / HEADER_FILE).exists():
            raise InvalidInput("There is already a vault in that folder.")
        if folder.exists() and any(
            p.name not in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", "blobs", "lock")
            for p in folder.iterdir()
        ):
            raise InvalidInput("Please choose an empty folder for the new vault.")
        ensure_dir(folder)
        # A creation killed before the header was written leaves no vault: start clean.
        for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
        params = kdf_params or kdf.calibrate()
        vault_id = os.urandom(16)
        master = os.urandom(32)
        secret = recovery.new_secret()
        recovery_salt = os.urandom(16)
        keys = SubKeys.derive(master, vault_id)
        header = Header(
            vault_id=vault_id,
            kdf=params,
            recovery_salt=recovery_salt,
            wrapped_by_password=crypto.wrap_key(kdf.derive(password, params), master),
            wrapped_by_recovery=crypto.wrap_key(_recovery_kek(secret, recovery_salt), master),
            attempts_public_key=attempts._raw(keys.attempts.public_key()),
            generation=1,
        )
        header.sign(keys.header_mac)
        lock = FolderLock(folder)
        lock.acquire()
        try:
            store = Store(folder, vault_id, keys.records, create=True)
            try:
                log = CustodyLog(store, vault_id.hex(), keys.signing)
                with store.transaction() as conn:
                    store.put_meta(conn, GENERATION_META, 1)
                    store.put_meta(
                        conn,
                        SETTINGS_META,
                        {**DEFAULT_SETTINGS, "initials": _clean_initials(initials),
                         "recovery_key_checked": False},
                    )
                    log.append(conn, "vault_created")
            finally:
                store.close()
            header.write(folder)  # last: until it exists, there is no vault here
        finally:
            lock.release()
        vault = cls.open(folder, password, _header=header)
        return vault, recovery.to_words(secret)

    # -- opening ---------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        folder: Path,
        password: str,
        *,
        now: Callable[[], float] = time.time,
        local_clock: Callable[[], datetime] = local_now,
        _header: Header | None = None,
    ) -> Vault:
        folder = Path(folder)
        header = _header or Header.read(folder)
        wait = attempts.wait_needed(folder, now)
        if wait > 0:
            raise TooManyAttempts(wait)
        lock = FolderLock(folder)
        lock.acquire()
        try:
            master = crypto.unwrap_key(kdf.derive(password, header.kdf), header.wrapped_by_password)
            if master is None:
                attempts.record_failure(folder, header.attempts_public_key, local_clock())
                raise WrongPassword(retry_after=attempts.wait_needed(folder, now))
            return cls._finish_open(folder, header, master, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _finish_open(cls, folder: Path, header: Header, master: bytes, lock: FolderLock) -> Vault:
        keys = SubKeys.derive(master, header.vault_id)
        if not header.verify(keys.header_mac):
            raise DamagedVault("the key file", "It has been changed.")
        failed = attempts.read_and_clear(folder, keys.attempts)
        vault = cls(folder, header, master, lock, failed)
        try:
            vault._check_generation()
            vault._collect_orphans()
        except BaseException:
            vault.lock()
            raise
        return vault

    def _check_generation(self) -> None:
        session = self.session
        stored = session.store.get_meta(GENERATION_META)
        if stored is None:
            raise DamagedVault("the records database", "Its settings are missing.")
        if self._header.generation < int(stored):
            # An older key file was put back: someone may be using an old password.
            raise DamagedVault("the key file", "It is an older copy than the vault's records.")
        if self._header.generation > int(stored):  # a password change was cut short
            with session.write() as conn:
                session.store.put_meta(conn, GENERATION_META, self._header.generation)

    def _collect_orphans(self) -> None:
        """Remove blob files no record points to (a write killed before its commit)."""
        session = self.session
        blobs.clear_tmp(self.folder)
        for stale in self.folder.glob(".*.tmp"):  # a header write cut short
            with contextlib.suppress(OSError):
                stale.unlink()
        known = {row[0] for row in session.store.query("SELECT blob FROM items")}
        for name in blobs.all_blob_names(self.folder) - known:
            blobs.delete_blob(self.folder, name)

    # -- recovery and passwords ------------------------------------------------------------
    @classmethod
    def recover(
        cls,
        folder: Path,
        words: str,
        new_password: str,
        *,
        kdf_params: kdf.KdfParams | None = None,
        local_clock: Callable[[], datetime] = local_now,
    ) -> Vault:
        """Open with the recovery key and set a new password."""
        folder = Path(folder)
        check_new_password(new_password)
        header = Header.read(folder)
        lock = FolderLock(folder)
        lock.acquire()
        try:
            try:
                secret = recovery.from_words(words)
            except WrongRecoveryKey:
                attempts.record_failure(folder, header.attempts_public_key, local_clock())
                raise
            master = crypto.unwrap_key(
                _recovery_kek(secret, header.recovery_salt), header.wrapped_by_recovery
            )
            if master is None:
                attempts.record_failure(folder, header.attempts_public_key, local_clock())
                raise WrongRecoveryKey()
            vault = cls._finish_open(folder, header, master, lock)
        except BaseException:
            lock.release()
            raise
        vault._set_password(new_password, kdf_params, event="recovery_key_used")
        return vault

    def change_password(
        self, old: str, new: str, *, kdf_params: kdf.KdfParams | None = None
    ) -> None:
        check_new_password(new)
        self._check_password(old)
        self._set_password(new, kdf_params, event="password_changed")

    def new_recovery_key(self, password: str) -> str:
        """Replace the recovery key (for one lost, or never written down). Returns the new
        24 words, shown once; the old key stops opening the vault."""
        self._check_password(password)
        secret, salt = recovery.new_secret(), os.urandom(16)
        self._replace_header(
            "recovery_key_replaced",
            recovery_salt=salt,
            wrapped_by_recovery=crypto.wrap_key(_recovery_kek(secret, salt), self._master_key()),
        )
        return recovery.to_words(secret)

    def _check_password(self, password: str) -> None:
        header = self._header
        if crypto.unwrap_key(kdf.derive(password, header.kdf), header.wrapped_by_password) is None:
            raise WrongPassword("The current password is not right.")

    def _master_key(self) -> bytes:
        if self._master is None:
            raise VaultLocked()
        return bytes(self._master)

    def _set_password(self, new: str, kdf_params: kdf.KdfParams | None, event: str) -> None:
        master = self._master_key()
        params = kdf_params or kdf.calibrate()
        self._replace_header(
            event, kdf=params, wrapped_by_password=crypto.wrap_key(kdf.derive(new, params), master)
        )

    def _replace_header(self, event: str, **changes: Any) -> None:
        """Write a new key file (one generation on) and log why."""
        session = self.session
        header = dataclasses.replace(
            self._header, **changes, generation=self._header.generation + 1, mac=b""
        )
        header.sign(session.keys.header_mac)
        header.write(self.folder)  # atomic replace: the old header is gone, not kept aside
        self._header = header
        with session.write() as conn:
            session.store.put_meta(conn, GENERATION_META, header.generation)
            session.custody.append(conn, event)

    # -- without a password ---------------------------------------------------------------
    @staticmethod
    def info(folder: Path) -> dict[str, Any]:
        folder = Path(folder)
        header = Header.read(folder)
        info = header.public_info()
        info["evidence_files"] = len(blobs.all_blob_names(folder))
        info["failed_attempts_since_unlock"] = attempts.count(folder)
        return info


def _recovery_kek(secret: bytes, salt: bytes) -> bytes:
    # The secret is 256 random bits: no slow KDF is needed.
    return crypto.hkdf(secret, b"v1 recovery-kek", salt=salt)


def _clean_initials(text: str) -> str:
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    return letters[:6]
