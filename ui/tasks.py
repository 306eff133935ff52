"""One background worker for everything that touches the vault (STYLE.md habits 3 and 4).

Jobs run one at a time, in the order they were submitted, on a single thread owned by
`VaultWorker`, so writes to the vault never overlap. A job is a plain callable taking a
`JobContext`; its result or exception comes back on the GUI thread through signals, and the
callbacks given to `submit` always run on the GUI thread. Jobs never touch widgets.

Cancelling is a flag the job checks (`ctx.cancelled()`); a thread is never terminated.
`cancel_all()` (used by the lock sequence) also drops every callback of the jobs it cancels:
whoever asked for them is about to be destroyed, and nothing decrypted may be handed back.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from vault.errors import Cancelled

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.03  # at most ~30 progress updates a second reach the GUI


class JobContext:
    """Handed to the job function; lives on the worker thread."""

    def __init__(self, job: Job, emit_progress: Callable[[int, int, int], None]) -> None:
        self._job = job
        self._emit = emit_progress
        self._last = 0.0

    def progress(self, done: int, total: int) -> None:
        """Report progress; re-emitted on the GUI thread (throttled, the last step always)."""
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self._emit(self._job.job_id, done, total)

    def cancelled(self) -> bool:
        return self._job.is_cancelled


class Job(QObject):
    """A submitted job. Its signals are emitted on the GUI thread."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, job_id: int, fn: Callable[[JobContext], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job_id = job_id
        self.fn = fn
        self._cancel = threading.Event()
        self.detached = False  # set by cancel_all: callbacks are dropped

    def cancel(self) -> None:
        """Ask the job to stop. It stops at its next check; a job not yet started never runs."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


_STOP = object()


class _Thread(QThread):
    """Runs queued jobs until told to stop. Emits results; the GUI thread dispatches them."""

    job_done = Signal(int, object, object)  # job id, result, exception or None
    job_progress = Signal(int, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def run(self) -> None:
        while True:
            job = self.queue.get()
            if job is _STOP:
                return
            assert isinstance(job, Job)
            if job.is_cancelled:
                self.job_done.emit(job.job_id, None, Cancelled())
                continue
            ctx = JobContext(job, self.job_progress.emit)
            try:
                result = job.fn(ctx)
            except Exception as exc:  # noqa: BLE001 - handed to the GUI thread as it is
                self.job_done.emit(job.job_id, None, exc)
            else:
                self.job_done.emit(job.job_id, result, None)
            del ctx, job


class VaultWorker(QObject):
    """Owns one QThread; runs jobs one at a time in submission order."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[int, Job] = {}
        self._next_id = 1
        self._thread = _Thread()
        self._thread.setObjectName("vault-worker")
        self._thread.job_done.connect(self._on_thread_job_done, Qt.ConnectionType.QueuedConnection)
        self._thread.job_progress.connect(self._on_thread_job_progress,
                                          Qt.ConnectionType.QueuedConnection)
        self._thread.start()
        self._stopped = False

    # -- public ----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def submit(self, fn: Callable[[JobContext], object],
               on_done: Callable[[object], None] | None = None,
               on_error: Callable[[Exception], None] | None = None,
               on_progress: Callable[[int, int], None] | None = None) -> Job:
        """Queue `fn` to run on the worker. Callbacks run on the GUI thread."""
        job = Job(self._next_id, fn, self)
        self._next_id += 1
        if on_done is not None:
            job.finished.connect(on_done)
        if on_error is not None:
            job.failed.connect(on_error)
        if on_progress is not None:
            job.progress.connect(on_progress)
        was_busy = self.busy
        self._jobs[job.job_id] = job
        if self._stopped:
            job.cancel()
            job.detached = True
            self._finish(job.job_id, None, Cancelled())
            return job
        self._thread.queue.put(job)
        if not was_busy:
            self.busy_changed.emit(True)
        return job

    def cancel_all(self) -> None:
        """Set every job's cancel flag and drop its callbacks. Never terminates a thread."""
        for job in list(self._jobs.values()):
            job.cancel()
            job.detached = True

    def shutdown(self) -> None:
        """cancel_all, then stop the thread and wait for it (join). Safe to call twice."""
        self.cancel_all()
        if not self._stopped:
            self._stopped = True
            self._thread.queue.put(_STOP)
            self._thread.wait()
        # Results that were queued but not yet delivered: deliver nothing, just forget.
        for job_id in list(self._jobs):
            self._finish(job_id, None, Cancelled())

    # -- from the worker thread (queued onto the GUI thread) --------------------------
    @Slot(int, object, object)
    def _on_thread_job_done(self, job_id: int, result: object, error: object) -> None:
        self._finish(job_id, result, error)

    @Slot(int, int, int)
    def _on_thread_job_progress(self, job_id: int, done: int, total: int) -> None:
        job = self._jobs.get(job_id)
        if job is not None and not job.detached:
            job.progress.emit(done, total)

    def _finish(self, job_id: int, result: object, error: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return
        try:
            if not job.detached:
                if error is None:
                    job.finished.emit(result)
                else:
                    if not isinstance(error, Cancelled):
                        log.info("background job failed: %s", type(error).__name__)
                    job.failed.emit(error)
        finally:
            job.fn = _done_fn  # drop the closure (it may hold decrypted data)
            job.deleteLater()
            if not self._jobs:
                self.busy_changed.emit(False)


def _done_fn(ctx: JobContext) -> object:
    return None
