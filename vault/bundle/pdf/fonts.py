"""The report's fonts, shipped in resources/fonts and embedded (subset) in every report.

Loaded from the app's own resources (never the system), so a frozen app renders the same.
DejaVu Sans covers Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic letters;
for the runs of text it cannot show, Droid Sans Fallback adds Chinese and Japanese and Nanum
Gothic Korean (a message in any of them must not turn into boxes in a police bundle).
`uncovered()` finds what none of them has, so the report can say so.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
# Tried in order for a character the main font lacks: (name, file in resources/fonts).
FALLBACKS = (
    ("DroidSansFallback", "DroidSansFallbackFull.ttf"),  # Chinese, Japanese; Apache 2.0
    ("NanumGothic", "NanumGothic.ttf"),  # Korean; SIL OFL 1.1
)


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
def _cmap(name: str) -> dict[int, int]:
    """A font's character map. Fallbacks are registered only when first needed: each file
    is 4 MB and takes a tenth of a second to read."""
    if name == REGULAR:
        register()
    else:
        file = dict(FALLBACKS)[name]
        pdfmetrics.registerFont(TTFont(name, str(resources_dir() / "fonts" / file)))
    cmap: dict[int, int] = pdfmetrics.getFont(name).face.charToGlyph
    return cmap


def font_for(ch: str) -> str | None:
    """"" when the main font has the character, else the first fallback that has it, else
    None (it will show as a box)."""
    code = ord(ch)
    if code < 32 or code in _cmap(REGULAR):
        return ""
    for name, _file in FALLBACKS:
        if code in _cmap(name):
            return name
    return None


def runs(text: str) -> list[tuple[str, str]]:
    """`text` cut into runs, each with the fallback font it needs ("" for the main one)."""
    if text.isascii():
        return [(text, "")] if text else []
    out: list[tuple[str, str]] = []
    start, current = 0, ""
    for i, ch in enumerate(text):
        font = font_for(ch) or ""
        if font != current and i > start:
            out.append((text[start:i], current))
            start = i
        current = font
    if start < len(text):
        out.append((text[start:], current))
    return out


def uncovered(texts: list[str]) -> set[str]:
    """Characters in `texts` that no font of the report has a glyph for (controls aside)."""
    return {ch for text in texts if not text.isascii() for ch in set(text)
            if font_for(ch) is None}
