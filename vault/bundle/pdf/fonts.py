"""The report's fonts, shipped in resources/fonts and embedded (subset) in every report.

Loaded from the app's own resources (never the system), so a frozen app renders the same.
DejaVu Sans covers Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic letters;
Droid Sans Fallback adds Chinese and Japanese, for the runs of text DejaVu cannot show (a
message pasted in Chinese must not turn into boxes in a police bundle). Korean is in neither:
`uncovered()` finds such text so the report can say so.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FALLBACK = "DroidSansFallback"


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


@cache
def _fallback_cmap() -> dict[int, int]:
    """Registered only when first needed: reading its 4 MB takes a tenth of a second."""
    path = resources_dir() / "fonts" / "DroidSansFallbackFull.ttf"
    pdfmetrics.registerFont(TTFont(FALLBACK, str(path)))
    cmap: dict[int, int] = pdfmetrics.getFont(FALLBACK).face.charToGlyph
    return cmap


@cache
def _main_cmap() -> dict[int, int]:
    register()
    cmap: dict[int, int] = pdfmetrics.getFont(REGULAR).face.charToGlyph
    return cmap


def runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into runs, each with whether it needs the fallback font."""
    if text.isascii():
        return [(text, False)] if text else []
    main = _main_cmap()
    out: list[tuple[str, bool]] = []
    start, current = 0, False
    for i, ch in enumerate(text):
        code = ord(ch)
        needs = code >= 32 and code not in main and code in _fallback_cmap()
        if needs != current and i > start:
            out.append((text[start:i], current))
            start = i
        current = needs
    if start < len(text):
        out.append((text[start:], current))
    return out


def uncovered(texts: list[str]) -> set[str]:
    """Characters in `texts` that no font of the report has a glyph for (controls aside)."""
    main = _main_cmap()
    missing: set[str] = set()
    for text in texts:
        if text.isascii():
            continue
        for ch in set(text):
            code = ord(ch)
            if code >= 32 and code not in main and code not in _fallback_cmap():
                missing.add(ch)
    return missing
