"""PDF facts and page renders with pypdfium2.

Why pdfium: it is the engine of Chrome's PDF viewer, so it opens what people's own viewers open,
repairs a broken cross-reference table as they do (corpus pdf/broken/scan-bad.pdf), renders
CCITT, JBIG2 and JPEG 2000 scans, and honours /Rotate (also when it is an indirect object), so
a rendered page comes out as a reader sees it. It ships as a wheel with no system libraries,
needs no temporary files (it opens bytes), and tells a wrong password apart from damage.
pypdf, poppler and qpdf were not used: pypdf renders nothing; poppler and qpdf are system tools.

pdfium is not thread-safe: every call goes through one lock.
"""

from __future__ import annotations

import io
import pathlib
import re
import threading
from typing import Any

from . import limits
from .info import KEPT, NO_CAPTURE_TIME, MediaInfo

_LOCK = threading.Lock()
_PAGE_OBJ = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?([Zz+-])?(\d\d)?'?(\d\d)?")

NO_PREVIEW_ENCRYPTED = f"No preview can be made: the PDF is locked with a password. {KEPT}"
NO_PREVIEW_DAMAGED = f"No preview can be made: the PDF is damaged and could not be opened. {KEPT}"


def _pdfium() -> Any:
    import pypdfium2 as pdfium

    return pdfium


def _pdf_date(raw: str) -> str:
    m = _PDF_DATE.match(raw.strip())
    if not m or not m.group(2):
        return ""
    y, mo, d, h, mi, s, z, zh, zm = m.groups()
    out = f"{y}-{mo}-{d or '01'}T{h or '00'}:{mi or '00'}:{s or '00'}"
    if z in ("Z", "z"):
        out += "+00:00"
    elif z in ("+", "-") and zh:
        out += f"{z}{zh}:{zm or '00'}"
    return out


def inspect_pdf(data: bytes | None, path: pathlib.Path | None, name: str) -> MediaInfo:
    info = MediaInfo(media_type="application/pdf", suggested_kind="document")
    info.capture_time_note = NO_CAPTURE_TIME
    pdfium = _pdfium()
    source: Any = data if data is not None else path
    details: dict[str, Any] = {"pages": 0, "encrypted": False, "has_text": False, "producer": ""}
    info.details = details
    with _LOCK:
        try:
            doc = pdfium.PdfDocument(source)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                details["encrypted"] = True
                info.problems.append(
                    "The PDF is locked with a password, so its pages cannot be counted or shown."
                )
                info.preview_note = NO_PREVIEW_ENCRYPTED
            else:
                info.problems.append("The PDF is damaged and could not be opened.")
                info.preview_note = NO_PREVIEW_DAMAGED
                if data is not None:
                    found = len(_PAGE_OBJ.findall(data))
                    if found:
                        details["pages_found_in_damaged_file"] = found
                        info.problems.append(
                            f"The damaged file still holds what look like {found} page(s)."
                        )
            return info
        except Exception:
            info.problems.append("The PDF is damaged and could not be opened.")
            info.preview_note = NO_PREVIEW_DAMAGED
            return info
        try:
            import pypdfium2.raw as raw

            details["encrypted"] = raw.FPDF_GetSecurityHandlerRevision(doc) != -1
            meta = doc.get_metadata_dict()
            details["producer"] = str(meta.get("Producer", ""))[:200]
            if meta.get("Creator"):
                details["creator"] = str(meta.get("Creator", ""))[:200]
            created = _pdf_date(str(meta.get("CreationDate", "")))
            if created:
                details["created"] = created
            pages = len(doc)
            details["pages"] = info.frames = pages
            has_text = False
            for i in range(min(pages, limits.PDF_TEXT_PAGES)):
                page = doc[i]
                try:
                    if i == 0:
                        w, h = page.get_size()  # pdfium gives it as displayed (/Rotate)
                        info.width, info.height = round(w), round(h)
                        details["page_size_pt"] = [round(w, 1), round(h, 1)]
                    textpage = page.get_textpage()
                    try:
                        if textpage.get_text_range().strip():
                            has_text = True
                    finally:
                        textpage.close()
                finally:
                    page.close()
                if has_text:
                    break
            details["has_text"] = has_text
            if pages == 0:
                info.problems.append("The PDF holds no pages.")
                info.preview_note = f"No preview can be made: the PDF holds no pages. {KEPT}"
            info.suggested_kind = "document" if has_text else "letter"
            if not has_text and pages:
                details["scan_without_text"] = True
        except Exception:
            info.problems.append("Part of the PDF is damaged; some facts could not be read.")
        finally:
            doc.close()
    if data is not None and b"startxref" not in data[-2048:]:
        info.problems.append(
            "The PDF's index is missing or not at the end of the file (the file may be cut "
            "short or have junk after it); it was read by rebuilding the index."
        )
    return info


def render_pdf_page(data: bytes, max_px: int, index: int = 0) -> bytes | None:
    """A page rendered upright (honouring /Rotate) as JPEG bytes fitting max_px; None if not."""
    pdfium = _pdfium()
    with _LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except Exception:
            return None
        try:
            if index >= len(doc):
                return None
            page = doc[index]
            try:
                w, h = page.get_size()
                if w <= 0 or h <= 0:
                    return None
                scale = max_px / max(w, h)
                bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
                im = bitmap.to_pil().convert("RGB")
            finally:
                page.close()
        except Exception:
            return None
        finally:
            doc.close()
    im.thumbnail((max_px, max_px))
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=limits.JPEG_QUALITY)
    return buf.getvalue()
