"""Making the larger previews that import leaves for later, in the background.

A few at a time on the vault worker, so that whatever the person asks for next (opening an
incident, a save) waits behind one short batch at most, never behind hundreds of photos.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from ui.tasks import Job, JobContext
from vault.errors import VaultError
from vault.items import Items
from vault.model import Item

BATCH = 3

Run = Callable[[Callable[[JobContext], object], Callable[[object], None]], Job]


class PreviewMaker(QObject):
    def __init__(self, run: Run, items_api: Callable[[], Items],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self._items_api = items_api
        self._queue: list[str] = []
        self._known: set[str] = set()
        self._running = False

    @property
    def waiting(self) -> int:
        return len(self._queue)

    def add(self, items: list[Item]) -> None:
        """Queue every item that has a thumbnail but no preview yet."""
        for item in items:
            if item.has_thumbnail and not item.has_preview and item.id not in self._known:
                self._known.add(item.id)
                self._queue.append(item.id)
        if self._queue and not self._running:
            self._next()

    def clear(self) -> None:
        self._queue.clear()
        self._known.clear()
        self._running = False

    def _next(self) -> None:
        batch, self._queue = self._queue[:BATCH], self._queue[BATCH:]
        items = self._items_api

        def job(ctx: JobContext) -> int:
            made = 0
            for item_id in batch:
                if ctx.cancelled():
                    break
                try:
                    made += items().make_preview(item_id)
                except VaultError:
                    continue  # deleted meanwhile, or damaged: the viewer says so later
            return made

        self._running = True
        self._run(job, self._on_batch_done)

    def _on_batch_done(self, _made: object) -> None:
        self._running = False
        if self._queue:
            self._next()
