"""The facts `inspect` finds in one file, and the plain sentences used to report them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class MediaInfo:
    media_type: str  # MIME type sniffed from the bytes
    suggested_kind: str  # a vault.model.ItemKind value
    capture_time: str = ""  # ISO 8601; "" when the file does not say
    capture_time_note: str = ""  # where capture_time came from, or why there is none
    device: str = ""  # camera or phone make and model
    gps: list[float] | None = None  # [latitude, longitude]
    width: int = 0  # as displayed (upright)
    height: int = 0
    frames: int = 0  # frames of an animation, pages of a PDF or TIFF
    duration: float | None = None  # seconds, audio and video
    details: dict[str, Any] = field(default_factory=dict)  # JSON-safe
    problems: list[str] = field(default_factory=list)
    preview_note: str = ""  # "" when a thumbnail can be made, else one sentence why not
    metadata_note: str = ""


NO_CAPTURE_TIME = "The file records no capture time."
KEPT = "The exact file is kept."
NO_PREVIEW_DAMAGED = f"No preview can be made: the picture data is damaged. {KEPT}"
NO_PREVIEW_TRUNCATED = f"No preview can be made: the file ends early. {KEPT}"
NO_PREVIEW_TOO_BIG = (
    f"No preview can be made: the picture is too large to open safely on this computer. {KEPT}"
)
NO_PREVIEW_UNKNOWN = f"No preview can be made for this kind of file. {KEPT}"
