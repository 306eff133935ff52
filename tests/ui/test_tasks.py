"""The vault worker: order, GUI-thread callbacks, progress, cancel, join."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from ui.tasks import JobContext, VaultWorker
from vault.errors import Cancelled, InvalidInput


def test_jobs_run_in_order_off_the_gui_thread_and_call_back_on_it(qtbot, worker: VaultWorker):
    seen: list[tuple[str, bool]] = []
    threads: list[threading.Thread] = []
    gui = QThread.currentThread()

    def job(name: str):
        def fn(ctx: JobContext) -> str:
            threads.append(threading.current_thread())
            return name
        return fn

    def done(result: object) -> None:
        seen.append((str(result), QThread.currentThread() is gui))

    for name in "abc":
        worker.submit(job(name), on_done=done)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [("a", True), ("b", True), ("c", True)]
    assert all(t is not threading.main_thread() for t in threads)


def test_errors_and_progress_come_back(qtbot, worker: VaultWorker):
    errors: list[Exception] = []
    progress: list[tuple[int, int]] = []

    def fn(ctx: JobContext) -> None:
        ctx.progress(1, 2)
        ctx.progress(2, 2)
        raise InvalidInput("no")

    worker.submit(fn, on_error=errors.append, on_progress=lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], InvalidInput)
    assert progress[-1] == (2, 2)


def test_cancel_all_stops_a_running_job_and_skips_queued_ones(qtbot, worker: VaultWorker):
    started = threading.Event()
    ran: list[str] = []
    delivered: list[object] = []

    def long(ctx: JobContext) -> str:
        started.set()
        while not ctx.cancelled():
            QThread.msleep(1)
        ran.append("long")
        return "stopped"

    def later(ctx: JobContext) -> str:
        ran.append("later")
        return "later"

    with qtbot.waitSignal(worker.busy_changed) as busy:
        worker.submit(long, on_done=delivered.append, on_error=delivered.append)
        worker.submit(later, on_done=delivered.append)
    assert busy.args == [True]
    assert started.wait(5)
    with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda b: b is False):
        worker.cancel_all()
    assert ran == ["long"]
    assert delivered == []  # callbacks of cancelled jobs are dropped


def test_one_job_cancelled_reports_cancelled(qtbot, worker: VaultWorker):
    gate = threading.Event()
    errors: list[Exception] = []
    worker.submit(lambda ctx: gate.wait(5))
    job = worker.submit(lambda ctx: "never", on_error=errors.append)
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)


def test_shutdown_joins_and_later_submits_do_not_run(qtbot):
    w = VaultWorker()
    w.submit(lambda ctx: None)
    w.shutdown()
    assert w._thread.isFinished()
    ran: list[int] = []
    w.submit(lambda ctx: ran.append(1))
    assert ran == [] and not w.busy
    w.shutdown()
