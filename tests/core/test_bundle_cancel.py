"""Cancelling or failing leaves no half bundle, and the custody log records nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.bundle_fakes import fake_preview, sample_source
from vault.bundle import BundleOptions, build_bundle
from vault.errors import BundleError, Cancelled
from vault.model import Item


def _checks_in_a_build(tmp_path: Path) -> int:
    calls = [0]

    def never() -> bool:
        calls[0] += 1
        return False

    build_bundle(
        sample_source(),
        BundleOptions(),
        tmp_path / "count",
        make_preview=fake_preview,
        cancelled=never,
    )
    return calls[0]


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.5, 0.9, 0.999])
def test_cancel_leaves_nothing(tmp_path: Path, fraction: float):
    total = _checks_in_a_build(tmp_path)
    assert total > 20
    out = tmp_path / "out"
    source = sample_source()
    calls = [0]

    def cancelled() -> bool:
        calls[0] += 1
        return calls[0] > int(total * fraction)

    with pytest.raises(Cancelled):
        build_bundle(source, BundleOptions(), out, make_preview=fake_preview, cancelled=cancelled)
    assert list(out.iterdir()) == []
    assert source.recorded == []


def test_changed_original_fails_cleanly(tmp_path: Path):
    source = sample_source(long_account=False)
    source.originals["it2"] = source.originals["it2"][:-1] + b"\x00"
    with pytest.raises(BundleError, match="JS/2"):
        build_bundle(source, BundleOptions(), tmp_path, make_preview=fake_preview)
    assert list(tmp_path.iterdir()) == []


def test_read_error_midway_fails_cleanly(tmp_path: Path):
    source = sample_source(long_account=False)

    def broken(item: Item) -> Iterator[bytes]:
        yield b"x"
        raise OSError(5, "I/O error")

    source.iter_original = broken  # type: ignore[method-assign]
    with pytest.raises(BundleError):
        build_bundle(source, BundleOptions(), tmp_path, make_preview=fake_preview)
    assert list(tmp_path.iterdir()) == []


def test_failed_custody_record_removes_bundle(tmp_path: Path):
    source = sample_source(long_account=False)

    def refuse(**_kw: object) -> None:
        raise RuntimeError("disk gone")

    source.record_bundle_built = refuse  # type: ignore[method-assign]
    with pytest.raises(BundleError):
        build_bundle(source, BundleOptions(), tmp_path, make_preview=fake_preview)
    assert list(tmp_path.iterdir()) == []


def test_a_preview_that_fails_does_not_stop_the_bundle(tmp_path: Path):
    def boom(data: bytes, media_type: str) -> bytes | None:
        raise ValueError("bad file")

    result = build_bundle(
        sample_source(long_account=False), BundleOptions(), tmp_path, make_preview=boom
    )
    assert result.counts.image_pages == 0 and result.pdf_path.exists()
