"""The unlocked vault: the incidents timeline, the open incident and its evidence, the
evidence not filed yet, and the pattern. The shell puts this in the main window.

Everything that touches the vault runs on the one vault worker; callbacks come back here on
the GUI thread. After `shutdown()` no callback changes anything (nothing decrypted comes
back), and every model, field and picture is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPixmapCache
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.bundle.bundle_dialog import BundleDialog
from ui.custody.integrity import IntegrityCheck
from ui.custody.log_dialog import CustodyLogDialog
from ui.dialogs import Dialogs
from ui.evidence.grid import EvidencePanel
from ui.evidence.import_flow import ImportFlow
from ui.evidence.items_model import ItemsModel
from ui.evidence.previews import PreviewMaker
from ui.evidence.thumbnails import ThumbnailCache
from ui.evidence.viewer import EvidenceViewer
from ui.incidents.autosave import Autosaver
from ui.incidents.editor import IncidentEditor
from ui.incidents.history_dialog import HistoryDialog
from ui.incidents.loading import Loaded, exhibit_counts, load_everything, pattern_of
from ui.incidents.timeline_model import IncidentRow
from ui.incidents.timeline_view import TimelinePanel, local_paths
from ui.pattern.panel import PatternPanel
from ui.tasks import Job, JobContext, VaultWorker
from vault.errors import Cancelled, InvalidInput
from vault.importer import ImportReport
from vault.items import Items
from vault.model import Incident, Item, Suspect
from vault.vault import Vault


class VaultView(QWidget):
    status = Signal(str)
    loaded = Signal()  # everything is on screen after load()
    incident_opened = Signal(str)  # the editor shows this incident
    items_changed = Signal()  # the evidence lists were refreshed

    def __init__(self, vault: Vault, worker: VaultWorker, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._worker = worker
        self._dialogs = dialogs
        self._closed = False
        self._jobs: set[Job] = set()
        self._dialogs_open: list[QDialog] = []
        self._items: dict[str, Item] = {}
        self._people: dict[str, Suspect] = {}
        self._producer_name = ""
        self._opening = ""  # the incident asked for, while it loads
        self.setAcceptDrops(True)
        self.setAccessibleName("Your record")

        # -- parts ----------------------------------------------------------------------
        self.timeline = TimelinePanel(self)
        self.editor = IncidentEditor(self._track, self)
        self.autosaver = Autosaver(self.editor, worker, self._save_incident, parent=self)
        self.thumbs = ThumbnailCache(worker, self._fetch_thumbnail, self)
        self.incident_items = ItemsModel(self.thumbs, self)
        self.inbox_items = ItemsModel(self.thumbs, self)
        self.evidence = EvidencePanel(self.incident_items, inbox=False, parent=self)
        self.inbox = EvidencePanel(self.inbox_items, inbox=True, parent=self)
        self.pattern = PatternPanel(self)
        self.importer = ImportFlow(self, worker, dialogs, self._items_api)
        self.integrity = IntegrityCheck(self, worker, dialogs, self._items_api)
        self.previews = PreviewMaker(self._run, self._items_api, self)
        self.bundle_dialog: BundleDialog | None = None

        # -- actions bar ----------------------------------------------------------------
        self.record_button = QPushButton("Record what just happened", self)
        self.record_button.setToolTip("A new incident, dated now")
        self.record_button.setAccessibleName("Record what just happened")
        self.import_button = QPushButton("Add evidence…", self)
        self.import_button.setToolTip(
            "Add photos, screenshots, letters or other files. They go under the open incident, "
            "or to \"Not filed yet\" when none is open.")
        self.paste_button = QPushButton("Paste screenshot", self)
        self.paste_button.setToolTip("Add the picture you just copied or captured (Ctrl+V)")
        self.bundle_button = QPushButton("Build bundle for police…", self)
        self.log_button = QPushButton("Custody log", self)
        self.check_button = QPushButton("Check integrity", self)
        self.check_button.setToolTip("Re-read every piece of evidence and check nothing changed")
        self.record_button.clicked.connect(self.record_now)
        self.import_button.clicked.connect(self.import_dialog)
        self.paste_button.clicked.connect(self.paste)
        self.bundle_button.clicked.connect(self.build_bundle)
        self.log_button.clicked.connect(self.show_custody_log)
        self.check_button.clicked.connect(self.check_integrity)
        bar = QHBoxLayout()
        for b in (self.record_button, self.import_button, self.paste_button):
            bar.addWidget(b)
        bar.addStretch(1)
        for b in (self.bundle_button, self.log_button, self.check_button):
            bar.addWidget(b)

        # -- the open incident, or a calm empty page ------------------------------------
        empty = QWidget(self)
        ecol = QVBoxLayout(empty)
        ecol.addStretch(1)
        self.empty_label = QLabel(
            "Choose an incident on the left to see it here, or record what just happened.\n"
            "Write it down as soon as you can: notes made at the time count for most.", empty)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ecol.addWidget(self.empty_label)
        ecol.addStretch(2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.editor)
        split.addWidget(self.evidence)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.incident_page = QStackedWidget(self)
        self.incident_page.addWidget(empty)
        self.incident_page.addWidget(split)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.incident_page, "Incident")
        self.tabs.addTab(self.inbox, "Not filed yet")
        self.tabs.addTab(self.pattern, "Pattern")
        self.tabs.setDocumentMode(True)

        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(self.timeline)
        main.addWidget(self.tabs)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 3)
        main.setChildrenCollapsible(False)
        main.setSizes([480, 720])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(main, 1)

        # -- wiring ---------------------------------------------------------------------
        self.timeline.incident_chosen.connect(self._on_timeline_incident_chosen)
        self.timeline.table.items_dropped.connect(self.link_items)
        self.timeline.table.files_dropped.connect(self._on_timeline_files_dropped)
        self.editor.history_requested.connect(self.show_history)
        self.editor.suspect.save_requested.connect(self._on_suspect_save_requested)
        self.autosaver.saved.connect(self._on_autosaver_saved)
        self.autosaver.state_changed.connect(self.status)
        for panel in (self.evidence, self.inbox):
            panel.open_requested.connect(self.open_item)
            panel.delete_requested.connect(self.delete_items)
            panel.import_requested.connect(self.import_dialog)
        self.evidence.unfile_requested.connect(self._on_evidence_unfile_requested)
        self.evidence.grid.items_dropped.connect(self._on_evidence_items_dropped)
        self.evidence.grid.files_dropped.connect(
            lambda paths: self.import_paths(paths))
        self.inbox.file_requested.connect(self._on_inbox_file_requested)
        self.inbox.grid.items_dropped.connect(self._on_evidence_unfile_requested)
        self.inbox.grid.files_dropped.connect(
            lambda paths: self.importer.import_paths(paths, ""))
        self.importer.finished.connect(self._on_import_finished)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    # -- running jobs -------------------------------------------------------------------
    def _run(self, fn: Callable[[JobContext], object], on_done: Callable[[object], None],
             on_error: Callable[[object], None] | None = None) -> Job:
        """Submit to the worker; callbacks are dropped once this view has shut down."""

        def done(result: object) -> None:
            self._jobs.discard(job)
            if not self._closed:
                on_done(result)

        def failed(error: object) -> None:
            self._jobs.discard(job)
            if self._closed or isinstance(error, Cancelled):
                return
            if on_error is not None:
                on_error(error)
            else:
                self._dialogs.error(self, error if isinstance(error, BaseException)
                                    else str(error))

        job = self._worker.submit(fn, on_done=done, on_error=failed)
        self._jobs.add(job)
        return job

    def _items_api(self) -> Items:
        return self._vault.items

    def _fetch_thumbnail(self, item_id: str) -> bytes | None:
        return self._vault.items.thumbnail(item_id)

    def _save_incident(self, inc: Incident) -> Incident:
        return self._vault.incidents.update(inc)

    def _track(self, dialog: QDialog) -> None:
        self._dialogs.track(dialog)
        self._dialogs_open.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget_dialog(d))

    def _forget_dialog(self, dialog: QDialog) -> None:
        self._dialogs_open = [d for d in self._dialogs_open if d is not dialog]

    # -- loading ------------------------------------------------------------------------
    def load(self) -> None:
        """Fill everything from the vault (on the worker)."""
        vault = self._vault
        self.status.emit("Opening your record…")
        self._run(lambda _ctx: load_everything(vault), self._on_loaded)

    def _on_loaded(self, got: object) -> None:
        if not isinstance(got, Loaded):
            return
        self._people = got.people
        self._producer_name = got.producer_name
        self.timeline.model.set_rows(got.rows)
        self._set_items(got.items)
        self.status.emit("")
        self.loaded.emit()
        self._refresh_pattern()

    def _set_items(self, items: list[Item]) -> None:
        self._items = {i.id: i for i in items}
        self._refresh_items()
        self.previews.add(items)

    def _refresh_items(self) -> None:
        current = self.editor.incident_id
        self.incident_items.set_items(
            [i for i in self._items.values() if current and current in i.incidents])
        inbox = [i for i in self._items.values() if not i.incidents]
        self.inbox_items.set_items(inbox)
        self.tabs.setTabText(1, f"Not filed yet ({len(inbox)})" if inbox else "Not filed yet")
        self.timeline.model.set_exhibit_counts(dict(exhibit_counts(list(self._items.values()))))
        self.thumbs.keep_only([*self.incident_items.ids(), *self.inbox_items.ids()])
        self.items_changed.emit()

    def _reload_items(self) -> None:
        items = self._items_api
        self._run(lambda _ctx: items().list(), lambda got: self._set_items(list(got)))  # type: ignore[call-overload]

    def _refresh_pattern(self) -> None:
        rows = self.timeline.model.rows()
        self._run(lambda _ctx: pattern_of(rows),
                  lambda weeks: self.pattern.set_weeks(list(weeks)))  # type: ignore[call-overload]

    # -- incidents ----------------------------------------------------------------------
    def _on_timeline_incident_chosen(self, incident_id: str) -> None:
        if incident_id == self.editor.incident_id:
            return
        self.autosaver.flush()  # the save is queued before the next incident loads
        self.open_incident(incident_id)

    def open_incident(self, incident_id: str, *, then: Callable[[], None] | None = None) -> None:
        self._opening = incident_id
        if not incident_id:
            self.autosaver.forget()
            self.editor.clear()
            self.incident_page.setCurrentIndex(0)
            self._refresh_items()
            return
        vault = self._vault

        def shown(got: object) -> None:
            if not isinstance(got, Incident) or got.id != self._opening:
                return
            self.autosaver.flush()
            self.editor.load(got, self._people)
            self.editor.set_state("Saved")
            self.incident_page.setCurrentIndex(1)
            self.tabs.setCurrentIndex(0)
            self._refresh_items()
            self.incident_opened.emit(got.id)
            if then is not None:
                then()

        self._run(lambda _ctx: vault.incidents.get(incident_id), shown)

    def record_now(self) -> None:
        """A new incident dated now, with the cursor in "what happened"."""
        self.autosaver.flush()
        now = datetime.now().astimezone().isoformat(timespec="minutes")
        vault = self._vault

        def added(got: object) -> None:
            if not isinstance(got, Incident):
                return
            self.autosaver.flush()
            self.timeline.upsert(IncidentRow.of(got, 0))
            self._opening = got.id
            self.editor.load(got, self._people)
            self.editor.set_state("Saved")
            self.incident_page.setCurrentIndex(1)
            self.tabs.setCurrentIndex(0)
            self._refresh_items()
            self.timeline.select(got.id)
            self.editor.focus_account()
            self.status.emit("New incident started. It saves as you type.")
            self.incident_opened.emit(got.id)

        self._run(lambda _ctx: vault.incidents.add(Incident(start=now)), added)

    def _on_autosaver_saved(self, inc: object) -> None:
        if self._closed or not isinstance(inc, Incident):
            return
        row = self.timeline.model.get(inc.id)
        self.timeline.upsert(IncidentRow.of(inc, row.exhibits if row else 0))
        if self.tabs.currentWidget() is self.pattern:
            self._refresh_pattern()
        self.status.emit("Saved")

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self._closed or old is None:
            return
        if self.editor.isAncestorOf(old) and (new is None or not self.editor.isAncestorOf(new)):
            self.autosaver.flush()

    def _on_suspect_save_requested(self, suspect: object) -> None:
        if not isinstance(suspect, Suspect):
            return
        vault = self._vault

        def saved(got: object) -> None:
            if isinstance(got, Suspect):
                self._people[got.id] = got
                self.editor.suspect.saved(got)

        self._run(lambda _ctx: vault.incidents.save_suspect(suspect), saved)

    def show_history(self, incident_id: str) -> None:
        if not incident_id:
            return
        self.autosaver.flush()
        vault = self._vault

        def got_versions(versions: object) -> None:
            dlg = HistoryDialog(list(versions), dict(self._people), self)  # type: ignore[call-overload]
            self._track(dlg)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.open()

        self._run(lambda _ctx: vault.incidents.history(incident_id), got_versions)

    # -- evidence: filing, viewing, deleting --------------------------------------------
    def link_items(self, item_ids: list[str], incident_id: str) -> None:
        items = self._items_api

        def job(_ctx: JobContext) -> list[Item]:
            api = items()
            return [api.link(i, incident_id) for i in item_ids]

        self._run(job, self._on_items_updated)

    def unlink_items(self, item_ids: list[str], incident_id: str) -> None:
        items = self._items_api

        def job(_ctx: JobContext) -> list[Item]:
            api = items()
            return [api.unlink(i, incident_id) for i in item_ids]

        self._run(job, self._on_items_updated)

    def _on_items_updated(self, got: object) -> None:
        for item in got if isinstance(got, list) else []:
            if isinstance(item, Item):
                old = self._items.get(item.id)
                if old is not None:
                    item.has_thumbnail, item.has_preview = old.has_thumbnail, old.has_preview
                self._items[item.id] = item
        self._refresh_items()

    def _on_evidence_items_dropped(self, item_ids: list[str]) -> None:
        if self.editor.incident_id:
            self.link_items(item_ids, self.editor.incident_id)

    def _on_evidence_unfile_requested(self, item_ids: list[str]) -> None:
        if self.editor.incident_id:
            self.unlink_items(item_ids, self.editor.incident_id)

    def _on_inbox_file_requested(self, item_ids: list[str]) -> None:
        if not self.editor.incident_id:
            self._dialogs.info(self, "Choose an incident first",
                               "Choose the incident in the list on the left, then file the "
                               "evidence under it. You can also drag it onto the incident.")
            return
        self.link_items(item_ids, self.editor.incident_id)

    def open_item(self, item_id: str) -> EvidenceViewer | None:
        item = self._items.get(item_id)
        if item is None:
            return None
        titles = {r.id: r.title for r in self.timeline.model.rows()}
        viewer = EvidenceViewer(item, self._items_api, self._worker, self._dialogs,
                                {i: titles.get(i, "") for i in item.incidents}, self)
        viewer.item_changed.connect(lambda it: self._on_items_updated([it]))
        viewer.copy_added.connect(lambda _result: self._reload_items())
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._track(viewer)
        viewer.show()
        return viewer

    def delete_items(self, item_ids: list[str]) -> None:
        refs = ", ".join(self._items[i].reference for i in item_ids if i in self._items)
        reason = self._dialogs.ask_text(
            self, "Delete evidence",
            f"Deleting {refs} removes it from the vault for good. The custody log will keep "
            "a note that it was deleted, and why.\n\nWhy is it being deleted?")
        if reason is None:
            return
        if not reason.strip():
            self._dialogs.error(self, InvalidInput("Please say why it is being deleted."))
            return
        items = self._items_api

        def job(_ctx: JobContext) -> list[str]:
            api = items()
            for i in item_ids:
                api.delete(i, reason)
            return item_ids

        def deleted(_got: object) -> None:
            for i in item_ids:
                self._items.pop(i, None)
                self.thumbs.forget(i)
            self._refresh_items()
            self.status.emit("Deleted. The custody log keeps the reason.")

        self._run(job, deleted)

    # -- importing ----------------------------------------------------------------------
    def import_dialog(self) -> None:
        paths = self._dialogs.open_files(self, "Add evidence to the vault")
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders under the open incident (or unfiled when none is open)."""
        self.autosaver.flush()
        self.importer.import_paths(list(paths), self.editor.incident_id)

    def _on_timeline_files_dropped(self, paths: list[Path], incident_id: str) -> None:
        self.autosaver.flush()
        self.importer.import_paths(list(paths), incident_id)

    def paste(self) -> None:
        """Ctrl+V: a picture on the clipboard, or files copied in a file manager."""
        md = QGuiApplication.clipboard().mimeData()
        paths = local_paths(md.urls()) if md is not None and md.hasUrls() else []
        if paths:
            self.import_paths(paths)
            return
        if md is not None and md.hasImage():
            image = QGuiApplication.clipboard().image()
            if not image.isNull():
                self.autosaver.flush()
                self.importer.import_image(QImage(image), self.editor.incident_id)
                return
        self._dialogs.info(self, "Nothing to paste",
                           "There is no picture or file on the clipboard. Take a screenshot "
                           "or copy a picture first, then paste again.")

    def _on_import_finished(self, report: object) -> None:
        if self._closed:
            return
        if isinstance(report, ImportReport):
            self.status.emit(report.summary())
        self._reload_items()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # -- bundle, custody log, integrity -------------------------------------------------
    def build_bundle(self) -> BundleDialog:
        self.autosaver.flush()
        dlg = BundleDialog(self._vault, self._worker, self._dialogs, self.timeline.model.rows(),
                           self._producer_name, self)
        if self.editor.incident_id:
            dlg.options.tick([self.editor.incident_id])
            dlg.options.every.setChecked(True)
        dlg.built.connect(lambda _r: self.status.emit("The bundle is ready."))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._track(dlg)
        self.bundle_dialog = dlg
        dlg.finished.connect(lambda _r: setattr(self, "bundle_dialog", None))
        dlg.show()
        return dlg

    def show_custody_log(self) -> CustodyLogDialog:
        dlg = CustodyLogDialog(self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._track(dlg)
        vault = self._vault
        self._run(lambda _ctx: vault.custody.entries(),
                  lambda got: dlg.set_entries(list(got)))  # type: ignore[call-overload]
        dlg.show()
        return dlg

    def check_integrity(self) -> None:
        self.autosaver.flush()
        self.integrity.start()

    # -- tabs ---------------------------------------------------------------------------
    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.pattern and not self._closed:
            self._refresh_pattern()

    # -- lock ---------------------------------------------------------------------------
    def shutdown(self) -> None:
        """First step of the lock sequence: save what is typed if it can be done at once,
        stop our jobs, close our dialogs, and empty every model, field and picture."""
        if self._closed:
            return
        # One small write on this thread, even while the worker runs an import: the windows
        # are already hidden, the store serialises writes, and words typed in fear must not
        # be lost to a panic key.
        self.autosaver.save_now()
        self._closed = True
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._on_app_focus_changed)
        for job in list(self._jobs):
            job.cancel()
        self._jobs.clear()
        self.importer.shutdown()
        self.integrity.shutdown()
        if self.bundle_dialog is not None:
            self.bundle_dialog.shutdown()
        for dlg in list(self._dialogs_open):
            dlg.reject()
            dlg.hide()
        self._dialogs_open = []
        self.autosaver.forget()
        self.editor.clear()
        self.timeline.clear()
        self.incident_items.clear()
        self.inbox_items.clear()
        self.thumbs.clear()
        self.previews.clear()
        self.pattern.clear()
        self._items = {}
        self._people = {}
        self._producer_name = ""
        self.incident_page.setCurrentIndex(0)
        QPixmapCache.clear()
