"""The verifier catches every kind of tampering, in the folder and in the zip."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.core.bundle_fakes import fake_preview, sample_source
from vault.bundle import BundleOptions, BundleResult, build_bundle, verify_bundle


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> BundleResult:
    out = tmp_path_factory.mktemp("pristine")
    return build_bundle(
        sample_source(long_account=False),
        BundleOptions(case_reference="R1"),
        out,
        make_preview=fake_preview,
    )


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _exhibit(root: Path) -> None:
    _flip(root / "exhibits" / "JS-1_IMG_0412.JPG")


def _manifest(root: Path) -> None:
    path = root / "manifest.json"
    path.write_text(path.read_text().replace("Jane", "Jane").replace('"R1"', '"R2"'))


def _sums(root: Path) -> None:
    path = root / "SHA256SUMS"
    path.write_bytes(path.read_bytes() + b"0" * 64 + b"  exhibits/JS-9_x.jpg\n")


def _sums_line_swapped(root: Path) -> None:
    path = root / "SHA256SUMS"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(reversed(lines)))


def _signature(root: Path) -> None:
    path = root / "SHA256SUMS.sig"
    text = path.read_text().strip()
    path.write_text(("A" if text[0] != "A" else "B") + text[1:] + "\n")


def _extra(root: Path) -> None:
    (root / "exhibits" / "JS-99_planted.jpg").write_bytes(b"planted")


def _missing(root: Path) -> None:
    (root / "exhibits" / "JS-4_voicemail_1.m4a").unlink()


def _pdf(root: Path) -> None:
    _flip(root / "evidence-report.pdf")


def _key(root: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    (root / "public-key.pem").write_bytes(pem)


def _custody(root: Path) -> None:
    """Change a custody entry and re-sign nothing: the manifest hash and the entry both fail."""
    path = root / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["custody"]["entries"][0]["at"] = "2020-01-01T00:00:00+00:00"
    path.write_text(json.dumps(manifest))


TAMPERS: dict[str, tuple[Callable[[Path], None], str]] = {
    "exhibit": (_exhibit, "exhibits/JS-1_IMG_0412.JPG has changed"),
    "manifest": (_manifest, "manifest.json has changed"),
    "sums": (_sums, "The signature does not match SHA256SUMS"),
    "sums-order": (_sums_line_swapped, "The signature does not match SHA256SUMS"),
    "signature": (_signature, "The signature does not match SHA256SUMS"),
    "extra": (_extra, "exhibits/JS-99_planted.jpg is not listed in SHA256SUMS"),
    "missing": (_missing, "exhibits/JS-4_voicemail_1.m4a is missing"),
    "pdf": (_pdf, "evidence-report.pdf has changed"),
    "key": (_key, "The signature does not match SHA256SUMS"),
    "custody": (_custody, "Custody log entry"),
}


def _copy(pristine: BundleResult, tmp_path: Path) -> Path:
    root = tmp_path / pristine.folder.name
    shutil.copytree(pristine.folder, root)
    return root


def _zip(root: Path) -> Path:
    zip_path = root.with_suffix(".zip")
    with zipfile.ZipFile(zip_path, "w") as zf:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                zf.write(path, f"{root.name}/{path.relative_to(root).as_posix()}")
    return zip_path


def test_pristine_bundle_is_intact(pristine: BundleResult):
    assert verify_bundle(pristine.folder) == []
    assert verify_bundle(pristine.zip_path) == []


@pytest.mark.parametrize("kind", sorted(TAMPERS))
def test_tampering_is_caught_in_folder_and_zip(pristine: BundleResult, tmp_path: Path, kind: str):
    tamper, expected = TAMPERS[kind]
    root = _copy(pristine, tmp_path)
    tamper(root)
    for target in (root, _zip(root)):
        problems = verify_bundle(target)
        assert problems, (kind, target.suffix)
        assert any(expected in p.message for p in problems), [p.message for p in problems]
        assert all("\n" not in p.message for p in problems)


def test_not_a_bundle(tmp_path: Path):
    assert verify_bundle(tmp_path / "nothing")
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    assert verify_bundle(tmp_path / "junk.zip")
    assert any("SHA256SUMS is missing" in p.message for p in verify_bundle(tmp_path))
