"""Writes each bundle file twice in one pass: into the folder (0600) and into the zip beside it."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from vault.bundle.sums import CHUNK


class BundleWriter:
    def __init__(self, folder: Path, zip_path: Path, root: str, when: datetime) -> None:
        self.folder = folder
        self.root = root
        self._time = when.timetuple()[:6]
        fd = os.open(zip_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._zip_file = os.fdopen(fd, "wb")
        self.zip = zipfile.ZipFile(self._zip_file, "w", allowZip64=True)
        self.digests: dict[str, str] = {}  # relative path -> sha256 hex

    def _info(self, rel: str, compress: bool) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(f"{self.root}/{rel}", self._time)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = (0o100600 & 0xFFFF) << 16
        return info

    def _open(self, rel: str) -> int:
        path = self.folder / rel
        return os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
        )

    def write_stream(
        self,
        rel: str,
        chunks: Iterable[bytes],
        *,
        compress: bool = False,
        check: Callable[[], None] | None = None,
        keep: list[bytes] | None = None,
    ) -> tuple[str, int]:
        """Stream to both; returns (sha256 hex, size). `keep` collects the chunks if given."""
        digest = hashlib.sha256()
        size = 0
        with (
            os.fdopen(self._open(rel), "wb") as out,
            self.zip.open(self._info(rel, compress), "w", force_zip64=True) as zout,
        ):
            for chunk in chunks:
                if check is not None:
                    check()
                digest.update(chunk)
                out.write(chunk)
                zout.write(chunk)
                size += len(chunk)
                if keep is not None:
                    keep.append(chunk)
        hexdigest = digest.hexdigest()
        self.digests[rel] = hexdigest
        return hexdigest, size

    def write_bytes(self, rel: str, data: bytes, *, compress: bool = True) -> str:
        return self.write_stream(rel, [data], compress=compress)[0]

    def add_file(self, rel: str) -> str:
        """Put a file already written in the folder (the PDF) into the zip too."""
        path = self.folder / rel
        os.chmod(path, 0o600)
        digest = hashlib.sha256()
        with (
            path.open("rb") as src,
            self.zip.open(self._info(rel, False), "w", force_zip64=True) as zout,
        ):
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                zout.write(chunk)
        self.digests[rel] = digest.hexdigest()
        return self.digests[rel]

    def close(self) -> None:
        try:
            self.zip.close()
        finally:
            self._zip_file.close()
