"""What the vault knows about an exhibit, as plain label/value lines for the viewer."""

from __future__ import annotations

from typing import Any

from ui.incidents import when
from vault.model import Item

_NAMES = {
    "from": "From", "to": "To", "cc": "Cc", "date": "Date", "subject": "Subject",
    "attachments": "Attachments", "pages": "Pages", "encrypted": "Encrypted",
    "has_text": "Has a text layer", "text_layer": "Has a text layer", "producer": "Made by",
    "software": "Software", "dpi": "Resolution (dpi)", "images": "Images", "container": "Format",
    "streams": "Streams", "messages": "Messages", "headers": "Headers",
    "estimated_duration": "Length (estimated, seconds)",
}
SKIP = {"body_text", "body_from_html", "body_truncated"}


def size_text(n: int) -> str:
    step = 1024.0
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < step or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= step
    return f"{n} bytes"


def grouped(digest: str) -> str:
    """A fingerprint in groups of eight, easy to read aloud and to compare."""
    return " ".join(digest[i:i + 8] for i in range(0, len(digest), 8))


def facts(item: Item, incident_titles: dict[str, str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = [
        ("Reference", item.reference),
        ("File name", item.original_name),
        ("Size", size_text(item.size)),
        ("Type", item.media_type),
        ("SHA-256", grouped(item.sha256)),
        ("Taken", when.show_moment(item.capture_time) if item.capture_time
         else "Not known"),
    ]
    if item.capture_time_note:
        out.append(("About the time", item.capture_time_note))
    out.append(("Device", item.device or "Not recorded in the file"))
    out.append(("Location (GPS)", "Yes, the file holds a position" if item.gps
                else "No position in the file"))
    if item.width and item.height:
        out.append(("Picture size", f"{item.width} × {item.height}"))
    if item.frames > 1:
        out.append(("Pages or frames", str(item.frames)))
    if item.duration:
        out.append(("Length", f"{item.duration:.0f} seconds"))
    out.append(("Put in the vault", when.show_moment(item.imported_at)))
    titles = [incident_titles.get(i, "") or "(no title)" for i in item.incidents]
    out.append(("Filed under", "; ".join(titles) if titles else "Not filed yet"))
    if item.metadata_note:
        out.append(("About its details", item.metadata_note))
    if item.preview_note:
        out.append(("Preview", item.preview_note))
    for problem in item.problems:
        out.append(("Problem found", problem))
    for key, value in item.details.items():
        if key in SKIP or key == "derived_from":
            continue
        out.append((_NAMES.get(key, key.replace("_", " ").capitalize()), _plain(value)))
    return out


def body_text(item: Item) -> str:
    return str(item.details.get("body_text", "") or "")


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items() if v not in ("", None))
    if isinstance(value, list):
        if not value:
            return "None"
        joiner = "\n" if any(isinstance(v, dict | list) for v in value) else ", "
        return joiner.join(_plain(v) for v in value)
    return str(value)
