"""vault.selftest, unfrozen: the same run the built program does with --self-test."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from vault import selftest


def test_self_test_passes_and_cleans_up(tmp_path: Path) -> None:
    err = io.StringIO()
    assert selftest.run(tmp_path, stderr=err) == 0, err.getvalue()
    assert err.getvalue() == ""
    assert list(tmp_path.iterdir()) == []


def test_missing_samples_fail_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "samples_dir", lambda: tmp_path / "nowhere")
    err = io.StringIO()
    assert selftest.run(tmp_path, stderr=err) == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Self-test failed: sample files missing")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("module, named", [("pypdfium2", "pypdfium2"), ("av", "PyAV")])
def test_a_missing_decoder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, named: str
) -> None:
    # what a frozen build without the hidden import looks like
    monkeypatch.setitem(sys.modules, module, None)
    err = io.StringIO()
    assert selftest.run(tmp_path, stderr=err) == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 1
    assert named in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_samples_are_what_the_self_test_expects() -> None:
    from PIL import Image

    with Image.open(selftest.samples_dir() / "sample.jpg") as im:
        assert im.size == (320, 240)  # stored sideways
        assert im.getexif()[0x0112] == 6
