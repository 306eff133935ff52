"""Recording and editing incidents in the vault view: autosave, history, suspects, filters."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.view.helpers import record, wait_idle
from ui.incidents.autosave import SAVED
from vault.model import Incident, Suspect


def test_record_now_opens_a_new_incident_with_the_cursor_in_the_account(qtbot, view, vault):
    incident_id = record(qtbot, view)
    assert view.editor.incident_id == incident_id
    assert view.timeline.current_id() == incident_id
    assert view.timeline.model.rowCount() == 1
    assert view.editor.account.hasFocus() or view.focusWidget() is view.editor.account
    inc = vault.incidents.get(incident_id)
    assert inc.start and inc.revision == 1


def test_typing_autosaves_and_history_grows(qtbot, view, vault, worker):
    incident_id = record(qtbot, view)
    qtbot.keyClicks(view.editor.title, "Outside my work")
    view.editor.behaviours["loitering"].setChecked(True)
    qtbot.keyClicks(view.editor.account, "He stood by the gate for an hour.")
    qtbot.waitUntil(lambda: vault.incidents.get(incident_id).title == "Outside my work",
                    timeout=10000)
    qtbot.waitUntil(lambda: view.editor.state.text() == SAVED, timeout=10000)
    inc = vault.incidents.get(incident_id)
    assert inc.behaviours == ["loitering"]
    assert inc.account == "He stood by the gate for an hour."
    assert len(vault.incidents.history(incident_id)) >= 2
    row = view.timeline.model.get(incident_id)
    assert row is not None and row.title == "Outside my work"
    # A second round of edits makes another version.
    before = len(vault.incidents.history(incident_id))
    qtbot.keyClicks(view.editor.plate, "AB12 CDE")
    view.autosaver.flush()
    wait_idle(qtbot, worker)
    assert vault.incidents.get(incident_id).vehicle.plate == "AB12 CDE"
    assert len(vault.incidents.history(incident_id)) == before + 1
    assert "last changed" in view.editor.recorded.text()


def test_every_field_round_trips(qtbot, view, vault, worker):
    sus = vault.incidents.save_suspect(Suspect(name="Mark", relationship="ex-partner"))
    incident_id = record(qtbot, view)
    view.editor.suspect.set_people({sus.id: sus})
    e = view.editor
    e.title.setText("Letter")
    e.where.setText("Home")
    e.suspect.set_current(sus.id)
    e.suspect_wore.setText("grey hoodie")
    e.suspect_said.setPlainText("You can't hide")
    e.make.setText("Ford")
    e.model.setText("Focus")
    e.colour.setText("Blue")
    e.plate.setText("AB12")
    e.witnesses._add()  # noqa: SLF001
    e.witnesses.editors()[0].setText("Ann")
    e.reported.setChecked(True)
    e.police_ref.setText("CAD 123")
    e.officer.setText("PC 42 Smith")
    e.channel.setText("+44 7700 900123")
    e.orders.setText("Non-molestation order")
    e.breaches.setChecked(True)
    e.other_reports.setPlainText("Told the landlord")
    e.effects["sleep"].setChecked(True)
    e.effect_notes.setPlainText("Could not sleep")
    e.private_notes.setPlainText("only for me")
    e.from_memory.setChecked(True)
    e.approximate.setChecked(True)
    e.edited.emit()
    view.autosaver.flush()
    wait_idle(qtbot, worker)
    inc = vault.incidents.get(incident_id)
    assert (inc.title, inc.where, inc.suspect_id, inc.suspect_wore) == (
        "Letter", "Home", sus.id, "grey hoodie")
    assert inc.suspect_said == "You can't hide"
    assert (inc.vehicle.make, inc.vehicle.model, inc.vehicle.colour, inc.vehicle.plate) == (
        "Ford", "Focus", "Blue", "AB12")
    assert [w.name for w in inc.witnesses] == ["Ann"]
    assert inc.police.reference == "CAD 123" and inc.police.officer == "PC 42 Smith"
    assert inc.police.reported_at
    assert inc.channel == "+44 7700 900123"
    assert inc.orders_in_force == "Non-molestation order" and inc.breaches_order
    assert inc.other_reports == "Told the landlord"
    assert inc.effects == ["sleep"] and inc.effect_notes == "Could not sleep"
    assert inc.private_notes == "only for me"
    assert inc.from_memory and inc.approximate
    # Loading it again shows the same.
    view.editor.clear()
    view.editor.load(inc, {sus.id: sus})
    assert view.editor.value().to_dict() == inc.to_dict()


def test_switching_incident_saves_the_one_left(qtbot, view, vault, worker):
    first = record(qtbot, view)
    qtbot.keyClicks(view.editor.title, "First")
    second = record(qtbot, view)
    assert second != first
    wait_idle(qtbot, worker)
    assert vault.incidents.get(first).title == "First"
    with qtbot.waitSignal(view.incident_opened, timeout=10000):
        view.timeline.select(first)
    assert view.editor.title.text() == "First"


def test_history_dialog_lists_versions(qtbot, view, vault, worker):
    incident_id = record(qtbot, view)
    qtbot.keyClicks(view.editor.title, "v2")
    view.autosaver.flush()
    wait_idle(qtbot, worker)
    view.show_history(incident_id)
    wait_idle(qtbot, worker)
    from ui.incidents.history_dialog import HistoryDialog

    qtbot.waitUntil(lambda: view.findChild(HistoryDialog) is not None)
    dlg = view.findChild(HistoryDialog)
    assert dlg.list.count() == 2
    assert "title" in dlg.list.item(1).text()
    dlg.reject()


def test_new_suspect_is_saved_and_chosen(qtbot, view, vault, worker):
    incident_id = record(qtbot, view)
    view.editor.suspect.save_requested.emit(Suspect(name="Unknown man"))
    qtbot.waitUntil(lambda: view.editor.suspect.current() != "", timeout=10000)
    view.autosaver.flush()
    wait_idle(qtbot, worker)
    people = vault.incidents.suspects()
    assert [p.name for p in people.values()] == ["Unknown man"]
    assert vault.incidents.get(incident_id).suspect_id in people


def test_filters_search_behaviour_dates_evidence(qtbot, vault, worker, dialogs):
    from tests.ui.view.helpers import loaded_view

    vault.incidents.add(Incident(start="2026-01-05", title="Flowers", behaviours=["gifts"]))
    vault.incidents.add(Incident(start="2026-02-10T09:00", title="Calls",
                                 behaviours=["contacting"], account="withheld number"))
    vault.incidents.add(Incident(start="2026-03-01", title="Car", behaviours=["following"]))
    v = loaded_view(qtbot, vault, worker, dialogs)
    try:
        panel = v.timeline
        assert panel.proxy.rowCount() == 3
        # newest first
        assert panel.proxy.index(0, 1).data() == "Car"
        panel.search.setText("withheld")
        assert panel.proxy.rowCount() == 1
        panel.search.setText("")
        panel.behaviour.setCurrentIndex(panel.behaviour.findData("gifts"))
        assert panel.proxy.rowCount() == 1
        panel.behaviour.setCurrentIndex(0)
        from PySide6.QtCore import QDate

        panel.between.setChecked(True)
        panel.date_from.setDate(QDate(2026, 2, 1))
        panel.date_to.setDate(QDate(2026, 2, 28))
        assert panel.proxy.rowCount() == 1
        panel.between.setChecked(False)
        panel.has_evidence.setChecked(True)
        assert panel.proxy.rowCount() == 0
        assert "Showing 0 of 3" in panel.count.text()
    finally:
        v.shutdown()
        wait_idle(qtbot, worker)


def test_keyboard_reaches_the_main_actions(qtbot, view):
    for b in (view.record_button, view.import_button, view.paste_button, view.bundle_button,
              view.log_button, view.check_button):
        assert b.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert b.text()
    assert view.timeline.search.accessibleName()
    assert view.timeline.table.accessibleName()
