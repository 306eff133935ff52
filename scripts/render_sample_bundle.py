"""Build a sample bundle from made-up evidence and render its pages to PNG in out/sample-bundle/.

    .venv/bin/python scripts/render_sample_bundle.py [--dpi 70]

Needs pdftoppm (Debian: poppler-utils). Uses vault.media.make_preview when it is available.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.core.bundle_fakes import fake_preview, make_pdf, sample_source  # noqa: E402
from vault.bundle import BundleOptions, build_bundle, verify_bundle  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args()
    out = ROOT / "out" / "sample-bundle"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    try:
        from vault.media import make_preview

        def preview(data: bytes, media_type: str) -> bytes | None:
            return make_preview(data, media_type)
    except ImportError:
        preview = fake_preview
    source = sample_source()
    source.originals["it3"] = make_pdf("Letter left under the door: I know where you are.")
    import hashlib

    source.items_list[2].sha256 = hashlib.sha256(source.originals["it3"]).hexdigest()
    source.items_list[2].size = len(source.originals["it3"])
    result = build_bundle(
        source,
        BundleOptions(
            date_from="2026-01-01",
            case_reference="CAD 1234/26",
            producer_name="Jane Smith",
            include_unlinked_items=True,
        ),
        out,
        make_preview=preview,
    )
    problems = verify_bundle(result.zip_path)
    pages = out / "pages"
    pages.mkdir()
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(args.dpi), str(result.pdf_path), str(pages / "page")],
        check=True,
    )
    print(f"bundle: {result.folder}")
    print(f"pages:  {pages} ({result.counts.pdf_pages})")
    print(f"verify: {problems if problems else 'intact'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
