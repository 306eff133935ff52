"""Thumbnails decoded in memory on the vault worker (never on disk, never on the GUI thread).

Only the thumbnails of exhibits on screen are kept; the lock sequence drops them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from ui.evidence.picture import read_image
from ui.tasks import JobContext, VaultWorker

GRID_PX = 144
CHUNK = 24  # thumbnails per job, so edits saved meanwhile are not held up for long
ANNOUNCE_MS = 40


def decode(data: bytes | None, px: int = GRID_PX) -> QImage | None:
    """Bytes to a small QImage. Runs on the worker (QImage is safe off the GUI thread)."""
    return read_image(data, px) if data else None


class ThumbnailCache(QObject):
    updated = Signal(list)  # item ids whose thumbnail arrived

    def __init__(self, worker: VaultWorker, fetch: Callable[[str], bytes | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._fetch = fetch
        self._images: dict[str, QImage] = {}
        self._asked: set[str] = set()
        self._generation = 0
        # Batches that finish close together are announced once: Qt delivers every queued
        # result before its timers, and a view redrawn per batch held the event loop for
        # a tenth of a second at the end of a large import.
        self._arrived: list[str] = []
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.setInterval(ANNOUNCE_MS)
        self._announce.timeout.connect(self._on_announce_timeout)

    def get(self, item_id: str) -> QImage | None:
        return self._images.get(item_id)

    def request(self, item_ids: Iterable[str]) -> None:
        todo = [i for i in item_ids if i not in self._images and i not in self._asked]
        self._asked.update(todo)
        for at in range(0, len(todo), CHUNK):
            self._submit(todo[at:at + CHUNK])

    def _submit(self, ids: list[str]) -> None:
        fetch = self._fetch
        generation = self._generation

        def job(ctx: JobContext) -> dict[str, QImage]:
            out: dict[str, QImage] = {}
            for item_id in ids:
                if ctx.cancelled():
                    break
                image = decode(fetch(item_id))
                if image is not None:
                    out[item_id] = image
            return out

        self._worker.submit(job, on_done=lambda got: self._on_done(generation, got))

    def _on_done(self, generation: int, got: object) -> None:
        if generation != self._generation or not isinstance(got, dict):
            return
        self._images.update(got)
        if got:
            self._arrived.extend(got)
            if not self._announce.isActive():
                self._announce.start()

    def _on_announce_timeout(self) -> None:
        arrived, self._arrived = self._arrived, []
        ids = [i for i in arrived if i in self._images]
        if ids:
            self.updated.emit(ids)

    def keep_only(self, item_ids: Iterable[str]) -> None:
        keep = set(item_ids)
        self._images = {k: v for k, v in self._images.items() if k in keep}
        self._asked &= keep

    def forget(self, item_id: str) -> None:
        self._images.pop(item_id, None)
        self._asked.discard(item_id)

    def clear(self) -> None:
        self._generation += 1
        self._images = {}
        self._asked = set()
        self._arrived = []
        self._announce.stop()

    def __len__(self) -> int:
        return len(self._images)
