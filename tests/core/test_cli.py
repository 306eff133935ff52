"""The command line: passwords from stdin, one plain line on error, exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from vault.cli import Io, run

PW = "correct horse battery staple"


def cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), Io(io.StringIO(stdin), out, err))
    return code, out.getvalue(), err.getvalue()


def _init(folder: Path) -> str:
    code, out, _ = cli("init", str(folder), "--password-stdin", "--initials", "js", stdin=PW + "\n")
    assert code == 0
    words = out.strip().splitlines()[-1]
    assert len(words.split()) == 24
    return words


def test_init_info_and_wrong_password(tmp_path: Path) -> None:
    v = tmp_path / "v"
    _init(v)
    code, out, err = cli("info", str(v), "--json")
    assert code == 0 and json.loads(out)["kdf"] == "argon2id"
    code, out, err = cli("incident", "list", str(v), "--password-stdin", stdin="wrong one\n")
    assert code == 1 and err.strip() == "That password did not open the vault. Please try again."
    code, out, err = cli("list", str(v))
    assert code == 1 and "--password-stdin" in err


def test_incidents_import_list_export_verify_log(tmp_path: Path) -> None:
    v = tmp_path / "v"
    _init(v)
    code, out, _ = cli(
        "incident",
        "add",
        str(v),
        "--password-stdin",
        "--when",
        "2026-11-20T17:30",
        "--title",
        "Outside work",
        "--behaviour",
        "loitering",
        "--behaviour",
        "watching",
        "--details",
        "He waited by the gate.",
        stdin=PW + "\n",
    )
    assert code == 0
    inc_id = out.strip().splitlines()[-1]
    src = tmp_path / "src"
    src.mkdir()
    Image.new("RGB", (400, 300), (10, 120, 200)).save(src / "IMG_0412.jpg")
    (src / "note.txt").write_text("a letter\n")
    code, out, err = cli(
        "import", str(v), str(src), "--incident", inc_id, "--password-stdin", stdin=PW + "\n"
    )
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("JS/") for line in lines)
    code, out, _ = cli(
        "import", str(v), str(src / "IMG_0412.jpg"), "--password-stdin", stdin=PW + "\n"
    )
    assert code == 0 and "already in the vault as JS/1" in out
    code, out, _ = cli("list", str(v), "--json", "--password-stdin", stdin=PW + "\n")
    items = json.loads(out)
    assert {"reference", "kind", "sha256", "size", "original_name", "incidents"} <= set(items[0])
    assert items[0]["incidents"] == [inc_id]
    dest = tmp_path / "out.jpg"
    code, out, _ = cli("export", str(v), "JS/1", str(dest), "--password-stdin", stdin=PW + "\n")
    assert code == 0 and dest.read_bytes() == (src / "IMG_0412.jpg").read_bytes()
    code, out, _ = cli(
        "incident",
        "edit",
        str(v),
        inc_id,
        "--title",
        "Outside my work",
        "--password-stdin",
        stdin=PW + "\n",
    )
    assert code == 0 and "version 2" in out
    code, out, _ = cli(
        "incident", "show", str(v), inc_id, "--json", "--password-stdin", stdin=PW + "\n"
    )
    shown = json.loads(out)
    assert len(shown["history"]) == 2 and shown["exhibits"] == ["JS/1", "JS/2"]
    code, out, _ = cli("verify", str(v), "--password-stdin", stdin=PW + "\n")
    assert code == 0, out
    code, out, _ = cli("log", str(v), "--json", "--password-stdin", stdin=PW + "\n")
    events = [e["event"] for e in json.loads(out)["entries"]]
    assert events[0] == "vault_created" and "item_exported" in events
    assert "integrity_checked" in events and "incident_edited" in events


def test_verify_fails_on_a_damaged_blob(tmp_path: Path) -> None:
    v = tmp_path / "v"
    _init(v)
    f = tmp_path / "a.bin"
    f.write_bytes(os.urandom(5000))
    assert cli("import", str(v), str(f), "--password-stdin", stdin=PW + "\n")[0] == 0
    blob = next((v / "blobs").glob("??/*"))
    raw = bytearray(blob.read_bytes())
    raw[100] ^= 1
    blob.write_bytes(bytes(raw))
    code, out, _ = cli("verify", str(v), "--password-stdin", stdin=PW + "\n")
    assert code == 1 and out.startswith("JS/1:")


def test_import_of_unreadable_file_exits_non_zero(tmp_path: Path) -> None:
    v = tmp_path / "v"
    _init(v)
    code, out, err = cli(
        "import", str(v), str(tmp_path / "missing.jpg"), "--password-stdin", stdin=PW + "\n"
    )
    assert code == 1 and "not stored" in out


def test_passwd_and_recover(tmp_path: Path) -> None:
    v = tmp_path / "v"
    words = _init(v)
    code, out, err = cli("passwd", str(v), "--password-stdin", stdin=f"{PW}\nsecond password\n")
    assert code == 0, err
    assert cli("list", str(v), "--password-stdin", stdin="second password\n")[0] == 0
    code, out, err = cli("recover", str(v), stdin=f"{words}\nthird password\n")
    assert code == 0, err
    assert cli("list", str(v), "--password-stdin", stdin="third password\n")[0] == 0


def test_new_recovery_key(tmp_path: Path) -> None:
    v = tmp_path / "v"
    old_words = _init(v)
    code, out, err = cli("new-recovery-key", str(v), "--password-stdin", stdin="wrong one\n")
    assert code == 1 and "did not open" in err
    code, out, err = cli("new-recovery-key", str(v), "--password-stdin", stdin=PW + "\n")
    assert code == 0, err
    new_words = out.strip().splitlines()[-1]
    assert len(new_words.split()) == 24 and new_words != old_words.strip()
    assert cli("recover", str(v), stdin=f"{old_words}\nthird password\n")[0] == 1
    assert cli("recover", str(v), stdin=f"{new_words}\nthird password\n")[0] == 0


def test_real_entry_point(tmp_path: Path) -> None:
    """The installed console script works and never takes a password as an argument."""
    exe = Path(sys.executable).with_name("evidence-vault-cli")
    v = tmp_path / "v"
    env = {**os.environ, "EVIDENCE_VAULT_FAST_KDF": "1"}
    done = subprocess.run(
        [str(exe), "init", str(v), "--password-stdin"],
        input=PW + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [str(exe), "info", str(tmp_path)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 1 and done.stderr.strip() == "This folder is not a vault."
    assert "Traceback" not in done.stderr


def test_import_makes_the_larger_previews_after(tmp_path: Path) -> None:
    v = tmp_path / "v"
    _init(v)
    photo = tmp_path / "big.jpg"
    Image.new("RGB", (3000, 2000), (30, 60, 90)).save(photo)
    other = tmp_path / "other.jpg"
    Image.new("RGB", (3000, 2000), (90, 60, 30)).save(other)
    assert cli("import", str(v), str(photo), "--password-stdin", stdin=PW + "\n")[0] == 0
    assert cli("import", str(v), str(other), "--no-previews", "--password-stdin",
               stdin=PW + "\n")[0] == 0
    from vault.vault import Vault

    with Vault.open(v, PW) as vault:
        made = {i.original_name: i.has_preview for i in vault.items.list()}
    assert made == {"big.jpg": True, "other.jpg": False}
