"""Write the recovery key to a one-page PDF (reportlab), for printing or keeping elsewhere."""

from __future__ import annotations

from pathlib import Path

from vault.recovery import group_words

FONT = "DejaVuSans"


def _font_path() -> Path:
    return Path(__file__).resolve().parents[2] / "resources" / "fonts" / "DejaVuSans.ttf"


def write_recovery_pdf(path: Path, words: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(_font_path())))
    pdf = canvas.Canvas(str(path), pagesize=A4, initialFontName=FONT, initialFontSize=11)
    pdf.setTitle("Notes")
    pdf.setAuthor("")
    pdf.setCreator("")
    pdf.setProducer("")
    width, height = A4
    y = height - 30 * mm
    pdf.setFont(FONT, 16)
    pdf.drawString(25 * mm, y, "Recovery key")
    y -= 12 * mm
    pdf.setFont(FONT, 11)
    for line in ("Keep this page somewhere safe, away from this computer.",
                 "With these 24 words you can set a new password if you forget yours.",
                 "Anyone who has them and a copy of the vault can open it."):
        pdf.drawString(25 * mm, y, line)
        y -= 6 * mm
    y -= 8 * mm
    pdf.setFont(FONT, 14)
    for line in group_words(words):
        pdf.drawString(25 * mm, y, line)
        y -= 10 * mm
    pdf.showPage()
    pdf.save()
