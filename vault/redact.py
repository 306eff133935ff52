"""Redacted copies: the picture with parts blacked out, as a new exhibit.

The original is never changed. The copy is a new PNG made in memory: the upright picture
with each chosen box filled solid black. It carries no metadata of the original (no EXIF,
no GPS), so it can be shared where the original should not be.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import ImageDraw

from vault.errors import InvalidInput
from vault.media.images import render_upright

# (left, top, width, height) as fractions of the upright picture, 0..1
Box = tuple[float, float, float, float]
MAX_PX = 8192


def clamp_boxes(boxes: Sequence[Box]) -> list[Box]:
    out: list[Box] = []
    for left, top, width, height in boxes:
        x0, y0 = max(0.0, min(1.0, left)), max(0.0, min(1.0, top))
        x1, y1 = max(0.0, min(1.0, left + width)), max(0.0, min(1.0, top + height))
        if x1 > x0 and y1 > y0:
            out.append((x0, y0, x1 - x0, y1 - y0))
    return out


def redacted_png(picture: bytes, boxes: Sequence[Box]) -> bytes:
    """The picture upright with every box filled black, as PNG bytes."""
    boxes = clamp_boxes(boxes)
    if not boxes:
        raise InvalidInput("Draw at least one box over what should be hidden.")
    im = render_upright(picture, MAX_PX)
    if im is None:
        raise InvalidInput("This picture cannot be opened to make a copy with parts hidden.")
    draw = ImageDraw.Draw(im)
    w, h = im.size
    for left, top, width, height in boxes:
        # round outwards so a box never leaves a sliver of what it covers
        x0, y0 = int(left * w), int(top * h)
        x1, y1 = min(w, int((left + width) * w + 0.999)), min(h, int((top + height) * h + 0.999))
        draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=(0, 0, 0))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()
