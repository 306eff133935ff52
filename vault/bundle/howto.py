"""HOW-TO-VERIFY.txt: plain steps for Windows, macOS, Linux and the app's own verifier."""

from __future__ import annotations

from vault.bundle.signing import grouped

TEMPLATE = """\
HOW TO CHECK THIS EVIDENCE BUNDLE
=================================

Bundle id:        {bundle_id}
Manifest SHA-256: {manifest}
Vault key fingerprint (SHA-256 of the Ed25519 public key):
    {fingerprint}

Every file in this folder has a SHA-256 fingerprint listed in SHA256SUMS (except SHA256SUMS
itself and its signature, SHA256SUMS.sig). If any byte of a file changes, its fingerprint
no longer matches.

Linux: open a terminal in this folder and run
    sha256sum -c SHA256SUMS
Every line should end in "OK".

macOS: open Terminal in this folder and run
    shasum -a 256 -c SHA256SUMS

Windows (PowerShell), for one file:
    Get-FileHash -Algorithm SHA256 "exhibits\\NAME"
or in a Command Prompt:
    certutil -hashfile "exhibits\\NAME" SHA256
and compare the result with that file's line in SHA256SUMS (upper or lower case does not matter).

Evidence Vault's own verifier checks every fingerprint, the signature, and that no file is
missing or added. It does not need the vault or its password:
    evidence-vault-cli verify-bundle PATH-TO-THIS-FOLDER-OR-ITS-ZIP

The signature: SHA256SUMS.sig holds an Ed25519 signature over the exact bytes of SHA256SUMS,
base64-encoded on one line. The public key is public-key.pem. Anyone can check it, e.g. with
Python's "cryptography" package. Compare the key's fingerprint above with one the person gave
you earlier by another route, if they did.

What this proves: each exhibit is byte for byte the file imported into the vault, and nothing
in the bundle has changed since it was made.
What it does not prove: when a photo was taken, who made a file, or that its content is genuine.
The import time is when a file was stored in the vault, not when it was taken.
"""


def howto_text(bundle_id: str, manifest_sha256: str, key_fingerprint: str) -> bytes:
    return TEMPLATE.format(
        bundle_id=bundle_id,
        manifest=manifest_sha256,
        fingerprint=grouped(key_fingerprint, 8),
    ).encode("utf-8")
