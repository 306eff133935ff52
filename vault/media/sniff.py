"""Say what a file is from its first bytes (magic numbers), not from its name.

The name's extension is used only as the last tie-breaker, where the bytes cannot decide
(plain text against an e-mail or mailbox, an OLE file that is an Outlook message).
"""

from __future__ import annotations

import re

OCTET = "application/octet-stream"

_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"mif2"}
_AVIF_BRANDS = {b"avif", b"avis"}
_MP4_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "}
_QT_TOP_BOXES = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}

_HEADER_LINE = re.compile(rb"^[!-9;-~]{1,76}:[ \t]?", re.ASCII)
_MAIL_HEADERS = (
    b"return-path:",
    b"received:",
    b"delivered-to:",
    b"from:",
    b"to:",
    b"date:",
    b"subject:",
    b"message-id:",
    b"mime-version:",
    b"x-",
    b"reply-to:",
    b"content-type:",
    b"sender:",
    b"cc:",
    b"dkim-signature:",
    b"authentication-results:",
    b"arc-",
    b"thread-",
    b"in-reply-to:",
    b"references:",
)


def _ext(name: str) -> str:
    dot = name.rfind(".")
    return name[dot + 1 :].lower() if dot >= 0 else ""


def _iso_bmff(head: bytes, name: str) -> str | None:
    if len(head) < 12:
        return None
    box = head[4:8]
    if box == b"ftyp":
        major = head[8:12]
        size = int.from_bytes(head[0:4], "big")
        end = min(len(head), size if 16 <= size <= 4096 else 16)
        brands = {major} | {head[i : i + 4] for i in range(16, end - 3, 4)}
        if major in _AVIF_BRANDS:
            return "image/avif"
        if major in _HEIF_BRANDS or (brands & _HEIF_BRANDS and major not in (b"isom", b"qt  ")):
            return "image/heic"
        if major == b"qt  ":
            return "video/quicktime"
        if major.startswith(b"3gp") or major.startswith(b"3ge") or major.startswith(b"3gg"):
            return "video/3gpp"
        if major.startswith(b"3g2"):
            return "video/3gpp2"
        if major in _MP4_AUDIO_BRANDS:
            return "audio/mp4"
        return "video/mp4"
    if box in _QT_TOP_BOXES:
        return "video/quicktime"
    return None


def _looks_like_text(head: bytes) -> bool:
    sample = head[:8192]
    if not sample or b"\x00" in sample:
        return False
    bad = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bad <= len(sample) // 100


def _mail_kind(head: bytes) -> str | None:
    lines = head[:8192].replace(b"\r\n", b"\n").split(b"\n")
    if (
        lines
        and lines[0].startswith(b"From ")
        and any(ln.lower().startswith(_MAIL_HEADERS) for ln in lines[1:8])
    ):
        return "application/mbox"
    known = 0
    for ln in lines[:40]:
        if not ln:
            break
        if ln[:1] in (b" ", b"\t"):
            continue
        if not _HEADER_LINE.match(ln):
            return None
        if ln.lower().startswith(_MAIL_HEADERS):
            known += 1
    return "message/rfc822" if known >= 2 else None


def sniff(head: bytes, name: str = "") -> str:
    """The MIME type of a file from its first bytes (64 KiB are plenty)."""
    ext = _ext(name)
    h = head
    if h.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if h.startswith(b"\x89PNG\r\n\x1a\n"):
        idat = h.find(b"IDAT")
        actl = h.find(b"acTL")
        return "image/apng" if actl >= 0 and (idat < 0 or actl < idat) else "image/png"
    if h[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if h[:4] == b"RIFF" and len(h) >= 12:
        form = h[8:12]
        if form == b"WEBP":
            return "image/webp"
        if form == b"WAVE":
            return "audio/wav"
        if form == b"AVI ":
            return "video/x-msvideo"
    if h[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "image/tiff"
    if (
        h[:2] == b"BM"
        and len(h) >= 18
        and int.from_bytes(h[14:18], "little")
        in (
            12,
            16,
            40,
            52,
            56,
            64,
            108,
            124,
        )
    ):
        return "image/bmp"
    if b"%PDF-" in h[:1024]:
        return "application/pdf"
    bmff = _iso_bmff(h, name)
    if bmff:
        return bmff
    if h[:4] == b"OggS":
        if b"OpusHead" in h[:200] or b"\x01vorbis" in h[:200] or b"\x7fFLAC" in h[:200]:
            return "audio/ogg"
        if b"\x80theora" in h[:200]:
            return "video/ogg"
        return "application/ogg"
    if h.startswith(b"#!AMR-WB\n"):
        return "audio/amr-wb"
    if h.startswith(b"#!AMR\n"):
        return "audio/amr"
    if h[:4] == b"fLaC":
        return "audio/flac"
    if h[:3] == b"ID3":
        return "audio/mpeg"
    if len(h) >= 2 and h[0] == 0xFF and (h[1] & 0xF6) == 0xF0:
        return "audio/aac"  # ADTS: sync word, layer 00
    if len(h) >= 2 and h[0] == 0xFF and (h[1] & 0xE0) == 0xE0 and (h[1] & 0x06) != 0:
        return "audio/mpeg"
    if h[:4] == b"\x1aE\xdf\xa3":
        return "video/webm" if b"webm" in h[:64] else "video/x-matroska"
    if h.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "__substg1.0_".encode("utf-16-le") in h or ext == "msg":
            return "application/vnd.ms-outlook"
        return "application/x-ole-storage"
    if h[:4] == b"PK\x03\x04":
        if b"word/" in h:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in h:
            return "application/vnd.oasis.opendocument.text"
        return "application/zip"
    if h.startswith(b"{\\rtf"):
        return "application/rtf"
    body = h[3:] if h.startswith(b"\xef\xbb\xbf") else h
    if _looks_like_text(body):
        mail = _mail_kind(body)
        if mail:
            return mail
        low = body[:512].lstrip().lower()
        if low.startswith((b"<!doctype html", b"<html")):
            return "text/html"
        if ext == "eml":
            return "message/rfc822"
        if ext == "mbox":
            return "application/mbox"
        return "text/plain"
    return OCTET
