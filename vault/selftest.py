"""The self-test a built program runs (`notebook --self-test`): the whole headless path, end to end.

Creates a vault in a temporary folder, imports the bundled samples (a JPEG with EXIF orientation,
a HEIC, a PDF and an MP4: one per decoder that a frozen build could silently lose), records an
incident, builds a bundle, verifies the folder and the zip, locks and re-opens the vault, and
deletes the folder. Returns 0, or prints one plain line to standard error and returns 1.

Why each sample must come out with a preview: the importer never fails on an undecodable file (it
keeps the exact bytes and says "no preview"), so a build missing pillow-heif, pdfium or FFmpeg
would import "successfully". The self-test treats a missing preview as the failure it is.
"""

from __future__ import annotations

import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

# (sample file, media type it must be sniffed as, what decodes it)
SAMPLES: tuple[tuple[str, str, str], ...] = (
    ("sample.jpg", "image/jpeg", "Pillow"),
    ("sample.heic", "image/heic", "pillow-heif"),
    ("sample.pdf", "application/pdf", "pypdfium2"),
    ("sample.mp4", "video/mp4", "PyAV"),
)


class SelfTestFailure(Exception):
    """One step went wrong; the message is the plain line shown."""


def samples_dir() -> Path:
    """resources/sample, found the same way frozen or not."""
    from vault.bundle.pdf.fonts import resources_dir

    return resources_dir() / "sample"


def check_decoders(folder: Path) -> None:
    """Decode each sample directly, naming the library that is missing or broken."""
    import io

    from PIL import Image

    try:
        import pillow_heif
    except ImportError as exc:
        raise SelfTestFailure(f"pillow-heif cannot be imported ({exc})") from exc
    pillow_heif.register_heif_opener()
    with Image.open(folder / "sample.heic") as im:
        im.load()
        if im.format != "HEIF":
            raise SelfTestFailure(f"the HEIC sample opened as {im.format}, not HEIF")

    try:
        import pypdfium2 as pdfium
    except ImportError as exc:
        raise SelfTestFailure(f"pypdfium2 cannot be imported ({exc})") from exc
    pdf = pdfium.PdfDocument((folder / "sample.pdf").read_bytes())
    try:
        if len(pdf) != 1 or pdf[0].render(scale=0.5).to_pil().size[0] < 10:
            raise SelfTestFailure("pypdfium2 did not render the PDF sample")
    finally:
        pdf.close()

    try:
        import av
    except ImportError as exc:
        raise SelfTestFailure(f"PyAV cannot be imported ({exc})") from exc
    with av.open(io.BytesIO((folder / "sample.mp4").read_bytes()), "r") as container:
        frame = next(container.decode(video=0), None)
        if frame is None:
            raise SelfTestFailure("PyAV decoded no picture from the MP4 sample")


def _step(name: str, fn: Callable[[], None]) -> None:
    try:
        fn()
    except SelfTestFailure:
        raise
    except Exception as exc:  # noqa: BLE001 - every failure becomes the one plain line
        raise SelfTestFailure(f"{name}: {type(exc).__name__}: {exc}") from exc


def _run(root: Path) -> None:
    from vault.bundle import verify_bundle
    from vault.bundle_source import build_from_vault
    from vault.importer import ImportStatus
    from vault.kdf import KdfParams
    from vault.model import Behaviour, Incident
    from vault.vault import Vault

    folder = samples_dir()
    missing = [name for name, _, _ in SAMPLES if not (folder / name).is_file()]
    if missing:
        raise SelfTestFailure(f"sample files missing from {folder}: {', '.join(missing)}")
    _step("decoders", lambda: check_decoders(folder))

    vault_dir = root / "vault"
    password = secrets.token_urlsafe(16)
    vault, _words = Vault.create(
        vault_dir, password, initials="ST", kdf_params=KdfParams.fast_for_tests()
    )
    try:
        incident = vault.incidents.add(
            Incident(
                start="2024-01-02T03:04:00+00:00",
                title="Self-test incident",
                where="Nowhere in particular",
                behaviours=[Behaviour.OTHER],
                account="Recorded by the self-test.",
            )
        )
        report = vault.items.import_paths(
            [folder / name for name, _, _ in SAMPLES], incident_id=incident.id, workers=1
        )
        by_name = {r.name: r for r in report.results}
        for name, media_type, decoder in SAMPLES:
            result = by_name.get(name)
            if result is None or result.status is not ImportStatus.IMPORTED:
                why = result.message if result else "no result"
                raise SelfTestFailure(f"importing {name} failed: {why}")
            if not result.preview:
                raise SelfTestFailure(f"{decoder} made no preview of {name}: {result.message}")
            item = vault.items.get(result.item_id)
            if item.media_type != media_type:
                raise SelfTestFailure(f"{name} was seen as {item.media_type}, not {media_type}")
        jpeg = vault.items.get(by_name["sample.jpg"].item_id)
        if (jpeg.width, jpeg.height) != (240, 320):
            raise SelfTestFailure(
                f"EXIF orientation was not applied to sample.jpg ({jpeg.width}x{jpeg.height})"
            )

        out = root / "bundle"
        out.mkdir()
        bundle = build_from_vault(vault, out, case_reference="SELF-TEST")
        for what in (bundle.folder, bundle.zip_path):
            problems = verify_bundle(what)
            if problems:
                raise SelfTestFailure(f"the new bundle did not verify: {problems[0]}")
        if not bundle.pdf_path.is_file() or bundle.pdf_path.stat().st_size < 1000:
            raise SelfTestFailure("the bundle has no PDF report")
        integrity = vault.items.verify()
        if integrity.problems:
            raise SelfTestFailure(f"the vault's integrity check failed: {integrity.problems[0]}")
    finally:
        vault.lock()

    reopened = Vault.open(vault_dir, password)
    try:
        if len(reopened.items.list()) != len(SAMPLES) or len(reopened.incidents.list()) != 1:
            raise SelfTestFailure("the re-opened vault does not hold what was written")
    finally:
        reopened.lock()


def run(workdir: Path | None = None, *, stderr: TextIO | None = None) -> int:
    """0 when everything worked; otherwise one plain line on standard error and 1."""
    err = stderr if stderr is not None else sys.stderr
    root = Path(tempfile.mkdtemp(prefix="selftest-", dir=workdir))
    try:
        _step("self-test", lambda: _run(root))
    except SelfTestFailure as exc:
        line = " ".join(str(exc).split())
        print(f"Self-test failed: {line}", file=err)
        return 1
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if root.exists():
        print(f"Self-test failed: the temporary folder {root} could not be deleted", file=err)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(run())
