"""Bundle dialog, custody log, integrity check, the pattern, and shutdown leaving nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from tests.ui.view.helpers import all_text, make_jpeg, record, wait_idle
from ui.incidents.timeline_model import IncidentRow
from ui.pattern.panel import window
from vault.model import Incident

HAVE_BUILDER = importlib.util.find_spec("vault.bundle_source") is not None


@pytest.mark.skipif(not HAVE_BUILDER, reason="vault/bundle_source.py (the lead's) is not there")
def test_build_a_bundle(qtbot, view, vault, dialogs, tmp_path, worker):
    incident_id = record(qtbot, view)
    qtbot.keyClicks(view.editor.title, "Outside work")
    view.editor.private_notes.setPlainText("secret plan")
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.import_paths([make_jpeg(tmp_path / "a.jpg", (1, 2, 3))])
    dlg = view.build_bundle()
    opened: list[Path] = []
    dlg._open_folder = opened.append  # noqa: SLF001 - no file manager in tests
    out = tmp_path / "usb"
    out.mkdir()
    dialogs.set_next(out)
    dlg.options.case_ref.setText("CAD 1234")
    dlg.options.producer.setText("Jane Smith")
    assert not dlg.options.private.isChecked()
    with qtbot.waitSignal(dlg.built, timeout=60000) as got:
        dlg.build()
    result = got.args[0]
    assert Path(result.folder).is_dir() and Path(result.folder).parent == out
    assert len(result.manifest_sha256) == 64
    dlg.open_button.click()
    assert opened == [Path(result.folder)]
    assert vault.custody.entries()[-1].event == "bundle_built"
    assert vault.settings()["producer_name"] == "Jane Smith"
    assert incident_id
    dlg.reject()


@pytest.mark.skipif(not HAVE_BUILDER, reason="vault/bundle_source.py (the lead's) is not there")
def test_private_notes_ask_first(qtbot, view, dialogs, tmp_path):
    record(qtbot, view)
    dlg = view.build_bundle()
    dlg.options.folder.setText(str(tmp_path))
    dlg.options.private.setChecked(True)
    dialogs.set_next(False)
    dlg.build()
    assert dlg.job is None
    assert "disclosed" in dialogs.shown[-1][2]
    dlg.reject()


def test_custody_log_view(qtbot, view, worker):
    record(qtbot, view)
    dlg = view.show_custody_log()
    qtbot.waitUntil(lambda: dlg.model.rowCount() >= 2, timeout=10000)
    events = [dlg.model.index(r, 2).data() for r in range(dlg.model.rowCount())]
    assert events[:2] == ["Vault created", "Incident recorded"]
    dlg.reject()


def test_integrity_check(qtbot, view, dialogs, tmp_path):
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.import_paths([make_jpeg(tmp_path / "a.jpg", (1, 2, 3))])
    with qtbot.waitSignal(view.integrity.finished, timeout=20000) as got:
        view.check_integrity()
    assert got.args[0].ok
    assert dialogs.shown[-1][1] == "Integrity check"
    assert dialogs.shown[-1][2].startswith("Everything checks. 1 piece")


def test_pattern_tab_draws(qtbot, view, vault):
    record(qtbot, view)
    view.editor.behaviours["following"].setChecked(True)
    view.autosaver.flush()
    qtbot.waitUntil(lambda: view.timeline.model.row_at(0).behaviours == ("following",),
                    timeout=10000)
    view.tabs.setCurrentWidget(view.pattern)
    qtbot.waitUntil(lambda: bool(view.pattern.chart.weeks())
                    and view.pattern.chart.weeks()[-1][1] == {"following": 1}, timeout=10000)
    weeks = view.pattern.chart.weeks()
    assert weeks and weeks[-1][1] == {"following": 1}
    assert "1 behaviours recorded" in view.pattern.words.text()
    image = view.pattern.chart.grab()
    assert not image.isNull()


def test_pattern_window_pads_to_this_week():
    from datetime import date

    weeks = [(date(2026, 1, 5), {"gifts": 1})]
    got = window(weeks, 0, today=date(2026, 1, 21))
    assert [w for w, _ in got] == [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19)]
    assert len(window(weeks, 13, today=date(2026, 1, 21))) == 13


def test_shutdown_leaves_no_decrypted_text(qtbot, vault, worker, dialogs, tmp_path):
    from tests.ui.view.helpers import loaded_view

    vault.incidents.add(Incident(start="2026-01-05", title="SECRET-TITLE",
                                 account="SECRET-ACCOUNT", private_notes="SECRET-NOTES"))
    vault.items.import_paths([make_jpeg(tmp_path / "a.jpg", (9, 9, 9))])
    view = loaded_view(qtbot, vault, worker, dialogs, register=False)
    with qtbot.waitSignal(view.incident_opened, timeout=10000):
        view.timeline.select(view.timeline.model.row_at(0).id)
    view.timeline.search.setText("SECRET")
    qtbot.keyClicks(view.editor.account, " MORE")
    viewer = view.open_item(vault.items.list()[0].id)
    qtbot.waitUntil(lambda: viewer.loaded, timeout=10000)
    log = view.show_custody_log()
    assert "SECRET-ACCOUNT" in all_text(view)

    view.shutdown()
    wait_idle(qtbot, worker)
    text = all_text(view)
    assert "SECRET" not in text
    assert view.timeline.model.rowCount() == 0
    assert view.incident_items.rowCount() == 0 and view.inbox_items.rowCount() == 0
    assert len(view.thumbs) == 0
    assert not view.pattern.chart.weeks()
    assert view.editor.account.document().isUndoAvailable() is False
    assert not view.timeline.search.isUndoAvailable()
    for dlg in (viewer, log):  # closed, and deleted or emptied
        assert not shiboken6.isValid(dlg) or not dlg.isVisible()
    assert not shiboken6.isValid(log) or log.model.rowCount() == 0
    # the edit typed just before the lock was saved (the worker was idle)
    assert "MORE" in vault.incidents.list()[0].account
    # nothing that arrives later fills anything again
    view.load()
    wait_idle(qtbot, worker)
    assert view.timeline.model.rowCount() == 0
    view.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(view), timeout=5000)
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            assert "SECRET" not in all_text(top)


def test_rows_of_incidents_for_the_bundle_dialog():
    row = IncidentRow.of(Incident(id="a", start="2026-01-05", title="x"), 0)
    assert row.day is not None
