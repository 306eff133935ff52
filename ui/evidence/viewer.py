"""The evidence viewer: the picture upright, zoom and fit, every detail, and the few
details the person may change. Nothing decrypted is ever written to disk from here;
"Save a copy…" is the one explicit way out, with a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import Dialogs
from ui.evidence.canvas import ImageCanvas
from ui.evidence.facts import body_text, facts
from ui.evidence.picture import load_picture
from ui.evidence.redact_dialog import RedactDialog
from ui.incidents.fields import line, wipe
from ui.tasks import VaultWorker
from vault.items import Items
from vault.model import KIND_LABELS, Item, ItemKind, PhysicalEvidence

SAVE_COPY_WARNING = (
    "A copy saved outside the vault is not protected. Anyone who uses this computer could "
    "open it, and the file's name may show in recent-file lists.\n\n"
    "The original stays safe in the vault either way. Save a copy?"
)


class EvidenceViewer(QDialog):
    item_changed = Signal(object)  # Item, after the vault kept an edit
    copy_added = Signal(object)  # ImportResult of a copy with parts hidden

    def __init__(self, item: Item, items: Callable[[], Items], worker: VaultWorker,
                 dialogs: Dialogs, incident_titles: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Evidence {item.reference}")
        self.setAccessibleName(f"Evidence {item.reference}")
        self._item = item
        self._items = items
        self._worker = worker
        self._dialogs = dialogs
        self._titles = incident_titles

        self.canvas = ImageCanvas(self)
        self.canvas.message.setText("Opening…")
        self.zoom_label = QLabel("", self)
        self.canvas.zoom_changed.connect(self.zoom_label.setText)
        fit = QPushButton("Fit", self)
        fit.setToolTip("Fit the picture in the window (Ctrl+9)")
        fit.clicked.connect(self.canvas.fit)
        zoom_out = QPushButton("Smaller", self)
        zoom_out.setToolTip("Zoom out (Ctrl+-)")
        zoom_out.clicked.connect(self.canvas.zoom_out)
        zoom_in = QPushButton("Larger", self)
        zoom_in.setToolTip("Zoom in (Ctrl++)")
        zoom_in.clicked.connect(self.canvas.zoom_in)
        actual = QPushButton("Actual size", self)
        actual.setToolTip("Show every pixel (Ctrl+0)")
        actual.clicked.connect(self.canvas.actual_size)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.canvas.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.canvas.zoom_out)):
            QShortcut(QKeySequence(keys), self, slot)
        QShortcut(QKeySequence("Ctrl+0"), self, self.canvas.actual_size)
        QShortcut(QKeySequence("Ctrl+9"), self, self.canvas.fit)
        zoom_row = QHBoxLayout()
        for w in (fit, zoom_out, zoom_in, actual):
            zoom_row.addWidget(w)
        zoom_row.addStretch(1)
        zoom_row.addWidget(self.zoom_label)
        left = QWidget(self)
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addWidget(self.canvas, 1)
        lcol.addLayout(zoom_row)

        # -- details --------------------------------------------------------------------
        self.facts_form = QFormLayout()
        self.facts_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.body = QPlainTextEdit(self)
        self.body.setReadOnly(True)
        self.body.setAccessibleName("The message's text")
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind of evidence")
        for k in ItemKind:
            self.kind.addItem(KIND_LABELS[k], k.value)
        self.description = line(self, "Description", "What it is, in a few words")
        self.source = line(self, "Where it came from", "By post, by hand, a text from …")
        self.location = line(self, "Where the object is kept")
        self.handled = line(self, "Who has handled it",
                            "Gifts may hold fingerprints: best not to handle them")
        self.handed = line(self, "Handed to police on", "Date, if it was")
        self.police_ref = line(self, "Police reference for it")
        edit_form = QFormLayout()
        edit_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        edit_form.addRow("Kind", self.kind)
        edit_form.addRow("Description", self.description)
        edit_form.addRow("Where it came from", self.source)
        edit_form.addRow(QLabel("<b>The object itself</b> (a letter, a gift, a damaged thing)",
                                self))
        edit_form.addRow("Kept where", self.location)
        edit_form.addRow("Handled by", self.handled)
        edit_form.addRow("Given to police", self.handed)
        edit_form.addRow("Police reference", self.police_ref)
        self.edit_state = QLabel("", self)

        details = QWidget(self)
        dcol = QVBoxLayout(details)
        dcol.addLayout(edit_form)
        dcol.addWidget(self.edit_state)
        heading = QLabel("<b>What the vault recorded</b>", self)
        dcol.addWidget(heading)
        dcol.addLayout(self.facts_form)
        dcol.addWidget(self.body)
        dcol.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(360)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.save_copy_button = QPushButton("Save a copy…", self)
        self.save_copy_button.setToolTip("Write the original file outside the vault")
        self.save_copy_button.clicked.connect(self.save_copy)
        self.redact_button = QPushButton("Hide parts in a copy…", self)
        self.redact_button.setToolTip("Make a new exhibit with parts of the picture blacked "
                                      "out, such as your address. The original is not changed.")
        self.redact_button.setEnabled(False)
        self.redact_button.clicked.connect(self.hide_parts)
        self._image: QImage | None = None
        close = QPushButton("Close", self)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_copy_button)
        bottom.addWidget(self.redact_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.resize(1100, 720)

        self._show_item(item)
        self.kind.currentIndexChanged.connect(lambda _i: self._save({"kind": self.kind_value()}))
        for e in (self.description, self.source):
            e.editingFinished.connect(self._on_text_edited)
        for e in (self.location, self.handled, self.handed, self.police_ref):
            e.editingFinished.connect(self._on_physical_edited)
        self._closed = False
        self.finished.connect(self._wipe)
        self.loaded = False
        self._load_picture()

    # -- picture ------------------------------------------------------------------------
    def _load_picture(self) -> None:
        items, item = self._items, self._item
        self._worker.submit(lambda _ctx: load_picture(items(), item),
                            on_done=self._on_picture_loaded, on_error=self._on_picture_failed)

    def _on_picture_loaded(self, got: object) -> None:
        if self._closed:
            return
        image, message = got if isinstance(got, tuple) else (None, "")
        self._image = image if isinstance(image, QImage) else None
        self.canvas.set_image(self._image, str(message))
        self.redact_button.setEnabled(self._image is not None)
        self.loaded = True

    def _on_picture_failed(self, error: object) -> None:
        self.canvas.set_image(None, "The picture could not be shown. The evidence is safe.")
        self.loaded = True

    # -- details ------------------------------------------------------------------------
    def kind_value(self) -> str:
        return str(self.kind.currentData())

    def _show_item(self, item: Item) -> None:
        while self.facts_form.rowCount():
            self.facts_form.removeRow(0)
        for label, value in facts(item, self._titles):
            v = QLabel(value, self)
            v.setTextFormat(Qt.TextFormat.PlainText)
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            v.setAccessibleName(label)
            if label == "SHA-256":
                v.setToolTip(item.sha256)
                v.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.facts_form.addRow(label, v)
        text = body_text(item)
        self.body.setPlainText(text)
        self.body.setVisible(bool(text))
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
        self.kind.blockSignals(False)
        self.description.setText(item.description)
        self.source.setText(item.source)
        self.location.setText(item.physical.location)
        self.handled.setText(item.physical.handled)
        self.handed.setText(item.physical.handed_to_police_at)
        self.police_ref.setText(item.physical.police_reference)

    def _on_text_edited(self) -> None:
        self._save({"description": self.description.text().strip(),
                    "source": self.source.text().strip()})

    def _on_physical_edited(self) -> None:
        self._save({"physical": PhysicalEvidence(
            self.location.text().strip(), self.handled.text().strip(),
            self.handed.text().strip(), self.police_ref.text().strip())})

    def _save(self, changes: dict[str, object]) -> None:
        if self._closed:
            return
        current = self._item.to_dict()
        if all(current.get(k) == (asdict(v) if isinstance(v, PhysicalEvidence) else v)
               for k, v in changes.items()):
            return
        items, item_id = self._items, self._item.id
        self.edit_state.setText("Saving…")
        self._worker.submit(lambda _ctx: items().update(item_id, **changes),
                            on_done=self._on_saved, on_error=self._on_save_failed)

    def _on_saved(self, item: object) -> None:
        if isinstance(item, Item) and not self._closed:
            self._item = item
            self.edit_state.setText("Saved")
            self.item_changed.emit(item)

    def _on_save_failed(self, error: object) -> None:
        self.edit_state.setText("Not saved")
        self._dialogs.error(self, error if isinstance(error, BaseException) else str(error))

    def _save_now(self) -> None:
        """Save unsaved edits on this thread (the lock sequence cancels queued jobs)."""
        changes = {
            "description": self.description.text().strip(),
            "source": self.source.text().strip(),
            "physical": PhysicalEvidence(
                self.location.text().strip(), self.handled.text().strip(),
                self.handed.text().strip(), self.police_ref.text().strip()),
        }
        try:
            self._items().update(self._item.id, **changes)
        except Exception:  # noqa: BLE001 - locking goes on; nothing is shown now
            return

    # -- save a copy --------------------------------------------------------------------
    def save_copy(self) -> None:
        if not self._dialogs.ask(self, "Save a copy outside the vault?", SAVE_COPY_WARNING,
                                 yes="Save a copy", no="Cancel"):
            return
        dest = self._dialogs.save_file(self, "Save a copy of the evidence",
                                       self._item.original_name or "evidence")
        if dest is None:
            return
        items, item_id = self._items, self._item.id
        self._worker.submit(lambda _ctx: items().export(item_id, dest),
                            on_done=lambda _p: self._dialogs.info(
                                self, "Copy saved", "The copy was saved and checked against "
                                "its fingerprint. The custody log records it."),
                            on_error=lambda e: self._dialogs.error(self, e))

    # -- a copy with parts hidden --------------------------------------------------------
    def hide_parts(self) -> RedactDialog | None:
        if self._image is None:
            return None
        dialog = RedactDialog(self._image, self._item.id, self._item.reference, self._items,
                              self._worker, self._dialogs, self)
        dialog.copy_added.connect(self._on_copy_added)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.track(dialog)
        dialog.show()
        return dialog

    def _on_copy_added(self, result: object) -> None:
        self.copy_added.emit(result)
        ref = getattr(result, "reference", "")
        self._dialogs.info(self, "Copy added", f"The copy with parts hidden is exhibit {ref}. "
                           f"{self._item.reference} is unchanged.")

    # -- lock ---------------------------------------------------------------------------
    def _wipe(self, _result: int = 0) -> None:
        if not self._dialogs.quiet:  # closed by the person: keep what was typed
            self._on_text_edited()
            self._on_physical_edited()
        else:  # the lock is closing it: keep what was typed, here and now
            self._save_now()
        self._closed = True
        self._image = None
        self.canvas.clear()
        while self.facts_form.rowCount():
            self.facts_form.removeRow(0)
        for e in (self.description, self.source, self.location, self.handled, self.handed,
                  self.police_ref):
            wipe(e)
        wipe(self.body)
        self._titles = {}
