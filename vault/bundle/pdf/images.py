"""Ready JPEGs placed in the PDF as they are (DCTDecode), without decoding them.

reportlab's `ImageReader(BytesIO(...))` decodes every image to build a de-duplication key
(about 24 ms a page), and `PDFImageXObject` keeps every image's bytes until the whole file is
written. Here the key is the exhibit's id, the size comes from the JPEG header, and the bytes are
handed over only when reportlab writes that object out, then let go; so a 500-picture report holds
each picture once, not three times.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfutils
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFImageXObject
from reportlab.platypus import Flowable

from vault.bundle.pdf.styles import RULE


@dataclass
class Picture:
    """A ready JPEG, read only once when the PDF is written."""

    key: str
    width: int
    height: int
    components: int
    data: bytes | None = field(default=None, repr=False)

    @classmethod
    def from_jpeg(cls, key: str, data: bytes) -> Picture | None:
        """None when `data` is not a JPEG reportlab can embed."""
        try:
            info = pdfutils.readJPEGInfo(io.BytesIO(data))
            w, h, comps = info[0], info[1], info[2]
        except Exception:  # readJPEGInfo raises plain strings' worth of errors
            return None
        if w <= 0 or h <= 0 or comps not in (1, 3, 4):
            return None
        return cls(key, int(w), int(h), int(comps), data)

    def take(self) -> bytes:
        data, self.data = self.data, None
        return data or b""


class _LazyJpegXObject(PDFImageXObject):
    def __init__(self, name: str, picture: Picture) -> None:
        super().__init__(name)
        self._picture = picture
        self.width = picture.width
        self.height = picture.height
        self.bitsPerComponent = 8
        self.colorSpace = {1: "DeviceGray", 3: "DeviceRGB", 4: "DeviceCMYK"}[picture.components]
        if picture.components == 4:
            self._dotrans = 1  # Adobe CMYK JPEGs are stored inverted
        self._filters = ("DCTDecode",)
        self.mask = None

    def format(self, document: PDFDocument) -> bytes:
        self.streamContent = self._picture.take()
        try:
            return super().format(document)
        finally:
            self.streamContent = b""


class PictureFlowable(Flowable):
    """The picture scaled to fit `max_width` and the height left after `reserve` points."""

    def __init__(
        self, picture: Picture, max_width: float, max_height: float, reserve: float = 0
    ) -> None:
        super().__init__()
        self.picture = picture
        self.max_width = max_width
        self.max_height = max_height
        self.reserve = reserve
        self.draw_width = 0.0
        self.draw_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        box_w = min(self.max_width, avail_width)
        box_h = max(min(self.max_height, avail_height - self.reserve), avail_height * 0.5)
        scale = min(box_w / self.picture.width, box_h / self.picture.height)
        self.draw_width = self.picture.width * scale
        self.draw_height = self.picture.height * scale
        self.width = avail_width
        return avail_width, self.draw_height

    def draw(self) -> None:
        # What canvas.drawImage does for a named image, with our lazy XObject in place.
        canv = self.canv
        doc = canv._doc
        name = "evpic" + self.picture.key
        reg_name = doc.getXObjectName(name)
        if not doc.idToObject.get(reg_name):
            obj = _LazyJpegXObject(name, self.picture)
            canv._setXObjects(obj)
            doc.Reference(obj, reg_name)
            doc.addForm(name, obj)
        canv._currentPageHasImages = 1
        x = (self.width - self.draw_width) / 2
        canv.saveState()
        canv.translate(x, 0)
        canv.scale(self.draw_width, self.draw_height)
        canv._code.append(f"/{reg_name} Do")
        canv.restoreState()
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.rect(x, 0, self.draw_width, self.draw_height, stroke=1, fill=0)
        canv.restoreState()
        canv._formsinuse.append(name)
