"""Check integrity: re-read every exhibit and the log, with progress and a plain result."""

from __future__ import annotations

from PySide6.QtCore import Signal

from ui.progress_job import ProgressJob
from ui.tasks import JobContext
from vault.errors import Cancelled
from vault.items import IntegrityReport


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


class IntegrityCheck(ProgressJob):
    finished = Signal(object)  # IntegrityReport, or None when stopped
    TITLE = "Checking the vault"

    def start(self) -> None:
        if self.job is not None:
            return
        items = self._items

        def job(ctx: JobContext) -> IntegrityReport:
            return items().verify(progress=ctx.progress, cancelled=ctx.cancelled)

        self._start(job, "Re-reading every piece of evidence…")

    def _on_done(self, report: object) -> None:
        if isinstance(report, IntegrityReport):
            self.finished.emit(report)
            self._dialogs.info(self._parent, "Integrity check", result_text(report))

    def _on_error(self, error: object) -> None:
        self.finished.emit(None)
        if isinstance(error, Cancelled):
            self._dialogs.info(self._parent, "Integrity check",
                               "The check was stopped. Nothing was changed.")
        else:
            super()._on_error(error)
