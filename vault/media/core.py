"""The public entry points: inspect a file, make a thumbnail or a page-sized preview.

Everything happens in memory; nothing is written to disk, logged or printed.
"""

from __future__ import annotations

import pathlib

from . import limits
from .info import KEPT, NO_CAPTURE_TIME, NO_PREVIEW_UNKNOWN, MediaInfo
from .sniff import OCTET, sniff

limits.configure_pillow()

_IMAGE_TYPES = {
    "image/jpeg",
    "image/png",
    "image/apng",
    "image/gif",
    "image/webp",
    "image/tiff",
    "image/bmp",
    "image/heic",
    "image/avif",
}


def _head(data: bytes | None, path: pathlib.Path | None) -> bytes:
    if data is not None:
        return data[: limits.SNIFF_BYTES]
    if path is None:
        return b""
    try:
        with path.open("rb") as fh:
            return fh.read(limits.SNIFF_BYTES)
    except OSError:
        return b""


def _inspect(data: bytes | None, path: pathlib.Path | None, name: str, mt: str) -> MediaInfo:
    if mt in _IMAGE_TYPES:
        from .images import inspect_image

        return inspect_image(data, path, name, mt)
    if mt == "application/pdf":
        from .pdfs import inspect_pdf

        return inspect_pdf(data, path, name)
    if mt.startswith(("audio/", "video/")) or mt == "application/ogg":
        from .avmedia import inspect_av

        return inspect_av(data, path, name, mt)
    if mt in ("message/rfc822", "application/mbox", "application/vnd.ms-outlook"):
        if data is None:
            info = MediaInfo(media_type=mt, suggested_kind="email")
            info.preview_note = "No picture preview: the mail's text is shown instead."
            info.capture_time_note = NO_CAPTURE_TIME
            info.problems.append("The mail file is too large to look inside here.")
            return info
        from . import emails

        if mt == "message/rfc822":
            return emails.inspect_eml(data, name)
        if mt == "application/mbox":
            return emails.inspect_mbox(data, name)
        return emails.inspect_msg(data, name)
    kind = "document" if mt.startswith("text/") or mt.startswith("application/vnd.") else "other"
    info = MediaInfo(media_type=mt, suggested_kind=kind)
    info.capture_time_note = NO_CAPTURE_TIME
    info.preview_note = NO_PREVIEW_UNKNOWN
    return info


def inspect(data: bytes | None, path: pathlib.Path | None, name: str) -> MediaInfo:
    """What a file is and what it says about itself. Never raises for bad input.

    `data` is the whole file (up to 256 MiB); for bigger files it is None and `path` is read
    only as far as needed. `name` serves only as a tie-breaker for the type and is never logged.
    """
    mt = sniff(_head(data, path), name)
    try:
        info = _inspect(data, path, name, mt)
    except Exception:
        info = MediaInfo(media_type=mt, suggested_kind="other")
        info.capture_time_note = NO_CAPTURE_TIME
        info.problems.append("The file could not be read as the kind of file it looks like.")
        info.preview_note = f"No preview can be made: the file could not be read. {KEPT}"
    if mt == OCTET and not info.problems:
        info.details.setdefault("note", "The kind of file could not be recognised.")
    return info


def _make(data: bytes, media_type: str, max_px: int) -> bytes | None:
    if not data or max_px < 1:
        return None
    try:
        if media_type in _IMAGE_TYPES:
            from .images import render_jpeg

            return render_jpeg(data, max_px)
        if media_type == "application/pdf":
            from .pdfs import render_pdf_page

            return render_pdf_page(data, max_px)
        if media_type.startswith("video/"):
            from .avmedia import poster

            return poster(data, max_px)
    except Exception:
        return None
    return None


def make_thumbnail(data: bytes, media_type: str, max_px: int = 256) -> bytes | None:
    """A JPEG thumbnail, upright, fitting max_px square; None if impossible."""
    return _make(data, media_type, max_px)


def make_preview(data: bytes, media_type: str, max_px: int = 1600) -> bytes | None:
    """A page-sized upright JPEG (viewer and PDF bundle); None if impossible."""
    return _make(data, media_type, max_px)
