"""Evidence in the vault view: import (file dialog, drop, paste), grids, viewer, filing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from tests.ui.view.helpers import make_jpeg, record, wait_idle
from ui.evidence.viewer import EvidenceViewer
from ui.incidents.timeline_model import ITEMS_MIME


def _photos(tmp_path: Path, n: int = 3) -> list[Path]:
    folder = tmp_path / "photos"
    folder.mkdir(exist_ok=True)
    return [make_jpeg(folder / f"p{i}.jpg", (40 * i, 90, 200 - 30 * i)) for i in range(n)]


def _drop(widget, paths_or_mime, pos: QPointF | None = None) -> None:  # type: ignore[no-untyped-def]
    if isinstance(paths_or_mime, QMimeData):
        md = paths_or_mime
    else:
        md = QMimeData()
        md.setUrls([QUrl.fromLocalFile(str(p)) for p in paths_or_mime])
    at = pos or QPointF(widget.width() / 2, widget.height() / 2)
    for kind in (QDropEvent.Type.DragEnter, QDropEvent.Type.DragMove, QDropEvent.Type.Drop):
        if kind == QDropEvent.Type.Drop:
            ev = QDropEvent(at, Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
        else:
            from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent

            cls = QDragEnterEvent if kind == QDropEvent.Type.DragEnter else QDragMoveEvent
            ev = cls(at.toPoint(), Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, ev)


def test_import_through_the_file_dialog_seam(qtbot, view, vault, dialogs, tmp_path, worker):
    photos = _photos(tmp_path)
    dialogs.set_next(photos)
    with qtbot.waitSignal(view.items_changed, timeout=20000), \
            qtbot.waitSignal(view.importer.finished, timeout=20000):
        view.import_dialog()
    assert ("info", "Evidence added", "3 imported.") in dialogs.shown
    assert len(vault.items.inbox()) == 3
    assert view.inbox_items.rowCount() == 3
    assert view.tabs.tabText(1) == "Not filed yet (3)"
    qtbot.waitUntil(lambda: len(view.thumbs) == 3, timeout=10000)
    # the same files again: already in the vault
    dialogs.set_next(photos)
    with qtbot.waitSignal(view.importer.finished, timeout=20000):
        view.import_dialog()
    assert dialogs.shown[-1][2] == "0 imported, 3 already in the vault."


def test_import_goes_under_the_open_incident(qtbot, view, vault, tmp_path):
    incident_id = record(qtbot, view)
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.import_paths(_photos(tmp_path, 2))
    assert view.incident_items.rowCount() == 2
    assert len(vault.items.for_incident(incident_id)) == 2
    assert view.timeline.model.get(incident_id).exhibits == 2


def test_drop_files_onto_the_window_and_onto_an_incident(qtbot, view, vault, tmp_path):
    photos = _photos(tmp_path, 3)
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        _drop(view, photos[:1])
    assert len(vault.items.inbox()) == 1
    incident_id = record(qtbot, view)
    table = view.timeline.table
    rect = table.visualRect(view.timeline.proxy.index(0, 1))
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        _drop(table.viewport(), photos[1:], QPointF(rect.center()))
    assert len(vault.items.for_incident(incident_id)) == 2


def test_drag_from_the_inbox_onto_an_incident_files_it(qtbot, view, vault, tmp_path):
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        _drop(view, _photos(tmp_path, 1))
    item_id = vault.items.inbox()[0].id
    incident_id = record(qtbot, view)
    md = view.inbox_items.mimeData([view.inbox_items.index(0, 0)])
    assert bytes(md.data(ITEMS_MIME).data()).decode() == item_id
    table = view.timeline.table
    rect = table.visualRect(view.timeline.proxy.index(0, 1))
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        _drop(table.viewport(), md, QPointF(rect.center()))
    assert vault.items.get(item_id).incidents == [incident_id]
    assert view.inbox_items.rowCount() == 0 and view.incident_items.rowCount() == 1
    # and the button takes it out again
    view.evidence.grid.setCurrentIndex(view.incident_items.index(0, 0))
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.evidence.move_button.click()
    assert vault.items.get(item_id).incidents == []


def test_paste_an_image_from_the_clipboard(qtbot, view, vault):
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(image)
    try:
        with qtbot.waitSignal(view.items_changed, timeout=20000):
            view.paste()
    finally:
        QGuiApplication.clipboard().clear()
    items = vault.items.list()
    assert len(items) == 1
    assert items[0].original_name.startswith("Pasted screenshot ")
    assert items[0].media_type == "image/png"
    assert items[0].width == 320


def test_paste_with_nothing_says_so(qtbot, view, dialogs):
    QGuiApplication.clipboard().clear()
    view.paste()
    assert dialogs.shown[-1][1] == "Nothing to paste"


def test_viewer_shows_the_picture_upright_and_details(qtbot, view, vault, dialogs, tmp_path,
                                                      worker):
    path = make_jpeg(tmp_path / "rot.jpg", (200, 30, 30), size=(400, 200), orientation=6)
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.import_paths([path])
    item = vault.items.list()[0]
    viewer = view.open_item(item.id)
    assert isinstance(viewer, EvidenceViewer)
    qtbot.waitUntil(lambda: viewer.loaded, timeout=10000)
    assert viewer.canvas.has_image()
    pm = viewer.canvas._picture.pixmap  # noqa: SLF001
    assert pm.height() > pm.width()  # turned upright by its EXIF orientation
    labels = {viewer.facts_form.itemAt(r, viewer.facts_form.ItemRole.LabelRole).widget().text():
              viewer.facts_form.itemAt(r, viewer.facts_form.ItemRole.FieldRole).widget().text()
              for r in range(viewer.facts_form.rowCount())}
    assert labels["SHA-256"].replace(" ", "") == item.sha256
    assert labels["Reference"] == item.reference
    viewer.canvas.zoom_in()
    assert viewer.canvas.scale > 0
    viewer.canvas.actual_size()
    assert viewer.canvas.scale == 1.0
    # change the description and kind
    viewer.description.setText("Front door")
    viewer.description.editingFinished.emit()
    viewer.kind.setCurrentIndex(viewer.kind.findData("damage_photo"))
    wait_idle(qtbot, worker)
    got = vault.items.get(item.id)
    assert got.description == "Front door" and got.kind == "damage_photo"
    # save a copy: warned first, then written through the seam
    dest = tmp_path / "out" / "copy.jpg"
    dest.parent.mkdir()
    dialogs.set_next(True, dest)
    viewer.save_copy()
    qtbot.waitUntil(lambda: dest.exists(), timeout=10000)
    assert dest.read_bytes() == path.read_bytes()
    asked = [s for s in dialogs.shown if s[0] == "ask"]
    assert asked and "not protected" in asked[-1][2]
    viewer.reject()


def test_save_a_copy_refused_writes_nothing(qtbot, view, vault, dialogs, tmp_path):
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.import_paths(_photos(tmp_path, 1))
    viewer = view.open_item(vault.items.list()[0].id)
    dialogs.set_next(False)
    viewer.save_copy()
    assert not [s for s in dialogs.shown if s[0] == "file"]
    viewer.reject()


def test_delete_asks_a_reason_and_logs_it(qtbot, view, vault, dialogs, tmp_path):
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.import_paths(_photos(tmp_path, 2))
    ids = [i.id for i in vault.items.list()]
    dialogs.set_next("")  # an empty reason is refused
    view.delete_items(ids[:1])
    assert dialogs.errors
    dialogs.set_next(None)  # cancelled
    view.delete_items(ids[:1])
    assert len(vault.items.list()) == 2
    dialogs.set_next("Duplicate photo taken by mistake")
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.delete_items(ids[:1])
    assert [i.id for i in vault.items.list()] == ids[1:]
    last = vault.custody.entries()[-1]
    assert last.event == "item_deleted" and last.details["reason"].startswith("Duplicate")


def test_larger_previews_are_made_in_the_background(qtbot, view, vault, tmp_path, worker):
    paths = [make_jpeg(tmp_path / f"big{n}.jpg", (20 * n, 90, 40), size=(3000, 2000))
             for n in range(5)]
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.import_paths(paths)
    qtbot.waitUntil(lambda: not vault.items.missing_previews(), timeout=30000)
    for item in vault.items.list():
        assert item.has_preview and vault.items.preview(item.id)


def test_opening_the_viewer_is_in_the_custody_log(qtbot, view, vault, tmp_path, worker):
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.import_paths([make_jpeg(tmp_path / "a.jpg", (1, 2, 3))])
    item = vault.items.list()[0]
    viewer = view.open_item(item.id)
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.loaded, timeout=10000)
    viewed = [e for e in vault.custody.entries() if e.event == "item_viewed"]
    assert [e.item_ref for e in viewed] == [item.reference]
    viewer.reject()


def test_hide_parts_in_a_copy_by_dragging_a_box(qtbot, view, vault, dialogs, tmp_path, worker):
    import io

    from PIL import Image
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    incident_id = record(qtbot, view)
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.import_paths([make_jpeg(tmp_path / "letter.jpg", (240, 240, 240), size=(800, 600))])
    original = vault.items.list()[0]
    viewer = view.open_item(original.id)
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.loaded and viewer.redact_button.isEnabled(), timeout=10000)
    dialog = viewer.hide_parts()
    assert dialog is not None and not dialog.add_button.isEnabled()
    canvas = dialog.canvas
    dialog.resize(900, 720)
    qtbot.waitExposed(dialog)
    target = canvas._target()  # noqa: SLF001
    start = QPoint(int(target.left()) + 2, int(target.top()) + 2)
    end = QPoint(int(target.center().x()), int(target.center().y()))
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(canvas, end)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert len(canvas.boxes) == 1 and dialog.add_button.isEnabled()
    with qtbot.waitSignal(viewer.copy_added, timeout=20000):
        dialog.add_copy()
    qtbot.waitUntil(lambda: view.incident_items.rowCount() == 2, timeout=10000)
    copy = next(i for i in vault.items.list() if i.derived_from == original.id)
    assert copy.incidents == [incident_id]
    picture = Image.open(io.BytesIO(vault.items.read_original(copy.id, log_view=False)))
    assert picture.convert("RGB").getpixel((20, 20)) == (0, 0, 0)
    assert picture.convert("RGB").getpixel((700, 500))[0] > 200
    assert vault.items.read_original(original.id, log_view=False) == \
        (tmp_path / "letter.jpg").read_bytes()
    viewer.reject()


def test_viewer_edits_are_kept_when_the_lock_closes_it(qtbot, view, vault, dialogs, tmp_path):
    with qtbot.waitSignal(view.items_changed, timeout=20000):
        view.import_paths([make_jpeg(tmp_path / "gift.jpg", (9, 9, 200))])
    item = vault.items.list()[0]
    viewer = view.open_item(item.id)
    assert viewer is not None
    viewer.location.setText("Sealed bag in the wardrobe")
    dialogs.quiet = True  # what the lock sequence sets before closing every dialog
    viewer.reject()
    assert vault.items.get(item.id).physical.location == "Sealed bag in the wardrobe"


def test_pasted_picture_is_encoded_exactly(qtbot) -> None:  # type: ignore[no-untyped-def]
    import io

    from PIL import Image
    from PySide6.QtGui import QColor

    from ui.evidence.import_flow import png_bytes

    image = QImage(33, 17, QImage.Format.Format_ARGB32)  # odd width: padded scan lines
    image.fill(QColor(10, 200, 30))
    image.setPixelColor(32, 16, QColor(250, 0, 5, 128))
    out = Image.open(io.BytesIO(png_bytes(image)))
    assert out.size == (33, 17)
    assert out.getpixel((0, 0)) == (10, 200, 30, 255)
    assert out.getpixel((32, 16)) == (250, 0, 5, 128)
