"""A full disk gets a calm message and loses nothing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from vault import blobs, errors
from vault.importer import ImportStatus
from vault.model import Incident
from vault.vault import Vault


def test_blob_write_on_full_disk(vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    kept = vault.items.import_bytes(b"first exhibit", "first.txt")
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(3 * blobs.CHUNK))

    real_seal = blobs.BlobWriter._seal
    calls = {"n": 0}

    def full(self, chunk, last):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise errors.from_os_error(OSError(errno.ENOSPC, "No space left on device"))
        return real_seal(self, chunk, last)

    monkeypatch.setattr(blobs.BlobWriter, "_seal", full)
    report = vault.items.import_paths([src])
    monkeypatch.undo()
    result = report.results[0]
    assert result.status is ImportStatus.FAILED
    assert result.message == errors.DiskFull.default_message
    assert not list((vault.folder / "blobs" / "tmp").iterdir())
    assert [i.id for i in vault.items.list()] == [kept.item_id]
    assert vault.items.verify().ok
    again = vault.items.import_paths([src])  # space freed: the same file now goes in
    assert again.imported == 1


def test_database_full_is_disk_full(vault) -> None:  # type: ignore[no-untyped-def]
    vault.incidents.add(Incident(start="2026-11-01", title="kept"))
    conn = vault.session.store.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(errors.DiskFull):
        for n in range(200):
            vault.incidents.add(Incident(start="2026-11-02", title="x" * 4000 + str(n)))
    conn.execute("PRAGMA max_page_count = 1073741823")
    titles = [i.title for i in vault.incidents.list()]
    assert "kept" in titles
    assert vault.custody.verify() == []
    folder = vault.folder
    vault.lock()
    with Vault.open(folder, PASSWORD) as again:
        assert again.custody.verify() == []
        assert "kept" in [i.title for i in again.incidents.list()]
