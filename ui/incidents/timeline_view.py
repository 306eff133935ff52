"""The timeline panel: search and filters above the list of incidents.

Dropping evidence (from the grids) or files (from the desktop) onto an incident files it
there; the panel only says what was dropped where, the vault view does the work.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.incidents.timeline_model import (
    ID_ROLE,
    ITEMS_MIME,
    IncidentRow,
    TimelineFilter,
    TimelineModel,
)
from vault.model import BEHAVIOUR_SHORT, Behaviour


def local_paths(urls: list[QUrl]) -> list[Path]:
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]


class TimelineView(QTableView):
    """The incidents table; takes drops of evidence and files onto a row."""

    items_dropped = Signal(list, str)  # item ids, incident id
    files_dropped = Signal(list, str)  # paths, incident id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def _incident_at(self, event: QDropEvent | QDragMoveEvent) -> str:
        index = self.indexAt(event.position().toPoint())
        return str(index.data(ID_ROLE) or "") if index.isValid() else ""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        md = event.mimeData()
        if md.hasFormat(ITEMS_MIME) or md.hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        md = event.mimeData()
        if (md.hasFormat(ITEMS_MIME) or md.hasUrls()) and self._incident_at(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        incident_id = self._incident_at(event)
        md = event.mimeData()
        if not incident_id:
            event.ignore()
            return
        if md.hasFormat(ITEMS_MIME):
            ids = bytes(md.data(ITEMS_MIME).data()).decode("ascii", "replace").split()
            self.items_dropped.emit(ids, incident_id)
        elif md.hasUrls():
            paths = local_paths(md.urls())
            if paths:
                self.files_dropped.emit(paths, incident_id)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()


class TimelinePanel(QWidget):
    """Search, filters and the timeline. Emits the id of the incident chosen ("" for none)."""

    incident_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.model = TimelineModel(self)
        self.proxy = TimelineFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search incidents")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search incidents")
        self.search.textChanged.connect(self.proxy.set_search)

        self.behaviour = QComboBox(self)
        self.behaviour.setAccessibleName("Show only one kind of behaviour")
        self.behaviour.addItem("All kinds of behaviour", "")
        for b in Behaviour:
            self.behaviour.addItem(BEHAVIOUR_SHORT[b], b.value)
        self.behaviour.currentIndexChanged.connect(
            lambda _i: self.proxy.set_behaviour(str(self.behaviour.currentData() or "")))

        self.has_evidence = QCheckBox("With evidence", self)
        self.has_evidence.setToolTip("Show only incidents that have evidence filed under them")
        self.has_evidence.toggled.connect(self.proxy.set_has_evidence)

        self.between = QCheckBox("Between", self)
        self.between.setToolTip("Show only incidents between two dates")
        today = date.today()
        self.date_from = _date_edit(self, today - timedelta(days=90), "From date")
        self.date_to = _date_edit(self, today, "To date")
        for w in (self.date_from, self.date_to):
            w.setEnabled(False)
            w.dateChanged.connect(self._apply_dates)
        self.between.toggled.connect(self._on_between_toggled)

        self.table = TimelineView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Incidents, newest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._size_columns()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.count = QLabel(self)
        self.count.setAccessibleName("How many incidents are shown")
        for sig in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                    self.proxy.layoutChanged):
            sig.connect(self._update_count)

        filters = QHBoxLayout()
        filters.addWidget(self.behaviour, 1)
        filters.addWidget(self.has_evidence)
        dates = QHBoxLayout()
        dates.addWidget(self.between)
        dates.addWidget(self.date_from, 1)
        dates.addWidget(QLabel("and", self))
        dates.addWidget(self.date_to, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._update_count()

    def _size_columns(self) -> None:
        """Widths from the font, never from the contents: measuring 10,000 rows takes a while.

        Done again when shown, because the style sheet's font is only applied by then.
        """
        header = self.table.horizontalHeader()
        fm = self.table.fontMetrics()
        samples = [f"{d} 28 {m} 2026, 00:00" for d in ("Mon", "Wed", "Sun")
                   for m in ("Feb", "May", "Sep")]
        header.resizeSection(0, max(fm.horizontalAdvance(t) for t in samples) + 24)
        header.resizeSection(2, fm.horizontalAdvance("Loitering, Watch") + 16)
        header.resizeSection(3, fm.horizontalAdvance("Evidence") + 16)
        self.table.verticalHeader().setDefaultSectionSize(fm.lineSpacing() + 10)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._size_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Narrow (a small screen, or large text): the behaviour column gives way to the title.
        narrow = self.width() < self.fontMetrics().averageCharWidth() * 75
        self.table.setColumnHidden(2, narrow)

    # -- filters ------------------------------------------------------------------------
    def _on_between_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._apply_dates()

    def _apply_dates(self) -> None:
        if self.between.isChecked():
            a, b = self.date_from.date(), self.date_to.date()
            self.proxy.set_date_range(date(a.year(), a.month(), a.day()),
                                      date(b.year(), b.month(), b.day()))
        else:
            self.proxy.set_date_range(None, None)

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            self.count.setText("No incidents recorded yet.")
        elif shown == total:
            self.count.setText(f"{total} incident{'s' if total != 1 else ''}")
        else:
            self.count.setText(f"Showing {shown} of {total} incidents")

    # -- selection ----------------------------------------------------------------------
    def upsert(self, row: IncidentRow) -> None:
        """Add or change a row, keeping the chosen incident chosen (even if it moved)."""
        keep = self.current_id()
        self._quiet = True
        try:
            self.model.upsert(row)
            if keep:
                self.select(keep)
        finally:
            self._quiet = False

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        self.incident_chosen.emit(str(current.data(ID_ROLE) or "") if current.isValid() else "")

    def current_id(self) -> str:
        index = self.table.currentIndex()
        return str(index.data(ID_ROLE) or "") if index.isValid() else ""

    def select(self, incident_id: str) -> None:
        row = self.model.row_of(incident_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: clear the filters so it can be seen
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def clear_filters(self) -> None:
        self.search.clear()
        self.behaviour.setCurrentIndex(0)
        self.has_evidence.setChecked(False)
        self.between.setChecked(False)

    def clear(self) -> None:
        """Drop every row and the search text (lock)."""
        self.search.clear()
        self.search.setText("")
        self.model.clear()


def _date_edit(parent: QWidget, day: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setAccessibleName(name)
    return edit
