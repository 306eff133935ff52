"""Exhibits as a Qt list model for the thumbnail grids (one incident's, and the inbox)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ui.evidence.thumbnails import ThumbnailCache
from ui.incidents.timeline_model import ITEMS_MIME
from vault.model import KIND_LABELS, Item

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def caption(item: Item) -> str:
    what = item.description or KIND_LABELS.get(item.kind, "Evidence")
    return f"{item.reference}  {what}"


class ItemsModel(QAbstractListModel):
    def __init__(self, thumbs: ThumbnailCache, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Item] = []
        self._rows: dict[str, int] = {}
        self._thumbs = thumbs
        thumbs.updated.connect(self._on_thumbs_updated)
        app = QApplication.instance()
        style = app.style() if isinstance(app, QApplication) else None
        self._file_icon = (style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
                           if style else QIcon())

    def set_items(self, items: Sequence[Item]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._rows = {it.id: i for i, it in enumerate(self._items)}
        self.endResetModel()
        self._thumbs.request(i.id for i in self._items if i.has_thumbnail)

    def clear(self) -> None:
        self.beginResetModel()
        self._items = []
        self._rows = {}
        self.endResetModel()

    def items(self) -> list[Item]:
        return list(self._items)

    def item(self, row: int) -> Item:
        return self._items[row]

    def ids(self) -> list[str]:
        return [i.id for i in self._items]

    def replace(self, item: Item) -> None:
        row = self._rows.get(item.id)
        if row is not None:
            self._items[row] = item
            ix = self.index(row, 0)
            self.dataChanged.emit(ix, ix)

    def _on_thumbs_updated(self, ids: list[str]) -> None:
        # One signal for the whole batch: a view relays itself out on every dataChanged.
        rows = [r for r in (self._rows.get(i) for i in ids) if r is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), 0),
                                  [Qt.ItemDataRole.DecorationRole])

    # -- Qt -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.DisplayRole:
            return caption(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Exhibit {caption(item)}"
        if role == Qt.ItemDataRole.DecorationRole:
            image = self._thumbs.get(item.id)
            return image if image is not None else self._file_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [caption(item), KIND_LABELS.get(item.kind, "")]
            if item.preview_note:
                lines.append(item.preview_note)
            return "\n".join(x for x in lines if x)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def mimeTypes(self) -> list[str]:
        return [ITEMS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        md = QMimeData()
        ids = sorted({str(ix.data(ID_ROLE)) for ix in indexes if ix.isValid()})
        md.setData(ITEMS_MIME, "\n".join(ids).encode("ascii"))
        return md

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction | Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction | Qt.DropAction.MoveAction
