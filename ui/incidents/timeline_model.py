"""The incidents timeline as a Qt table model, newest first, and its filter.

A custom model, not QStandardItemModel: a reset is O(1) (the lock sequence clears it in
one call) and there is one small immutable row object per incident.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ui.incidents import when
from ui.table_model import Index, RowsTableModel
from vault.incidents import sort_key
from vault.model import BEHAVIOUR_LABELS, BEHAVIOUR_SHORT, Incident

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEMS_MIME = "application/x-evidence-vault-items"  # item ids only, never content



class IncidentRow(NamedTuple):
    """One line of the timeline (a tuple: 10,000 of them are made in a blink)."""

    id: str
    start: str
    approximate: bool
    day: date | None
    title: str
    behaviours: tuple[str, ...]
    exhibits: int
    haystack: str  # lower-case text the search looks in
    order: tuple[Any, str]  # vault.incidents.sort_key, then when it was written down

    @classmethod
    def of(cls, inc: Incident, exhibits: int) -> IncidentRow:
        words = [inc.title, inc.where, inc.account, inc.channel, inc.suspect_wore,
                 inc.suspect_said, inc.vehicle.plate, inc.vehicle.make, inc.police.reference,
                 inc.other_reports, inc.effect_notes]
        words += [BEHAVIOUR_SHORT.get(b, b) for b in inc.behaviours]
        return cls(
            id=inc.id, start=inc.start, approximate=inc.approximate,
            day=when.day_of(inc.start), title=inc.title,
            behaviours=tuple(inc.behaviours), exhibits=exhibits,
            haystack="\n".join(w for w in words if w).casefold(),
            order=(sort_key(inc.start), inc.recorded_at),
        )

    def with_exhibits(self, n: int) -> IncidentRow:
        return self._replace(exhibits=n)


COLUMNS = ("When", "What happened", "Behaviour", "Evidence")


class TimelineModel(RowsTableModel):
    """Rows are `IncidentRow`s, newest first."""

    COLUMNS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[IncidentRow] = []
        self._where: dict[str, int] = {}

    # -- filling ------------------------------------------------------------------------
    def set_rows(self, rows: list[IncidentRow]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: r.order, reverse=True)
        self._reindex()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._where = {}
        self.endResetModel()

    def _reindex(self) -> None:
        self._where = {r.id: i for i, r in enumerate(self._rows)}

    def upsert(self, row: IncidentRow) -> None:
        """Add a row, or replace it (moving it if its date changed)."""
        at = self._where.get(row.id)
        if at is not None:
            old = self._rows[at]
            if old.order == row.order:
                self._rows[at] = row
                self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))
                return
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._rows[at]
            self._reindex()
            self.endRemoveRows()
        pos = 0
        while pos < len(self._rows) and self._rows[pos].order > row.order:
            pos += 1
        self.beginInsertRows(QModelIndex(), pos, pos)
        self._rows.insert(pos, row)
        self._reindex()
        self.endInsertRows()

    def set_exhibit_counts(self, counts: dict[str, int]) -> None:
        for i, r in enumerate(self._rows):
            n = counts.get(r.id, 0)
            if n != r.exhibits:
                self._rows[i] = r.with_exhibits(n)
                ix = self.index(i, 3)
                self.dataChanged.emit(ix, ix)

    # -- reading ------------------------------------------------------------------------
    def row_at(self, row: int) -> IncidentRow:
        return self._rows[row]

    def row_of(self, incident_id: str) -> int:
        return self._where.get(incident_id, -1)

    def get(self, incident_id: str) -> IncidentRow | None:
        at = self._where.get(incident_id)
        return None if at is None else self._rows[at]

    def rows(self) -> list[IncidentRow]:
        return list(self._rows)

    # -- Qt -----------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r: IncidentRow | None = self._row(index)
        if r is None:
            return None
        col = index.column()
        if role == ID_ROLE:
            return r.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == 0:
                return when.show(r.start, approximate=r.approximate)
            if col == 1:
                return r.title or "(no title yet)"
            if col == 2:
                return ", ".join(BEHAVIOUR_SHORT.get(b, b) for b in r.behaviours)
            if col == 3:
                if role == Qt.ItemDataRole.AccessibleTextRole:
                    return f"{r.exhibits} pieces of evidence"
                return str(r.exhibits) if r.exhibits else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == 2 and r.behaviours:
            return "\n".join(BEHAVIOUR_LABELS.get(b, b) for b in r.behaviours)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDropEnabled)

    def mimeTypes(self) -> list[str]:
        return [ITEMS_MIME, "text/uri-list"]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction | Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return data.hasFormat(ITEMS_MIME) or data.hasUrls()

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        # The view handles drops itself (TimelineView); the model only says what it takes.
        return False


class TimelineFilter(QSortFilterProxyModel):
    """Search text, behaviour, date range and "has evidence"."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._behaviour = ""
        self._from: date | None = None
        self._to: date | None = None
        self._has_evidence = False

    def _begin(self) -> None:
        self.beginFilterChange()

    def _end(self) -> None:
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self._begin()
        self._words = text.casefold().split()
        self._end()

    def set_behaviour(self, behaviour: str) -> None:
        self._begin()
        self._behaviour = behaviour
        self._end()

    def set_date_range(self, start: date | None, end: date | None) -> None:
        self._begin()
        self._from, self._to = start, end
        self._end()

    def set_has_evidence(self, on: bool) -> None:
        self._begin()
        self._has_evidence = on
        self._end()

    def clear_filters(self) -> None:
        self._begin()
        self._words, self._behaviour, self._from, self._to = [], "", None, None
        self._has_evidence = False
        self._end()

    @property
    def active(self) -> bool:
        return bool(self._words or self._behaviour or self._from or self._to
                    or self._has_evidence)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, TimelineModel):
            return True
        r = model.row_at(source_row)
        if self._behaviour and self._behaviour not in r.behaviours:
            return False
        if self._has_evidence and not r.exhibits:
            return False
        if self._from and (r.day is None or r.day < self._from):
            return False
        if self._to and (r.day is None or r.day > self._to):
            return False
        return all(w in r.haystack for w in self._words)
