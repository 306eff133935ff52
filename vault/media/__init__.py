"""What a file of evidence is, and previews of it made in memory. Headless: no Qt here."""

from __future__ import annotations

from .core import inspect, make_preview, make_thumbnail
from .info import MediaInfo
from .sniff import sniff

__all__ = ["MediaInfo", "inspect", "make_preview", "make_thumbnail", "sniff"]
