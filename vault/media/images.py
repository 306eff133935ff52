"""Raster images (JPEG, HEIC, PNG, GIF, WebP, TIFF, BMP): facts and upright previews in memory.

Speed: a JPEG is scaled while it is decoded (`draft()`, with an aspect-correct size, or
libjpeg silently does not scale) and the orientation is applied to the small result, never to
the full picture. EXIF is read from the header without decoding pixels; for PNG we walk the
chunks ourselves because Pillow's `getexif()` on a PNG may decode the whole image.

Safety: the pixel count is checked against `limits.DECODE_PIXEL_BUDGET` before anything is
decoded, Pillow refuses declared bombs at open, and truncated pictures get no preview at all
(`LOAD_TRUNCATED_IMAGES` stays off; see `limits.configure_pillow`).
"""

from __future__ import annotations

import contextlib
import io
import math
import pathlib
import re
from dataclasses import dataclass
from typing import Any

from PIL import Image

from . import bmff, limits
from . import exif as exif_mod
from .info import (
    NO_CAPTURE_TIME,
    NO_PREVIEW_DAMAGED,
    NO_PREVIEW_TOO_BIG,
    NO_PREVIEW_TRUNCATED,
    MediaInfo,
)

limits.configure_pillow()

_TRANSPOSE: dict[int, list[Image.Transpose]] = {
    1: [],
    2: [Image.Transpose.FLIP_LEFT_RIGHT],
    3: [Image.Transpose.ROTATE_180],
    4: [Image.Transpose.FLIP_TOP_BOTTOM],
    5: [Image.Transpose.TRANSPOSE],
    6: [Image.Transpose.ROTATE_270],
    7: [Image.Transpose.TRANSVERSE],
    8: [Image.Transpose.ROTATE_90],
}

SCREENSHOT_NOTE = "Screenshots carry little or no metadata; nothing was guessed."
NO_CAMERA_NOTE = (
    "This picture carries no camera data (apps often remove it when a picture is sent on); "
    "nothing was guessed."
)


_JPEG_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def jpeg_problem(data: bytes) -> str:
    """A sentence on damage to a JPEG's structure (markers, scans, end), or "" when whole.

    libjpeg decodes through junk in the picture data without an error, so the structure is
    walked here: one C-speed regex search per scan, a few Python steps per segment.
    """
    n = len(data)
    pos = 2
    for _ in range(10_000):
        while pos < n and data[pos] == 0xFF and pos + 1 < n and data[pos + 1] == 0xFF:
            pos += 1  # fill bytes
        if pos + 2 > n:
            return "The file ends early; part of the picture is missing."
        if data[pos] != 0xFF:
            return "The picture data is damaged: unexpected bytes where a section should start."
        marker = data[pos + 1]
        if marker == 0xD9:
            return ""
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        if pos + 4 > n:
            return "The file ends early; part of the picture is missing."
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if length < 2:
            return "The picture data is damaged: a section has an impossible size."
        pos += 2 + length
        if marker == 0xDA:
            m = _JPEG_MARKER.search(data, pos)
            if m is None:
                return "The file ends early; part of the picture is missing."
            pos = m.start()
    return "The picture has an unusual number of sections and was not checked to the end."


class TooBig(Exception):
    """The picture holds more pixels than we decode."""


@dataclass
class _Opened:
    im: Image.Image
    orientation: int
    facts: exif_mod.ExifFacts
    png: exif_mod.PngChunks | None


def _open(data: bytes | None, path: pathlib.Path | None = None) -> Image.Image:
    if data is not None:
        return Image.open(io.BytesIO(data))
    if path is None:
        raise ValueError("nothing to open")
    return Image.open(path)


def _facts(im: Image.Image, data: bytes | None) -> _Opened:
    png = None
    xmp: Any = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if im.format == "PNG" and data is not None:
        png = exif_mod.walk_png(data)
        parsed = exif_mod.exif_from_bytes(png.exif) if png.exif else None
        facts = (
            exif_mod.read_exif(parsed, "the EXIF data the device wrote into the PNG")
            if parsed is not None
            else exif_mod.ExifFacts()
        )
        xmp = png.xmp or xmp
    elif im.format == "PNG":
        facts = exif_mod.ExifFacts()
    else:
        try:
            facts = exif_mod.read_exif(im.getexif())
        except Exception:  # odd EXIF must never stop an import
            facts = exif_mod.ExifFacts()
    if not facts.capture_time:
        when, note = exif_mod.xmp_capture_time(xmp)
        if when:
            facts.capture_time, facts.capture_time_note = when, note
    orientation = facts.orientation
    if orientation == 1 and im.format != "HEIF":
        orientation = exif_mod.xmp_orientation(xmp)
    return _Opened(im, orientation, facts, png)


def _to_rgb(im: Image.Image) -> Image.Image:
    if im.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        im = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = im.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if im.mode != "RGB":
        im = im.convert("RGB")
    return im


def _render(opened: _Opened, max_px: int) -> Image.Image:
    """Decode frame 0 scaled to fit max_px, upright, RGB. Raises on damage."""
    im = opened.im
    if getattr(im, "n_frames", 1) > 1:
        im.seek(0)
    w, h = im.size
    if im.format == "JPEG":
        scale = min(1.0, max_px / max(w, h))
        im.draft("RGB", (max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale))))
    dw, dh = im.size
    if dw * dh > limits.DECODE_PIXEL_BUDGET:
        raise TooBig
    im.load()
    if im.mode in ("1", "P", "I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        im = _to_rgb(im) if im.mode != "1" else im.convert("L")
    im.thumbnail((max_px, max_px), Image.Resampling.LANCZOS, reducing_gap=3.0)
    for op in _TRANSPOSE.get(opened.orientation, []):
        im = im.transpose(op)
    return _to_rgb(im)


def _jpeg(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=limits.JPEG_QUALITY, optimize=False)
    return buf.getvalue()


def render_jpeg(data: bytes, max_px: int) -> bytes | None:
    """An upright JPEG of the first frame or page, fitting max_px; None if impossible."""
    try:
        with _open(data) as im:
            if im.format == "JPEG" and jpeg_problem(data):
                return None
            if im.format == "HEIF" and bmff.heif_items_missing(data):
                return None
            return _jpeg(_render(_facts(im, data), max_px))
    except Exception:  # damage of any kind: no preview, the caller says why via inspect
        return None


def render_upright(data: bytes, max_px: int) -> Image.Image | None:
    """The first frame or page as an upright RGB Pillow image fitting max_px; None if
    it cannot be decoded within the limits."""
    try:
        with _open(data) as im:
            if im.format == "JPEG" and jpeg_problem(data):
                return None
            if im.format == "HEIF" and bmff.heif_items_missing(data):
                return None
            return _render(_facts(im, data), max_px)
    except Exception:  # damage of any kind
        return None


def _damage_sentence(exc: BaseException) -> tuple[str, str]:
    """(problem, preview_note) for a decoding failure."""
    text = str(exc).lower()
    if isinstance(exc, TooBig | Image.DecompressionBombError):
        return (
            "The picture claims to be extremely large; it was not opened, to keep the "
            "computer safe.",
            NO_PREVIEW_TOO_BIG,
        )
    if "truncated" in text or isinstance(exc, EOFError) or "end of file" in text:
        return ("The file ends early; part of the picture is missing.", NO_PREVIEW_TRUNCATED)
    return ("The picture data is damaged.", NO_PREVIEW_DAMAGED)


def _suggest_kind(im: Image.Image, facts: exif_mod.ExifFacts, name: str, w: int, h: int) -> str:
    lname = name.lower()
    if im.format == "TIFF" and (im.mode == "1" or getattr(im, "n_frames", 1) > 1):
        return "letter"
    if "screenshot" in lname or "screen shot" in lname or "bildschirmfoto" in lname:
        return "message_screenshot"
    if facts.has_camera_data and facts.device:
        return "photo"
    if im.format in ("PNG", "WEBP") and w and h and max(w, h) / min(w, h) >= 1.6:
        return "message_screenshot"
    return "photo"


def inspect_image(
    data: bytes | None, path: pathlib.Path | None, name: str, media_type: str
) -> MediaInfo:
    info = MediaInfo(media_type=media_type, suggested_kind="photo")
    try:
        im = _open(data, path)
    except Image.DecompressionBombError as exc:
        info.problems.append(_damage_sentence(exc)[0])
        info.preview_note = NO_PREVIEW_TOO_BIG
        info.capture_time_note = NO_CAPTURE_TIME
        return info
    except Exception as exc:
        problem, note = _damage_sentence(exc)
        if media_type == "image/heic":
            problem = "The picture could not be read: the file is damaged or incomplete."
        info.problems.append(problem)
        info.preview_note = note
        info.capture_time_note = NO_CAPTURE_TIME
        return info
    with im:
        opened = _facts(im, data)
        facts = opened.facts
        w, h = im.size
        if opened.orientation in (5, 6, 7, 8):
            w, h = h, w
        info.width, info.height = w, h
        try:
            frames = int(getattr(im, "n_frames", 1))
        except Exception:
            frames = 1
            info.problems.append("Some frames of the picture could not be counted.")
        info.frames = frames
        info.device = facts.device
        info.gps = facts.gps
        info.capture_time = facts.capture_time
        info.capture_time_note = facts.capture_time_note
        if not info.capture_time and opened.png is not None and opened.png.time:
            info.capture_time = opened.png.time
            info.capture_time_note = (
                "From the PNG's time record: when the picture file was last changed (in UTC), "
                "which may not be when it was taken."
            )
        if not info.capture_time and not info.capture_time_note:
            info.capture_time_note = NO_CAPTURE_TIME
        details: dict[str, Any] = {
            "format": im.format or "",
            "mode": im.mode,
            "animated": bool(getattr(im, "is_animated", False)),
            "orientation": opened.orientation,
        }
        if facts.software:
            details["software"] = facts.software
        dpi = im.info.get("dpi")
        if isinstance(dpi, tuple) and len(dpi) == 2:
            with contextlib.suppress(TypeError, ValueError):
                details["dpi"] = [round(float(dpi[0]), 2), round(float(dpi[1]), 2)]
        if im.format == "HEIF":
            details["images"] = frames
        info.details = details
        info.suggested_kind = _suggest_kind(im, facts, name, w, h)
        if info.suggested_kind == "message_screenshot":
            info.metadata_note = SCREENSHOT_NOTE
        elif not facts.has_camera_data and im.format in ("JPEG", "HEIF", "WEBP"):
            info.metadata_note = NO_CAMERA_NOTE
        if opened.png is not None and opened.png.problem:
            info.problems.append(opened.png.problem)
        structural = ""
        if data is not None and im.format == "JPEG":
            structural = jpeg_problem(data)
        elif data is not None and im.format == "HEIF" and bmff.heif_items_missing(data):
            structural = "The file ends early: parts of the pictures it holds are missing."
        if structural:
            info.problems.append(structural)
            info.preview_note = (
                NO_PREVIEW_TRUNCATED if "ends early" in structural else NO_PREVIEW_DAMAGED
            )
            return info
        # A check decode at small size finds truncated or damaged picture data. JPEG and HEIC
        # skip it: their structure was walked above (libjpeg decodes through corrupt data
        # without an error anyway), and decoding them costs as much as the thumbnail itself
        # (35 ms for 12 MP JPEG, 200 ms for HEIC). make_thumbnail still returns None if they fail.
        if data is not None and im.format not in ("JPEG", "HEIF"):
            try:
                _render(opened, 64)
            except Exception as exc:
                problem, note = _damage_sentence(exc)
                if problem not in info.problems:
                    info.problems.append(problem)
                info.preview_note = note
        elif w * h > limits.DECODE_PIXEL_BUDGET:
            info.preview_note = NO_PREVIEW_TOO_BIG
    return info
