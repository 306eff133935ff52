"""Build the evidence bundle for police: choices, progress with Stop, then open the folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.bundle.options_form import BundleOptions
from ui.dialogs import Dialogs
from ui.incidents.timeline_model import IncidentRow
from ui.tasks import Job, JobContext, VaultWorker
from vault.errors import Cancelled, InvalidInput
from vault.vault import Vault


def open_in_file_manager(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class BundleDialog(QDialog):
    built = Signal(object)  # the builder's result

    def __init__(self, vault: Vault, worker: VaultWorker, dialogs: Dialogs,
                 rows: list[IncidentRow], producer_name: str, parent: QWidget | None = None,
                 open_folder: Callable[[Path], None] = open_in_file_manager) -> None:
        super().__init__(parent)
        self.setWindowTitle("Build the evidence bundle for police")
        self._vault = vault
        self._worker = worker
        self._dialogs = dialogs
        self._open_folder = open_folder
        self.job: Job | None = None
        self.result_value: Any = None

        intro = QLabel("The bundle is a folder (and a zip of it) with a report to print, "
                       "every exhibit, and the fingerprints police need to check nothing was "
                       "changed. It is not encrypted: keep it somewhere safe.", self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.options = BundleOptions(rows, producer_name, self)
        self.options.choose.clicked.connect(self._on_choose_clicked)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Progress")
        self.bar.hide()
        self.state = QLabel("", self)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.build_button = QPushButton("Build the bundle", self)
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.stop_button = QPushButton("Stop", self)
        self.stop_button.hide()
        self.stop_button.clicked.connect(self.stop)
        self.open_button = QPushButton("Open the folder", self)
        self.open_button.hide()
        self.open_button.clicked.connect(self._on_open_clicked)
        self.close_button = QPushButton("Close", self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.open_button, self.stop_button, self.build_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.options, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.resize(760, 700)

    def _on_choose_clicked(self) -> None:
        folder = self._dialogs.choose_folder(self, "Where should the bundle go?")
        if folder is not None:
            self.options.folder.setText(str(folder))

    def build(self) -> None:
        if self.job is not None:
            return
        out = self.options.out_dir()
        if out is None:
            self._on_choose_clicked()
            out = self.options.out_dir()
            if out is None:
                return
        ids = self.options.incident_ids()
        if ids is not None and not ids:
            self._dialogs.error(self, InvalidInput("Please tick at least one incident."))
            return
        private = self.options.private.isChecked()
        if private and not self._dialogs.ask(
                self, "Include private notes?",
                "Your private notes will be in the bundle. What goes to the police may be "
                "disclosed to the person you fear. Include them?",
                yes="Include them", no="Leave them out"):
            return
        date_from, date_to = self.options.date_range()
        args: dict[str, Any] = dict(
            incident_ids=ids, date_from=date_from, date_to=date_to,
            case_reference=self.options.case_ref.text().strip(),
            producer_name=self.options.producer.text().strip(),
            include_custody_log=self.options.custody.isChecked(),
            include_private_notes=private,
        )
        vault = self._vault

        def job(ctx: JobContext) -> Any:
            from vault.bundle_source import build_from_vault

            if args["producer_name"] and vault.settings().get("producer_name") != \
                    args["producer_name"]:
                vault.update_settings(producer_name=args["producer_name"])
            return build_from_vault(vault, out, progress=ctx.progress,
                                    cancelled=ctx.cancelled, **args)

        self.options.setEnabled(False)
        self.build_button.hide()
        self.open_button.hide()
        self.stop_button.show()
        self.bar.setRange(0, 0)
        self.bar.show()
        self.state.setText("Building the bundle…")
        self.job = self._worker.submit(job, on_done=self._on_done, on_error=self._on_error,
                                       on_progress=self._on_progress)

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.state.setText("Stopping… nothing half-made will be left.")

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)

    def _finish(self) -> None:
        self.job = None
        self.bar.hide()
        self.stop_button.hide()
        self.options.setEnabled(True)
        self.build_button.show()

    def _on_done(self, result: object) -> None:
        self._finish()
        self.result_value = result
        folder = getattr(result, "folder", None)
        digest = getattr(result, "manifest_sha256", "")
        self.state.setText(
            f"The bundle is ready in:\n{folder}\n\nIts fingerprint (manifest SHA-256), to give "
            f"with it:\n{digest}")
        self.build_button.setText("Build again")
        self.open_button.show()
        self.open_button.setFocus()
        self.built.emit(result)

    def _on_error(self, error: object) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self.state.setText("Stopped. Nothing half-made was left behind.")
            return
        self.state.setText("")
        self._dialogs.error(self, error if isinstance(error, BaseException) else str(error))

    def _on_open_clicked(self) -> None:
        folder = getattr(self.result_value, "folder", None)
        if folder is not None:
            self._open_folder(Path(folder))

    def shutdown(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None
