"""DejaVu Sans, shipped in resources/fonts and embedded in every report.

Loaded from the app's own resources (never the system), so a frozen app renders the same.
DejaVu Sans covers Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic letters, but not
Chinese, Japanese or Korean: `uncovered()` finds such text so the report can say so.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


def resources_dir() -> Path:
    """resources/ beside the packages, or inside a PyInstaller bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


@cache
def register() -> None:
    fonts = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )


def uncovered(texts: list[str]) -> set[str]:
    """Characters in `texts` that DejaVu Sans has no glyph for (control characters aside)."""
    register()
    font = pdfmetrics.getFont(REGULAR)
    cmap: dict[int, int] = font.face.charToGlyph
    missing: set[str] = set()
    for text in texts:
        for ch in set(text):
            if ord(ch) >= 32 and ord(ch) not in cmap:
                missing.add(ch)
    return missing
