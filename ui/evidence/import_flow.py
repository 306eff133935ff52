"""Importing on the vault worker with progress, a Stop button and a plain summary."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QProgressDialog

from ui.progress_job import ProgressJob
from ui.tasks import JobContext
from vault.importer import ImportReport, ImportResult


def png_bytes(image: QImage) -> bytes:
    """Encode a pasted picture as PNG in memory, on the worker.

    Pillow encodes with Python's lock released; QImage.save would hold it and freeze the
    window for a tenth of a second or more on a phone-sized screenshot.
    """
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    raw = bytes(rgba.constBits())
    picture = Image.frombuffer("RGBA", (rgba.width(), rgba.height()), raw, "raw", "RGBA",
                               rgba.bytesPerLine(), 1)
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def pasted_name(now: datetime | None = None) -> str:
    moment = now or datetime.now()
    return f"Pasted screenshot {moment:%Y-%m-%d %H.%M.%S}.png"


class ImportFlow(ProgressJob):
    finished = Signal(object)  # ImportReport
    TITLE = "Adding evidence"
    STOPPING = "Stopping after the file being read now…"

    def import_paths(self, paths: list[Path], incident_id: str = "") -> None:
        if not paths:
            return
        items = self._items

        def job(ctx: JobContext) -> ImportReport:
            return items().import_paths(paths, incident_id=incident_id,
                                        progress=ctx.progress, cancelled=ctx.cancelled)

        self._start(job, "Adding evidence to the vault…")

    def import_image(self, image: QImage, incident_id: str = "") -> None:
        items, name = self._items, pasted_name()

        def job(ctx: JobContext) -> ImportReport:
            ctx.progress(0, 1)
            result: ImportResult = items().import_bytes(
                png_bytes(image), name, incident_id=incident_id, kind="message_screenshot")
            ctx.progress(1, 1)
            return ImportReport(results=[result])

        self._start(job, "Adding the pasted picture to the vault…")

    def _progress_text(self, dialog: QProgressDialog, done: int, total: int) -> None:
        dialog.setLabelText(f"Adding evidence to the vault… {done} of {total}")

    def _on_done(self, report: object) -> None:
        if isinstance(report, ImportReport):
            self.finished.emit(report)
            self._dialogs.info(self._parent, "Evidence added", summary(report))

    def _on_error(self, error: object) -> None:
        self.finished.emit(ImportReport())
        super()._on_error(error)


def summary(report: ImportReport) -> str:
    text = report.summary()
    failed = [r for r in report.results if r.status.value == "failed"]
    if failed:
        text += "\n\nNot stored:\n" + "\n".join(f"• {r.name}: {r.message}" for r in failed[:10])
    return text
