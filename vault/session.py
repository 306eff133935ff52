"""What an unlocked vault holds: keys, the store, the custody log. Dropped on lock."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vault.crypto import SubKeys
from vault.custody import CustodyLog
from vault.store import Store


@dataclass
class Session:
    folder: Path
    vault_id: bytes
    keys: SubKeys
    store: Store
    custody: CustodyLog

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction; on failure the custody log's cached head is reloaded."""
        try:
            with self.store.transaction() as conn:
                yield conn
        except BaseException:
            with contextlib.suppress(Exception):
                self.custody.reload()
            raise

    def close(self) -> None:
        self.store.close()
