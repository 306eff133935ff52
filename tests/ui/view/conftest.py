"""Fixtures of the vault view tests: a loaded view, shut down and its worker drained."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.view.helpers import loaded_view, wait_idle
from ui.dialogs import FakeDialogs
from ui.tasks import VaultWorker
from ui.vault_view import VaultView
from vault.vault import Vault


@pytest.fixture
def view(qtbot, vault: Vault, worker: VaultWorker,  # type: ignore[no-untyped-def]
         dialogs: FakeDialogs) -> Iterator[VaultView]:
    v = loaded_view(qtbot, vault, worker, dialogs)
    yield v
    v.shutdown()
    wait_idle(qtbot, worker)


