"""The thumbnail grid and the panel around it (one incident's evidence, or the inbox)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.evidence.delegate import PAD, EvidenceDelegate
from ui.evidence.items_model import ID_ROLE, ItemsModel
from ui.evidence.thumbnails import GRID_PX
from ui.incidents.timeline_model import ITEMS_MIME
from ui.incidents.timeline_view import local_paths


class EvidenceGrid(QListView):
    items_dropped = Signal(list)  # item ids dragged from the other grid
    files_dropped = Signal(list)  # paths from the desktop
    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(GRID_PX, GRID_PX))
        self.setItemDelegate(EvidenceDelegate(self))
        self.setSpacing(4)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        # Always room for one whole row of pictures with their captions.
        fm = self.fontMetrics()
        self.setMinimumHeight(GRID_PX + 3 * PAD + fm.lineSpacing() * 2 + 2 * self.spacing()
                              + 2 * self.frameWidth() + 8)

    def _mine(self, event: QDropEvent | QDragMoveEvent | QDragEnterEvent) -> bool:
        return event.source() is self

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        md = event.mimeData()
        if (md.hasFormat(ITEMS_MIME) and not self._mine(event)) or md.hasUrls():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        md = event.mimeData()
        if (md.hasFormat(ITEMS_MIME) and not self._mine(event)) or md.hasUrls():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        md = event.mimeData()
        if md.hasFormat(ITEMS_MIME) and not self._mine(event):
            ids = bytes(md.data(ITEMS_MIME).data()).decode("ascii", "replace").split()
            self.items_dropped.emit(ids)
        elif md.hasUrls():
            paths = local_paths(md.urls())
            if paths:
                self.files_dropped.emit(paths)
        else:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def selected_ids(self) -> list[str]:
        rows = sorted(ix.row() for ix in self.selectionModel().selectedIndexes())
        return [str(self.model().index(r, 0).data(ID_ROLE)) for r in rows]


class EvidencePanel(QWidget):
    """A grid with its buttons. `inbox` panels offer "file under", the others "take out"."""

    open_requested = Signal(str)
    delete_requested = Signal(list)
    file_requested = Signal(list)  # inbox: file these under the open incident
    unfile_requested = Signal(list)  # incident: take these out of it
    import_requested = Signal()

    def __init__(self, model: ItemsModel, *, inbox: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.inbox = inbox
        self.grid = EvidenceGrid(self)
        self.grid.setModel(model)
        self.grid.setAccessibleName("Evidence not filed yet" if inbox
                                    else "Evidence of this incident")
        self.grid.activated.connect(
            lambda ix: self.open_requested.emit(str(ix.data(ID_ROLE))))
        self.grid.delete_pressed.connect(self._on_delete_clicked)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)

        self.open_button = QPushButton("Open", self)
        self.open_button.setToolTip("Look at it, with all its details (Enter)")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.move_button = QPushButton(
            "File under the open incident" if inbox else "Take out of this incident", self)
        self.move_button.clicked.connect(self._on_move_clicked)
        self.delete_button = QPushButton("Delete…", self)
        self.delete_button.setToolTip("Delete from the vault (you will be asked why)")
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.import_button = QPushButton("Add evidence…", self)
        self.import_button.clicked.connect(self.import_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.grid, 1)
        layout.addLayout(buttons)
        self.grid.selectionModel().selectionChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        model.modelReset.connect(self._update_hint)
        self._update_buttons()
        self._update_hint()

    def _update_hint(self) -> None:
        n = self.model.rowCount()
        if self.inbox:
            self.hint.setText(
                "Nothing waiting to be filed." if n == 0 else
                f"{n} piece{'s' if n != 1 else ''} of evidence not filed under an incident yet. "
                "Drag onto an incident in the list, or choose one and use "
                "\"File under the open incident\".")
        else:
            self.hint.setText(
                "No evidence filed under this incident yet. Add files, paste a screenshot "
                "(Ctrl+V), or drag them here." if n == 0 else
                f"{n} piece{'s' if n != 1 else ''} of evidence. Double-click or press Enter "
                "to look at one.")

    def _update_buttons(self, *_args: object) -> None:
        chosen = bool(self.grid.selectionModel().selectedIndexes())
        for b in (self.open_button, self.move_button, self.delete_button):
            b.setEnabled(chosen)

    def _on_open_clicked(self) -> None:
        ids = self.grid.selected_ids()
        if ids:
            self.open_requested.emit(ids[0])

    def _on_move_clicked(self) -> None:
        ids = self.grid.selected_ids()
        if ids:
            (self.file_requested if self.inbox else self.unfile_requested).emit(ids)

    def _on_delete_clicked(self) -> None:
        ids = self.grid.selected_ids()
        if ids:
            self.delete_requested.emit(ids)
