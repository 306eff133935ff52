"""Create, open, lock, change the password, recover; failed attempts; what is on disk."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from vault import errors
from vault.kdf import KdfParams
from vault.model import Incident
from vault.vault import Vault


def test_round_trip_and_lock_drops_keys(new_vault, vault_dir: Path) -> None:
    vault, _ = new_vault
    inc = vault.incidents.add(Incident(start="2026-11-20T17:30", title="At the gate"))
    vault.lock()
    assert not vault.is_open
    with pytest.raises(errors.VaultLocked):
        vault.incidents.list()
    assert vault._master is None
    again = Vault.open(vault_dir, PASSWORD)
    try:
        assert again.incidents.get(inc.id).title == "At the gate"
    finally:
        again.lock()


def test_wrong_password_is_told_calmly_and_recorded(vault_dir: Path, fast_kdf) -> None:
    v, _ = Vault.create(vault_dir, PASSWORD, kdf_params=fast_kdf)
    v.lock()
    clock = [1_000_000.0]
    for _ in range(2):
        with pytest.raises(errors.WrongPassword) as info:
            Vault.open(vault_dir, "not the password", now=lambda: clock[0])
        assert "did not open" in str(info.value)
    assert Vault.info(vault_dir)["failed_attempts_since_unlock"] == 2
    v = Vault.open(vault_dir, PASSWORD, now=lambda: clock[0])
    assert len(v.failed_attempts) == 2 and all(v.failed_attempts)
    v.lock()
    assert Vault.info(vault_dir)["failed_attempts_since_unlock"] == 0


def test_delay_after_three_failures_and_no_wipe(vault_dir: Path, fast_kdf) -> None:
    v, _ = Vault.create(vault_dir, PASSWORD, kdf_params=fast_kdf)
    v.lock()
    now = [os.stat(vault_dir / "header").st_mtime + 1]
    for _ in range(3):
        with pytest.raises(errors.WrongPassword):
            Vault.open(vault_dir, "nope nope nope", now=lambda: now[0])
    mtime = os.stat(vault_dir / "attempts").st_mtime
    now[0] = mtime + 1
    with pytest.raises(errors.TooManyAttempts) as info:
        Vault.open(vault_dir, PASSWORD, now=lambda: now[0])
    assert info.value.seconds > 0
    now[0] = mtime + 61
    v = Vault.open(vault_dir, PASSWORD, now=lambda: now[0])
    assert len(v.failed_attempts) == 3
    v.lock()


def test_attempt_record_does_not_hold_the_password(vault_dir: Path, fast_kdf) -> None:
    Vault.create(vault_dir, PASSWORD, kdf_params=fast_kdf)[0].lock()
    with pytest.raises(errors.WrongPassword):
        Vault.open(vault_dir, "SecretGuess123")
    raw = (vault_dir / "attempts").read_bytes()
    assert b"SecretGuess" not in raw
    assert raw.count(b"\n") == 1


def test_change_password(new_vault, vault_dir: Path, fast_kdf) -> None:
    vault, _ = new_vault
    vault.incidents.add(Incident(start="2026-11-01", title="x"))
    with pytest.raises(errors.WrongPassword):
        vault.change_password("wrong old password", "brand new password", kdf_params=fast_kdf)
    old_header = (vault_dir / "header").read_bytes()
    vault.change_password(PASSWORD, "brand new password", kdf_params=fast_kdf)
    vault.lock()
    assert (vault_dir / "header").read_bytes() != old_header
    assert not [p for p in vault_dir.iterdir() if p.name.endswith(".tmp")]
    with pytest.raises(errors.WrongPassword):
        Vault.open(vault_dir, PASSWORD)
    v = Vault.open(vault_dir, "brand new password")
    assert len(v.incidents.list()) == 1
    assert v.custody.entries()[-1].event == "password_changed"
    v.lock()


def test_old_header_put_back_is_refused(new_vault, vault_dir: Path, fast_kdf) -> None:
    """An abuser who knew the old password restores the old key file: it must not open."""
    vault, _ = new_vault
    old_header = (vault_dir / "header").read_bytes()
    vault.change_password(PASSWORD, "brand new password", kdf_params=fast_kdf)
    vault.lock()
    (vault_dir / "header").write_bytes(old_header)
    with pytest.raises(errors.DamagedVault) as info:
        Vault.open(vault_dir, PASSWORD)
    assert "older copy" in str(info.value)


def test_recovery_key_opens_and_sets_new_password(new_vault, vault_dir: Path, fast_kdf) -> None:
    vault, words = new_vault
    assert len(words.split()) == 24
    vault.lock()
    with pytest.raises(errors.WrongRecoveryKey):
        Vault.recover(vault_dir, "abandon " * 23 + "art", "a new password", kdf_params=fast_kdf)
    wrong_word = " ".join(["zoo"] + words.split()[1:])
    with pytest.raises(errors.WrongRecoveryKey):
        Vault.recover(vault_dir, wrong_word, "a new password", kdf_params=fast_kdf)
    v = Vault.recover(vault_dir, words.upper(), "a new password", kdf_params=fast_kdf)
    assert len(v.failed_attempts) == 2
    v.lock()
    Vault.open(vault_dir, "a new password").lock()


def test_a_new_recovery_key_replaces_the_old_one(new_vault, vault_dir: Path,
                                                 fast_kdf) -> None:
    vault, old_words = new_vault
    assert vault.settings()["recovery_key_checked"] is False  # until the person shows it
    with pytest.raises(errors.WrongPassword):
        vault.new_recovery_key("not the password")
    new_words = vault.new_recovery_key(PASSWORD)
    assert len(new_words.split()) == 24 and new_words != old_words
    assert vault.custody.entries()[-1].event == "recovery_key_replaced"
    assert vault.custody.verify() == []
    vault.lock()
    Vault.open(vault_dir, PASSWORD).lock()  # the password still opens it
    with pytest.raises(errors.WrongRecoveryKey):
        Vault.recover(vault_dir, old_words, "a new password", kdf_params=fast_kdf)
    Vault.recover(vault_dir, new_words, "a new password", kdf_params=fast_kdf).lock()


def test_short_password_refused(vault_dir: Path, fast_kdf) -> None:
    with pytest.raises(errors.InvalidInput):
        Vault.create(vault_dir, "short", kdf_params=fast_kdf)
    assert not (vault_dir / "header").exists()


def test_second_open_is_refused_while_open(new_vault, vault_dir: Path) -> None:
    with pytest.raises(errors.VaultInUse):
        Vault.open(vault_dir, PASSWORD)


def test_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(errors.NotAVault):
        Vault.open(tmp_path, PASSWORD)
    (tmp_path / "header").write_text('{"hello": 1}')
    with pytest.raises(errors.NotAVault):
        Vault.info(tmp_path)


def test_newer_format_is_unsupported(new_vault, vault_dir: Path) -> None:
    new_vault[0].lock()
    obj = json.loads((vault_dir / "header").read_text())
    obj["format"] = 99
    obj.pop("checksum")
    import hashlib

    canon = json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()
    obj["checksum"] = hashlib.sha256(canon).hexdigest()
    (vault_dir / "header").write_text(json.dumps(obj))
    with pytest.raises(errors.UnsupportedVersion):
        Vault.open(vault_dir, PASSWORD)


def test_edited_kdf_params_are_capped(new_vault, vault_dir: Path) -> None:
    """A tampered header cannot ask for 64 GiB of memory."""
    new_vault[0].lock()
    import hashlib

    obj = json.loads((vault_dir / "header").read_text())
    obj["kdf"]["memory_kib"] = 64 * 1024 * 1024
    obj.pop("checksum")
    canon = json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()
    obj["checksum"] = hashlib.sha256(canon).hexdigest()
    (vault_dir / "header").write_text(json.dumps(obj))
    with pytest.raises(errors.DamagedVault):
        Vault.open(vault_dir, PASSWORD)


def test_edited_header_with_fixed_checksum_fails_the_mac(new_vault, vault_dir: Path) -> None:
    new_vault[0].lock()
    import hashlib

    obj = json.loads((vault_dir / "header").read_text())
    obj["generation"] = 7
    obj.pop("checksum")
    canon = json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()
    obj["checksum"] = hashlib.sha256(canon).hexdigest()
    (vault_dir / "header").write_text(json.dumps(obj))
    with pytest.raises(errors.DamagedVault) as info:
        Vault.open(vault_dir, PASSWORD)
    assert "key file" in str(info.value)


def test_files_are_private_and_names_neutral(new_vault, vault_dir: Path) -> None:
    vault, _ = new_vault
    vault.items.import_bytes(b"hello world", "letter.txt")
    vault.lock()
    assert stat.S_IMODE(os.stat(vault_dir).st_mode) == 0o700
    for root, dirs, files in os.walk(vault_dir):
        for d in dirs:
            assert stat.S_IMODE(os.stat(Path(root) / d).st_mode) == 0o700
        for f in files:
            assert stat.S_IMODE(os.stat(Path(root) / f).st_mode) == 0o600, f
            low = f.lower()
            assert not any(w in low for w in ("evidence", "stalk", "abuse", "harass"))
        raw = b"".join((Path(root) / f).read_bytes() for f in files)
        for word in (b"evidence", b"stalk", b"abuse", b"letter.txt", b"hello world"):
            assert word not in raw.lower(), word


def test_real_kdf_parameters_are_strong() -> None:
    from vault import kdf

    params = kdf.calibrate(target=0.3)
    assert params.memory_kib >= kdf.LOW_MEMORY_KIB and params.iterations >= 3
    assert params.lanes == 4 and len(params.salt) == 16
    with pytest.raises(errors.DamagedVault):
        KdfParams(3 * 1024 * 1024, 3, 4, os.urandom(16)).check_caps()
