"""Images made here: orientation, EXIF facts, PNG chunks, damage, decompression bombs."""

from __future__ import annotations

import io
import struct
import time
import zlib

import pytest
from PIL import Image

from vault.media import inspect, make_preview, make_thumbnail, sniff
from vault.media.images import jpeg_problem

RED, GREEN, BLUE, WHITE = (255, 0, 0), (0, 200, 0), (0, 0, 255), (255, 255, 255)

# The transpose that takes an upright picture to how it is stored for each orientation.
_STORE = {
    1: [],
    2: [Image.Transpose.FLIP_LEFT_RIGHT],
    3: [Image.Transpose.ROTATE_180],
    4: [Image.Transpose.FLIP_TOP_BOTTOM],
    5: [Image.Transpose.TRANSPOSE],
    6: [Image.Transpose.ROTATE_90],
    7: [Image.Transpose.TRANSVERSE],
    8: [Image.Transpose.ROTATE_270],
}


def upright_picture(w: int = 400, h: int = 300) -> Image.Image:
    """White, with a red block top-left, a blue block top-right, green bottom-left."""
    im = Image.new("RGB", (w, h), WHITE)
    im.paste(RED, (0, 0, w // 4, h // 4))
    im.paste(BLUE, (w - w // 4, 0, w, h // 4))
    im.paste(GREEN, (0, h - h // 4, w // 4, h))
    return im


def jpeg_with_exif(orientation: int = 1, exif_extra: dict[int, object] | None = None) -> bytes:
    im = upright_picture()
    for op in _STORE[orientation]:
        im = im.transpose(op)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 8 Plus"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = "2024:03:01 18:45:10"
    sub[0x9011] = "+01:00"
    for tag, value in (exif_extra or {}).items():
        exif[tag] = value
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=92, exif=exif)
    return buf.getvalue()


def close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 60) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=False))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_thumbnail_upright_for_every_orientation(orientation: int) -> None:
    data = jpeg_with_exif(orientation)
    thumb = make_thumbnail(data, "image/jpeg")
    assert thumb is not None
    im = Image.open(io.BytesIO(thumb)).convert("RGB")
    assert im.width > im.height  # 400x300 upright, landscape
    assert max(im.size) == 256
    w, h = im.size
    assert close(im.getpixel((5, 5)), RED)
    assert close(im.getpixel((w - 6, 5)), BLUE)
    assert close(im.getpixel((5, h - 6)), GREEN)
    assert close(im.getpixel((w - 6, h - 6)), WHITE)
    info = inspect(data, None, "x.jpg")
    assert (info.width, info.height) == (400, 300)


def test_preview_is_upright_and_bounded() -> None:
    data = jpeg_with_exif(6)
    prev = make_preview(data, "image/jpeg", max_px=200)
    assert prev is not None
    im = Image.open(io.BytesIO(prev)).convert("RGB")
    assert im.size == (200, 150)
    assert close(im.getpixel((3, 3)), RED)


def test_exif_facts() -> None:
    info = inspect(jpeg_with_exif(1), None, "photo.jpg")
    assert info.media_type == "image/jpeg"
    assert info.suggested_kind == "photo"
    assert info.device == "Apple iPhone 8 Plus"
    assert info.capture_time == "2024-03-01T18:45:10+01:00"
    assert "time zone" in info.capture_time_note
    assert info.preview_note == "" and info.problems == []


def test_no_time_zone_and_no_time() -> None:
    im = upright_picture()
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2021:01:02 03:04:05"
    buf = io.BytesIO()
    im.save(buf, "JPEG", exif=exif)
    info = inspect(buf.getvalue(), None, "a.jpg")
    assert info.capture_time == "2021-01-02T03:04:05"
    assert "no time zone" in info.capture_time_note
    buf = io.BytesIO()
    im.save(buf, "JPEG")
    info = inspect(buf.getvalue(), None, "a.jpg")
    assert info.capture_time == ""
    assert info.capture_time_note == "The file records no capture time."


def test_invalid_exif_date_is_not_guessed() -> None:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "0000:00:00 00:00:00"
    buf = io.BytesIO()
    upright_picture().save(buf, "JPEG", exif=exif)
    info = inspect(buf.getvalue(), None, "a.jpg")
    assert info.capture_time == ""
    assert "nothing was guessed" in info.capture_time_note


def test_gps() -> None:
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 30.0, 0.0)
    gps[3], gps[4] = "W", (0.0, 7.0, 30.0)
    buf = io.BytesIO()
    upright_picture().save(buf, "JPEG", exif=exif)
    info = inspect(buf.getvalue(), None, "a.jpg")
    assert info.gps == [51.5, -0.125]


def test_png_exif_chunk_and_tall_screenshot() -> None:
    im = Image.new("RGB", (300, 650), WHITE)
    im.paste(RED, (0, 0, 50, 50))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2024:01:20 00:43:32"
    exif[0x0112] = 0  # not a valid value, as some Android phones write
    buf = io.BytesIO()
    im.save(buf, "PNG", exif=exif)
    data = buf.getvalue()
    info = inspect(data, None, "shot.png")
    assert info.media_type == "image/png"
    assert info.suggested_kind == "message_screenshot"
    assert info.capture_time == "2024-01-20T00:43:32"
    assert info.metadata_note
    thumb = Image.open(io.BytesIO(make_thumbnail(data, "image/png") or b""))
    assert thumb.size == (118, 256)  # whole, not cropped
    assert close(thumb.convert("RGB").getpixel((3, 3)), RED)


def test_transparent_png_gets_white_background() -> None:
    im = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    thumb = make_thumbnail(buf.getvalue(), "image/png")
    assert thumb is not None
    assert close(Image.open(io.BytesIO(thumb)).convert("RGB").getpixel((20, 20)), WHITE, 10)


def test_animated_gif_first_frame_and_count() -> None:
    frames = [Image.new("RGB", (60, 40), c) for c in (RED, GREEN, BLUE)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100)
    data = buf.getvalue()
    info = inspect(data, None, "a.gif")
    assert info.frames == 3 and info.details["animated"] is True
    thumb = make_thumbnail(data, "image/gif")
    assert thumb is not None
    assert close(Image.open(io.BytesIO(thumb)).convert("RGB").getpixel((30, 20)), RED)


def test_multipage_tiff_counts_pages() -> None:
    pages = [Image.new("1", (100, 140), 1) for _ in range(3)]
    buf = io.BytesIO()
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], compression="group4")
    info = inspect(buf.getvalue(), None, "scan.tif")
    assert info.frames == 3
    assert info.suggested_kind == "letter"
    assert make_thumbnail(buf.getvalue(), "image/tiff") is not None


def test_truncated_jpeg_gets_no_preview() -> None:
    data = jpeg_with_exif(1)
    cut = data[: len(data) * 2 // 3]
    info = inspect(cut, None, "a.jpg")
    assert info.preview_note.startswith("No preview can be made")
    assert any("ends early" in p for p in info.problems)
    assert make_thumbnail(cut, "image/jpeg") is None
    assert jpeg_problem(data) == ""


def test_garbage_is_octet_stream_and_never_raises() -> None:
    for blob in (b"", b"\x00" * 10, b"\xff\xd8\xff" + b"\x00" * 20, b"\x89PNG\r\n\x1a\n" + b"x"):
        info = inspect(blob, None, "")
        assert isinstance(info.problems, list)
        assert make_thumbnail(blob, info.media_type) is None
    assert sniff(b"\x00\x01\x02") == "application/octet-stream"


def _png_chunk(ctype: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(ctype + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + ctype + payload + struct.pack(">I", crc)


def test_decompression_bomb_gets_no_preview_quickly() -> None:
    # 100,000 x 100,000 pixels declared (10 G pixels); the file itself is a few hundred bytes.
    side = 100_000
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * (side // 8)
    idat = zlib.compress(row * 4, 9)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )
    start = time.perf_counter()
    info = inspect(data, None, "bomb.png")
    thumb = make_thumbnail(data, info.media_type)
    prev = make_preview(data, info.media_type)
    elapsed = time.perf_counter() - start
    assert thumb is None and prev is None
    assert "too large" in info.preview_note
    assert info.problems
    assert elapsed < 1.0


def test_huge_text_chunk_is_not_allocated() -> None:
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + struct.pack(">I", 1 << 30)
        + b"iTXt"
        + b"XML:com.adobe.xmp\x00"
    )
    info = inspect(data, None, "x.png")
    assert info.preview_note and info.problems
    assert make_thumbnail(data, "image/png") is None


def test_xmp_orientation_in_png() -> None:
    im = upright_picture(120, 80)
    stored = im.transpose(Image.Transpose.ROTATE_180)
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
        b'22-rdf-syntax-ns#"><rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" '
        b'tiff:Orientation="3"/></rdf:RDF></x:xmpmeta>'
    )
    from PIL import PngImagePlugin

    meta = PngImagePlugin.PngInfo()
    meta.add_itxt("XML:com.adobe.xmp", xmp.decode())
    buf = io.BytesIO()
    stored.save(buf, "PNG", pnginfo=meta)
    thumb = make_thumbnail(buf.getvalue(), "image/png")
    assert thumb is not None
    assert close(Image.open(io.BytesIO(thumb)).convert("RGB").getpixel((3, 3)), RED)


def test_media_package_does_not_import_qt() -> None:
    import subprocess
    import sys

    code = "import sys, vault.media; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
