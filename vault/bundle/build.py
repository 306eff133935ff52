"""Build an evidence bundle: exhibits, manifest, PDF, SHA256SUMS and its signature, and a zip.

Order matters: the PDF prints the manifest's hash, so the manifest is written first; SHA256SUMS
covers every file after that, and the signature covers SHA256SUMS. Everything is built in a
hidden folder beside `out_dir`'s final names and renamed into place at the end; cancelling or
failing removes it, so there is never half a bundle.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from vault.bundle import manifest as mf
from vault.bundle.howto import howto_text
from vault.bundle.naming import bundle_name
from vault.bundle.options import BundleCounts, BundleOptions, BundleResult
from vault.bundle.pdf import ReportInput, write_report
from vault.bundle.pdf.images import Picture
from vault.bundle.previews import (
    MAX_PREVIEW_INPUT,
    NO_PREVIEW,
    PreviewFn,
    PreviewPool,
    default_preview_fn,
    wants_picture,
)
from vault.bundle.selection import Selection, select
from vault.bundle.signing import checkpoint_text, encode_signature, fingerprint
from vault.bundle.source import BundleSource
from vault.bundle.sums import format_sums
from vault.bundle.writer import BundleWriter
from vault.errors import BundleError, Cancelled, DiskFull, VaultError
from vault.model import Item

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]


def _picture_key(item: Item) -> str:
    return hashlib.sha256(item.id.encode()).hexdigest()[:24]


def _free_name(out_dir: Path, base: str) -> str:
    name, n = base, 2
    while (out_dir / name).exists() or (out_dir / f"{name}.zip").exists():
        name = f"{base}-{n}"
        n += 1
    return name


class _Build:
    def __init__(
        self,
        source: BundleSource,
        options: BundleOptions,
        progress: ProgressFn | None,
        cancelled: Callable[[], bool] | None,
        preview_fn: PreviewFn | None,
        workers: int,
    ) -> None:
        self.source = source
        self.options = options
        self._progress = progress
        self._cancelled = cancelled
        self.preview_fn = preview_fn
        self.workers = workers
        self.done = 0
        self.total = 1
        self.pictures: dict[str, Picture] = {}
        self.notes: dict[str, str] = {}
        self.previews_made = 0

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()

    def step(self) -> None:
        self.done += 1
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)

    def _keep_picture(self, item: Item, jpeg: bytes | None) -> None:
        picture = Picture.from_jpeg(_picture_key(item), jpeg) if jpeg else None
        if picture is None:
            self.notes[item.id] = item.preview_note or NO_PREVIEW
        else:
            self.pictures[item.id] = picture

    def _made(self, results: list[tuple[Item, bytes | None]]) -> None:
        for item, jpeg in results:
            if jpeg:
                self.previews_made += 1
                self.source.store_preview(item, jpeg)
            self._keep_picture(item, jpeg)
            self.step()

    def exhibits(self, writer: BundleWriter, sel: Selection) -> None:
        pool = PreviewPool(self.preview_fn, self.workers) if self.preview_fn else None
        try:
            for exhibit in sel.exhibits:
                self.check()
                item = exhibit.item
                stored = self.source.preview_jpeg(item) if wants_picture(item) else None
                make = (
                    pool is not None
                    and stored is None
                    and wants_picture(item)
                    and item.size <= MAX_PREVIEW_INPUT
                )
                keep: list[bytes] | None = [] if make else None
                digest, _size = writer.write_stream(
                    exhibit.path, self.source.iter_original(item), check=self.check, keep=keep
                )
                if item.sha256 and digest != item.sha256.lower():
                    raise BundleError(
                        f"Exhibit {item.reference} no longer matches the fingerprint taken when "
                        "it was imported, so no bundle was made. Nothing in the vault was changed."
                    )
                self.step()
                if make and pool is not None and keep is not None:
                    self._made(pool.submit(item, b"".join(keep)))
                else:
                    if wants_picture(item):
                        self._keep_picture(item, stored)
                    self.step()
            if pool is not None:
                self._made(pool.finish())
        finally:
            if pool is not None:
                pool.close()

    def run(self, out_dir: Path) -> BundleResult:
        source, options = self.source, self.options
        sel = select(source, options)
        self.total = 2 * len(sel.exhibits) + 4
        now = datetime.now(UTC).replace(microsecond=0)
        produced_at = now.isoformat()
        bundle_id = str(uuid.uuid4())
        out_dir.mkdir(parents=True, exist_ok=True)
        name = _free_name(out_dir, bundle_name(options.case_reference, now.date().isoformat()))
        tmp = Path(tempfile.mkdtemp(prefix=".bundle-", suffix=".partial", dir=out_dir))
        try:
            folder = tmp / name
            folder.mkdir(mode=0o700)
            (folder / "exhibits").mkdir(mode=0o700)
            writer = BundleWriter(folder, tmp / f"{name}.zip", name, now)
            try:
                result = self._fill(writer, sel, folder, name, bundle_id, produced_at)
            finally:
                writer.close()
            self.check()
            final_zip, final_folder = out_dir / f"{name}.zip", out_dir / name
            os.rename(tmp / f"{name}.zip", final_zip)
            try:
                os.rename(folder, final_folder)
            except OSError:
                final_zip.unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise (
                DiskFull()
                if exc.errno in (errno.ENOSPC, errno.EDQUOT)
                else BundleError(
                    "The bundle could not be written to that folder. "
                    "Nothing in the vault was changed."
                )
            ) from exc
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        result = BundleResult(
            folder=final_folder,
            zip_path=final_zip,
            manifest_sha256=result.manifest_sha256,
            bundle_id=bundle_id,
            pdf_path=final_folder / mf.PDF_NAME,
            counts=result.counts,
        )
        try:
            source.record_bundle_built(
                bundle_id=bundle_id,
                manifest_sha256=result.manifest_sha256,
                exhibits=[e.item.reference for e in sel.exhibits],
                incidents=[i.id for i in sel.incidents],
            )
        except Exception as exc:
            shutil.rmtree(final_folder, ignore_errors=True)
            final_zip.unlink(missing_ok=True)
            if isinstance(exc, VaultError):
                raise
            raise BundleError(
                "The custody log could not record the bundle, so it was removed. "
                "Nothing in the vault was changed."
            ) from exc
        return result

    def _fill(
        self,
        writer: BundleWriter,
        sel: Selection,
        folder: Path,
        name: str,
        bundle_id: str,
        produced_at: str,
    ) -> BundleResult:
        source, options = self.source, self.options
        self.exhibits(writer, sel)

        pem = source.public_key_pem()
        key_fp = fingerprint(pem)
        if not key_fp:
            raise BundleError("The vault's signing key could not be read. No bundle was made.")
        checkpoint_sig = (
            encode_signature(
                source.sign(checkpoint_text(source.vault_id, sel.chain_seq, sel.chain_head))
            )
            if sel.chain_head
            else ""
        )
        writer.write_bytes(mf.KEY_NAME, pem)
        manifest = mf.build_manifest(
            sel,
            options,
            bundle_id=bundle_id,
            produced_at=produced_at,
            vault_id=source.vault_id,
            key_fingerprint=key_fp,
            checkpoint_signature=checkpoint_sig,
        )
        manifest_sha = writer.write_bytes(mf.MANIFEST_NAME, mf.dump(manifest))
        writer.write_bytes(mf.HOWTO_NAME, howto_text(bundle_id, manifest_sha, key_fp))
        self.step()

        self.check()
        report = ReportInput(
            selection=sel,
            options=options,
            bundle_id=bundle_id,
            produced_at=produced_at,
            manifest_sha256=manifest_sha,
            key_fingerprint=key_fp,
            checkpoint_signature=checkpoint_sig,
            vault_id=source.vault_id,
            folder_name=name,
            pictures=self.pictures,
            picture_notes=self.notes,
        )
        image_pages = len(self.pictures)
        pdf_pages = write_report(report, folder / mf.PDF_NAME, on_page=lambda _n: self.check())
        writer.add_file(mf.PDF_NAME)
        self.step()

        self.check()
        sums = format_sums(writer.digests.items())
        writer.write_bytes(mf.SUMS_NAME, sums)
        writer.write_bytes(mf.SIG_NAME, (encode_signature(source.sign(sums)) + "\n").encode())
        self.step()
        log.info("bundle built: %d exhibits, %d pages", len(sel.exhibits), pdf_pages)
        self.step()
        return BundleResult(
            folder=folder,
            zip_path=folder,
            manifest_sha256=manifest_sha,
            bundle_id=bundle_id,
            pdf_path=folder / mf.PDF_NAME,
            counts=BundleCounts(
                incidents=len(sel.incidents),
                exhibits=len(sel.exhibits),
                image_pages=image_pages,
                previews_made=self.previews_made,
                pdf_pages=pdf_pages,
            ),
        )


def build_bundle(
    source: BundleSource,
    options: BundleOptions,
    out_dir: Path,
    *,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
    make_preview: PreviewFn | None = None,
    workers: int = 2,
) -> BundleResult:
    """Build the bundle folder and its zip in `out_dir`. Raises Cancelled or a VaultError.

    `make_preview(data, media_type)` makes a page-sized upright JPEG for exhibits the vault has
    none for yet (defaults to vault.media.make_preview); those made are stored back in the vault.
    """
    fn = make_preview if make_preview is not None else default_preview_fn()
    return _Build(source, options, progress, cancelled, fn, workers).run(out_dir)
