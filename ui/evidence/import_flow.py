"""Importing on the vault worker with progress, a Stop button and a plain summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.dialogs import Dialogs
from ui.tasks import Job, JobContext, VaultWorker
from vault.importer import ImportReport, ImportResult
from vault.items import Items


def png_bytes(image: QImage) -> bytes:
    """Encode a picture as PNG in memory (on the worker: it can take a while)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide takes str
    buffer.close()
    return bytes(data.data())


def pasted_name(now: datetime | None = None) -> str:
    moment = now or datetime.now()
    return f"Pasted screenshot {moment:%Y-%m-%d %H.%M.%S}.png"


class ImportFlow(QObject):
    finished = Signal(object)  # ImportReport

    def __init__(self, parent: QWidget, worker: VaultWorker, dialogs: Dialogs,
                 items: Callable[[], Items]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._worker = worker
        self._dialogs = dialogs
        self._items = items
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self._closed = False

    @property
    def running(self) -> bool:
        return self.job is not None

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

    def _start(self, fn: Callable[[JobContext], ImportReport], label: str) -> None:
        dlg = QProgressDialog(label, "Stop", 0, 0, self._parent)
        dlg.setWindowTitle("Adding evidence")
        # Not modal: a modal progress dialog runs the event loop inside setValue().
        dlg.setWindowModality(Qt.WindowModality.NonModal)
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setAccessibleName("Adding evidence")
        self._dialogs.track(dlg)
        self.progress = dlg
        self.job = self._worker.submit(fn, on_done=self._on_done, on_error=self._on_error,
                                       on_progress=self._on_progress)
        dlg.canceled.connect(self.cancel)
        dlg.show()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            if self.progress is not None:
                self.progress.setLabelText("Stopping after the file being read now…")

    def _on_progress(self, done: int, total: int) -> None:
        dlg = self.progress
        if dlg is not None:
            dlg.setMaximum(max(total, 1))
            dlg.setValue(done)
            dlg.setLabelText(f"Adding evidence to the vault… {done} of {total}")

    def _close_progress(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_done(self, report: object) -> None:
        self._close_progress()
        if self._closed:
            return
        if isinstance(report, ImportReport):
            self.finished.emit(report)
            self._dialogs.info(self._parent, "Evidence added", summary(report))

    def _on_error(self, error: object) -> None:
        self._close_progress()
        if self._closed:
            return
        self.finished.emit(ImportReport())
        self._dialogs.error(self._parent, error if isinstance(error, BaseException)
                            else str(error))

    def shutdown(self) -> None:
        self._closed = True
        if self.job is not None:
            self.job.cancel()
        self._close_progress()


def summary(report: ImportReport) -> str:
    text = report.summary()
    failed = [r for r in report.results if r.status.value == "failed"]
    if failed:
        text += "\n\nNot stored:\n" + "\n".join(f"• {r.name}: {r.message}" for r in failed[:10])
    return text
