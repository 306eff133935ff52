"""Shared test set-up. Qt must be told to draw offscreen before anything imports it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EVIDENCE_VAULT_FAST_KDF", "1")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        default=False,
        help="also run tests marked slow (CI always does)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow") or os.environ.get("CI") == "true":
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow (CI runs it)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


PASSWORD = "correct horse battery staple"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "v"


@pytest.fixture
def fast_kdf():  # type: ignore[no-untyped-def]
    from vault.kdf import KdfParams

    return KdfParams.fast_for_tests()


@pytest.fixture
def new_vault(vault_dir: Path, fast_kdf) -> Iterator[tuple]:  # type: ignore[no-untyped-def]
    """An open vault and its recovery words."""
    from vault.vault import Vault

    vault, words = Vault.create(vault_dir, PASSWORD, initials="JS", kdf_params=fast_kdf)
    try:
        yield vault, words
    finally:
        vault.lock()


@pytest.fixture
def vault(new_vault):  # type: ignore[no-untyped-def]
    return new_vault[0]
