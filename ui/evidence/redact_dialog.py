"""Hide parts of a picture in a copy: drag boxes over an address, a name, a face.

The original exhibit is never changed. The core makes the copy from the full picture, fills
each box solid black and adds it as a new exhibit linked to its original.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import Dialogs
from ui.tasks import JobContext, VaultWorker
from vault.items import Items

Box = tuple[float, float, float, float]

EXPLAIN = (
    "Drag over what should be hidden, such as your address or a child's face. "
    "The original stays exactly as it is; a new copy with black boxes is added beside it, "
    "without the original's hidden details (no location, no camera data)."
)


class BoxCanvas(QWidget):
    """The picture, scaled to fit, with boxes drawn by dragging. Boxes are kept as
    fractions of the picture, so they mean the same on the full-size original."""

    boxes_changed = Signal(int)

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap.fromImage(image)
        self.boxes: list[Box] = []
        self._start: QPointF | None = None
        self._current: Box | None = None
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName("The picture: drag to draw a box over what should be hidden")

    def sizeHint(self) -> QSize:
        return QSize(800, 600)

    def _target(self) -> QRectF:
        if self._pixmap.isNull():
            return QRectF()
        size = self._pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) / 2
        top = (self.height() - size.height()) / 2
        return QRectF(left, top, size.width(), size.height())

    def _fraction(self, pos: QPointF) -> QPointF:
        t = self._target()
        if t.isEmpty():
            return QPointF(0, 0)
        x = min(max((pos.x() - t.left()) / t.width(), 0.0), 1.0)
        y = min(max((pos.y() - t.top()) / t.height(), 0.0), 1.0)
        return QPointF(x, y)

    def _box(self, a: QPointF, b: QPointF) -> Box:
        return (min(a.x(), b.x()), min(a.y(), b.y()), abs(a.x() - b.x()), abs(a.y() - b.y()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._start = self._fraction(event.position())
            self._current = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            self._current = self._box(self._start, self._fraction(event.position()))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            return
        box = self._box(self._start, self._fraction(event.position()))
        self._start, self._current = None, None
        if box[2] > 0.003 and box[3] > 0.003:
            self.add_box(box)
        self.update()

    def add_box(self, box: Box) -> None:
        self.boxes.append(box)
        self.boxes_changed.emit(len(self.boxes))
        self.update()

    def undo(self) -> None:
        if self.boxes:
            self.boxes.pop()
            self.boxes_changed.emit(len(self.boxes))
            self.update()

    def clear(self) -> None:
        self.boxes = []
        self._pixmap = QPixmap()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        t = self._target()
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().color(self.backgroundRole()).darker(130))
        if not t.isEmpty():
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawPixmap(t, self._pixmap, QRectF(self._pixmap.rect()))
            boxes = [*self.boxes, *([self._current] if self._current else [])]
            for left, top, width, height in boxes:
                r = QRectF(t.left() + left * t.width(), t.top() + top * t.height(),
                           width * t.width(), height * t.height())
                p.fillRect(r, QColor(0, 0, 0))
                p.setPen(QPen(QColor(220, 60, 60), 1))
                p.drawRect(r)
        p.end()


class RedactDialog(QDialog):
    copy_added = Signal(object)  # the ImportResult of the new exhibit

    def __init__(self, image: QImage, item_id: str, reference: str,
                 items: Callable[[], Items], worker: VaultWorker, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Hide parts of {reference} in a copy")
        self._item_id = item_id
        self._items = items
        self._worker = worker
        self._dialogs = dialogs
        self.canvas = BoxCanvas(image, self)
        explain = QLabel(EXPLAIN, self)
        explain.setWordWrap(True)
        self.undo_button = QPushButton("Undo the last box", self)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.add_button = QPushButton("Add the copy", self)
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_copy)
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(self.reject)
        self.canvas.boxes_changed.connect(self._on_boxes_changed)
        self._on_boxes_changed(0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(buttons)
        self.finished.connect(lambda _r: self.canvas.clear())
        self.resize(900, 720)

    def _on_boxes_changed(self, n: int) -> None:
        self.undo_button.setEnabled(n > 0)
        self.add_button.setEnabled(n > 0)

    def add_copy(self) -> None:
        boxes = list(self.canvas.boxes)
        if not boxes:
            return
        items, item_id = self._items, self._item_id
        self.add_button.setEnabled(False)
        self.add_button.setText("Adding…")

        def job(_ctx: JobContext) -> object:
            return items().add_redacted_copy(item_id, boxes)

        def done(result: object) -> None:
            self.copy_added.emit(result)
            self.accept()

        def failed(error: Exception) -> None:
            self.add_button.setText("Add the copy")
            self.add_button.setEnabled(True)
            self._dialogs.error(self, error)

        self._worker.submit(job, on_done=done, on_error=failed)
