"""Page furniture: every page carries the case reference, 'page N of M' and the manifest hash.

The total page count is known only once layout is done, so pages are kept until `save()` and
the footer is drawn then (one layout pass, not two).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from vault.bundle.pdf import fonts
from vault.bundle.pdf.styles import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE,
    RULE,
)


def footer_text(
    case_reference: str, manifest_sha256: str, page: int, pages: int
) -> tuple[str, str]:
    left = f"Case reference: {case_reference}" if case_reference else "No case reference given"
    left += f"   ·   manifest SHA-256 {manifest_sha256[:16]}"
    return left, f"page {page} of {pages}"


def numbered_canvas(case_reference: str, manifest_sha256: str, title: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            self._pages = []
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = PAGE
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, height - MARGIN_TOP + 8, width - MARGIN_X, height - MARGIN_TOP + 8)
            self.line(MARGIN_X, MARGIN_BOTTOM - 8, width - MARGIN_X, MARGIN_BOTTOM - 8)
            self.setFillColor(MUTED)
            self.setFont(fonts.REGULAR, 7.5)
            self.drawString(MARGIN_X, height - MARGIN_TOP + 12, title)
            left, right = footer_text(case_reference, manifest_sha256, self._pageNumber, total)
            self.drawString(MARGIN_X, MARGIN_BOTTOM - 18, left)
            self.drawRightString(width - MARGIN_X, MARGIN_BOTTOM - 18, right)
            self.restoreState()

    return NumberedCanvas


def build_pdf(
    path: Path,
    story: list[Any],
    *,
    case_reference: str,
    manifest_sha256: str,
    title: str,
    author: str,
    on_page: Callable[[int], None] | None = None,
) -> int:
    """Lay out `story` into `path`; returns the number of pages."""
    fonts.register()
    doc = BaseDocTemplate(
        str(path),
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        subject="Evidence bundle",
        creator="Evidence Vault",
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
        initialLeading=14.5,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    pages = [0]

    def count(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        pages[0] += 1
        if on_page is not None:
            on_page(pages[0])

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=count)])
    doc.build(story, canvasmaker=numbered_canvas(case_reference, manifest_sha256, title))
    return pages[0]
