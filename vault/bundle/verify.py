"""Check a bundle (folder or .zip) without the vault: one plain line per problem found.

Checks: SHA256SUMS parses; its signature verifies with public-key.pem; every listed file is
there with that fingerprint; no file is there that is not listed; the manifest's exhibits are
exactly the files in exhibits/ with the fingerprints taken at import; the signed custody
checkpoint verifies; the manifest names the same key. What it cannot check: that the key is
the person's (compare the fingerprint with one given earlier) or that content is genuine.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Protocol

from vault.bundle import manifest as mf
from vault.bundle.signing import (
    checkpoint_text,
    decode_signature,
    entry_links,
    fingerprint,
    signature_ok,
)
from vault.bundle.sums import hash_stream, parse_sums

MAX_SMALL = 64 * 1024 * 1024  # manifest, sums, key, signature are read whole up to this


@dataclass(frozen=True)
class Problem:
    message: str  # one plain line
    path: str = ""  # the file concerned, relative to the bundle, when there is one

    def __str__(self) -> str:
        return self.message


class _Tree(Protocol):
    def files(self) -> set[str]: ...
    def open(self, rel: str) -> BinaryIO: ...


class _FolderTree:
    def __init__(self, root: Path) -> None:
        self.root = root

    def files(self) -> set[str]:
        found: set[str] = set()
        for path in self.root.rglob("*"):
            if path.is_file() or path.is_symlink():
                found.add(path.relative_to(self.root).as_posix())
        return found

    def open(self, rel: str) -> BinaryIO:
        path = self.root / rel
        if path.is_symlink():
            raise OSError("symlink")
        return path.open("rb")


class _ZipTree:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        names = [n for n in zf.namelist() if not n.endswith("/")]
        tops = {n.split("/", 1)[0] for n in names}
        self.prefix = ""
        if len(tops) == 1 and all("/" in n for n in names):
            self.prefix = tops.pop() + "/"
        self._names = {n[len(self.prefix) :]: n for n in names}

    def files(self) -> set[str]:
        return set(self._names)

    def open(self, rel: str) -> BinaryIO:
        return self.zf.open(self._names[rel], "r")  # type: ignore[return-value]


@contextmanager
def _tree(path: Path) -> Iterator[_Tree]:
    if path.is_dir():
        yield _FolderTree(path)
        return
    with zipfile.ZipFile(path) as zf:
        yield _ZipTree(zf)


def _read_small(tree: _Tree, rel: str) -> bytes:
    with tree.open(rel) as f:
        return f.read(MAX_SMALL)


def _safe_rel(rel: str) -> bool:
    p = PurePosixPath(rel)
    return not p.is_absolute() and ".." not in p.parts and rel == p.as_posix()


def verify_bundle(path: Path) -> list[Problem]:
    """[] when the bundle is intact; otherwise one Problem per thing wrong."""
    path = Path(path)
    if not path.exists():
        return [Problem("There is no bundle at that path.")]
    try:
        with _tree(path) as tree:
            return _verify(tree)
    except zipfile.BadZipFile:
        return [Problem("The file is not a readable zip of a bundle.")]
    except OSError:
        return [Problem("The bundle could not be read.")]


def _verify(tree: _Tree) -> list[Problem]:
    problems: list[Problem] = []
    present = tree.files()
    for required in (mf.SUMS_NAME, mf.SIG_NAME, mf.KEY_NAME, mf.MANIFEST_NAME, mf.PDF_NAME):
        if required not in present:
            problems.append(Problem(f"{required} is missing.", required))
    if mf.SUMS_NAME not in present:
        return problems

    sums_bytes = _read_small(tree, mf.SUMS_NAME)
    listed, bad_lines = parse_sums(sums_bytes)
    for n in bad_lines:
        problems.append(
            Problem(f"Line {n} of SHA256SUMS is not in the expected format.", mf.SUMS_NAME)
        )

    pem = _read_small(tree, mf.KEY_NAME) if mf.KEY_NAME in present else b""
    if pem and not fingerprint(pem):
        problems.append(Problem("public-key.pem is not an Ed25519 public key.", mf.KEY_NAME))
    if mf.SIG_NAME in present and pem:
        sig = decode_signature(_read_small(tree, mf.SIG_NAME))
        if sig is None:
            problems.append(
                Problem("SHA256SUMS.sig is not a signature in the expected format.", mf.SIG_NAME)
            )
        elif not signature_ok(pem, sig, sums_bytes):
            problems.append(
                Problem(
                    "The signature does not match SHA256SUMS: the list of fingerprints or the "
                    "signature has been changed, or the key is not the one that signed it.",
                    mf.SIG_NAME,
                )
            )

    for rel, expected in sorted(listed.items()):
        if not _safe_rel(rel):
            problems.append(
                Problem(f"SHA256SUMS names a path outside the bundle: {rel}", mf.SUMS_NAME)
            )
            continue
        if rel not in present:
            problems.append(Problem(f"{rel} is missing.", rel))
            continue
        with tree.open(rel) as f:
            actual = hash_stream(f)
        if actual != expected:
            problems.append(
                Problem(f"{rel} has changed: its SHA-256 does not match SHA256SUMS.", rel)
            )
    for rel in sorted(present - set(listed) - {mf.SUMS_NAME, mf.SIG_NAME}):
        problems.append(Problem(f"{rel} is not listed in SHA256SUMS (an added file).", rel))

    if mf.MANIFEST_NAME in present:
        problems += _check_manifest(_read_small(tree, mf.MANIFEST_NAME), listed, present, pem)
    return problems


def _check_manifest(
    data: bytes, listed: dict[str, str], present: set[str], pem: bytes
) -> list[Problem]:
    problems: list[Problem] = []
    try:
        manifest: dict[str, Any] = json.loads(data)
        exhibits = {e["file"]: str(e["sha256"]).lower() for e in manifest["exhibits"]}
    except (ValueError, KeyError, TypeError):
        return [Problem("manifest.json cannot be read.", mf.MANIFEST_NAME)]
    for rel, sha in sorted(exhibits.items()):
        if rel not in present:
            if rel in listed:
                continue  # already reported as missing
            problems.append(Problem(f"Exhibit {rel} named in the manifest is missing.", rel))
        elif rel in listed and listed[rel] != sha:
            problems.append(
                Problem(f"{rel} does not match the fingerprint taken when it was imported.", rel)
            )
    for rel in sorted(p for p in present if p.startswith("exhibits/") and p not in exhibits):
        if rel in listed:
            problems.append(Problem(f"{rel} is not an exhibit named in the manifest.", rel))
    key = manifest.get("public_key") or {}
    if pem and key.get("sha256_fingerprint") != fingerprint(pem):
        problems.append(
            Problem("public-key.pem is not the key named in the manifest.", mf.KEY_NAME)
        )
    checkpoint = (manifest.get("custody") or {}).get("checkpoint") or {}
    if checkpoint.get("head") and pem:
        text = checkpoint_text(
            str(manifest.get("vault_id", "")),
            int(checkpoint.get("seq", 0)),
            str(checkpoint["head"]),
        )
        sig = decode_signature(str(checkpoint.get("signature", "")))
        if not signature_ok(pem, sig, text):
            problems.append(
                Problem("The custody log's signed head does not verify.", mf.MANIFEST_NAME)
            )
    entries = (manifest.get("custody") or {}).get("entries") or []
    for entry in entries:
        if not isinstance(entry, dict) or not entry_links(entry):
            seq = entry.get("seq") if isinstance(entry, dict) else "?"
            problems.append(
                Problem(
                    f"Custody log entry {seq} has been changed: it does not hash to its head.",
                    mf.MANIFEST_NAME,
                )
            )
    return problems
