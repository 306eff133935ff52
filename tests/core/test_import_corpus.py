"""Every real file in the corpus imports: stored hash equals the file's, export gives the
same bytes back, broken files are kept whole with a plain note, nothing crashes or hangs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from vault.importer import ImportStatus
from vault.vault import Vault

FOLDERS = ["photos", "screenshots", "images", "pdf", "email", "audio", "video"]


@pytest.fixture(scope="module")
def imported(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from vault.kdf import KdfParams

    folder = tmp_path_factory.mktemp("corpus") / "v"
    vault, _ = Vault.create(
        folder, "corpus test password", initials="JS", kdf_params=KdfParams.fast_for_tests()
    )
    progress: list[tuple[int, int]] = []
    report = vault.items.import_paths(
        [corpus_dir / f for f in FOLDERS], progress=lambda d, t: progress.append((d, t))
    )
    yield vault, report, progress
    vault.lock()


def test_every_file_is_stored(imported, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    vault, report, progress = imported
    files = [
        p
        for f in FOLDERS
        for p in (corpus_dir / f).rglob("*")
        if p.is_file() and not p.name.startswith(".")
    ]
    assert report.failed == 0, [
        r.message for r in report.results if r.status is ImportStatus.FAILED
    ]
    assert len(report.results) == len(files)
    assert progress[-1] == (len(files), len(files))
    distinct = {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    assert len(vault.items.list()) == len(distinct)
    assert report.duplicates == len(files) - len(distinct)


def test_hashes_and_exported_bytes_match(imported, corpus_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault, report, _ = imported
    for result in report.results:
        if result.status is not ImportStatus.IMPORTED:
            continue
        item = vault.items.get(result.item_id)
        original = next(corpus_dir.rglob(item.original_name)).read_bytes()
        assert item.sha256 == hashlib.sha256(original).hexdigest()
        assert item.size == len(original)
        dest = vault.items.export(item.id, tmp_path / f"{item.number}.out")
        assert dest.read_bytes() == original


def test_broken_files_are_kept_with_a_plain_note(imported) -> None:  # type: ignore[no-untyped-def]
    vault, _, _ = imported
    broken = [
        i
        for i in vault.items.list()
        if i.original_name
        in {
            "corrupted.jpg",
            "truncated.heic",
            "truncated_image.png",
            "huge_iTXt_chunk.png",
            "shortfile.bmp",
            "broken_data_stream.png",
            "bug1250079.pdf",
            "invalid.pdf",
            "sample_malformed_free_box.mp4",
        }
    ]
    assert len(broken) == 9
    for item in broken:
        assert item.preview_note or item.problems, item.original_name
        assert not item.has_thumbnail or item.problems
        assert "Traceback" not in " ".join([item.preview_note, *item.problems])


def test_kinds_and_facts(imported) -> None:  # type: ignore[no-untyped-def]
    vault, _, _ = imported
    by_name = {i.original_name: i for i in vault.items.list()}
    assert by_name["arrow.heic"].media_type == "image/heic"
    assert (by_name["arrow.heic"].width, by_name["arrow.heic"].height) == (3024, 4032)
    assert by_name["DSCN0010.jpg"].gps is not None
    assert by_name["pdflatex-4-pages.pdf"].frames == 4
    assert by_name["english.wav"].duration == pytest.approx(2.7, abs=0.2)
    assert by_name["mail_test_12.eml"].kind == "email"
    assert by_name["MessageKit_ExampleA.png"].kind == "message_screenshot"
    assert by_name["MessageKit_ExampleA.png"].metadata_note
    assert by_name["libreoffice-writer-password.pdf"].details.get("encrypted") is True
    assert all(i.has_thumbnail for i in vault.items.list() if i.original_name.startswith("Nikon"))


def test_verify_passes_over_the_whole_corpus(imported) -> None:  # type: ignore[no-untyped-def]
    vault, _, _ = imported
    report = vault.items.verify()
    assert report.ok, report.problems


def test_broken_files_use_bounded_memory(corpus_dir: Path, tmp_path: Path) -> None:
    """Import every broken file in a fresh process and look at its peak memory."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(f"""
        import resource, sys
        from pathlib import Path
        from vault.kdf import KdfParams
        from vault.vault import Vault
        corpus = Path({str(corpus_dir)!r})
        v, _ = Vault.create(Path({str(tmp_path / "v")!r}), "corpus test password",
                            kdf_params=KdfParams.fast_for_tests())
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        report = v.items.import_paths(sorted(corpus.glob("*/broken")))
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        v.lock()
        print(report.imported, report.failed, (after - before) // 1024)
    """)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=root, timeout=300, check=True)
    imported, failed, grew_mb = (int(x) for x in done.stdout.split())
    assert failed == 0 and imported >= 15
    assert grew_mb < 300, grew_mb
