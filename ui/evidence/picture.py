"""Getting the picture of an exhibit into memory, upright. Runs on the vault worker."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader

from vault.items import Items
from vault.model import Item

ORIGINAL_LIMIT = 64 * 1024 * 1024  # larger originals are only shown by their preview


def read_image(data: bytes) -> QImage | None:
    """Decode bytes in memory, turned upright by their EXIF orientation."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    image = reader.read()
    buffer.close()
    return None if image.isNull() else image


def load_picture(items: Items, item: Item) -> tuple[QImage | None, str]:
    """The best picture there is: the page-sized preview, the original, or the thumbnail."""
    data = items.preview(item.id)
    if data:
        image = read_image(data)
        if image is not None:
            return image, ""
    if item.is_image and 0 < item.size <= ORIGINAL_LIMIT:
        image = read_image(items.read_original(item.id, log_view=False))
        if image is not None:
            return image, ""
    data = items.thumbnail(item.id)
    if data:
        image = read_image(data)
        if image is not None:
            return image, "Only a small picture could be made of this one."
    return None, item.preview_note or "There is no picture to show for this kind of file."
