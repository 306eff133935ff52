"""Draws the app icon and writes the self-test samples into resources/ (outputs are committed).

    .venv/bin/python packaging/make_assets.py

The icon is a plain notebook on purpose: it is what anyone glancing at the screen, the taskbar or
the applications menu sees, so it must say nothing about what the program is for. The same icon
serves discreet mode.

Samples (resources/sample/) are tiny neutral files the frozen program imports in `--self-test`, one
per decoder that PyInstaller could leave out: a JPEG with EXIF orientation 6 (Pillow), a HEIC
(pillow-heif), a PDF (pypdfium2) and an MP4 (PyAV).
"""

from __future__ import annotations

import io
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SAMPLES = ROOT / "resources" / "sample"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

COVER = (70, 98, 120, 255)  # slate blue
PAGE = (246, 244, 238, 255)
LINE = (170, 182, 194, 255)
RING = (120, 126, 132, 255)


def draw_icon(size: int) -> Image.Image:
    """A closed spiral notebook, drawn at 4x and scaled down for smooth edges."""
    s = size * 4
    im = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)

    def px(f: float) -> int:
        return round(f * s)

    # page edge peeking out on the right, then the cover
    d.rounded_rectangle((px(0.20), px(0.08), px(0.88), px(0.94)), radius=px(0.06), fill=PAGE)
    d.rounded_rectangle((px(0.14), px(0.06), px(0.84), px(0.94)), radius=px(0.07), fill=COVER)
    # label on the cover
    d.rounded_rectangle((px(0.34), px(0.22), px(0.74), px(0.40)), radius=px(0.03), fill=PAGE)
    if size >= 32:
        for y in (0.28, 0.34):
            d.line((px(0.40), px(y), px(0.68), px(y)), fill=LINE, width=max(1, px(0.015)))
    # spiral rings on the left edge
    rings = 4 if size < 48 else 6
    for i in range(rings):
        y = 0.16 + i * (0.70 / (rings - 1))
        d.rounded_rectangle(
            (px(0.08), px(y - 0.025), px(0.24), px(y + 0.025)), radius=px(0.025), fill=RING
        )
    return im.resize((size, size), Image.Resampling.LANCZOS)


def write_icons() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    images = {size: draw_icon(size) for size in ICON_SIZES}
    for size, im in images.items():
        im.save(ICONS / f"notebook-{size}.png", optimize=True)
    big = draw_icon(1024)
    # Windows .ico (PyInstaller's icon= on Windows) and macOS .icns (icon= on macOS)
    big.save(ICONS / "notebook.ico", sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)])
    big.save(ICONS / "notebook.icns")


def _scene(w: int, h: int) -> Image.Image:
    """A neutral picture: sky, ground, a box. Nothing personal."""
    im = Image.new("RGB", (w, h), (200, 214, 228))
    d = ImageDraw.Draw(im)
    d.rectangle((0, h * 2 // 3, w, h), fill=(120, 140, 100))
    d.rectangle((w // 3, h // 3, w * 2 // 3, h * 3 // 4), fill=(160, 120, 80))
    d.ellipse((w * 3 // 4, h // 10, w * 9 // 10, h // 4), fill=(250, 230, 150))
    return im


def write_samples() -> None:
    SAMPLES.mkdir(parents=True, exist_ok=True)

    # JPEG stored sideways with EXIF orientation 6 (rotate 90° clockwise to view), as phones do.
    upright = _scene(240, 320)
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation
    exif[0x010F] = "Sample"  # Make
    exif[0x0110] = "Self-test"  # Model
    exif.get_ifd(0x8769)[0x9003] = "2024:01:02 03:04:05"  # DateTimeOriginal
    stored.save(SAMPLES / "sample.jpg", quality=80, exif=exif.tobytes())

    # HEIC (pillow-heif's encoder is only used here; the app only decodes)
    import pillow_heif

    heif = pillow_heif.from_pillow(_scene(96, 64))
    heif.save(SAMPLES / "sample.heic", quality=60)

    # one-page PDF
    from reportlab.lib.pagesizes import A6
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A6, invariant=True)
    c.drawString(36, 300, "Sample page for the self-test.")
    c.rect(36, 200, 100, 60)
    c.showPage()
    c.save()
    (SAMPLES / "sample.pdf").write_bytes(buf.getvalue())

    # a short MP4 (MPEG-4 Part 2: FFmpeg's own encoder, in every PyAV build)
    import av

    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        stream = container.add_stream("mpeg4", rate=4)
        stream.width, stream.height = 96, 64
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, 4)
        for i in range(4):
            frame = av.VideoFrame.from_image(_scene(96, 64).rotate(i * 5))
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    (SAMPLES / "sample.mp4").write_bytes(out.getvalue())


if __name__ == "__main__":
    write_icons()
    write_samples()
    for folder in (ICONS, SAMPLES):
        for p in sorted(folder.iterdir()):
            print(f"{p.relative_to(ROOT)}\t{p.stat().st_size}")
