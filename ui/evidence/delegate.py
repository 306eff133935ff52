"""Draws one exhibit in the grid: the thumbnail centred in a fixed box, two short lines under it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.evidence.thumbnails import GRID_PX

PAD = 6


class EvidenceDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        fm = option.fontMetrics
        return QSize(GRID_PX + 4 * PAD + fm.averageCharWidth() * 4,
                     GRID_PX + 3 * PAD + fm.lineSpacing() * 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                            option.widget)
        r = option.rect
        box = QRect(r.x() + (r.width() - GRID_PX) // 2, r.y() + PAD, GRID_PX, GRID_PX)
        deco = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(deco, QImage) and not deco.isNull():
            size = deco.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            if deco.width() <= GRID_PX and deco.height() <= GRID_PX:
                size = deco.size()
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(box.center())
            painter.drawImage(target, deco)
        elif isinstance(deco, QIcon):
            deco.paint(painter, box.adjusted(GRID_PX // 4, GRID_PX // 4, -GRID_PX // 4,
                                             -GRID_PX // 4))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.setPen(option.palette.color(role))
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        first, _, second = text.partition("  ")
        fm = option.fontMetrics
        width = r.width() - 2 * PAD
        y = box.bottom() + PAD
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRect(r.x() + PAD, y, width, fm.lineSpacing()),
                         int(Qt.AlignmentFlag.AlignHCenter), first)
        painter.setFont(option.font)
        painter.drawText(QRect(r.x() + PAD, y + fm.lineSpacing(), width, fm.lineSpacing()),
                         int(Qt.AlignmentFlag.AlignHCenter),
                         fm.elidedText(second, Qt.TextElideMode.ElideRight, width))
        painter.restore()
