"""Evidence items after import: links, edits, deletion with a reason, references never
reused, redacted copies, physical evidence, duplicates, cancel, previews."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from vault import errors
from vault.model import Incident, PhysicalEvidence


def jpeg(colour: tuple[int, int, int], size: tuple[int, int] = (640, 480)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG")
    return buf.getvalue()


def test_references_are_never_reused(vault) -> None:  # type: ignore[no-untyped-def]
    a = vault.items.import_bytes(jpeg((255, 0, 0)), "a.jpg")
    b = vault.items.import_bytes(jpeg((0, 255, 0)), "b.jpg")
    assert (a.reference, b.reference) == ("JS/1", "JS/2")
    with pytest.raises(errors.InvalidInput):
        vault.items.delete(b.item_id, "   ")
    vault.items.delete(b.item_id, "Imported by mistake")
    c = vault.items.import_bytes(jpeg((0, 0, 255)), "c.jpg")
    assert c.reference == "JS/3"
    vault.update_settings(initials="AB")
    d = vault.items.import_bytes(jpeg((9, 9, 9)), "d.jpg")
    assert d.reference == "AB/4" and vault.items.get(a.item_id).reference == "JS/1"
    deleted = [e for e in vault.custody.entries() if e.event == "item_deleted"]
    assert deleted[0].details["reason"] == "Imported by mistake"
    assert deleted[0].item_ref == "JS/2"
    assert vault.custody.verify() == []


def test_duplicate_links_the_existing_item(vault) -> None:  # type: ignore[no-untyped-def]
    inc = vault.incidents.add(Incident(start="2026-11-20", title="Letter"))
    first = vault.items.import_bytes(jpeg((1, 2, 3)), "a.jpg")
    again = vault.items.import_bytes(jpeg((1, 2, 3)), "copy of a.jpg", incident_id=inc.id)
    assert again.status == "duplicate" and again.reference == first.reference
    assert vault.items.get(first.item_id).incidents == [inc.id]
    assert len(vault.items.list()) == 1


def test_links_edits_and_physical_evidence_are_logged(vault) -> None:  # type: ignore[no-untyped-def]
    inc = vault.incidents.add(Incident(start="2026-11-20", title="Gift on the doorstep"))
    r = vault.items.import_bytes(jpeg((200, 100, 0)), "gift.jpg")
    assert [i.id for i in vault.items.inbox()] == [r.item_id]
    vault.items.link(r.item_id, inc.id)
    assert vault.items.inbox() == [] and vault.items.for_incident(inc.id)[0].id == r.item_id
    vault.items.update(
        r.item_id,
        kind="gift_photo",
        description="Flowers left at 7am",
        source="left on the doorstep",
        physical=PhysicalEvidence(location="sealed bag, wardrobe", handled="only with gloves"),
    )
    item = vault.items.get(r.item_id)
    assert item.kind == "gift_photo" and item.physical.location == "sealed bag, wardrobe"
    with pytest.raises(errors.InvalidInput):
        vault.items.update(r.item_id, sha256="00" * 32)
    vault.items.unlink(r.item_id, inc.id)
    events = [e.event for e in vault.custody.entries()]
    assert events[-3:] == ["item_linked", "item_edited", "item_unlinked"]
    edited = [e for e in vault.custody.entries() if e.event == "item_edited"][0]
    assert edited.details["fields"] == ["description", "kind", "physical", "source"]


def test_redacted_copy_is_a_separate_item(vault) -> None:  # type: ignore[no-untyped-def]
    original = vault.items.import_bytes(jpeg((10, 10, 10)), "letter.jpg")
    redacted = vault.items.import_bytes(
        jpeg((0, 0, 0)),
        "letter (address hidden).jpg",
        derived_from=original.item_id,
        description="My address blacked out",
    )
    item = vault.items.get(redacted.item_id)
    assert item.derived_from == original.item_id and item.sha256 != original.sha256
    assert vault.items.read_original(original.item_id) == jpeg((10, 10, 10))
    entry = [e for e in vault.custody.entries() if e.event == "item_derived"][0]
    assert entry.details["derived_from"] == original.reference


def test_cancel_keeps_finished_items_and_no_partial(vault, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for n in range(12):
        (tmp_path / f"{n:02d}.jpg").write_bytes(jpeg((n * 20, 0, 0)))
    seen: list[int] = []

    def cancelled() -> bool:
        return len(seen) >= 4

    report = vault.items.import_paths(
        [tmp_path], progress=lambda d, t: seen.append(d), cancelled=cancelled
    )
    assert report.cancelled and 4 <= report.imported < 12
    assert len(vault.items.list()) == report.imported
    from vault import blobs

    assert len(blobs.all_blob_names(vault.folder)) == report.imported
    assert report.summary().startswith("Stopped.")


def test_thumbnails_and_later_previews(vault) -> None:  # type: ignore[no-untyped-def]
    r = vault.items.import_bytes(jpeg((50, 150, 250), (3000, 2000)), "big.jpg")
    other = vault.items.import_bytes(jpeg((9, 9, 9), (300, 200)), "small.jpg")
    thumb = Image.open(io.BytesIO(vault.items.thumbnail(r.item_id)))
    assert max(thumb.size) <= 256
    assert not vault.items.get(r.item_id).has_preview
    assert {i.id for i in vault.items.missing_previews()} == {r.item_id, other.item_id}
    assert vault.items.make_preview(r.item_id)
    assert vault.items.get(r.item_id).has_preview
    assert [i.has_preview for i in vault.items.list()] == [True, False]
    assert vault.items.make_missing_previews() == 1
    preview = Image.open(io.BytesIO(vault.items.preview(r.item_id)))
    assert max(preview.size) == 1600 and vault.items.missing_previews() == []


def test_viewing_and_export_are_logged(vault, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = vault.items.import_bytes(b"%PDF-1.4 not really", "x.pdf")
    vault.items.read_original(r.item_id)
    vault.items.export(r.item_id, tmp_path)
    assert (tmp_path / "x.pdf").read_bytes() == b"%PDF-1.4 not really"
    events = [e.event for e in vault.custody.entries()]
    assert events[-2:] == ["item_viewed", "item_exported"]


def test_incident_edits_keep_every_version(vault) -> None:  # type: ignore[no-untyped-def]
    inc = vault.incidents.add(
        Incident(
            start="2026-11-20T17:30", title="Outside work", account="first words", from_memory=True
        )
    )
    assert inc.recorded_at and not inc.edited_at
    inc.account = "first words, and more"
    inc2 = vault.incidents.update(inc)
    assert inc2.revision == 2 and inc2.edited_at and inc2.recorded_at == inc.recorded_at
    assert [h.account for h in vault.incidents.history(inc.id)] == [
        "first words",
        "first words, and more",
    ]
    with pytest.raises(errors.InvalidInput):
        vault.incidents.update(Incident(**{**inc2.to_dict(), "end": "2020-01-01"}))
    with pytest.raises(errors.InvalidInput):
        vault.incidents.add(Incident(start="not a date"))
    entry = [e for e in vault.custody.entries() if e.event == "incident_edited"][0]
    assert entry.details["fields"] == ["account"]


def test_redacted_copy_blacks_out_the_boxes_and_leaves_the_original(vault) -> None:  # type: ignore[no-untyped-def]
    # a sideways photo (EXIF orientation 6) with GPS: the copy must be upright and carry none
    img = Image.new("RGB", (400, 200), (250, 250, 250))
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes(), quality=95)
    inc = vault.incidents.add(Incident(start="2026-11-20", title="Letter"))
    original = vault.items.import_bytes(buf.getvalue(), "IMG_1.jpg", incident_id=inc.id)
    with pytest.raises(errors.InvalidInput):
        vault.items.add_redacted_copy(original.item_id, [])
    copy = vault.items.add_redacted_copy(original.item_id, [(0.0, 0.0, 0.5, 0.25)])
    item = vault.items.get(copy.item_id)
    assert item.derived_from == original.item_id and item.incidents == [inc.id]
    assert item.original_name == "IMG_1 (parts hidden).png"
    out = Image.open(io.BytesIO(vault.items.read_original(copy.item_id)))
    assert out.size == (200, 400)  # upright
    assert not out.getexif()
    px = out.convert("RGB")
    assert px.getpixel((5, 5)) == (0, 0, 0) and px.getpixel((99, 99)) == (0, 0, 0)
    assert px.getpixel((150, 300))[0] > 200  # outside the box: untouched
    assert vault.items.read_original(original.item_id) == buf.getvalue()
    assert vault.custody.verify() == []
