"""E-mail, PDF and sniffing with fixtures made here."""

from __future__ import annotations

import hashlib
import io

from PIL import Image

from vault.media import inspect, make_thumbnail, sniff


def test_sniff_by_bytes_not_name() -> None:
    assert sniff(b"\xff\xd8\xff\xe0rest", "letter.pdf") == "image/jpeg"
    assert sniff(b"%PDF-1.7\n", "photo.jpg") == "application/pdf"
    assert sniff(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic") == "image/heic"
    assert sniff(b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ") == "video/quicktime"
    assert sniff(b"#!AMR\n\x3c") == "audio/amr"
    assert sniff(b"OggS\x00\x02" + b"\x00" * 22 + b"OpusHead") == "audio/ogg"
    assert sniff(b"hello there\n", "note.eml") == "message/rfc822"
    assert sniff(b"hello there\n", "note.txt") == "text/plain"


MAIL = (
    b"From: =?GB2312?B?1cXPyMn6?= <a@example.com>\r\n"
    b"To: b@example.com\r\n"
    b"Subject: =?ISO-2022-JP?B?GyRCJEgkaiQiJCgkOhsoQg==?=\r\n"
    b"Date: Sun, 13 May 2018 12:32:22 +0800\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
    b"--b1\r\n"
    b'Content-Type: text/plain; charset="GB2312"\r\n'
    b"Content-Transfer-Encoding: 8bit\r\n\r\n" + "你好，世界".encode() + b"\r\n--b1\r\n"
    b"Content-Type: application/pdf\r\n"
    b'Content-Disposition: attachment; filename="note.pdf"\r\n'
    b"Content-Transfer-Encoding: base64\r\n\r\n"
    b"JVBERi0xLjQKJSVFT0YK\r\n"
    b"--b1--\r\n"
)


def test_email_headers_body_and_attachments() -> None:
    info = inspect(MAIL, None, "mail.eml")
    assert info.media_type == "message/rfc822"
    assert info.suggested_kind == "email"
    d = info.details
    assert d["from"] == "张先生 <a@example.com>"
    assert d["subject"] == "とりあえず"
    assert d["body_text"].strip() == "你好，世界"  # declared GB2312, really UTF-8
    assert info.capture_time == "2018-05-13T12:32:22+08:00"
    [att] = d["attachments"]
    payload = b"%PDF-1.4\n%%EOF\n"
    assert att == {
        "name": "note.pdf",
        "size": len(payload),
        "media_type": "application/pdf",
        "sha256": hashlib.sha256(payload).hexdigest(),
    }


def test_mbox_counts_messages() -> None:
    one = b"From a@b Mon Jan  1 00:00:00 2024\nFrom: a@b\nSubject: one\n\nhi\nFrom: not a header\n"
    two = b"\nFrom c@d Mon Jan  1 00:00:00 2024\nFrom: c@d\nSubject: two\n\nyo\n"
    info = inspect(one + two, None, "box.mbox")
    assert info.media_type == "application/mbox"
    assert info.details["messages"] == 2
    assert [h["subject"] for h in info.details["headers"]] == ["one", "two"]


def _pdf_bytes(pages: int) -> bytes:
    ims = [Image.new("RGB", (200, 280), "white") for _ in range(pages)]
    buf = io.BytesIO()
    ims[0].save(buf, "PDF", save_all=True, append_images=ims[1:])
    return buf.getvalue()


def test_pdf_scan_pages_and_no_text() -> None:
    data = _pdf_bytes(3)
    info = inspect(data, None, "scan.pdf")
    assert info.media_type == "application/pdf"
    assert info.frames == 3 and info.details["pages"] == 3
    assert info.details["has_text"] is False
    assert info.details["encrypted"] is False
    assert info.suggested_kind == "letter"
    thumb = make_thumbnail(data, "application/pdf")
    assert thumb is not None and max(Image.open(io.BytesIO(thumb)).size) == 256


def test_damaged_pdf_never_raises() -> None:
    info = inspect(b"%PDF-1.4\nThis is not a valid PDF file\n%%EOF\n", None, "x.pdf")
    assert info.problems and info.preview_note
    assert make_thumbnail(b"%PDF-1.4\n", "application/pdf") is None
