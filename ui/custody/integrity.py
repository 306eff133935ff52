"""Check integrity: re-read every exhibit and the log, with progress and a plain result."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.dialogs import Dialogs
from ui.tasks import Job, JobContext, VaultWorker
from vault.errors import Cancelled
from vault.items import IntegrityReport, Items


def result_text(report: IntegrityReport) -> str:
    n = report.items_checked
    if report.ok:
        return (f"Everything checks. {n} piece{'s' if n != 1 else ''} of evidence re-read: each "
                "still matches the fingerprint taken when it was added, and the custody log "
                "is whole and signed.")
    shown = report.problems[:12]
    more = len(report.problems) - len(shown)
    text = (f"{n} pieces of evidence re-read. Some things did not check:\n\n"
            + "\n".join(f"• {p}" for p in shown))
    if more:
        text += f"\n… and {more} more."
    return text + ("\n\nNothing was changed or deleted. Keep a copy of the vault folder and "
                   "ask for help before changing anything.")


class IntegrityCheck(QObject):
    finished = Signal(object)  # IntegrityReport, or None when stopped

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

    def start(self) -> None:
        if self.job is not None:
            return
        items = self._items

        def job(ctx: JobContext) -> IntegrityReport:
            return items().verify(progress=ctx.progress, cancelled=ctx.cancelled)

        dlg = QProgressDialog("Re-reading every piece of evidence…", "Stop", 0, 0, self._parent)
        dlg.setWindowTitle("Checking the vault")
        # Not modal: a modal progress dialog runs the event loop inside setValue().
        dlg.setWindowModality(Qt.WindowModality.NonModal)
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        self._dialogs.track(dlg)
        self.progress = dlg
        self.job = self._worker.submit(job, on_done=self._on_done, on_error=self._on_error,
                                       on_progress=self._on_progress)
        dlg.canceled.connect(self.cancel)
        dlg.show()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(1, total))
            self.progress.setValue(done)

    def _close(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_done(self, report: object) -> None:
        self._close()
        if self._closed:
            return
        if isinstance(report, IntegrityReport):
            self.finished.emit(report)
            self._dialogs.info(self._parent, "Integrity check", result_text(report))

    def _on_error(self, error: object) -> None:
        self._close()
        if self._closed:
            return
        self.finished.emit(None)
        if isinstance(error, Cancelled):
            self._dialogs.info(self._parent, "Integrity check",
                               "The check was stopped. Nothing was changed.")
        else:
            self._dialogs.error(self._parent, error if isinstance(error, BaseException)
                                else str(error))

    def shutdown(self) -> None:
        self._closed = True
        self.cancel()
        self._close()
