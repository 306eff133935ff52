"""The view's Qt models pass pytest-qt's model tester, and reset in one step."""

from __future__ import annotations

import time
from datetime import date

from tests.ui.view.helpers import make_jpeg
from ui.custody.log_model import CustodyModel
from ui.evidence.items_model import ItemsModel
from ui.evidence.thumbnails import ThumbnailCache
from ui.incidents.timeline_model import IncidentRow, TimelineFilter, TimelineModel
from vault.model import Incident


def _rows(n: int) -> list[IncidentRow]:
    return [IncidentRow.of(Incident(id=f"i{k}", start=f"2026-{1 + k % 12:02d}-{1 + k % 28:02d}",
                                    title=f"T{k}", behaviours=["following"] if k % 2 else []),
                           k % 3) for k in range(n)]


def test_timeline_model_and_filter(qtmodeltester):
    model = TimelineModel()
    model.set_rows(_rows(40))
    qtmodeltester.check(model)
    proxy = TimelineFilter()
    proxy.setSourceModel(model)
    proxy.set_behaviour("following")
    proxy.set_has_evidence(True)
    proxy.set_date_range(date(2026, 1, 1), date(2026, 6, 30))
    qtmodeltester.check(proxy)
    model.upsert(IncidentRow.of(Incident(id="new", start="2027-01-01", title="newest"), 0))
    assert model.row_at(0).id == "new"
    model.upsert(IncidentRow.of(Incident(id="new", start="2025-01-01", title="oldest"), 0))
    assert model.row_at(model.rowCount() - 1).id == "new"
    qtmodeltester.check(model)


def test_timeline_reset_is_quick_with_10000_rows():
    model = TimelineModel()
    model.set_rows(_rows(10_000))
    started = time.perf_counter()
    model.clear()
    assert model.rowCount() == 0
    assert time.perf_counter() - started < 0.05


def test_items_model(qtmodeltester, qtbot, vault, worker, tmp_path):
    make_jpeg(tmp_path / "a.jpg", (10, 20, 30))
    vault.items.import_paths([tmp_path / "a.jpg"])
    thumbs = ThumbnailCache(worker, vault.items.thumbnail)
    model = ItemsModel(thumbs)
    model.set_items(vault.items.list())
    qtbot.waitUntil(lambda: len(thumbs) == 1, timeout=10000)
    qtmodeltester.check(model)
    model.clear()
    thumbs.clear()
    assert model.rowCount() == 0 and len(thumbs) == 0


def test_custody_model(qtmodeltester, vault):
    vault.incidents.add(Incident(start="2026-01-01", title="x"))
    model = CustodyModel()
    model.set_entries(vault.custody.entries())
    assert model.rowCount() == 2
    assert model.index(1, 2).data() == "Incident recorded"
    qtmodeltester.check(model)
