"""Building a bundle: contents, PDF text, page numbers, exhibits byte-identical, choices."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.core.bundle_fakes import FakeSource, fake_preview, sample_source
from vault.bundle import BundleOptions, BundleResult, build_bundle
from vault.bundle.pdf.images import Picture

OPTIONS = BundleOptions(
    date_from="2026-01-01", case_reference="CAD 1234/26", producer_name="Jane Smith"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[FakeSource, BundleResult, list[str]]:
    source = sample_source()
    out = tmp_path_factory.mktemp("bundle")
    result = build_bundle(source, OPTIONS, out, make_preview=fake_preview)
    pages = [p.extract_text() or "" for p in PdfReader(result.pdf_path).pages]
    return source, result, pages


def _flat(pages: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(pages))


def test_folder_and_zip_are_named_and_private(built: tuple[FakeSource, BundleResult, list[str]]):
    _, result, _ = built
    assert result.folder.name.startswith("evidence-bundle-CAD_1234_26-")
    assert result.zip_path == result.folder.with_suffix(".zip")
    assert stat.S_IMODE(result.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((result.folder / "exhibits").stat().st_mode) == 0o700
    for path in [result.zip_path, *result.folder.rglob("*")]:
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert not [p for p in result.folder.parent.iterdir() if p.name.startswith(".bundle-")]


def test_only_chosen_exhibits_byte_identical(built: tuple[FakeSource, BundleResult, list[str]]):
    source, result, _ = built
    files = sorted(p.name for p in (result.folder / "exhibits").iterdir())
    assert files == [
        "JS-1_IMG_0412.JPG",
        "JS-2_Screenshot_2026-09-20_at_21.40.png",
        "JS-3_file.pdf",
        "JS-4_voicemail_1.m4a",
    ]
    by_ref = {i.reference.replace("/", "-"): i for i in source.items_list}
    for name in files:
        item = by_ref[name.split("_", 1)[0]]
        assert (result.folder / "exhibits" / name).read_bytes() == source.originals[item.id]
    with zipfile.ZipFile(result.zip_path) as zf:
        member = f"{result.folder.name}/exhibits/JS-1_IMG_0412.JPG"
        assert zf.read(member) == source.originals["it1"]


def test_sha256sum_binary_accepts_sums(built: tuple[FakeSource, BundleResult, list[str]]):
    _, result, _ = built
    run = subprocess.run(
        ["sha256sum", "--strict", "-c", "SHA256SUMS"],
        cwd=result.folder,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    listed = {
        line.split("  ", 1)[1] for line in (result.folder / "SHA256SUMS").read_text().splitlines()
    }
    files = {
        p.relative_to(result.folder).as_posix() for p in result.folder.rglob("*") if p.is_file()
    }
    assert listed == files - {"SHA256SUMS", "SHA256SUMS.sig"}
    assert "evidence-report.pdf" in listed and "manifest.json" in listed


def test_manifest(built: tuple[FakeSource, BundleResult, list[str]]):
    source, result, _ = built
    manifest = json.loads((result.folder / "manifest.json").read_text())
    assert manifest["case_reference"] == "CAD 1234/26"
    assert [i["id"] for i in manifest["incidents"]] == ["i1", "i2", "i3", "i4"]
    assert all("private_notes" not in i for i in manifest["incidents"])
    assert [e["reference"] for e in manifest["exhibits"]] == ["JS/1", "JS/2", "JS/3", "JS/4"]
    assert manifest["exhibits"][0]["sha256"] == source.items_list[0].sha256
    assert {e["item_id"] for e in manifest["custody"]["entries"]} == {"it1", "it2", "it3", "it4"}
    pdf_hash = next(
        line.split()[0]
        for line in (result.folder / "SHA256SUMS").read_text().splitlines()
        if line.endswith("evidence-report.pdf")
    )
    assert pdf_hash not in (result.folder / "manifest.json").read_text()
    assert source.recorded == [
        {
            "bundle_id": result.bundle_id,
            "manifest_sha256": result.manifest_sha256,
            "exhibits": ["JS/1", "JS/2", "JS/3", "JS/4"],
            "incidents": ["i1", "i2", "i3", "i4"],
        }
    ]


def test_pdf_has_every_hash_reference_and_page_furniture(
    built: tuple[FakeSource, BundleResult, list[str]],
):
    source, result, pages = built
    flat = _flat(pages)
    for item in source.items_list[:4]:
        assert item.sha256 in flat
        assert item.reference in flat
    total = len(pages)
    assert total == result.counts.pdf_pages
    for n, text in enumerate(pages, start=1):
        assert f"page {n} of {total}" in text
        assert result.manifest_sha256[:16] in text
        assert "CAD 1234/26" in text
    assert "PRIVATE-NOTE-SHOULD-NOT-APPEAR" not in flat
    last = " ".join(pages[-1].split())
    assert "I produce" in last and "marked JS/1" in last and "DRAFT" in last
    assert "I shall be liable to prosecution if I have wilfully stated" in last


def test_pdf_renders_scripts_and_flows_long_account(
    built: tuple[FakeSource, BundleResult, list[str]],
):
    _, _, pages = built
    text = "".join(pages)
    assert "Μηνύματα στο κινητό" in text
    assert "Письмо под дверью" in text
    assert "written later from memory" in text
    # the 20,000-character account is there in full, across several pages
    assert sum("Paragraph 259:" in p for p in pages) == 1
    assert sum(1 for p in pages if "he was waiting by the gate again" in p) >= 3
    reader = PdfReader(built[1].pdf_path)
    fonts = set()
    for page in reader.pages:
        for f in page["/Resources"].get("/Font", {}).values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    assert fonts and all(any(name in f for name in ("DejaVuSans", "DroidSansFallback"))
                         for f in fonts)
    assert any("DroidSansFallback" in f for f in fonts)  # the Chinese line has its glyphs
    assert "中文文本也在这里" in text
    assert "cannot show" not in text  # nothing here falls outside both fonts


def test_text_runs_take_the_fallback_font_only_where_needed():
    from vault.bundle.pdf import fmt, fonts

    assert fmt.para("plain & simple\nnext") == "plain &amp; simple<br/>next"
    marked = fmt.para("Он написал: 你好 <3")
    assert marked == ('Он написал: <font name="DroidSansFallback">你好</font> &lt;3')
    assert fmt.para("日本語のテキスト") == '<font name="DroidSansFallback">日本語のテキスト</font>'
    assert fmt.para("안녕, 你好") == ('<font name="NanumGothic">안녕</font>, '
                                      '<font name="DroidSansFallback">你好</font>')
    assert fonts.uncovered(["abc", "你好", "Ωμέγα", "안녕", "x\u0378y"]) == {"\u0378"}


def test_pictures_on_exhibit_pages(built: tuple[FakeSource, BundleResult, list[str]]):
    source, result, pages = built
    assert result.counts.image_pages == 3  # two photos and the PDF letter's first page
    assert result.counts.previews_made == 3
    assert sorted(source.stored) == ["it1", "it2", "it3"]
    reader = PdfReader(result.pdf_path)
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 3
    upright = next(
        i for i in images if i.image.size == (1200, 1600) or i.image.size[0] < i.image.size[1]
    )
    assert upright is not None
    audio_page = next(p for p in pages if "Exhibit JS/4" in p)
    assert "exhibits/JS-4_voicemail_1.m4a" in audio_page


def test_private_notes_and_unlinked_when_asked(tmp_path: Path):
    source = sample_source(long_account=False)
    opts = BundleOptions(
        incident_ids=["i1"],
        include_private_notes=True,
        include_unlinked_items=True,
        include_custody_log=False,
    )
    result = build_bundle(source, opts, tmp_path, make_preview=fake_preview)
    manifest = json.loads((result.folder / "manifest.json").read_text())
    assert [e["reference"] for e in manifest["exhibits"]] == ["JS/1", "JS/5"]
    assert manifest["custody"]["entries"] == []
    text = "".join(p.extract_text() or "" for p in PdfReader(result.pdf_path).pages)
    assert "PRIVATE-NOTE-SHOULD-NOT-APPEAR" in text
    assert result.folder.name.startswith("evidence-bundle-2")


def test_stored_previews_are_reused(tmp_path: Path):
    source = sample_source(long_account=False)
    for item in source.items_list:
        jpeg = fake_preview(source.originals[item.id], item.media_type)
        if jpeg:
            source.previews[item.id] = jpeg

    def refuse(data: bytes, media_type: str) -> bytes | None:
        raise AssertionError("should not be asked")

    result = build_bundle(source, OPTIONS, tmp_path, make_preview=refuse)
    assert result.counts.previews_made == 0 and result.counts.image_pages == 3


def test_progress_reaches_total(tmp_path: Path):
    seen: list[tuple[int, int]] = []
    build_bundle(
        sample_source(long_account=False),
        OPTIONS,
        tmp_path,
        make_preview=fake_preview,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_picture_rejects_non_jpeg():
    assert Picture.from_jpeg("k", b"not a jpeg") is None
