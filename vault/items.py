"""Evidence items: records, links to incidents, edits, deletion, export, integrity check.

Importing lives in `vault.importer`; this module holds what happens to an item afterwards.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vault import blobs, crypto
from vault.errors import Cancelled, DamagedVault, InvalidInput, NotFound, from_os_error
from vault.fs import FILE_MODE, fsync_dir, temp_name
from vault.model import Item, ItemKind, PhysicalEvidence

if TYPE_CHECKING:
    from vault.importer import ImportReport, ImportResult
    from vault.vault import Vault

TABLE = "items"
PICTURES = "pictures"
THUMB = "t"
PREVIEW = "p"
EDITABLE = {"kind", "description", "source", "metadata_note", "physical", "capture_time_note"}
_KINDS = {k.value for k in ItemKind}

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclass
class IntegrityReport:
    items_checked: int = 0
    problems: builtins.list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def dedup_tag(key: bytes, sha256_hex: str) -> bytes:
    """A keyed tag of the hash: finds duplicates without leaving the hash in the clear."""
    return crypto.mac(key, bytes.fromhex(sha256_hex))


def stored_body(item: Item, blob_key: str) -> dict[str, Any]:
    """What an item's encrypted record holds: the item, with the key of its blob."""
    body = item.to_record()
    body["_blob_key"] = blob_key
    body.pop("has_preview", None)  # known from the pictures table
    return body


class Items:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- reading -----------------------------------------------------------------------
    def _with_previews(self) -> set[str]:
        """Ids of the exhibits that have a page-sized preview."""
        suffix = f":{PREVIEW}"
        rows = self._vault.session.store.query(
            "SELECT id FROM pictures WHERE id LIKE ?", (f"%{suffix}",))
        return {row[0][:-len(suffix)] for row in rows}

    @staticmethod
    def _from_body(body: dict[str, Any], has_preview: bool) -> Item:
        body.pop("_blob_key", None)  # never leaves this module
        body["has_preview"] = has_preview  # known from the pictures table
        return Item.from_dict(body, adopt=True)

    def list(self) -> builtins.list[Item]:
        """Every item, in exhibit-number order."""
        rows = self._vault.session.store.all(TABLE)
        previews = self._with_previews()
        items = [self._from_body(body, rid in previews) for rid, _, body in rows]
        items.sort(key=lambda i: i.number)
        return items

    def get(self, item_id: str) -> Item:
        store = self._vault.session.store
        got = store.get(TABLE, item_id)
        if got is None:
            raise NotFound("That exhibit is not in the vault.")
        preview = store.query("SELECT 1 FROM pictures WHERE id = ?", (f"{item_id}:{PREVIEW}",))
        return self._from_body(got[1], bool(preview))

    def _rev(self, item_id: str) -> int:
        rows = self._vault.session.store.query("SELECT rev FROM items WHERE id = ?", (item_id,))
        if not rows:
            raise NotFound("That exhibit is not in the vault.")
        return int(rows[0][0])

    def by_reference(self, reference: str) -> Item:
        wanted = reference.strip().upper().replace("-", "/")
        for item in self.list():
            if item.reference.upper() == wanted or item.id == reference:
                return item
        raise NotFound("There is no exhibit with that reference.")

    def find_by_sha256(self, sha256_hex: str) -> Item | None:
        s = self._vault.session
        rows = s.store.query(
            "SELECT id FROM items WHERE dedup = ?", (dedup_tag(s.keys.dedup, sha256_hex),)
        )
        return self.get(rows[0][0]) if rows else None

    def for_incident(self, incident_id: str) -> builtins.list[Item]:
        return [i for i in self.list() if incident_id in i.incidents]

    def inbox(self) -> builtins.list[Item]:
        """Items not yet filed under any incident."""
        return [i for i in self.list() if not i.incidents]

    def thumbnail(self, item_id: str) -> bytes | None:
        data = self._vault.session.store.get_raw(PICTURES, f"{item_id}:{THUMB}")
        if data is None and self.get(item_id).has_thumbnail:
            raise DamagedVault("a preview picture", "It is missing.")
        return data

    def preview(self, item_id: str) -> bytes | None:
        return self._vault.session.store.get_raw(PICTURES, f"{item_id}:{PREVIEW}")

    def store_preview(self, item_id: str, jpeg: bytes) -> None:
        s = self._vault.session
        with s.write() as conn:
            s.store.put_raw(conn, PICTURES, f"{item_id}:{PREVIEW}", jpeg)

    def missing_previews(self) -> builtins.list[Item]:
        return [i for i in self.list() if i.has_thumbnail and not i.has_preview]

    def make_preview(self, item_id: str) -> bool:
        """Make and keep the larger (≈1600 px) preview of one item. True if there is one now.

        Import makes only the thumbnail, so that it stays fast; this runs afterwards.
        """
        from vault import media
        from vault.importer import IN_MEMORY_LIMIT

        item = self.get(item_id)
        if item.has_preview:
            return True
        if not item.has_thumbnail or item.size > IN_MEMORY_LIMIT:
            return False
        data = b"".join(self.iter_original(item.id))
        try:
            jpeg = media.make_preview(data, item.media_type)
        except Exception:  # noqa: BLE001 - a file that breaks a decoder keeps its thumbnail
            jpeg = None
        if not jpeg:
            return False
        self.store_preview(item.id, jpeg)
        return True

    def make_missing_previews(
        self, progress: Progress | None = None, cancelled: IsCancelled | None = None
    ) -> int:
        """Make every preview that import left for later. Returns how many were made."""
        todo = self.missing_previews()
        made = 0
        for n, item in enumerate(todo, start=1):
            if cancelled and cancelled():
                raise Cancelled()
            made += self.make_preview(item.id)
            if progress:
                progress(n, len(todo))
        return made

    def add_redacted_copy(
        self, item_id: str, boxes: Sequence[tuple[float, float, float, float]],
        description: str = "",
    ) -> ImportResult:
        """A copy of the picture with the boxes blacked out, as a new exhibit linked to its
        untouched original and filed under the same incidents."""
        from pathlib import PurePath

        from vault.redact import redacted_png

        item = self.get(item_id)
        if item.is_image and item.size <= 256 * 1024 * 1024:
            picture = b"".join(self.iter_original(item.id))
        else:  # a PDF letter, a video: the page-sized picture of its first page or frame
            if not self.make_preview(item.id):
                raise InvalidInput("There is no picture of this exhibit to hide parts of.")
            picture = self.preview(item.id) or b""
        png = redacted_png(picture, boxes)
        stem = PurePath(item.original_name).stem or item.reference.replace("/", "-")
        result = self.import_bytes(
            png, f"{stem} (parts hidden).png", kind=item.kind, derived_from=item.id,
            incident_id=item.incidents[0] if item.incidents else "",
            description=description or f"Copy of {item.reference} with parts hidden",
        )
        for incident_id in item.incidents[1:]:
            if result.item_id:
                self.link(result.item_id, incident_id)
        return result

    def mark_viewed(self, item_id: str) -> None:
        """Log that the person looked at an exhibit in the app."""
        self._log(item_id, "item_viewed")

    def iter_original(self, item_id: str) -> Iterator[bytes]:
        """The original bytes, decrypted in memory chunk by chunk (never to disk)."""
        s = self._vault.session
        item = self.get(item_id)
        key = bytes.fromhex(self._blob_key(item_id))
        yield from blobs.read_blob(s.folder, item.blob, key, blobs.blob_aad(s.vault_id, item.id))

    def read_original(self, item_id: str, *, log_view: bool = True) -> bytes:
        """The whole original in memory, for the viewer. Logged as viewed."""
        data = b"".join(self.iter_original(item_id))
        if log_view:
            self._log(item_id, "item_viewed")
        return data

    def _blob_key(self, item_id: str) -> str:
        s = self._vault.session
        got = s.store.get("items", item_id)
        if got is None:
            raise NotFound("That exhibit is not in the vault.")
        key = got[1].get("_blob_key", "")
        if not key:
            raise DamagedVault("an evidence record", "Its key is missing.")
        return str(key)

    # -- changing -------------------------------------------------------------------------
    def _write_item(self, conn: sqlite3.Connection, item: Item, rev: int, blob_key: str) -> None:
        self._vault.session.store.put(conn, TABLE, item.id, rev, stored_body(item, blob_key))

    def _log(self, item_id: str, event: str, details: dict[str, Any] | None = None) -> None:
        s = self._vault.session
        item = self.get(item_id)
        with s.write() as conn:
            s.custody.append(conn, event, item_ref=item.reference, item_id=item.id, details=details)

    def update(self, item_id: str, **changes: Any) -> Item:
        """Change what the person may change: kind, description, source, physical evidence."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise InvalidInput("That detail of an exhibit cannot be changed.")
        if "kind" in changes and changes["kind"] not in _KINDS:
            raise InvalidInput("Unknown kind of evidence.")
        item = self.get(item_id)
        before = item.to_dict()
        for name, value in changes.items():
            if name == "physical" and isinstance(value, dict):
                value = PhysicalEvidence(**value)
            setattr(item, name, value)
        after = item.to_dict()
        fields = sorted(k for k in changes if before.get(k) != after.get(k))
        if not fields:
            return item
        return self._rewrite(item, "item_edited", {"fields": fields})

    def _rewrite(self, item: Item, event: str, details: dict[str, Any]) -> Item:
        """Save a changed item as a new revision, with its custody entry, in one commit."""
        s = self._vault.session
        with s.write() as conn:
            key = self._blob_key(item.id)
            self._write_item(conn, item, self._rev(item.id) + 1, key)
            s.custody.append(conn, event, item_ref=item.reference, item_id=item.id, details=details)
        return item

    def link(self, item_id: str, incident_id: str) -> Item:
        self._vault.incidents.get(incident_id)  # raises NotFound
        item = self.get(item_id)
        if incident_id in item.incidents:
            return item
        item.incidents.append(incident_id)
        return self._rewrite(item, "item_linked", {"incident": incident_id})

    def unlink(self, item_id: str, incident_id: str) -> Item:
        item = self.get(item_id)
        if incident_id not in item.incidents:
            return item
        item.incidents.remove(incident_id)
        return self._rewrite(item, "item_unlinked", {"incident": incident_id})

    def delete(self, item_id: str, reason: str) -> None:
        """Delete an item. A reason is required and kept in the custody log."""
        if not reason.strip():
            raise InvalidInput("Please say why this exhibit is being deleted.")
        s = self._vault.session
        item = self.get(item_id)
        with s.write() as conn:
            conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
            conn.execute(
                "DELETE FROM pictures WHERE id IN (?, ?)",
                (f"{item_id}:{THUMB}", f"{item_id}:{PREVIEW}"),
            )
            s.custody.append(
                conn,
                "item_deleted",
                item_ref=item.reference,
                item_id=item.id,
                details={"reason": reason.strip(), "sha256": item.sha256},
            )
        blobs.delete_blob(s.folder, item.blob)  # after the commit; an orphan is collected anyway

    def export(self, item_id: str, dest: Path) -> Path:
        """Write the original bytes to `dest` (an explicit choice of the person), checked."""
        item = self.get(item_id)
        dest = Path(dest)
        if dest.is_dir():
            dest = dest / (Path(item.original_name).name or item.reference.replace("/", "-"))
        tmp = temp_name(dest)
        digest = hashlib.sha256()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            with os.fdopen(fd, "wb") as fh:
                for chunk in self.iter_original(item_id):
                    digest.update(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            if digest.hexdigest() != item.sha256:
                raise DamagedVault("an evidence file", "It no longer matches its fingerprint.")
            os.replace(tmp, dest)
            fsync_dir(dest.parent)
        except OSError as exc:
            raise from_os_error(exc) from exc
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        self._log(item_id, "item_exported", {"sha256": item.sha256})
        return dest

    # -- importing (see vault.importer) ------------------------------------------------
    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        incident_id: str = "",
        kind: str = "",
        source: str = "",
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
        workers: int = 2,
    ) -> ImportReport:
        from vault.importer import Importer

        return Importer(self._vault, workers=workers).import_paths(
            paths,
            incident_id=incident_id,
            kind=kind,
            source=source,
            progress=progress,
            cancelled=cancelled,
        )

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
        from vault.importer import Importer

        return Importer(self._vault, workers=1).import_bytes(
            data,
            name,
            incident_id=incident_id,
            kind=kind,
            source=source,
            derived_from=derived_from,
            description=description,
        )

    # -- integrity ---------------------------------------------------------------------------
    def verify(
        self, progress: Progress | None = None, cancelled: IsCancelled | None = None
    ) -> IntegrityReport:
        """Re-read every item, recompute its SHA-256, check the custody chain and signature."""
        s = self._vault.session
        report = IntegrityReport()
        try:
            items = self.list()
        except DamagedVault as exc:
            items = []
            report.problems.append(exc.message)
        total = len(items) + 1
        for n, item in enumerate(items, start=1):
            if cancelled and cancelled():
                raise Cancelled()
            digest = hashlib.sha256()
            try:
                for chunk in self.iter_original(item.id):
                    digest.update(chunk)
                if digest.hexdigest() != item.sha256:
                    report.problems.append(
                        f"{item.reference}: the stored file does not match its fingerprint."
                    )
            except DamagedVault as exc:
                report.problems.append(f"{item.reference}: {exc.message}")
            report.items_checked += 1
            if progress:
                progress(n, total)
        report.problems.extend(s.custody.verify())
        if progress:
            progress(total, total)
        with s.write() as conn:
            s.custody.append(
                conn,
                "integrity_checked",
                details={
                    "items": report.items_checked,
                    "problems": len(report.problems),
                },
            )
        return report
