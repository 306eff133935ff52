"""The recovery key: 256 random bits shown once as 24 words (BIP-39 English word list)."""

from __future__ import annotations

import os

from mnemonic import Mnemonic

from vault.errors import WrongRecoveryKey

_WORDS = Mnemonic("english")


def new_secret() -> bytes:
    return os.urandom(32)


def to_words(secret: bytes) -> str:
    return str(_WORDS.to_mnemonic(secret))


def from_words(text: str) -> bytes:
    """Parse the words back. Typos are caught by the word list and its checksum."""
    words = " ".join(text.lower().replace(",", " ").split())
    if len(words.split()) != 24:
        raise WrongRecoveryKey("A recovery key has 24 words. Please check and try again.")
    try:
        if not _WORDS.check(words):
            raise WrongRecoveryKey()
        return bytes(_WORDS.to_entropy(words))
    except (ValueError, LookupError) as exc:
        raise WrongRecoveryKey() from exc


def group_words(words: str, per_line: int = 4) -> list[str]:
    """'1. alpha  2. bravo ...' lines, easier to copy by hand."""
    items = words.split()
    lines = []
    for start in range(0, len(items), per_line):
        chunk = items[start : start + per_line]
        lines.append("  ".join(f"{start + i + 1:2d}. {w}" for i, w in enumerate(chunk)))
    return lines
