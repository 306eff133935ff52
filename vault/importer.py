"""Importing evidence: read each file once, hash and encrypt in the same pass, inspect it,
make a thumbnail in memory, and commit the item with its custody entry in one transaction.

Files are prepared on worker threads (hashing, AES-GCM and Pillow release the GIL) and
committed in order on the calling thread. The file on disk is never changed, moved or
deleted. A cancel stops taking new files; what finished is kept, nothing half-made is.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vault import blobs
from vault.errors import Cancelled, InvalidInput, NotFound, ReadFailed, VaultError, from_os_error
from vault.ids import new_id, utc_now
from vault.items import PICTURES, THUMB, dedup_tag, stored_body
from vault.model import Item, ItemKind

if TYPE_CHECKING:
    from vault.vault import Vault

IN_MEMORY_LIMIT = 64 * 1024 * 1024  # larger files stream; nothing grows with the file
READ_CHUNK = 1024 * 1024
DEFAULT_INITIALS = "EX"
_KINDS = {k.value for k in ItemKind}


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass
class ImportResult:
    status: ImportStatus
    name: str  # the file's name, for the person's own screen; never logged
    reference: str = ""
    sha256: str = ""
    item_id: str = ""
    message: str = ""  # one plain line
    preview: bool = False

    def line(self) -> str:
        if self.status is ImportStatus.IMPORTED:
            what = "imported" if self.preview else f"imported, no preview: {self.message}"
            return f"{self.reference}\t{self.sha256}\t{what}"
        if self.status is ImportStatus.DUPLICATE:
            return f"{self.reference}\t{self.sha256}\talready in the vault as {self.reference}"
        return f"-\t-\tnot stored: {self.message}"


@dataclass
class ImportReport:
    results: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: ImportStatus) -> int:
        return sum(1 for r in self.results if r.status is status)

    @property
    def imported(self) -> int:
        return self.count(ImportStatus.IMPORTED)

    @property
    def duplicates(self) -> int:
        return self.count(ImportStatus.DUPLICATE)

    @property
    def failed(self) -> int:
        return self.count(ImportStatus.FAILED)

    @property
    def without_preview(self) -> int:
        return sum(1 for r in self.results if r.status is ImportStatus.IMPORTED and not r.preview)

    def summary(self) -> str:
        parts = [f"{self.imported} imported"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the vault")
        if self.without_preview:
            parts.append(f"{self.without_preview} kept without a preview")
        if self.failed:
            parts.append(f"{self.failed} could not be read")
        text = ", ".join(parts) + "."
        if self.cancelled:
            text = "Stopped. " + text
        return text


@dataclass
class _Prepared:
    """A file made ready on a worker: blob written (not yet committed), facts known."""

    name: str
    item: Item
    blob_key: bytes
    thumbnail: bytes | None
    writer: blobs.BlobWriter | None = None


def expand(paths: Sequence[Path]) -> list[Path]:
    """Files, and the files inside folders (sorted, hidden files skipped), each once."""
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        out.append(Path(root) / name)
        else:
            out.append(path)
    unique = []
    for p in out:
        key = p.resolve() if p.exists() else p
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


class Importer:
    def __init__(self, vault: Vault, workers: int = 2) -> None:
        self._vault = vault
        self._workers = max(1, workers)

    # -- public -------------------------------------------------------------------------
    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        incident_id: str = "",
        kind: str = "",
        source: str = "",
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        self._check(incident_id, kind)
        files = expand(paths)
        report = ImportReport()
        total = len(files)
        if progress:
            progress(0, total)
        with ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="import") as pool:
            pending: list[tuple[Path, Future[_Prepared]]] = []
            it = iter(files)
            exhausted = False
            done = 0
            while True:
                while not exhausted and len(pending) < self._workers * 2:
                    if cancelled and cancelled():
                        report.cancelled = True
                        exhausted = True
                        break
                    nxt = next(it, None)
                    if nxt is None:
                        exhausted = True
                        break
                    pending.append((nxt, pool.submit(self._prepare_file, nxt, kind, source)))
                if not pending:
                    break
                path, fut = pending.pop(0)
                report.results.append(self._finish(path.name, fut, incident_id))
                done += 1
                if progress:
                    progress(done, total)
        return report

    def import_bytes(
        self,
        data: bytes,
        name: str,
        *,
        incident_id: str = "",
        kind: str = "",
        source: str = "",
        derived_from: str = "",
        description: str = "",
    ) -> ImportResult:
        self._check(incident_id, kind)
        original = None
        if derived_from:
            original = self._vault.items.get(derived_from)
        fut: Future[_Prepared] = Future()
        try:
            prepared = self._prepare(iter([data]), data, None, name, kind, source)
            prepared.item.derived_from = derived_from
            prepared.item.description = description
            fut.set_result(prepared)
        except BaseException as exc:  # noqa: BLE001 - handed to _finish like a worker's
            fut.set_exception(exc)
        result = self._finish(
            name, fut, incident_id, original_ref=original.reference if original else ""
        )
        return result

    # -- preparing (worker threads) ------------------------------------------------------
    def _check(self, incident_id: str, kind: str) -> None:
        if kind and kind not in _KINDS:
            raise InvalidInput("Unknown kind of evidence.")
        if incident_id:
            try:
                self._vault.incidents.get(incident_id)
            except NotFound as exc:
                raise NotFound("That incident is not in the vault.") from exc

    def _prepare_file(self, path: Path, kind: str, source: str) -> _Prepared:
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise ReadFailed("That file could not be opened. It was not changed.") from exc
        with fh:
            try:
                info = os.fstat(fh.fileno())
            except OSError as exc:
                raise ReadFailed() from exc
            if not stat.S_ISREG(info.st_mode):
                raise ReadFailed("That is not an ordinary file.")
            if info.st_size <= IN_MEMORY_LIMIT:
                try:
                    data = fh.read(IN_MEMORY_LIMIT + 1)
                except OSError as exc:
                    raise ReadFailed() from exc
                if len(data) <= IN_MEMORY_LIMIT:
                    return self._prepare(iter([data]), data, path, path.name, kind, source)
                first: bytes | None = data
            else:
                first = None

            def chunks() -> Iterator[bytes]:
                if first is not None:
                    yield first
                while True:
                    try:
                        block = fh.read(READ_CHUNK)
                    except OSError as exc:
                        raise ReadFailed() from exc
                    if not block:
                        return
                    yield block

            return self._prepare(chunks(), None, path, path.name, kind, source)

    def _prepare(
        self,
        chunks: Iterator[bytes],
        data: bytes | None,
        path: Path | None,
        name: str,
        kind: str,
        source: str,
    ) -> _Prepared:
        s = self._vault.session
        item_id = new_id()
        key = os.urandom(32)
        digest = hashlib.sha256()
        writer = blobs.BlobWriter(s.folder, key, blobs.blob_aad(s.vault_id, item_id))
        writer.__enter__()
        try:
            for chunk in chunks:
                digest.update(chunk)
                writer.write(chunk)
            sha = digest.hexdigest()
            info, thumb = _inspect_safely(data, path, name)
            item = Item(
                id=item_id,
                kind=kind or info.suggested_kind or ItemKind.OTHER,
                original_name=name,
                size=writer.size,
                media_type=info.media_type,
                sha256=sha,
                capture_time=info.capture_time,
                capture_time_note=info.capture_time_note,
                device=info.device,
                gps=list(info.gps) if info.gps else None,
                width=info.width,
                height=info.height,
                frames=info.frames,
                duration=info.duration,
                details=dict(info.details),
                problems=list(info.problems),
                preview_note=info.preview_note or ("" if thumb else _NO_PREVIEW),
                source=source,
                metadata_note=info.metadata_note,
            )
            return _Prepared(name, item, key, thumb, writer)
        except BaseException:
            writer.__exit__(None, None, None)
            raise

    # -- committing (calling thread) -------------------------------------------------------
    def _finish(
        self, name: str, fut: Future[_Prepared], incident_id: str, original_ref: str = ""
    ) -> ImportResult:
        try:
            prepared = fut.result()
        except VaultError as exc:
            if isinstance(exc, Cancelled):
                raise
            return ImportResult(ImportStatus.FAILED, name, message=exc.message)
        except OSError as exc:
            return ImportResult(ImportStatus.FAILED, name, message=from_os_error(exc).message)
        writer = prepared.writer
        assert writer is not None
        try:
            return self._commit(prepared, incident_id, original_ref)
        except VaultError as exc:
            return ImportResult(ImportStatus.FAILED, name, message=exc.message)
        finally:
            writer.__exit__(None, None, None)  # removes the temp blob unless committed

    def _commit(self, prepared: _Prepared, incident_id: str, original_ref: str) -> ImportResult:
        vault = self._vault
        s = vault.session
        item = prepared.item
        writer = prepared.writer
        assert writer is not None
        existing = vault.items.find_by_sha256(item.sha256)
        if existing is not None:
            if incident_id and incident_id not in existing.incidents:
                vault.items.link(existing.id, incident_id)
            return ImportResult(
                ImportStatus.DUPLICATE,
                prepared.name,
                existing.reference,
                item.sha256,
                existing.id,
                "already in the vault",
                True,
            )
        blob_name = writer.finish()  # durable before the row that points to it
        try:
            with s.write() as conn:
                settings = vault.settings()
                number = int(settings["next_number"])
                initials = settings["initials"] or DEFAULT_INITIALS
                item.number = number
                item.reference = f"{initials}/{number}"
                item.imported_at = utc_now()
                item.blob = blob_name
                if incident_id:
                    item.incidents = [incident_id]
                item.has_thumbnail = bool(prepared.thumbnail)
                s.store.put(conn, "items", item.id, 1, stored_body(item, prepared.blob_key.hex()))
                conn.execute(
                    "UPDATE items SET blob = ?, dedup = ? WHERE id = ?",
                    (blob_name, dedup_tag(s.keys.dedup, item.sha256), item.id),
                )
                if prepared.thumbnail:
                    s.store.put_raw(conn, PICTURES, f"{item.id}:{THUMB}", prepared.thumbnail)
                s.store.put_meta(conn, "settings", {**settings, "next_number": number + 1})
                event = "item_derived" if item.derived_from else "item_imported"
                details: dict[str, Any] = {
                    "sha256": item.sha256,
                    "size": item.size,
                    "source_name": item.original_name,
                }
                if original_ref:
                    details["derived_from"] = original_ref
                s.custody.append(
                    conn, event, item_ref=item.reference, item_id=item.id, details=details
                )
                if incident_id:
                    s.custody.append(
                        conn,
                        "item_linked",
                        item_ref=item.reference,
                        item_id=item.id,
                        details={"incident": incident_id},
                    )
        except BaseException:
            blobs.delete_blob(s.folder, blob_name)
            raise
        return ImportResult(
            ImportStatus.IMPORTED,
            prepared.name,
            item.reference,
            item.sha256,
            item.id,
            item.preview_note,
            bool(prepared.thumbnail),
        )


def _inspect_safely(data: bytes | None, path: Path | None, name: str) -> tuple[Any, bytes | None]:
    """Inspect and make a thumbnail. A file that breaks a reader is still kept, whole."""
    from vault import media

    try:
        info = media.inspect(data, path, name)
    except Exception:  # noqa: BLE001 - hostile files must never stop an import
        head = data[:64] if data is not None else b""
        info = media.MediaInfo(
            media_type=media.sniff(head, name),
            suggested_kind=ItemKind.OTHER,
            problems=["The file could not be read as its type says."],
            preview_note=_NO_PREVIEW,
        )
    thumb = None
    if data is not None and not info.preview_note:
        try:
            thumb = media.make_thumbnail(data, info.media_type)
        except Exception:  # noqa: BLE001
            thumb = None
    return info, thumb


_NO_PREVIEW = "No preview can be made for this kind of file. The exact file is kept."
