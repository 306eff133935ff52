"""Getting the picture of an exhibit into memory, upright. Runs on the vault worker."""

from __future__ import annotations

import io

from PIL import Image, ImageOps
from PySide6.QtGui import QImage

from vault.items import Items
from vault.model import Item


def read_image(data: bytes, max_px: int = 0) -> QImage | None:
    """Decode bytes in memory, upright by their EXIF orientation, at most max_px a side.

    Pillow decodes and scales with Python's lock let go; Qt's own reader holds it, and
    the window froze while a batch of thumbnails was decoded on the worker.
    """
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if max_px:
                opened.draft("RGB", (max_px, max_px))  # JPEG: decode at a smaller scale
            image = ImageOps.exif_transpose(opened)
            if max_px and max(image.size) > max_px:
                image.thumbnail((max_px, max_px), Image.Resampling.BICUBIC)
            if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
                raw, fmt = image.convert("RGBA").tobytes("raw", "BGRA"), QImage.Format.Format_ARGB32
            else:
                raw, fmt = image.convert("RGB").tobytes("raw", "BGRX"), QImage.Format.Format_RGB32
            width, height = image.size
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    # Qt's byte order for these formats is B, G, R, A/X on little-endian machines.
    return QImage(raw, width, height, width * 4, fmt).copy()


def load_picture(items: Items, item: Item) -> tuple[QImage | None, str]:
    """The best picture there is: the page-sized preview (made now if import left it for
    later), or the thumbnail. Opening the viewer is logged as the exhibit being viewed."""
    items.mark_viewed(item.id)
    data = items.preview(item.id)
    if not data and items.make_preview(item.id):
        data = items.preview(item.id)
    if data:
        image = read_image(data)
        if image is not None:
            return image, ""
    data = items.thumbnail(item.id)
    if data:
        image = read_image(data)
        if image is not None:
            return image, "Only a small picture could be made of this one."
    return None, item.preview_note or "There is no picture to show for this kind of file."
