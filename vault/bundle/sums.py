"""SHA256SUMS in the coreutils format: `<64 hex>  <relative path>`, one line each, LF endings.

`sha256sum -c SHA256SUMS` (Linux) and `shasum -a 256 -c SHA256SUMS` (macOS) check it as it is.
Names never need coreutils escaping: bundle names hold no backslash or newline.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024
_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")


def hash_stream(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def hash_file(path: Path) -> str:
    with path.open("rb") as f:
        return hash_stream(f)


def format_sums(entries: Iterable[tuple[str, str]]) -> bytes:
    """(relative path, hex digest) pairs -> SHA256SUMS bytes, sorted by path."""
    lines = []
    for rel, digest in sorted(entries):
        if "\n" in rel or "\\" in rel or "\r" in rel:
            raise ValueError("a bundle file name needs escaping")
        lines.append(f"{digest}  {rel}\n")
    return "".join(lines).encode("utf-8")


def parse_sums(data: bytes) -> tuple[dict[str, str], list[int]]:
    """SHA256SUMS bytes -> ({relative path: hex digest}, [numbers of lines that do not parse])."""
    found: dict[str, str] = {}
    bad: list[int] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return {}, [0]
    for n, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        m = _LINE.match(line)
        if not m or m.group(2) in found:
            bad.append(n)
            continue
        found[m.group(2)] = m.group(1)
    return found, bad
