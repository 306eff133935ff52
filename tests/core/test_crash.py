"""Kill -9 at random moments while importing and while changing the password: the vault
still opens, with everything committed before the kill, and never a half item."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from vault import blobs
from vault.errors import WrongPassword
from vault.kdf import KdfParams
from vault.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
OTHER = "another good password"


def _spawn(mode: str, folder: Path, arg: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.core.crash_child", mode, str(folder), arg],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def _kill_after(proc: subprocess.Popen[str], lines: int, extra: float) -> list[str]:
    """Read `lines` progress lines, then let it run a random moment more, then SIGKILL."""
    assert proc.stdout is not None
    seen = [proc.stdout.readline().strip()]  # READY
    assert seen[0] == "READY", seen
    for _ in range(lines):
        line = proc.stdout.readline().strip()
        if not line:
            break
        seen.append(line)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=extra)  # the random moment: waiting on the child, not sleeping
    proc.send_signal(signal.SIGKILL)
    rest, _ = proc.communicate()
    return seen + [line for line in rest.splitlines() if line]


def _make_sources(folder: Path, rng: random.Random) -> None:
    folder.mkdir()
    for n in range(40):
        size = rng.choice([10_000, 200_000, 1_500_000, 3_000_000])
        (folder / f"f{n:02d}.bin").write_bytes(os.urandom(size))


def _run_import_kills(tmp_path: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    src = tmp_path / "src"
    _make_sources(src, rng)
    folder = tmp_path / "v"
    Vault.create(folder, PASSWORD, initials="JS", kdf_params=KdfParams.fast_for_tests())[0].lock()
    committed: dict[str, str] = {}
    for _ in range(rounds):
        proc = _spawn("import", folder, str(src))
        out = _kill_after(proc, rng.randint(0, 3), rng.uniform(0.0, 0.15))
        for line in out:
            if line.startswith("COMMITTED"):
                _, ref, sha = line.split()
                committed.setdefault(ref, sha)
        with Vault.open(folder, PASSWORD) as vault:
            items = {i.reference: i for i in vault.items.list()}
            for ref, sha in committed.items():
                assert items[ref].sha256 == sha
            report = vault.items.verify()
            assert report.ok, report.problems
            # nothing half made: every blob belongs to an item, no temp files remain
            assert len(blobs.all_blob_names(folder)) == len(items)
            assert not list((folder / "blobs" / "tmp").glob("*"))


def test_kill_during_import(tmp_path: Path) -> None:
    _run_import_kills(tmp_path, rounds=6, seed=1)


@pytest.mark.slow
def test_kill_during_import_many_times(tmp_path: Path) -> None:
    _run_import_kills(tmp_path, rounds=40, seed=2)


def _run_passwd_kills(tmp_path: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    folder = tmp_path / "v"
    v, _ = Vault.create(folder, PASSWORD, kdf_params=KdfParams.fast_for_tests())
    v.items.import_bytes(b"keep me", "a.txt")
    v.lock()
    passwords = [PASSWORD, OTHER]
    current = 0
    for _ in range(rounds):
        proc = _spawn("passwd", folder, str(current))
        _kill_after(proc, rng.randint(0, 5), rng.uniform(0.0, 0.05))
        opened = None
        for i, pw in enumerate(passwords):
            try:
                opened = Vault.open(folder, pw)
                current = i
                break
            except WrongPassword:
                continue
        assert opened is not None, "neither password opens the vault"
        with opened as vault:
            assert vault.items.verify().ok
            assert [i.original_name for i in vault.items.list()] == ["a.txt"]


def test_kill_during_password_change(tmp_path: Path) -> None:
    _run_passwd_kills(tmp_path, rounds=6, seed=3)


@pytest.mark.slow
def test_kill_during_password_change_many_times(tmp_path: Path) -> None:
    _run_passwd_kills(tmp_path, rounds=40, seed=4)
