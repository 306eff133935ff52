"""The dialog wrapper: calm errors, fake answers, and Qt's file-dialog history kept clean."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from ui.dialogs import GENERIC_ERROR, Dialogs, FakeDialogs, error_text
from vault.errors import WrongPassword


def test_error_text_is_one_calm_sentence():
    assert error_text(WrongPassword()) == WrongPassword().message
    secret = FileNotFoundError(2, "No such file", "/home/x/evidence/secret-photo.jpg")
    assert error_text(secret) == GENERIC_ERROR
    assert "secret" not in GENERIC_ERROR


def test_error_log_holds_no_message(caplog):
    d = FakeDialogs()
    try:
        raise FileNotFoundError(2, "No such file", "/home/x/evidence/secret-photo.jpg")
    except FileNotFoundError as exc:
        d.error(None, exc)
    assert "secret-photo" not in caplog.text
    assert "FileNotFoundError" in caplog.text
    assert d.errors == [GENERIC_ERROR]


def test_fake_dialogs_answer_in_order_and_go_quiet():
    d = FakeDialogs()
    d.set_next(True, ["/a", "/b"], "text")
    assert d.ask(None, "t", "q") is True
    assert d.open_files(None, "Import") == [Path("/a"), Path("/b")]
    assert d.ask_text(None, "t", "l") == "text"
    d.quiet = True
    assert d.ask(None, "t", "q") is False
    assert d.open_files(None, "Import") == []


def _pick_when_shown(qtbot, folder: Path, name: str) -> None:
    def pick() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QFileDialog):
            QTimer.singleShot(10, pick)
            return
        dlg.setDirectory(str(folder))
        if name:
            dlg.selectFile(str(folder / name))
        dlg.done(QFileDialog.DialogCode.Accepted)

    QTimer.singleShot(0, pick)


def _qt_conf_text(qt_settings_in_tmp: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in qt_settings_in_tmp.rglob("*")
                     if p.is_file())


def test_qt_writes_a_history_without_the_wrapper(qtbot, tmp_path, qt_settings_in_tmp):
    """The control: a bare Qt file dialog does record where it was."""
    evidence = tmp_path / "where-evidence-came-from"
    evidence.mkdir()
    dlg = QFileDialog(None, "x", str(evidence))
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    _pick_when_shown(qtbot, evidence, "")
    dlg.exec()
    shiboken6.delete(dlg)
    assert "where-evidence-came-from" in _qt_conf_text(qt_settings_in_tmp)


def test_file_dialog_leaves_no_history(qtbot, tmp_path, qt_settings_in_tmp):
    evidence = tmp_path / "where-evidence-came-from"
    evidence.mkdir()
    (evidence / "photo.jpg").write_bytes(b"x")
    d = Dialogs()
    _pick_when_shown(qtbot, evidence, "photo.jpg")
    got = d.open_files(None, "Import")
    assert got == [evidence / "photo.jpg"]
    assert "where-evidence-came-from" not in _qt_conf_text(qt_settings_in_tmp)
    # and a history that was there before is put back as it was
    _pick_when_shown(qtbot, evidence, "")
    d.open_folder(None, "Choose")
    assert "where-evidence-came-from" not in _qt_conf_text(qt_settings_in_tmp)


def test_close_all_ends_an_open_question(qtbot):
    d = Dialogs()
    QTimer.singleShot(0, d.close_all)
    assert d.ask(None, "Delete?", "Sure?") is False
