"""How to verify the bundle, and what the hashes prove and do not prove, in plain words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import PageBreak, Paragraph

from vault.bundle.manifest import KEY_NAME, SIG_NAME, SUMS_NAME
from vault.bundle.pdf.styles import styles
from vault.bundle.signing import grouped

if TYPE_CHECKING:
    from vault.bundle.pdf.report import ReportInput


def story(r: ReportInput) -> list[Any]:
    s = styles()
    p = [
        Paragraph("How to check this bundle", s.h1),
        Paragraph(
            "Every file in the bundle has a SHA-256 fingerprint: a 64-character code computed "
            "from the file's bytes. Change a single byte and the fingerprint changes completely. "
            f"The file <b>{SUMS_NAME}</b> lists the fingerprint of every other file, and "
            f"<b>{SIG_NAME}</b> is the vault's digital signature over that list.",
            s.body,
        ),
        Paragraph("On Linux, in the bundle's folder: <b>sha256sum -c SHA256SUMS</b>", s.body),
        Paragraph(
            "On macOS, in Terminal, in the bundle's folder: <b>shasum -a 256 -c SHA256SUMS</b>",
            s.body,
        ),
        Paragraph(
            "On Windows, in PowerShell: <b>Get-FileHash -Algorithm SHA256 exhibits\\NAME</b> "
            "for one file, or in a Command Prompt <b>certutil -hashfile exhibits\\NAME SHA256</b>; "
            "compare the result with the line for that file in SHA256SUMS (letter case does not "
            "matter).",
            s.body,
        ),
        Paragraph(
            "With the Evidence Vault app, which also checks the signature and that no file is "
            "missing or added: <b>evidence-vault-cli verify-bundle FOLDER-OR-ZIP</b>. It needs "
            "neither the vault nor its password. The file HOW-TO-VERIFY.txt repeats these steps.",
            s.body,
        ),
        Paragraph(
            f"The signature can be checked with the public key in <b>{KEY_NAME}</b>. Its "
            "fingerprint is below; if the person gave you this fingerprint earlier, by another "
            "route, compare the two.",
            s.body,
        ),
        Paragraph(grouped(r.key_fingerprint, 8), s.hash),
        Paragraph("What the fingerprints prove, and what they do not", s.h2),
        Paragraph(
            "They prove that each exhibit is byte for byte the file that was imported into the "
            "vault, and that nothing in the bundle has changed since it was made. The report "
            "shows for each exhibit the fingerprint taken when it was imported; the file in the "
            "bundle must match it.",
            s.body,
        ),
        Paragraph(
            "They do not prove when a photo was taken or a message was sent, who made a file, "
            "or that its content is genuine. The import time is when the file was stored in the "
            "vault, not when it was taken. Capture times and devices are what the file itself "
            "says (its EXIF data), which can be missing or wrong; screenshots usually carry "
            "little or no such data.",
            s.body,
        ),
        Paragraph(
            "Accounts were written by the person. Each incident shows when it was first written "
            "down and when it was last edited, and whether it was written later from memory.",
            s.body,
        ),
        PageBreak(),
    ]
    return p
