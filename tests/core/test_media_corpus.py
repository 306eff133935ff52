"""The real-file corpus (EVIDENCE_CORPUS): every file inspects, broken files are named as such."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from vault.media import inspect, make_thumbnail

pytestmark = pytest.mark.corpus

SKIP = {"README.md", ".gitattributes"}

# Files under a broken/ folder that decode cleanly with libjpeg and FFmpeg alike: no damage was
# found in their structure or picture data (they are invalid only for some EXIF readers).
CLEAN_IN_BROKEN = {
    "image00971.jpg", "image01088.jpg", "image01137.jpg", "image01551.jpg",
    "image01713.jpg", "image01980.jpg", "image02206.jpg",
}  # fmt: skip


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name not in SKIP)


def _thumb(path: Path, media_type: str) -> Image.Image:
    data = make_thumbnail(path.read_bytes(), media_type)
    assert data is not None
    return Image.open(io.BytesIO(data)).convert("RGB")


@pytest.mark.slow
def test_every_corpus_file_inspects_within_bound(corpus_dir: Path) -> None:
    for path in _files(corpus_dir):
        data = path.read_bytes()
        start = time.perf_counter()
        info = inspect(data, None, path.name)
        thumb = make_thumbnail(data, info.media_type)
        elapsed = time.perf_counter() - start
        assert elapsed < 3.0, path.name
        json.dumps(info.details)
        assert (thumb is None) == bool(info.preview_note), path.name
        assert info.capture_time or info.capture_time_note, path.name


def test_broken_files_say_so(corpus_dir: Path) -> None:
    for path in _files(corpus_dir):
        if "broken" not in path.parts or path.name in CLEAN_IN_BROKEN:
            continue
        info = inspect(path.read_bytes(), None, path.name)
        assert info.problems, path.name


def test_broken_pictures_get_no_preview(corpus_dir: Path) -> None:
    for folder in ("photos/broken", "images/broken"):
        for path in _files(corpus_dir / folder):
            if path.name in CLEAN_IN_BROKEN:
                continue
            data = path.read_bytes()
            info = inspect(data, None, path.name)
            assert info.preview_note.startswith("No preview can be made"), path.name
            assert make_thumbnail(data, info.media_type) is None, path.name


@pytest.mark.parametrize("shape", ["landscape", "portrait"])
def test_orientation_files_come_out_like_orientation_1(corpus_dir: Path, shape: str) -> None:
    folder = corpus_dir / "photos/orientation"
    reference = _thumb(folder / f"{shape}_1.jpg", "image/jpeg")

    def diff(a: Image.Image, b: Image.Image) -> float:
        return max(ImageStat.Stat(ImageChops.difference(a, b)).mean)

    # Each file carries its own digit, so the pictures are not identical; a wrong turn or
    # mirror differs far more than the digit does.
    wrong = min(
        diff(reference.transpose(op), reference)
        for op in (Image.Transpose.FLIP_LEFT_RIGHT, Image.Transpose.FLIP_TOP_BOTTOM)
    )
    for n in range(2, 9):
        thumb = _thumb(folder / f"{shape}_{n}.jpg", "image/jpeg")
        assert thumb.size == reference.size, n
        assert diff(thumb, reference) < min(25, wrong / 2), (n, diff(thumb, reference), wrong)


def test_heic_rotation_is_not_applied_twice(corpus_dir: Path) -> None:
    info = inspect((corpus_dir / "photos/heic/arrow.heic").read_bytes(), None, "arrow.heic")
    assert (info.width, info.height) == (3024, 4032)
    assert info.device == "Apple iPhone 8 Plus"
    thumb = _thumb(corpus_dir / "photos/heic/arrow.heic", "image/heic")
    assert thumb.size == (192, 256)


def test_heic_facts(corpus_dir: Path) -> None:
    info = inspect((corpus_dir / "photos/heic/pug.heic").read_bytes(), None, "pug.heic")
    assert info.media_type == "image/heic" and info.gps is not None
    info = inspect((corpus_dir / "photos/heic/zPug_3.heic").read_bytes(), None, "z.heic")
    assert info.frames == 3


def test_xmp_orientation_png(corpus_dir: Path) -> None:
    path = corpus_dir / "images/xmp_tags_orientation.png"
    info = inspect(path.read_bytes(), None, path.name)
    assert info.details["orientation"] == 3


def test_screenshot_dates(corpus_dir: Path) -> None:
    path = corpus_dir / "screenshots/FossifyMessages_1_en-US.png"
    info = inspect(path.read_bytes(), None, path.name)
    assert info.capture_time.startswith("2024-01-20T00:43:32")
    assert info.suggested_kind == "message_screenshot"
    tall = _thumb(corpus_dir / "screenshots/MessageKit_ExampleA.png", "image/png")
    assert tall.height == 256 and 110 <= tall.width <= 125


EXPECTED_PDF = {
    "c02-22.pdf": (1, False),
    "ccitt.pdf": (1, False),
    "epson.pdf": (1, False),
    "kcs.pdf": (1, False),
    "rotated_skew.pdf": (1, False),
    "cardinal.pdf": (4, False),
    "Seige_of_Vicksburg_Sample_OCR-crazyones-merged.pdf": (7, True),
    "pdflatex-4-pages.pdf": (4, True),
    "google-doc-document.pdf": (1, True),
}


def test_pdf_pages_and_text(corpus_dir: Path) -> None:
    for name, (pages, has_text) in EXPECTED_PDF.items():
        info = inspect((corpus_dir / "pdf" / name).read_bytes(), None, name)
        assert info.details["pages"] == pages, name
        assert info.details["has_text"] is has_text, name
        assert info.suggested_kind == ("document" if has_text else "letter"), name


def test_pdf_rotate_is_honoured(corpus_dir: Path) -> None:
    # Its media box is landscape (792 x 612 pt); /Rotate 90 makes it a portrait letter page.
    info = inspect((corpus_dir / "pdf/rotated_skew.pdf").read_bytes(), None, "r.pdf")
    assert (info.width, info.height) == (612, 792)
    thumb = _thumb(corpus_dir / "pdf/rotated_skew.pdf", "application/pdf")
    assert thumb.height > thumb.width


def test_encrypted_pdfs(corpus_dir: Path) -> None:
    for path in _files(corpus_dir / "pdf/encrypted"):
        start = time.perf_counter()
        info = inspect(path.read_bytes(), None, path.name)
        assert info.details["encrypted"] is True, path.name
        assert "password" in info.preview_note
        assert time.perf_counter() - start < 2


def test_charset_mails(corpus_dir: Path) -> None:
    mail = corpus_dir / "email"
    d = inspect((mail / "mail_test_12.eml").read_bytes(), None, "a.eml").details
    assert d["from"].startswith("张先生") and d["subject"] == "代开各地增值税发票"
    assert "增值税发票" in d["body_text"]
    d = inspect((mail / "mail_test_6.eml").read_bytes(), None, "a.eml").details
    assert d["subject"] == "Быстрее вкладывайте в золото!" and "Профиль" in d["body_text"]
    d = inspect((mail / "ks_c_5601-1987.eml").read_bytes(), None, "a.eml").details
    assert "\ufffd" not in d["body_text"] and any("\uac00" <= c <= "\ud7a3" for c in d["body_text"])
    d = inspect((mail / "mail_test_10.eml").read_bytes(), None, "a.eml").details
    names = [a["name"] for a in d["attachments"]]
    assert "Move To Eight ZWEP6227F.pdf" in names
    assert all(len(a["sha256"]) == 64 for a in d["attachments"])
    d = inspect((mail / "attachment_message_rfc822.eml").read_bytes(), None, "a.eml").details
    assert [a.get("inside", "") != "" for a in d["attachments"]] == [False, True]
    d = inspect((mail / "mail_outlook_1.msg").read_bytes(), None, "a.msg").details
    assert d["subject"].startswith("Newsletter Prüfung") and len(d["attachments"]) == 5
    d = inspect((mail / "sample.mbox").read_bytes(), None, "a.mbox").details
    assert d["messages"] == 18
    assert any("吉藤英明" in h["from"] for h in d["headers"])
    d = inspect((mail / "rfc2047-samples.mbox").read_bytes(), None, "a.mbox").details
    assert d["messages"] == 11
    assert d["headers"][0]["to"] == "Keld Jørn Simonsen <keld@dkuug.dk>"


AUDIO = {
    "voice.ogg": 2.4,
    "fixture.opus": 2.9,
    "sample_nb.amr": 4.4,
    "sample_wb.amr": 3.5,
    "bbb_mono_8kHz_12.2kbps_amrnb.3gp": 3.0,
    "bbb_1ch_8kHz_aac_lc.m4a": 3.3,
    "english.wav": 2.7,
    "fixture.mp3": 0.8,
    "broken/fixture-adts-mpeg4.aac": 16.0,
}


def test_audio_durations(corpus_dir: Path) -> None:
    for name, seconds in AUDIO.items():
        info = inspect((corpus_dir / "audio" / name).read_bytes(), None, name)
        assert info.suggested_kind == "audio", name
        assert info.duration is not None and abs(info.duration - seconds) <= 0.2, name


def test_video_poster_upright(corpus_dir: Path) -> None:
    path = corpus_dir / "video/dolbyVision-hdr.MOV"
    info = inspect(path.read_bytes(), None, path.name)
    assert (info.width, info.height) == (720, 1280)
    assert info.device == "Apple iPhone 14 Pro" and info.gps is not None
    assert info.capture_time == "2023-05-09T12:41:46+01:00"
    thumb = _thumb(path, info.media_type)
    assert thumb.height > thumb.width
    # the sky is at the top of this picture: the top half is brighter than the bottom half
    grey = thumb.convert("L")
    half = thumb.height // 2
    top = ImageStat.Stat(grey.crop((0, 0, thumb.width, half))).mean[0]
    bottom = ImageStat.Stat(grey.crop((0, half, thumb.width, thumb.height))).mean[0]
    assert top > bottom
    info = inspect((corpus_dir / "video/fixture2.3gp").read_bytes(), None, "f.3gp")
    assert info.duration is not None and abs(info.duration - 9.7) < 0.2
