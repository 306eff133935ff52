"""A long job on the vault worker with a progress window, a Stop button and one result.

Import and the integrity check both run this way. The window is not modal: a modal
QProgressDialog runs the event loop inside setValue().
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.dialogs import Dialogs
from ui.tasks import Job, JobContext, VaultWorker
from vault.items import Items


class ProgressJob(QObject):
    TITLE = ""
    STOPPING = "Stopping…"

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

    def _start(self, fn: Callable[[JobContext], object], label: str) -> None:
        dlg = QProgressDialog(label, "Stop", 0, 0, self._parent)
        dlg.setWindowTitle(self.TITLE)
        dlg.setAccessibleName(self.TITLE)
        dlg.setWindowModality(Qt.WindowModality.NonModal)
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        self._dialogs.track(dlg)
        self.progress = dlg
        self.job = self._worker.submit(fn, on_done=self._job_done, on_error=self._job_failed,
                                       on_progress=self._on_progress)
        dlg.canceled.connect(self.cancel)
        dlg.show()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            if self.progress is not None:
                self.progress.setLabelText(self.STOPPING)

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(1, total))
            self.progress.setValue(done)
            self._progress_text(self.progress, done, total)

    def _progress_text(self, dialog: QProgressDialog, done: int, total: int) -> None:
        """Say how far it has got (override)."""

    def _close(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _job_done(self, result: object) -> None:
        self._close()
        if not self._closed:
            self._on_done(result)

    def _job_failed(self, error: object) -> None:
        self._close()
        if not self._closed:
            self._on_error(error)

    def _on_done(self, result: object) -> None:
        """The job finished (override)."""

    def _on_error(self, error: object) -> None:
        self._dialogs.error(self._parent, error if isinstance(error, BaseException)
                            else str(error))

    def shutdown(self) -> None:
        self._closed = True
        if self.job is not None:
            self.job.cancel()
        self._close()
