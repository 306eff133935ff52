"""How incidents and exhibits are stored: defaults left out, read back whole."""

from __future__ import annotations

from vault.model import Incident, Item, PhysicalEvidence, PoliceReport, Vehicle, Witness


def full_incident() -> Incident:
    return Incident(
        id="i1", start="2026-11-20T17:30:00+00:00", title="Outside work",
        behaviours=["following"], account="He waited by the gate.",
        vehicle=Vehicle(make="Ford", plate="AB12 CDE"),
        witnesses=[Witness(name="Sam", saw="the car")],
        police=PoliceReport(reference="CAD 123"), effects=["sleep"],
        from_memory=True, revision=2,
    )


def test_defaults_are_left_out_of_the_stored_form() -> None:
    record = Incident(id="i1", start="2026-11-20", title="A letter").to_record()
    assert record == {"id": "i1", "start": "2026-11-20", "title": "A letter"}


def test_a_stored_incident_reads_back_equal() -> None:
    for inc in (full_incident(), Incident(id="i2", start="2026-11-21")):
        back = Incident.from_dict(inc.to_record())
        assert back == inc
        assert back.to_dict() == inc.to_dict()
        assert isinstance(back.vehicle, Vehicle) and isinstance(back.police, PoliceReport)
        assert all(isinstance(w, Witness) for w in back.witnesses)


def test_a_stored_item_reads_back_equal() -> None:
    item = Item(id="x", reference="JS/1", number=1, sha256="ab" * 32, incidents=["i1"],
                details={"from": "someone"}, physical=PhysicalEvidence(location="drawer"))
    assert Item.from_dict(item.to_record()) == item
    bare = Item(id="y", reference="JS/2", number=2)
    assert Item.from_dict(bare.to_record()) == bare


def test_lists_left_out_are_fresh_for_each_record() -> None:
    a = Incident.from_dict({"id": "a", "start": "2026-01-01"})
    b = Incident.from_dict({"id": "b", "start": "2026-01-02"})
    a.behaviours.append("watching")
    a.witnesses.append(Witness(name="Sam"))
    assert b.behaviours == [] and b.witnesses == []
    assert a.to_record()["behaviours"] == ["watching"]
    one, two = Item.from_dict({"id": "1"}), Item.from_dict({"id": "2"})
    one.incidents.append("i1")
    one.details["k"] = "v"
    assert two.incidents == [] and two.details == {}


def test_records_written_whole_by_earlier_versions_still_read() -> None:
    inc = full_incident()
    assert Incident.from_dict(inc.to_dict()) == inc


def test_unknown_fields_from_a_newer_version_are_dropped() -> None:
    inc = Incident.from_dict({"id": "a", "start": "2026-01-01", "to_dict": "x", "mood": 3})
    assert "mood" not in inc.to_dict()
    assert inc.to_dict()["id"] == "a"  # a stored key cannot hide a method


def test_reading_does_not_keep_the_callers_dict_unless_handed_over() -> None:
    data = {"id": "a", "start": "2026-01-01", "title": "first"}
    inc = Incident.from_dict(data)
    data["title"] = "changed"
    assert inc.title == "first"


def test_null_lists_read_as_empty() -> None:
    inc = Incident.from_dict({"id": "a", "behaviours": None, "effects": None})
    assert inc.behaviours == [] and inc.effects == []
    item = Item.from_dict({"id": "b", "incidents": None, "details": None})
    assert item.incidents == [] and item.details == {}


def test_copies_of_a_read_record_are_whole_and_separate() -> None:
    import copy

    inc = Incident.from_dict({"id": "a", "start": "2026-01-01"})
    twin = copy.deepcopy(inc)  # the editor keeps a copy of what it loaded
    twin.behaviours.append("watching")
    assert twin != inc and inc.behaviours == [] and copy.deepcopy(inc) == inc
