"""Flip a byte in every region of every file of a vault, or cut it short: the vault gives a
typed error or the right data, never wrong data and never a crash."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.conftest import PASSWORD
from vault import blobs
from vault.errors import VaultError
from vault.kdf import KdfParams
from vault.model import Incident
from vault.vault import Vault


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 30, 30)).save(buf, "JPEG")
    return buf.getvalue()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("pristine") / "v"
    vault, _ = Vault.create(folder, PASSWORD, initials="JS", kdf_params=KdfParams.fast_for_tests())
    inc = vault.incidents.add(
        Incident(
            start="2026-11-20T17:30", title="Outside work", account="He waited by the gate " * 20
        )
    )
    vault.items.import_bytes(_jpeg(), "photo.jpg", incident_id=inc.id)
    vault.items.import_bytes(bytes(range(256)) * 9000, "big.bin")  # more than one chunk
    expected = _read_all(vault)
    vault.lock()
    return folder, expected


def _read_all(vault: Vault) -> dict[str, Any]:
    items = vault.items.list()
    return {
        "incidents": [i.to_dict() for i in vault.incidents.list()],
        "items": [i.to_dict() for i in items],
        "originals": {i.id: b"".join(vault.items.iter_original(i.id)) for i in items},
        "thumbs": {i.id: vault.items.thumbnail(i.id) for i in items},
        "custody_problems": vault.custody.verify(),
    }


def _files(folder: Path) -> list[Path]:
    out = [folder / "header", folder / "records.db"]
    out += sorted((folder / blobs.BLOB_DIR).glob("??/*"))
    return out


def _cases(folder: Path) -> list[tuple[str, str, int]]:
    cases = []
    for f in _files(folder):
        size = f.stat().st_size
        rel = str(f.relative_to(folder))
        step = max(1, size // 40)
        cases += [(rel, "flip", pos) for pos in range(0, size, step)]
        cases += [(rel, "flip", size - 1)]
        cases += [(rel, "cut", n) for n in (0, 1, size // 3, size - 1)]
    return cases


def _outcome(folder: Path) -> dict[str, Any] | VaultError:
    try:
        vault = Vault.open(folder, PASSWORD)
    except VaultError as exc:
        return exc
    try:
        return _read_all(vault)
    except VaultError as exc:
        return exc
    finally:
        vault.lock()


def test_every_region_of_every_file(pristine: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    folder, expected = pristine
    cases = _cases(folder)
    assert len(cases) > 100
    detected = 0
    for n, (rel, kind, pos) in enumerate(cases):
        copy = tmp_path / f"c{n}"
        shutil.copytree(folder, copy)
        target = copy / rel
        raw = bytearray(target.read_bytes())
        if kind == "flip":
            raw[pos] ^= 0x10
        else:
            raw = raw[:pos]
        target.write_bytes(bytes(raw))
        result = _outcome(copy)  # anything but a VaultError escaping is a crash: test fails
        if isinstance(result, VaultError):
            assert result.message and "Traceback" not in result.message
            detected += 1
        elif result["custody_problems"]:
            detected += 1
        else:
            # The change hit bytes that carry nothing (SQLite free space, JSON spacing
            # covered by the checksum is impossible): the data must be exactly right.
            assert result == expected, (rel, kind, pos)
        shutil.rmtree(copy)
    # Nearly every change must be noticed; the rest must have changed nothing readable.
    assert detected > len(cases) // 2
