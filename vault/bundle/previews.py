"""Page-sized pictures for the report: stored ones reused, missing ones made on both cores.

The originals are read once, by the one thread that talks to the vault, while they are being
written to exhibits/; a copy of those that need a picture goes to a small pool of workers.
At most `2 × workers` originals wait in memory at a time.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from vault.model import Item

PreviewFn = Callable[[bytes, str], bytes | None]

# Originals larger than this are not held in memory to make a picture from.
MAX_PREVIEW_INPUT = 256 * 1024 * 1024
NO_PREVIEW = "No picture could be made from this file; the original is in the bundle."


def wants_picture(item: Item) -> bool:
    """Images get a picture; a PDF letter shows its first page, a video one frame."""
    return (
        item.is_image
        or item.media_type == "application/pdf"
        or item.media_type.startswith("video/")
    )


def default_preview_fn() -> PreviewFn | None:
    """vault.media.make_preview, once the media module provides it."""
    try:
        media = importlib.import_module("vault.media")
    except ImportError:
        return None
    fn = getattr(media, "make_preview", None)
    return fn if callable(fn) else None


def _safe_call(fn: PreviewFn, data: bytes, media_type: str) -> bytes | None:
    try:
        return fn(data, media_type)
    except Exception:  # a damaged file must not stop the bundle; the page says so
        return None


class PreviewPool:
    """Makes previews in worker threads; results come back to the caller's thread in order."""

    def __init__(self, fn: PreviewFn, workers: int) -> None:
        self._fn = fn
        self._limit = max(1, workers) * 2
        self._pool = ThreadPoolExecutor(
            max_workers=max(1, workers), thread_name_prefix="bundle-preview"
        )
        self._pending: deque[tuple[Item, Future[bytes | None]]] = deque()

    def submit(self, item: Item, data: bytes) -> list[tuple[Item, bytes | None]]:
        """Queue one; returns results finished so far, waiting only while the queue is full."""
        self._pending.append((item, self._pool.submit(_safe_call, self._fn, data, item.media_type)))
        done: list[tuple[Item, bytes | None]] = []
        while self._pending and (len(self._pending) > self._limit or self._pending[0][1].done()):
            first, future = self._pending.popleft()
            done.append((first, future.result()))
        return done

    def finish(self) -> list[tuple[Item, bytes | None]]:
        done = [(item, future.result()) for item, future in self._pending]
        self._pending.clear()
        return done

    def close(self) -> None:
        for _, future in self._pending:
            future.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
