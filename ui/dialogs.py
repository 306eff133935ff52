"""One wrapper for message boxes and file dialogs, with a test seam (STYLE.md habit 8).

- Errors: a `VaultError` shows its own message (the core's messages are safe to show);
  anything else shows one calm generic sentence. Never a traceback; the log gets only the
  kind of error and where it happened, never its text (it may name a file of evidence).
- File dialogs are Qt's own (never the platform's: GTK writes recently-used.xbel, Windows
  keeps per-app MRU lists). Qt's dialog writes the last folder and a history of folders to
  the `QtProject` settings when it is destroyed; that group is put back exactly as it was
  right after each dialog, so no list of where evidence came from is left on disk.
- Every dialog shown is tracked, so the lock sequence can close them all (`close_all`).
  While `quiet` (locking or locked) nothing is shown and every question answers "no".
- `FakeDialogs` replaces all of it in tests: queue answers with `set_next`, read `shown`.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)

from vault.errors import VaultError

log = logging.getLogger(__name__)

GENERIC_ERROR = "That could not be finished. Everything saved before is safe; please try again."
QT_SETTINGS_ORG = "QtProject"
QT_FILE_DIALOG_GROUP = "FileDialog"


def error_text(error: BaseException | str) -> str:
    """The one sentence a person sees for an error."""
    if isinstance(error, str):
        return error
    if isinstance(error, VaultError):
        return error.message
    return GENERIC_ERROR


def log_error(error: BaseException) -> None:
    """Log the kind of error and where it happened; never its message."""
    frames = traceback.extract_tb(error.__traceback__)[-3:]
    where = "; ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in frames)
    log.error("error shown to the person: %s at %s", type(error).__name__, where or "?")


class _QtFileDialogHistory:
    """Snapshot and restore Qt's own file-dialog settings (last folder, history)."""

    def __init__(self) -> None:
        settings = QSettings(QSettings.Scope.UserScope, QT_SETTINGS_ORG)
        self._path = Path(settings.fileName())
        self._existed = self._path.exists()
        settings.beginGroup(QT_FILE_DIALOG_GROUP)
        self._saved: dict[str, Any] = {k: settings.value(k) for k in settings.allKeys()}
        settings.endGroup()

    def restore(self) -> None:
        settings = QSettings(QSettings.Scope.UserScope, QT_SETTINGS_ORG)
        settings.beginGroup(QT_FILE_DIALOG_GROUP)
        settings.remove("")  # the whole group
        for key, value in self._saved.items():
            settings.setValue(key, value)
        settings.endGroup()
        settings.sync()
        if not self._existed and not settings.allKeys():
            del settings
            try:
                self._path.unlink(missing_ok=True)
            except OSError:
                log.warning("could not remove Qt's file-dialog settings file")


class Dialogs:
    def __init__(self) -> None:
        self._open: list[QDialog] = []
        self.quiet = False

    # -- tracking ----------------------------------------------------------------------
    def track(self, dialog: QDialog) -> None:
        """Register an open dialog so the lock sequence can close it."""
        self._open.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget(d))

    def _forget(self, dialog: QDialog) -> None:
        self._open = [d for d in self._open if d is not dialog]

    def close_all(self) -> None:
        """Close every dialog and menu of the app (ours, tracked or not). Never asks."""
        for dialog in list(self._open):
            if shiboken6.isValid(dialog):
                dialog.reject()
                dialog.hide()
        self._open.clear()
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        for widget in app.topLevelWidgets():
            if isinstance(widget, QMenu) and widget.isVisible():
                widget.close()
            elif isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
                widget.hide()
        popup = app.activePopupWidget()
        while popup is not None:
            popup.close()
            nxt = app.activePopupWidget()
            if nxt is popup:
                break
            popup = nxt

    # -- message boxes -----------------------------------------------------------------
    def _box(self, parent: QWidget | None, icon: QMessageBox.Icon, title: str,
             text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
        box.setTextFormat(_plain())
        box.setAccessibleName(title)
        return box

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        if self.quiet:
            return
        box = self._box(parent, QMessageBox.Icon.Information, title, text)
        box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
        self._exec(box)

    def error(self, parent: QWidget | None, error: BaseException | str) -> None:
        """One calm sentence. VaultError -> its message; anything else -> a generic one."""
        if isinstance(error, BaseException) and not isinstance(error, VaultError):
            log_error(error)
        if self.quiet:
            return
        box = self._box(parent, QMessageBox.Icon.Warning, "Not done", error_text(error))
        box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
        self._exec(box)

    def ask(self, parent: QWidget | None, title: str, text: str, yes: str = "Yes",
            no: str = "Cancel") -> bool:
        if self.quiet:
            return False
        box = self._box(parent, QMessageBox.Icon.Question, title, text)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        self._exec(box)
        answer = box.clickedButton() is yes_button
        shiboken6.delete(box)
        return answer

    def ask_text(self, parent: QWidget | None, title: str, label: str,
                 text: str = "") -> str | None:
        if self.quiet:
            return None
        dlg = QInputDialog(parent)
        dlg.setWindowTitle(title)
        dlg.setLabelText(label)
        dlg.setTextValue(text)
        dlg.setInputMode(QInputDialog.InputMode.TextInput)
        dlg.setTextEchoMode(QLineEdit.EchoMode.Normal)
        ok = self._exec(dlg) == QDialog.DialogCode.Accepted
        value = dlg.textValue() if ok else None
        shiboken6.delete(dlg)
        return value

    def _exec(self, dialog: QDialog) -> int:
        self.track(dialog)
        return int(dialog.exec())

    # -- file dialogs ------------------------------------------------------------------
    def _file_dialog(self, parent: QWidget | None, title: str, mode: QFileDialog.FileMode,
                     accept: QFileDialog.AcceptMode = QFileDialog.AcceptMode.AcceptOpen,
                     suggested: str = "") -> list[Path]:
        if self.quiet:
            return []
        history = _QtFileDialogHistory()
        dlg = QFileDialog(parent, title, str(Path.home()))
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dlg.setFileMode(mode)
        dlg.setAcceptMode(accept)
        if mode == QFileDialog.FileMode.Directory:
            dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        if suggested:
            dlg.selectFile(suggested)
        try:
            ok = self._exec(dlg) == QDialog.DialogCode.Accepted
            chosen = [Path(p) for p in dlg.selectedFiles()] if ok else []
        finally:
            # Qt writes its history when the dialog is destroyed: destroy it now, then undo.
            shiboken6.delete(dlg)
            history.restore()
        return chosen

    def open_files(self, parent: QWidget | None, title: str) -> list[Path]:
        return self._file_dialog(parent, title, QFileDialog.FileMode.ExistingFiles)

    def open_folder(self, parent: QWidget | None, title: str) -> Path | None:
        got = self._file_dialog(parent, title, QFileDialog.FileMode.Directory)
        return got[0] if got else None

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        return self.open_folder(parent, title)

    def save_file(self, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        got = self._file_dialog(parent, title, QFileDialog.FileMode.AnyFile,
                                QFileDialog.AcceptMode.AcceptSave, suggested)
        return got[0] if got else None


def _plain() -> Any:
    from PySide6.QtCore import Qt

    return Qt.TextFormat.PlainText


class FakeDialogs(Dialogs):
    """For tests: answers come from a queue (`set_next`); everything shown is recorded.

    `shown` holds (kind, title, text) tuples. A question with no answer queued fails the test.
    """

    def __init__(self) -> None:
        super().__init__()
        self._answers: list[Any] = []
        self.shown: list[tuple[str, str, str]] = []

    def set_next(self, *answers: Any) -> None:
        self._answers.extend(answers)

    def _pop(self, kind: str, title: str) -> Any:
        if not self._answers:
            raise AssertionError(f"no answer queued for {kind} dialog {title!r}")
        return self._answers.pop(0)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        if not self.quiet:
            self.shown.append(("info", title, text))

    def error(self, parent: QWidget | None, error: BaseException | str) -> None:
        if isinstance(error, BaseException) and not isinstance(error, VaultError):
            log_error(error)
        if not self.quiet:
            self.shown.append(("error", "Not done", error_text(error)))

    def ask(self, parent: QWidget | None, title: str, text: str, yes: str = "Yes",
            no: str = "Cancel") -> bool:
        if self.quiet:
            return False
        self.shown.append(("ask", title, text))
        return bool(self._pop("ask", title))

    def ask_text(self, parent: QWidget | None, title: str, label: str,
                 text: str = "") -> str | None:
        if self.quiet:
            return None
        self.shown.append(("ask_text", title, label))
        answer = self._pop("ask_text", title)
        return None if answer is None else str(answer)

    def _file_dialog(self, parent: QWidget | None, title: str, mode: QFileDialog.FileMode,
                     accept: QFileDialog.AcceptMode = QFileDialog.AcceptMode.AcceptOpen,
                     suggested: str = "") -> list[Path]:
        if self.quiet:
            return []
        self.shown.append(("file", title, suggested))
        answer = self._pop("file", title)
        if answer is None:
            return []
        if isinstance(answer, list | tuple):
            return [Path(p) for p in answer]
        return [Path(answer)]

    @property
    def errors(self) -> list[str]:
        return [text for kind, _t, text in self.shown if kind == "error"]
