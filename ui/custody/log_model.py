"""The chain-of-custody log as a Qt table model (read-only, oldest first)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.incidents import when
from ui.table_model import Index, RowsTableModel
from vault.custody import EVENTS
from vault.model import CustodyEntry

COLUMNS = ("No.", "When", "What happened", "Exhibit", "Details")
_HIDDEN_DETAILS = {"incident", "sha256", "bundle_id"}


def details_text(entry: CustodyEntry) -> str:
    d = entry.details
    parts: list[str] = []
    if "fields" in d:
        parts.append("changed: " + ", ".join(str(f).replace("_", " ") for f in d["fields"]))
    if "reason" in d:
        parts.append(f"reason: {d['reason']}")
    if "items" in d and "problems" in d:
        parts.append(f"{d['items']} exhibits checked, {d['problems']} problems")
    if "manifest_sha256" in d:
        parts.append(f"manifest {str(d['manifest_sha256'])[:16]}…")
    if "derived_from" in d:
        parts.append(f"copy of {d['derived_from']}")
    if "size" in d:
        parts.append(f"{d['size']} bytes")
    return "; ".join(parts)


class CustodyModel(RowsTableModel):
    COLUMNS = COLUMNS

    def set_entries(self, entries: list[CustodyEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def clear(self) -> None:
        self.set_entries([])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        e: CustodyEntry | None = self._row(index)
        if e is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (str(e.seq), when.show_moment(e.at), EVENTS.get(e.event, e.event),
                    e.item_ref, details_text(e))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return f"Chain head after this entry: {e.head}"
        return None
