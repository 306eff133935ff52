"""The shell: create, unlock, every kind of lock, panic during a job, the clipboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.shell_helpers import SECRETS, FakeClock, SecretView, secrets_on_screen
from ui.dialogs import FakeDialogs
from ui.settings.app_settings import AppSettings
from ui.shell import Shell
from ui.state import LockState
from ui.tasks import JobContext, VaultWorker
from vault.errors import WrongRecoveryKey
from vault.kdf import KdfParams
from vault.vault import Vault

PASSWORD = "correct horse battery staple"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(folder=tmp_path / "config", vault_path=tmp_path / "vault")


@pytest.fixture
def shell(qtbot, app_settings, dialogs: FakeDialogs, clock: FakeClock) -> Iterator[Shell]:
    worker = VaultWorker()
    s = Shell(app_settings, dialogs, worker, kdf_params=KdfParams.fast_for_tests,
              clock=clock, wall=clock, view_factory=SecretView)
    try:
        yield s
    finally:
        s.shutdown()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def made_vault(app_settings: AppSettings) -> Path:
    vault, _words = Vault.create(app_settings.vault_path, PASSWORD,
                                 kdf_params=KdfParams.fast_for_tests())
    vault.lock()
    return app_settings.vault_path


def unlock(qtbot, shell: Shell, password: str = PASSWORD) -> None:
    page = shell.start_window.unlock
    page.password.setText(password)
    with qtbot.waitSignal(shell.unlocked, timeout=10_000):
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert shell.main_window is not None


def test_create_a_vault_through_the_ui(qtbot, shell: Shell, app_settings: AppSettings):
    shell.show_start()
    w = shell.start_window
    assert w.stack.currentWidget() is w.welcome
    qtbot.mouseClick(w.welcome.create_button, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.create_page
    w.create_page.password.setText(PASSWORD)
    assert w.create_page.strength_label.text()  # an estimate is shown
    w.create_page.repeat.setText("something else")
    qtbot.mouseClick(w.create_page.create_button, Qt.MouseButton.LeftButton)
    assert "not the same" in w.create_page.message.text()
    w.create_page.repeat.setText(PASSWORD)
    w.create_page.initials.setText("js")
    qtbot.mouseClick(w.create_page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.recovery_key, timeout=10_000)
    words = w.recovery_key._words
    assert len(words) == 24
    assert w.create_page.password.text() == ""
    qtbot.mouseClick(w.recovery_key.written_button, Qt.MouseButton.LeftButton)
    for field in w.recovery_key.answers:
        field.setText("wrong")
    w.recovery_key._on_check_clicked()
    assert w.recovery_key.message.isVisible()
    for field, pos in zip(w.recovery_key.answers, w.recovery_key.asked_positions(), strict=True):
        field.setText(words[pos - 1])
    with qtbot.waitSignal(shell.unlocked):
        w.recovery_key._on_check_clicked()
    assert shell.vault is not None and shell.vault.is_open
    assert w.recovery_key._words == []
    assert AppSettings.load(app_settings.folder).vault_path == app_settings.vault_path
    assert shell.vault_settings["initials"] == "JS"


def test_unlock_wrong_then_right(qtbot, shell: Shell, made_vault: Path):
    shell.show_start()
    page = shell.start_window.unlock
    assert shell.start_window.stack.currentWidget() is page
    page.password.setText("not the password")
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert shell.state.state is LockState.UNLOCKING
    qtbot.waitUntil(lambda: shell.state.state is LockState.LOCKED)
    assert "did not open" in page.message.text()
    assert page.password.text() == ""
    unlock(qtbot, shell)
    banner = shell.main_window.banner
    assert not banner.isHidden()
    assert "1 failed attempt" in banner.findChild(type(page.message), "attemptsText").text()


def test_too_many_attempts_counts_down(qtbot, shell: Shell, made_vault: Path):
    shell.show_start()
    page = shell.start_window.unlock
    for _ in range(4):
        page.password.setText("nope nope nope")
        page._on_unlock_clicked()
        qtbot.waitUntil(lambda: shell.state.state is LockState.LOCKED)
    assert "wait" in page.message.text()
    assert not page.unlock_button.isEnabled()


def _trigger_button(qtbot, shell: Shell, clock: FakeClock) -> None:
    shell.main_window.actions_by_name["lock"].trigger()


def _trigger_hide(qtbot, shell: Shell, clock: FakeClock) -> None:
    qtbot.mouseClick(shell.main_window.hide_button, Qt.MouseButton.LeftButton)


def _trigger_escape_twice(qtbot, shell: Shell, clock: FakeClock) -> None:
    target = shell.main_window.view.field
    QTest.keyClick(target, Qt.Key.Key_Escape)
    clock.t += 0.3
    QTest.keyClick(target, Qt.Key.Key_Escape)


def _trigger_triple_shift(qtbot, shell: Shell, clock: FakeClock) -> None:
    target = shell.main_window.view.note
    for _ in range(3):
        QTest.keyClick(target, Qt.Key.Key_Shift)
        clock.t += 4.0


def _trigger_idle(qtbot, shell: Shell, clock: FakeClock) -> None:
    clock.t += 5 * 60 + 1
    shell.idle.check()


def _trigger_minimise(qtbot, shell: Shell, clock: FakeClock) -> None:
    shell.main_window.showMinimized()


TRIGGERS = {"button": _trigger_button, "hide": _trigger_hide, "escape": _trigger_escape_twice,
            "shift": _trigger_triple_shift, "idle": _trigger_idle,
            "minimise": _trigger_minimise}


@pytest.mark.parametrize("kind", list(TRIGGERS))
def test_every_lock_hides_at_once_and_leaves_nothing(qtbot, shell: Shell, made_vault: Path,
                                                     clock: FakeClock, kind: str):
    shell.show_start()
    unlock(qtbot, shell)
    window, vault = shell.main_window, shell.vault
    assert window.isVisible() and secrets_on_screen()
    destroyed: list[bool] = []
    window.destroyed.connect(lambda *_: destroyed.append(True))
    with qtbot.waitSignal(shell.locked, timeout=10_000):
        TRIGGERS[kind](qtbot, shell, clock)
        if kind != "minimise":  # minimising reaches us when the platform says so
            # the same turn of the event loop: nothing processed since the trigger
            assert not window.isVisible()
            assert shell.state.state is LockState.LOCKING
    assert destroyed
    assert vault is not None and not vault.is_open
    assert shell.vault is None and shell.state.state is LockState.LOCKED
    assert secrets_on_screen() == []
    assert all(w.isHidden() or w is shell.start_window or w.window() is shell.start_window
               for w in QApplication.topLevelWidgets() if w.isVisible())


def test_shift_as_a_modifier_or_slow_taps_do_not_panic(qtbot, shell: Shell, made_vault: Path,
                                                       clock: FakeClock):
    shell.show_start()
    unlock(qtbot, shell)
    field = shell.main_window.view.field
    for _ in range(3):  # capitals typed with Shift held
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    for _ in range(3):  # taps more than 5 s apart
        QTest.keyClick(field, Qt.Key.Key_Shift)
        clock.t += 6
    QTest.keyClick(field, Qt.Key.Key_Escape)
    clock.t += 2
    QTest.keyClick(field, Qt.Key.Key_Escape)  # two Escapes too far apart
    assert shell.state.state is LockState.UNLOCKED


def test_panic_shows_the_cover_when_set(qtbot, shell: Shell, made_vault: Path, clock):
    shell.show_start()
    unlock(qtbot, shell)
    shell.vault_settings["panic_action"] = "cover"
    with qtbot.waitSignal(shell.locked):
        qtbot.mouseClick(shell.main_window.hide_button, Qt.MouseButton.LeftButton)
        assert shell.cover.isVisible() and not shell.start_window.isVisible()
    shell.cover.open_requested.emit()
    assert shell.start_window.isVisible() and not shell.cover.isVisible()


def test_panic_from_inside_a_dialog(qtbot, shell: Shell, made_vault: Path, clock):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs import Dialogs

    shell.show_start()
    unlock(qtbot, shell)
    real = Dialogs()
    answers: list[bool] = []

    def press_in_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press_in_dialog)
            return
        QTest.keyClick(box, Qt.Key.Key_Shift)
        QTest.keyClick(box, Qt.Key.Key_Shift)
        QTest.keyClick(box, Qt.Key.Key_Shift)

    shell.dialogs.close_all = real.close_all  # type: ignore[method-assign]
    QTimer.singleShot(0, press_in_dialog)
    with qtbot.waitSignal(shell.locked):
        answers.append(real.ask(shell.main_window, "Question", "Sure?"))
    assert answers == [False]
    assert shell.vault is None


def test_panic_during_a_running_import_stops_it_safely(qtbot, shell: Shell, made_vault: Path,
                                                       tmp_path: Path, clock):
    from vault.importer import Importer

    files = tmp_path / "in"
    files.mkdir()
    for i in range(300):
        (files / f"note{i}.txt").write_bytes(f"line {i}\n".encode() * 50)
    shell.show_start()
    unlock(qtbot, shell)
    vault = shell.vault
    progress: list[int] = []
    delivered: list[object] = []

    def job(ctx: JobContext) -> object:
        return Importer(vault).import_paths([files], progress=ctx.progress,
                                            cancelled=ctx.cancelled)

    shell.worker.submit(job, on_done=delivered.append, on_error=delivered.append,
                        on_progress=lambda d, t: progress.append(d))
    qtbot.waitUntil(lambda: len(progress) > 1 and progress[-1] > 0, timeout=10_000)
    with qtbot.waitSignal(shell.locked, timeout=20_000):
        qtbot.mouseClick(shell.main_window.hide_button, Qt.MouseButton.LeftButton)
        assert not any(w.isVisible() for w in QApplication.topLevelWidgets()
                       if w is not shell.start_window and w.window() is not shell.start_window)
    assert delivered == []  # nothing handed back to a destroyed view
    assert not vault.is_open
    reopened = Vault.open(made_vault, PASSWORD)
    try:
        items = reopened.items.list()
        assert 0 < len(items) < 300
        report = reopened.items.verify()
        assert report.ok
    finally:
        reopened.lock()


def test_recovery_key_on_the_clipboard_is_cleared_on_lock(qtbot, shell: Shell):
    board = QGuiApplication.clipboard()
    shell.clipboard.put_secret("alpha bravo charlie")
    assert board.text() == "alpha bravo charlie"
    shell.clipboard.clear_ours()
    assert board.text() == ""


def test_clipboard_is_cleared_after_its_time(qtbot):
    from ui.clipboard import ClipboardGuard

    guard = ClipboardGuard(clear_after_ms=50)
    guard.put_secret("delta echo")
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)
    assert not guard.holds_ours


def test_clipboard_not_ours_is_left_alone(qtbot):
    from ui.clipboard import ClipboardGuard

    guard = ClipboardGuard()
    guard.put_secret("foxtrot")
    QGuiApplication.clipboard().setText("something the person copied")
    guard.clear_ours()
    assert QGuiApplication.clipboard().text() == "something the person copied"


def test_lock_clears_a_copied_recovery_key(qtbot, shell: Shell, made_vault: Path):
    shell.show_start()
    unlock(qtbot, shell)
    shell.clipboard.put_secret("golf hotel")
    with qtbot.waitSignal(shell.locked):
        shell.lock("button")
    assert QGuiApplication.clipboard().text() == ""


def test_toolbar_actions_reach_the_view(qtbot, shell: Shell, made_vault: Path):
    shell.show_start()
    unlock(qtbot, shell)
    view = shell.main_window.view
    for name in ("record_now", "import", "paste", "build_bundle", "custody_log",
                 "check_integrity"):
        shell.main_window.actions_by_name[name].trigger()
    assert view.calls == ["load", "record_now", "import_dialog", "paste", "build_bundle",
                          "custody", "integrity"]


def test_settings_change_the_panic_key_and_title(qtbot, shell: Shell, made_vault: Path,
                                                 app_settings: AppSettings, clock):
    from ui.settings.dialog import SettingsValues

    shell.show_start()
    unlock(qtbot, shell)
    shell.apply_settings(SettingsValues(idle_lock_minutes=1, panic_action="minimise",
                                        panic_key="f12", discreet=True, initials="AB"))
    assert shell.main_window.windowTitle() == "Notebook"
    qtbot.waitUntil(lambda: not shell.worker.busy)
    assert shell.vault.settings()["idle_lock_minutes"] == 1
    saved = AppSettings.load(app_settings.folder)
    assert saved.panic_key == "f12" and saved.discreet
    assert "Evidence" not in (app_settings.folder / "prefs.json").read_text()
    with qtbot.waitSignal(shell.locked):
        QTest.keyClick(shell.main_window.view.field, Qt.Key.Key_F12)
    assert shell.start_window.isMinimized()


def test_secrets_are_really_checked():
    """The finder is not vacuous: it finds a live widget holding a secret."""
    from PySide6.QtWidgets import QLabel

    label = QLabel(SECRETS[0])
    try:
        assert secrets_on_screen()
    finally:
        label.deleteLater()


def test_recovery_key_sets_a_new_password_through_the_ui(qtbot, shell: Shell,
                                                          app_settings: AppSettings):
    vault, words = Vault.create(app_settings.vault_path, PASSWORD,
                                kdf_params=KdfParams.fast_for_tests())
    vault.lock()
    shell.show_start()
    shell.show_recover()
    page = shell.start_window.recover
    assert shell.start_window.stack.currentWidget() is page
    page.words.setPlainText("abandon " * 23 + "art")  # a valid-looking key that is not this one
    page.password.setText("a brand new password")
    page.repeat.setText("a brand new password")
    qtbot.mouseClick(page.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.state.state is LockState.LOCKED, timeout=10_000)
    assert "recovery key did not open" in page.message.text()
    page.words.setPlainText(words)
    page.password.setText("a brand new password")
    page.repeat.setText("a brand new password")
    with qtbot.waitSignal(shell.unlocked, timeout=10_000):
        qtbot.mouseClick(page.go, Qt.MouseButton.LeftButton)
    assert page.words.toPlainText() == "" and page.password.text() == ""
    shell.lock("button")
    qtbot.waitUntil(lambda: shell.vault is None, timeout=10_000)
    Vault.open(app_settings.vault_path, "a brand new password").lock()


def create_through_ui(qtbot, shell: Shell) -> list[str]:
    """Make a vault on the create page; returns the recovery words shown."""
    shell.show_start()
    w = shell.start_window
    qtbot.mouseClick(w.welcome.create_button, Qt.MouseButton.LeftButton)
    w.create_page.password.setText(PASSWORD)
    w.create_page.repeat.setText(PASSWORD)
    qtbot.mouseClick(w.create_page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.recovery_key, timeout=10_000)
    return list(w.recovery_key._words)


def type_back(qtbot, page) -> None:  # a RecoveryKeyPage
    words = list(page._words)
    qtbot.mouseClick(page.written_button, Qt.MouseButton.LeftButton)
    for field, pos in zip(page.answers, page.asked_positions(), strict=True):
        field.setText(words[pos - 1])
    page._on_check_clicked()


def test_a_checked_recovery_key_is_remembered(qtbot, shell: Shell):
    create_through_ui(qtbot, shell)
    with qtbot.waitSignal(shell.unlocked):
        type_back(qtbot, shell.start_window.recovery_key)
    qtbot.waitUntil(lambda: not shell.worker.busy)
    assert shell.vault is not None and shell.vault.settings()["recovery_key_checked"] is True
    assert shell.main_window is not None and shell.main_window.recovery_banner.isHidden()


def test_panic_on_the_recovery_key_leads_to_a_new_key(qtbot, shell: Shell,
                                                       app_settings: AppSettings):
    old_words = create_through_ui(qtbot, shell)
    shell.on_panic("key")
    qtbot.waitUntil(lambda: shell.vault is None, timeout=10_000)
    assert shell.start_window.recovery_key._words == []  # wiped: it cannot be shown again
    unlock(qtbot, shell)
    window = shell.main_window
    assert window is not None and not window.recovery_banner.isHidden()
    dialog = shell.new_recovery_key()
    assert dialog is not None and dialog.isVisible()
    dialog.password.setText("not the password")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not right" in dialog.message.text(), timeout=10_000)
    assert dialog.stack.currentWidget() is not dialog.key_page
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.key_page, timeout=10_000)
    assert dialog.password.text() == ""
    new_words = list(dialog.key_page._words)
    assert len(new_words) == 24 and new_words != old_words
    with qtbot.waitSignal(dialog.finished):
        type_back(qtbot, dialog.key_page)
    assert window.recovery_banner.isHidden()
    qtbot.waitUntil(lambda: not shell.worker.busy)
    assert shell.vault is not None and shell.vault.settings()["recovery_key_checked"] is True
    shell.lock("button")
    qtbot.waitUntil(lambda: shell.vault is None, timeout=10_000)
    with pytest.raises(WrongRecoveryKey):
        Vault.recover(app_settings.vault_path, " ".join(old_words), "another password 1",
                      kdf_params=KdfParams.fast_for_tests())
    Vault.recover(app_settings.vault_path, " ".join(new_words), "another password 1",
                  kdf_params=KdfParams.fast_for_tests()).lock()


def test_lock_while_a_new_key_is_shown_wipes_it(qtbot, shell: Shell, made_vault: Path):
    shell.show_start()
    unlock(qtbot, shell)
    dialog = shell.new_recovery_key()
    assert dialog is not None
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.key_page, timeout=10_000)
    page = dialog.key_page
    assert page._words
    shell.lock("button")
    qtbot.waitUntil(lambda: shell.vault is None, timeout=10_000)
    assert page._words == []
    assert not shiboken6.isValid(page.words_label) or page.words_label.text() == ""
    assert not secrets_on_screen()
