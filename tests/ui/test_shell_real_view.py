"""The lock sequence with the real vault view: after panic nothing decrypted is left."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest

from tests.ui.shell_helpers import SECRET_NOTE, SECRET_TITLE, FakeClock, secrets_on_screen
from ui.dialogs import FakeDialogs
from ui.settings.app_settings import AppSettings
from ui.shell import Shell
from ui.tasks import VaultWorker
from vault.kdf import KdfParams
from vault.model import Incident
from vault.vault import Vault

PASSWORD = "correct horse battery staple"
vault_view = pytest.importorskip("ui.vault_view")


@pytest.fixture
def shell(qtbot, tmp_path: Path) -> Iterator[Shell]:
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSWORD, kdf_params=KdfParams.fast_for_tests())
    vault.incidents.add(Incident(start="2026-03-03T21:14:00+00:00", title=SECRET_TITLE,
                                 account=SECRET_NOTE, where="Quenford"))
    vault.lock()
    settings = AppSettings(folder=tmp_path / "config", vault_path=folder)
    s = Shell(settings, FakeDialogs(), VaultWorker(), kdf_params=KdfParams.fast_for_tests,
              clock=FakeClock())
    try:
        yield s
    finally:
        s.shutdown()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_panic_with_the_real_view_leaves_nothing(qtbot, shell: Shell):
    shell.show_start()
    page = shell.start_window.unlock
    page.password.setText(PASSWORD)
    with qtbot.waitSignal(shell.unlocked, timeout=10_000):
        page._on_unlock_clicked()
    view = shell.main_window.view
    assert isinstance(view, vault_view.VaultView)
    qtbot.waitUntil(lambda: bool(secrets_on_screen()), timeout=10_000)
    vault = shell.vault
    with qtbot.waitSignal(shell.locked, timeout=10_000):
        QTest.keyClick(shell.main_window, Qt.Key.Key_Escape)
        QTest.keyClick(shell.main_window, Qt.Key.Key_Escape)
        assert not shell.start_window.isHidden()
    assert not vault.is_open
    assert secrets_on_screen() == []


def test_words_typed_just_before_panic_are_kept_while_the_worker_is_busy(qtbot, shell: Shell):
    """Panic a moment after typing, with a long job running: the words are saved first."""
    import threading

    shell.show_start()
    page = shell.start_window.unlock
    page.password.setText(PASSWORD)
    with qtbot.waitSignal(shell.unlocked, timeout=10_000):
        page._on_unlock_clicked()
    view = shell.main_window.view
    qtbot.waitUntil(lambda: bool(secrets_on_screen()), timeout=10_000)
    incident_id = view.timeline.model.rows()[0].id
    view.open_incident(incident_id)
    qtbot.waitUntil(lambda: view.editor.incident_id == incident_id, timeout=10_000)
    started = threading.Event()

    def long_job(ctx):  # type: ignore[no-untyped-def]
        started.set()
        while not ctx.cancelled():  # an import still running when the key is hit
            threading.Event().wait(0.005)

    shell.worker.submit(long_job)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    view.editor.account.setFocus()
    QTest.keyClicks(view.editor.account, " He had a key to the gate.")
    assert view.autosaver.pending
    with qtbot.waitSignal(shell.locked, timeout=10_000):
        QTest.keyClick(shell.main_window, Qt.Key.Key_Escape)
        QTest.keyClick(shell.main_window, Qt.Key.Key_Escape)
    folder = shell.settings.vault_path
    with Vault.open(folder, PASSWORD) as vault:
        assert "He had a key to the gate." in vault.incidents.get(incident_id).account
