"""Saving an incident without a save button: a short pause after typing, leaving the
editor, choosing another incident, or locking all save it. Saves run on the vault worker,
in order, each with a snapshot of the fields at that moment.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ui.dialogs import error_text
from ui.incidents.editor import IncidentEditor
from ui.tasks import VaultWorker
from vault.errors import Cancelled
from vault.model import Incident

DELAY_MS = 800

SAVED = "Saved"
SAVING = "Saving…"


class Autosaver(QObject):
    state_changed = Signal(str)
    saved = Signal(object)  # the Incident the vault kept

    def __init__(self, editor: IncidentEditor, worker: VaultWorker,
                 save: Callable[[Incident], Incident], delay_ms: int = DELAY_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._worker = worker
        self._save = save
        self._dirty = False
        self._in_flight = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        editor.edited.connect(self._on_editor_edited)

    @property
    def pending(self) -> bool:
        """Edits on screen not yet handed to the worker."""
        return self._dirty

    @property
    def busy(self) -> bool:
        return self._dirty or self._in_flight > 0

    def _on_editor_edited(self) -> None:
        self._dirty = True
        self._timer.start()
        self._set_state(SAVING)

    def flush(self) -> None:
        """Hand the edits on screen to the worker now (no-op when there are none)."""
        self._timer.stop()
        if not self._dirty or not self._editor.incident_id:
            self._dirty = False
            return
        snapshot = self._editor.value()
        self._dirty = False
        self._in_flight += 1
        save = self._save
        self._worker.submit(lambda _ctx: save(snapshot), on_done=self._on_job_done,
                            on_error=self._on_job_failed)

    def save_now(self) -> bool:
        """Save on this thread, for the lock sequence. True if saved.

        Also when the edits were already handed to the worker: hiding the windows moves the
        focus, which hands them over, and the lock then cancels jobs that have not started.
        Saving the same words twice makes no new version.
        """
        self._timer.stop()
        if not (self._dirty or self._in_flight) or not self._editor.incident_id:
            return False
        snapshot = self._editor.value()
        self._dirty = False
        try:
            self._save(snapshot)
        except Exception:  # noqa: BLE001 - locking goes on; nothing is shown now
            return False
        return True

    def forget(self) -> None:
        """Drop any pending state (after the editor was cleared)."""
        self._timer.stop()
        self._dirty = False

    def _on_job_done(self, result: object) -> None:
        self._in_flight -= 1
        if isinstance(result, Incident):
            self._editor.show_saved(result)
            self.saved.emit(result)
        if not self.busy:
            self._set_state(SAVED)

    def _on_job_failed(self, error: object) -> None:
        self._in_flight -= 1
        self._dirty = True  # the next edit or flush tries again
        if isinstance(error, Cancelled):
            self._set_state("Not saved yet")
        else:
            message = error_text(error) if isinstance(error, BaseException) else str(error)
            self._set_state(f"Not saved: {message}")

    def _set_state(self, words: str) -> None:
        self._editor.set_state(words)
        self.state_changed.emit(words)
