"""Plain-words formatting of times, sizes and text for the report."""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

from vault.bundle.pdf import fonts


def when(iso: str, *, approximate: bool = False, with_zone: bool = True) -> str:
    """'2026-11-20T17:30:00+00:00' -> 'Fri 20 Nov 2026, 17:30 (UTC+00:00)'."""
    if not iso:
        return ""
    prefix = "about " if approximate else ""
    try:
        if len(iso) == 10:
            return prefix + datetime.fromisoformat(iso).strftime("%a %d %b %Y")
        dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return prefix + iso
    text = dt.strftime("%a %d %b %Y, %H:%M")
    if with_zone and dt.utcoffset() is not None:
        offset = dt.strftime("%z")
        text += f" (UTC{offset[:3]}:{offset[3:]})"
    return prefix + text


def short_when(iso: str, *, approximate: bool = False) -> str:
    """'2026-11-20T17:30:00+00:00' -> '20 Nov 2026 17:30'."""
    if not iso:
        return ""
    prefix = "c. " if approximate else ""
    try:
        if len(iso) == 10:
            return prefix + datetime.fromisoformat(iso).strftime("%d %b %Y")
        dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return prefix + iso
    return prefix + dt.strftime("%d %b %Y %H:%M")


def day(iso: str) -> str:
    """'2026-11-20...' -> '20 November 2026'."""
    try:
        return datetime.fromisoformat(iso[:10]).strftime("%d %B %Y").lstrip("0")
    except ValueError:
        return iso


def size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    value = float(n)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            return f"{value:.1f} {unit} ({n:,} bytes)"
    return f"{n:,} bytes"


def para(text: str) -> str:
    """Text -> reportlab paragraph markup: escaped, line breaks kept, and the runs the main
    font cannot show (Chinese, Japanese, Korean) set in a fallback font."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = [f'<font name="{font}">{escape(run)}</font>' if font else escape(run)
             for run, font in fonts.runs(text)]
    return "".join(parts).replace("\n", "<br/>")


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word, with an ellipsis when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def gps(position: list[float] | None) -> str:
    if not position or len(position) < 2:
        return ""
    lat, lon = position[0], position[1]
    return f"{abs(lat):.5f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.5f}° {'E' if lon >= 0 else 'W'}"
