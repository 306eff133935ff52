"""A bundle built from a real vault through the command line, and checked without it."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.core.test_cli import PW, _init, cli

ACCOUNTS = [
    (
        "2026-09-02T08:10",
        "Followed to the station",
        "following",
        "He followed me from my front door to the station. He wore a grey hoodie. ",
    ),
    (
        "2026-09-14T21:40",
        "Ο Νίκος στο παράθυρο",
        "watching",
        "Τον είδα να κοιτάζει από το παράθυρο της κουζίνας. Ήταν σκοτεινά. ",
    ),
    (
        "2026-10-01",
        "Письмо на коврике",
        "contacting",
        "Письмо без марки лежало на коврике у двери. Почерк его. ",
    ),
]


def _photo(path: Path, colour: tuple[int, int, int], orientation: int = 1) -> None:
    img = Image.new("RGB", (1200, 800), colour)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Canon"
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    path.write_bytes(buf.getvalue())


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], list[str]]:
    root = tmp_path_factory.mktemp("b")
    v = root / "v"
    _init(v)
    src = root / "src"
    src.mkdir()
    ids = []
    for n, (when, title, behaviour, account) in enumerate(ACCOUNTS):
        code, out, err = cli(
            "incident",
            "add",
            str(v),
            "--password-stdin",
            "--when",
            when,
            "--title",
            title,
            "--behaviour",
            behaviour,
            "--details",
            account * (40 if n == 0 else 3),
            "--private-notes",
            "PRIVATE-NOTE-SHOULD-NOT-APPEAR",
            stdin=PW + "\n",
        )
        assert code == 0, err
        ids.append(out.strip().splitlines()[-1])
        d = src / str(n)
        d.mkdir()
        _photo(d / f"IMG_{n}.jpg", (40 * n, 90, 160), orientation=1 + 5 * (n == 1))
        (d / f"note_{n}.txt").write_text(f"note {n}\n")
        code, out, err = cli(
            "import", str(v), str(d), "--incident", ids[-1], "--password-stdin", stdin=PW + "\n"
        )
        assert code == 0, err
    code, out, err = cli(
        "bundle",
        str(v),
        str(root / "out"),
        "--password-stdin",
        "--case-ref",
        "CAD 77/26",
        "--producer",
        "Jane Smith",
        stdin=PW + "\n",
    )
    assert code == 0, err
    folder, zip_path, manifest_hash = out.strip().splitlines()[-3:]
    code, out, _ = cli("list", str(v), "--json", "--password-stdin", stdin=PW + "\n")
    refs = {i["reference"]: i["sha256"] for i in json.loads(out)}
    pages = [p.extract_text() or "" for p in PdfReader(Path(folder) / "evidence-report.pdf").pages]
    assert Path(zip_path).is_file() and re.fullmatch(r"[0-9a-f]{64}", manifest_hash)
    return Path(folder), refs, pages


def test_every_hash_and_reference_is_in_the_pdf(bundle) -> None:  # type: ignore[no-untyped-def]
    _, refs, pages = bundle
    flat = re.sub(r"\s+", "", "".join(pages))
    assert len(refs) == 6
    for ref, sha in refs.items():
        assert ref in flat and sha in flat, ref
    assert "PRIVATE-NOTE-SHOULD-NOT-APPEAR" not in flat
    for _, title, _, _ in ACCOUNTS:
        assert re.sub(r"\s+", "", title) in flat


def test_page_numbers(bundle) -> None:  # type: ignore[no-untyped-def]
    _, _, pages = bundle
    total = len(pages)
    for n, text in enumerate(pages, start=1):
        assert re.search(rf"page\s*{n}\s*of\s*{total}", text, re.I), n


def test_exhibits_are_byte_identical_and_bundle_verifies(bundle, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, refs, _ = bundle
    import hashlib

    for f in (folder / "exhibits").iterdir():
        ref = f.name.split("_", 1)[0].replace("-", "/")
        assert hashlib.sha256(f.read_bytes()).hexdigest() == refs[ref]
    code, out, err = cli("verify-bundle", str(folder))
    assert code == 0, out
    code, out, err = cli("verify-bundle", str(folder.with_suffix(".zip")))
    assert code == 0, out
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    victim = sorted((copy / "exhibits").iterdir())[0]
    victim.write_bytes(victim.read_bytes() + b"x")
    code, out, err = cli("verify-bundle", str(copy))
    assert code == 1 and victim.name in out


def test_bundle_is_in_the_custody_log(bundle) -> None:  # type: ignore[no-untyped-def]
    folder, _, _ = bundle
    vault = folder.parent.parent / "v"
    code, out, _ = cli("log", str(vault), "--json", "--password-stdin", stdin=PW + "\n")
    events = json.loads(out)["entries"]
    built = [e for e in events if e["event"] == "bundle_built"]
    assert len(built) == 1
    manifest = json.loads((folder / "manifest.json").read_text())
    assert built[0]["details"]["bundle_id"] == manifest["bundle_id"]
    assert os.stat(folder).st_mode & 0o777 == 0o700
