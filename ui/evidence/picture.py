"""Getting the picture of an exhibit into memory, upright. Runs on the vault worker."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader

from vault.items import Items
from vault.model import Item


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
