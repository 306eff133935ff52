"""Decoding pictures for the grid and the viewer (Pillow, in memory)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtGui import QColor, QImage

from tests.ui.view.helpers import make_jpeg, png_bytes
from ui.evidence.picture import read_image
from ui.evidence.thumbnails import GRID_PX, decode


def test_a_turned_photo_comes_out_upright(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = make_jpeg(tmp_path / "r.jpg", (200, 30, 30), size=(400, 200), orientation=6).read_bytes()
    image = read_image(data)
    assert image is not None and (image.width(), image.height()) == (200, 400)
    red = QColor(image.pixel(100, 200))
    assert red.red() > 180 and red.green() < 60


def test_thumbnails_fit_the_grid_and_keep_their_shape(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = make_jpeg(tmp_path / "w.jpg", (10, 120, 10), size=(1600, 800)).read_bytes()
    image = decode(data)
    assert image is not None
    assert (image.width(), image.height()) == (GRID_PX, GRID_PX // 2)
    assert image.format() == QImage.Format.Format_RGB32


def test_transparency_is_kept(qapp) -> None:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    Image.new("RGBA", (30, 20), (0, 0, 255, 128)).save(buf, "PNG")
    image = read_image(buf.getvalue())
    assert image is not None and image.hasAlphaChannel()
    assert QColor.fromRgba(image.pixel(3, 3)).alpha() == 128
    assert read_image(png_bytes((1, 2, 3), (50, 40))) is not None


def test_broken_bytes_give_no_picture(qapp) -> None:  # type: ignore[no-untyped-def]
    assert read_image(b"not a picture") is None
    assert read_image(make_truncated()) is None  # cut off inside its header
    assert decode(b"") is None and decode(None) is None


def make_truncated() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (9, 9, 9)).save(buf, "JPEG")
    return buf.getvalue()[:40]
