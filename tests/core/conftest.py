"""Fixtures for core tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The real-file corpus named by EVIDENCE_CORPUS; the test is skipped when it is unset."""
    value = os.environ.get("EVIDENCE_CORPUS", "")
    if not value:
        pytest.skip("EVIDENCE_CORPUS is not set")
    path = Path(value)
    if not path.is_dir():
        pytest.skip("EVIDENCE_CORPUS does not name a folder")
    return path
