"""Capture time, device, GPS and orientation from EXIF, XMP and PNG chunks, without decoding.

Pillow's `Image.Exif` parses the EXIF block; everything here is defensive because EXIF in the
wild has empty values, wrong types, huge counts and bad offsets (corpus photos/odd-exif).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PIL import Image

from . import limits

TAG_MAKE = 0x010F
TAG_MODEL = 0x0110
TAG_ORIENTATION = 0x0112
TAG_DATETIME = 0x0132
TAG_SOFTWARE = 0x0131
IFD_EXIF = 0x8769
IFD_GPS = 0x8825
TAG_DATETIME_ORIGINAL = 0x9003
TAG_DATETIME_DIGITIZED = 0x9004
TAG_OFFSET_TIME_ORIGINAL = 0x9011
TAG_OFFSET_TIME_DIGITIZED = 0x9012

_OFFSET = re.compile(r"^[+-](0\d|1[0-4]):[0-5]\d$")
_XMP_ORIENTATION = re.compile(rb"tiff:Orientation(?:=\"|>)\s*([1-8])")


@dataclass
class ExifFacts:
    capture_time: str = ""
    capture_time_note: str = ""
    device: str = ""
    gps: list[float] | None = None
    orientation: int = 1
    software: str = ""
    has_camera_data: bool = False  # Make, Model or a capture time present


def _text(value: Any, limit: int = 200) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return ""
    cleaned = "".join(c if c.isprintable() else " " for c in value)
    words = [w for w in cleaned.split() if any(ch.isalnum() for ch in w)]
    return " ".join(words)[:limit]


def device_name(make: str, model: str) -> str:
    """'Apple' + 'iPhone 8 Plus' -> 'Apple iPhone 8 Plus'; 'Canon' + 'Canon EOS 40D' -> model."""
    make, model = make.strip(), model.strip()
    if not model:
        return make
    if not make:
        return model
    first = make.split()[0].lower()
    if model.lower().startswith(first):
        return model
    short = make
    for suffix in (
        " CORPORATION",
        " Corporation",
        " Corp.",
        " CO.,LTD.",
        " Co., Ltd.",
        " COMPANY",
        " Company",
        " IMAGING CORP.",
        " OPTICAL CO.,LTD",
    ):
        if short.endswith(suffix):
            short = short[: -len(suffix)]
    return f"{short} {model}"


def _parse_exif_time(raw: str) -> datetime | None:
    raw = raw.strip()
    for fmt in ("%Y:%m:%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y:%m:%d %H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            dt = datetime.strptime(raw[:19] if "S" in fmt else raw[:16], fmt)
        except ValueError:
            continue
        return dt if dt.year >= 1900 else None
    return None


def _rational(value: Any) -> float:
    if isinstance(value, tuple) and len(value) == 2:
        num, den = value
        return float(num) / float(den)
    return float(value)


def _gps(gps: dict[int, Any]) -> list[float] | None:
    try:
        lat_ref = _text(gps.get(1)).upper()
        lon_ref = _text(gps.get(3)).upper()
        lat_raw, lon_raw = gps.get(2), gps.get(4)
        if not lat_raw or not lon_raw or len(lat_raw) != 3 or len(lon_raw) != 3:
            return None
        lat = sum(_rational(v) / d for v, d in zip(lat_raw, (1, 60, 3600), strict=True))
        lon = sum(_rational(v) / d for v, d in zip(lon_raw, (1, 60, 3600), strict=True))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    if lat_ref == "S":
        lat = -lat
    if lon_ref == "W":
        lon = -lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return [round(lat, 7), round(lon, 7)]


def read_exif(exif: Image.Exif, source: str = "the camera's EXIF data") -> ExifFacts:
    """Facts from a parsed EXIF block. Never raises."""
    facts = ExifFacts()
    try:
        base = dict(exif.items())
    except Exception:  # odd EXIF must never stop an import
        return facts
    try:
        sub = dict(exif.get_ifd(IFD_EXIF).items())
    except Exception:
        sub = {}
    try:
        gps = dict(exif.get_ifd(IFD_GPS).items())
    except Exception:
        gps = {}
    make, model = _text(base.get(TAG_MAKE)), _text(base.get(TAG_MODEL))
    facts.device = device_name(make, model)
    facts.software = _text(base.get(TAG_SOFTWARE))
    orientation = base.get(TAG_ORIENTATION)
    facts.orientation = orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else 1
    facts.gps = _gps(gps)

    for tag, offset_tag, what in (
        (TAG_DATETIME_ORIGINAL, TAG_OFFSET_TIME_ORIGINAL, "when the picture was taken"),
        (TAG_DATETIME_DIGITIZED, TAG_OFFSET_TIME_DIGITIZED, "when the picture was digitised"),
    ):
        raw = _text(sub.get(tag) or (base.get(tag) if tag in base else ""))
        if not raw:
            continue
        dt = _parse_exif_time(raw)
        if dt is None:
            facts.capture_time_note = (
                f"The time in {source} is not a valid date, so it was not used; "
                "nothing was guessed."
            )
            continue
        offset = _text(sub.get(offset_tag))
        if _OFFSET.match(offset):
            facts.capture_time = dt.isoformat() + offset
            facts.capture_time_note = f"From {source} ({what}), with its time zone."
        else:
            facts.capture_time = dt.isoformat()
            facts.capture_time_note = (
                f"From {source} ({what}); no time zone recorded, so this is the device's "
                "local time."
            )
        break
    facts.has_camera_data = bool(facts.device or facts.capture_time)
    return facts


def exif_from_bytes(raw: bytes) -> Image.Exif | None:
    """Parse a raw EXIF block (with or without the 'Exif\\0\\0' prefix)."""
    if raw.startswith(b"Exif\x00\x00"):
        raw = raw[6:]
    if raw[:4] not in (b"II*\x00", b"MM\x00*"):
        return None
    exif = Image.Exif()
    try:
        exif.load(raw)
    except Exception:
        return None
    return exif


_XMP_DATE = re.compile(
    rb"(photoshop:DateCreated|exif:DateTimeOriginal|xmp:CreateDate)(?:=\"|>)\s*"
    rb"(\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d)?(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)?)"
)


def xmp_capture_time(xmp: bytes | str | None) -> tuple[str, str]:
    """(ISO time, note) from an XMP packet's creation dates, ("", "") when absent."""
    if not xmp:
        return "", ""
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    found = {m.group(1): m.group(2).decode() for m in _XMP_DATE.finditer(xmp[:2_000_000])}
    for key in (b"exif:DateTimeOriginal", b"photoshop:DateCreated", b"xmp:CreateDate"):
        raw = found.get(key)
        if not raw:
            continue
        try:
            dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            continue
        if dt.year < 1900:
            continue
        zone = "with its time zone" if dt.tzinfo else "no time zone recorded"
        what = (
            "when the file says it was created"
            if key == b"xmp:CreateDate"
            else "when the picture was taken"
        )
        return dt.isoformat(), f"From the picture's XMP metadata ({what}); {zone}."
    return "", ""


def xmp_orientation(xmp: bytes | str | None) -> int:
    """tiff:Orientation from an XMP packet, 1 when absent."""
    if not xmp:
        return 1
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    m = _XMP_ORIENTATION.search(xmp[: limits.PNG_MAX_TEXT_CHUNK])
    return int(m.group(1)) if m else 1


@dataclass
class PngChunks:
    exif: bytes = b""
    xmp: bytes = b""
    time: str = ""  # tIME as ISO 8601 UTC
    complete: bool = False  # IEND reached with every chunk whole
    problem: str = ""
    actl_frames: int = 0


def walk_png(data: bytes) -> PngChunks:
    """Read the metadata chunks of a PNG held in memory: bounded, no image decoding."""
    out = PngChunks()
    pos = 8
    n = len(data)
    for _ in range(limits.PNG_MAX_CHUNKS):
        if pos + 8 > n:
            out.problem = "The file ends early; part of the picture is missing."
            return out
        length = int.from_bytes(data[pos : pos + 4], "big")
        ctype = data[pos + 4 : pos + 8]
        if not ctype.isalpha():
            out.problem = "The picture data is damaged (the file's structure breaks off)."
            return out
        start, end = pos + 8, pos + 8 + length
        if length > 0x7FFFFFFF or end + 4 > n:
            if ctype in (b"IDAT", b"IEND"):
                out.problem = "The file ends early; part of the picture is missing."
            else:
                out.problem = (
                    "The file claims to hold more data than it does; part of it is missing."
                )
            return out
        if ctype == b"IEND":
            out.complete = True
            return out
        if ctype == b"eXIf" and length <= limits.PNG_MAX_TEXT_CHUNK:
            out.exif = data[start:end]
        elif ctype == b"tIME" and length == 7:
            c = data[start:end]
            year = int.from_bytes(c[0:2], "big")
            try:
                out.time = datetime(year, c[2], c[3], c[4], c[5], min(c[6], 59)).isoformat()
                out.time += "+00:00"
            except ValueError:
                out.time = ""
        elif ctype == b"acTL" and length == 8:
            out.actl_frames = int.from_bytes(data[start : start + 4], "big")
        elif ctype == b"iTXt" and length <= limits.PNG_MAX_TEXT_CHUNK:
            chunk = data[start:end]
            if chunk.startswith(b"XML:com.adobe.xmp\x00"):
                rest = chunk[len(b"XML:com.adobe.xmp\x00") :]
                compressed = rest[:1] == b"\x01"
                # compression flag, method, language tag\0, translated keyword\0, text
                parts = rest[2:].split(b"\x00", 2)
                text = parts[2] if len(parts) == 3 else b""
                if compressed:
                    try:
                        d = zlib.decompressobj()
                        text = d.decompress(text, limits.PNG_MAX_TEXT_CHUNK)
                    except zlib.error:
                        text = b""
                out.xmp = text
        pos = end + 4
    out.problem = "The file has an unusual number of parts and was not read to the end."
    return out
