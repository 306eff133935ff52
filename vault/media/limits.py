"""Bounds on work done for one file, and the deliberate Pillow settings that enforce them.

Evidence files come from the person's phone, but also from the person who is harming them:
a hostile file must never crash, hang or exhaust memory. Every limit lives here so it is
chosen once and can be read in one place.
"""

from __future__ import annotations

import warnings

from PIL import Image, PngImagePlugin

# Whole files up to this size are handed to `inspect` in memory (the importer's rule).
IN_MEMORY_LIMIT = 256 * 1024 * 1024

# Bytes given to `sniff`.
SNIFF_BYTES = 64 * 1024

# Pillow refuses, at open, any image declaring more than 2 x MAX_IMAGE_PIXELS pixels
# (DecompressionBombError). A 200 MP phone photo (16320 x 12240) must still open so that its
# EXIF can be read and a JPEG draft made, so the refusal line is set at 2 x 160 M = 320 M pixels.
PILLOW_MAX_IMAGE_PIXELS = 160_000_000

# What we are willing to decode into memory for one preview, in pixels, after JPEG draft()
# scaling. 80 M pixels of RGBA is 320 MiB at worst; a scanned A4 page at 600 dpi is 35 M.
DECODE_PIXEL_BUDGET = 80_000_000

# PNG text chunks (tEXt, zTXt, iTXt). XMP packets are rarely above 100 KiB; a chunk claiming
# more than this is not read (Pillow's default is 1 MiB a chunk, 64 MiB in all).
PNG_MAX_TEXT_CHUNK = 1024 * 1024
PNG_MAX_TEXT_MEMORY = 4 * 1024 * 1024

# Our own PNG chunk walk stops after this many chunks (a real PNG has tens to a few thousand).
PNG_MAX_CHUNKS = 100_000

# Pages of a PDF searched for a text layer.
PDF_TEXT_PAGES = 20

# E-mail: decoded body text kept in details, attachments listed, mbox messages listed.
EMAIL_BODY_CHARS = 100_000
EMAIL_MAX_ATTACHMENTS = 500
EMAIL_MAX_PARTS = 2_000
MBOX_LIST_MESSAGES = 200
HEADER_CHARS = 2_000

# Video: packets demuxed while looking for the first picture.
VIDEO_MAX_PACKETS = 600

# JPEG quality of thumbnails and previews.
JPEG_QUALITY = 85

_configured = False


def configure_pillow() -> None:
    """Apply the limits to Pillow's module-level settings. Safe to call many times.

    `ImageFile.LOAD_TRUNCATED_IMAGES` is deliberately left False: a truncated picture gets no
    preview at all (a half-grey picture could mislead whoever looks at the evidence); the exact
    file is kept and the damage is named in `problems`.
    """
    global _configured
    if _configured:
        return
    Image.MAX_IMAGE_PIXELS = PILLOW_MAX_IMAGE_PIXELS
    PngImagePlugin.MAX_TEXT_CHUNK = PNG_MAX_TEXT_CHUNK
    PngImagePlugin.MAX_TEXT_MEMORY = PNG_MAX_TEXT_MEMORY
    # Between 1x and 2x the limit Pillow only warns; we decide with DECODE_PIXEL_BUDGET instead.
    warnings.simplefilter("ignore", Image.DecompressionBombWarning)
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - pillow-heif is a dependency
        pass
    _configured = True
