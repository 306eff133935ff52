"""A picture that fits the window or zooms, drawn from a QImage held only in memory."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QWidget

ZOOM_STEPS = (0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0)


class _Picture(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap = QPixmap()
        self.scale = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        if self.pixmap.isNull():
            return QSize(0, 0)
        return QSize(max(1, round(self.pixmap.width() * self.scale)),
                     max(1, round(self.pixmap.height() * self.scale)))

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.pixmap.isNull():
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.scale < 1.0)
        p.drawPixmap(self.rect(), self.pixmap)
        p.end()


class ImageCanvas(QScrollArea):
    """Fit to the window by default; zoom in, out, or actual size."""

    zoom_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picture = _Picture()
        self._fit = True
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.setWidget(self._picture)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidgetResizable(False)
        self.setBackgroundRole(self.palette().ColorRole.Dark)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("The picture")

    def set_image(self, image: QImage | None, message: str = "") -> None:
        self._picture.pixmap = QPixmap.fromImage(image) if image is not None else QPixmap()
        self.message.setText(message if image is None else "")
        self.message.setVisible(image is None)
        self.fit()

    def has_image(self) -> bool:
        return not self._picture.pixmap.isNull()

    def _apply(self, scale: float) -> None:
        self._picture.scale = scale
        self._picture.resize(self._picture.sizeHint())
        self._picture.update()
        self.zoom_changed.emit(f"{round(scale * 100)} %" if self.has_image() else "")

    def _fit_scale(self) -> float:
        pm = self._picture.pixmap
        if pm.isNull():
            return 1.0
        area = self.viewport().size()
        return min(1.0, area.width() / pm.width(), area.height() / pm.height())

    def fit(self) -> None:
        self._fit = True
        self._apply(self._fit_scale())

    def actual_size(self) -> None:
        self._fit = False
        self._apply(1.0)

    def zoom_in(self) -> None:
        self._step(+1)

    def zoom_out(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        now = self._picture.scale
        steps = [s for s in ZOOM_STEPS if (s > now * 1.01 if direction > 0 else s < now * 0.99)]
        if steps:
            self._fit = False
            self._apply(steps[0] if direction > 0 else steps[-1])

    @property
    def scale(self) -> float:
        return self._picture.scale

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.message.setGeometry(self.viewport().geometry())
        if self._fit:
            self._apply(self._fit_scale())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._step(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def clear(self) -> None:
        self.set_image(None)
