"""UI test fixtures: a worker that is always joined, fake dialogs, settings kept in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ui.dialogs import FakeDialogs
from ui.tasks import VaultWorker


@pytest.fixture(autouse=True)
def qt_settings_in_tmp(tmp_path: Path, qapp) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """Point Qt's own user settings (QtProject.conf) at a folder of this test."""
    folder = tmp_path / "qtsettings"
    folder.mkdir()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def worker(qapp) -> Iterator[VaultWorker]:  # type: ignore[no-untyped-def]
    w = VaultWorker()
    try:
        yield w
    finally:
        w.shutdown()
        w.deleteLater()


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()
