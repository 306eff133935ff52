"""An in-memory BundleSource and sample evidence for the bundle tests, bench and sample script."""

from __future__ import annotations

import io
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageDraw

from vault import custody
from vault.model import CustodyEntry, Incident, Item, PoliceReport, Suspect, Vehicle, Witness

CHUNK = 64 * 1024


def make_jpeg(
    width: int, height: int, seed: int = 0, *, orientation: int = 0, quality: int = 85
) -> bytes:
    """A photo-like JPEG: gradient, shapes and a label, optionally with an EXIF orientation."""
    img = Image.linear_gradient("L").resize((width, height))
    hue = (seed * 47) % 255
    img = Image.merge(
        "RGB", (img, img.rotate(90).resize((width, height)), Image.new("L", (width, height), hue))
    )
    draw = ImageDraw.Draw(img)
    step = max(8, width // 12)
    for i in range(0, width, step):
        draw.ellipse(
            (i, (i * 7 + seed * 31) % height, i + step, (i * 7 + seed * 31) % height + step),
            fill=((i + seed * 13) % 255, 90, 160),
        )
    draw.rectangle((0, 0, width // 3, height // 8), fill=(250, 250, 250))
    draw.text((10, 10), f"TOP {seed}", fill=(0, 0, 0))
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Phonemaker"
    exif[0x0110] = "Model 7"
    if orientation:
        exif[0x0112] = orientation
    img.save(buf, "JPEG", quality=quality, exif=exif.tobytes())
    return buf.getvalue()


def make_pdf(text: str = "Letter: stay away") -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def fake_preview(data: bytes, media_type: str) -> bytes | None:
    """Stand-in for vault.media.make_preview: upright 1600 px JPEG; a placard for PDFs."""
    if media_type == "application/pdf":
        img = Image.new("RGB", (850, 1100), (255, 255, 255))
        ImageDraw.Draw(img).text((60, 60), "PDF first page", fill=(0, 0, 0))
    elif media_type.startswith("image/"):
        from PIL import ImageOps

        src = Image.open(io.BytesIO(data))
        src.draft("RGB", (1600, 1600 * src.height // max(1, src.width)))
        src.thumbnail((1600, 1600))
        img = ImageOps.exif_transpose(src).convert("RGB")
    else:
        return None
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82)
    return buf.getvalue()


@dataclass
class FakeSource:
    """BundleSource in memory. `originals` by item id; previews by item id."""

    incidents_list: list[Incident] = field(default_factory=list)
    suspects_map: dict[str, Suspect] = field(default_factory=dict)
    items_list: list[Item] = field(default_factory=list)
    originals: dict[str, bytes] = field(default_factory=dict)
    previews: dict[str, bytes] = field(default_factory=dict)
    log: list[CustodyEntry] = field(default_factory=list)
    vault_id: str = "vault-0001"
    key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    recorded: list[dict[str, Any]] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)

    def incidents(self) -> list[Incident]:
        return list(self.incidents_list)

    def suspects(self) -> dict[str, Suspect]:
        return dict(self.suspects_map)

    def items(self) -> list[Item]:
        return list(self.items_list)

    def custody_entries(self) -> list[CustodyEntry]:
        return list(self.log)

    def iter_original(self, item: Item) -> Iterator[bytes]:
        data = self.originals[item.id]
        for i in range(0, len(data), CHUNK):
            yield data[i : i + CHUNK]

    def preview_jpeg(self, item: Item) -> bytes | None:
        return self.previews.get(item.id)

    def store_preview(self, item: Item, jpeg: bytes) -> None:
        self.previews[item.id] = jpeg
        self.stored.append(item.id)

    def public_key_pem(self) -> bytes:
        return self.key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, data: bytes) -> bytes:
        return self.key.sign(data)

    def record_bundle_built(
        self, *, bundle_id: str, manifest_sha256: str, exhibits: list[str], incidents: list[str]
    ) -> None:
        self.recorded.append(
            {
                "bundle_id": bundle_id,
                "manifest_sha256": manifest_sha256,
                "exhibits": exhibits,
                "incidents": incidents,
            }
        )

    # building a sample vault

    def append_log(self, event: str, item: Item | None = None, **details: Any) -> None:
        prev = self.log[-1].head if self.log else custody.GENESIS.hex()
        entry = CustodyEntry(
            seq=len(self.log) + 1,
            at=f"2026-11-{10 + len(self.log) % 19:02d}T09:00:00+00:00",
            event=event,
            item_ref=item.reference if item else "",
            item_id=item.id if item else "",
            details=details,
            salt=secrets.token_hex(16),
            prev=prev,
        )
        entry.head = custody.chain(bytes.fromhex(prev), custody.leaf_hash(entry)).hex()
        self.log.append(entry)

    def add_item(self, item: Item, data: bytes) -> Item:
        import hashlib

        item.number = len(self.items_list) + 1
        item.reference = item.reference or f"JS/{item.number}"
        item.size = len(data)
        item.sha256 = hashlib.sha256(data).hexdigest()
        item.imported_at = item.imported_at or "2026-11-21T10:00:00+00:00"
        self.items_list.append(item)
        self.originals[item.id] = data
        self.append_log("item_imported", item, sha256=item.sha256, size=item.size)
        return item


LONG_ACCOUNT = " ".join(
    f"Paragraph {n}: he was waiting by the gate again and followed me to the bus stop."
    + ("\n\n" if n % 25 == 0 else "")
    for n in range(260)
)


def sample_source(*, long_account: bool = True) -> FakeSource:
    """Incidents in several scripts, a suspect, photos (one rotated), a PDF letter, audio."""
    src = FakeSource()
    src.suspects_map["s1"] = Suspect(
        id="s1",
        name="Mark Ellis",
        relationship="Ex-partner",
        appearance="Tall, short grey hair",
        voice="Low, Leeds accent",
        usual_clothing="Dark green parka",
    )
    src.append_log("vault_created")
    incidents = [
        Incident(
            id="i1",
            start="2026-09-03T08:10:00+01:00",
            title="Waiting at the gate",
            where="Outside my house, 14 Elm Road",
            behaviours=["loitering", "watching"],
            account="He stood at the gate for twenty minutes and watched the window.",
            suspect_id="s1",
            suspect_wore="Green parka",
            suspect_said="Nothing",
            vehicle=Vehicle(make="Ford", model="Focus", colour="Blue", plate="AB12 CDE"),
            witnesses=[Witness(name="Anna Novak", contact="07700 900123", saw="Him at the gate")],
            police=PoliceReport(
                reported_at="2026-09-03", reference="CAD 1234", officer="PC 567 Jones"
            ),
            orders_in_force="Non-molestation order of 1 August 2026",
            breaches_order=True,
            effects=["fear_of_violence", "sleep"],
            effect_notes="I could not sleep.",
            private_notes="PRIVATE-NOTE-SHOULD-NOT-APPEAR",
            recorded_at="2026-09-03T09:00:00+00:00",
            edited_at="2026-09-04T10:00:00+00:00",
            revision=2,
        ),
        Incident(
            id="i2",
            start="2026-09-20T21:30:00+01:00",
            title="Μηνύματα στο κινητό",
            where="Σπίτι",
            behaviours=["contacting", "threats"],
            account="Έστειλε δώδεκα μηνύματα μέσα σε μία ώρα. Ελληνικό κείμενο.",
            channel="+44 7700 900456 (WhatsApp)",
            suspect_id="s1",
            recorded_at="2026-09-20T22:00:00+00:00",
        ),
        Incident(
            id="i3",
            start="2026-10-05",
            approximate=True,
            title="Письмо под дверью",
            where="Дом",
            behaviours=["contacting"],
            account="Письмо без подписи. Кириллица отображается. 中文文本也在这里。",
            from_memory=True,
            recorded_at="2026-10-20T12:00:00+00:00",
        ),
        Incident(
            id="i4",
            start="2026-11-12T17:45:00+00:00",
            title="Followed from work",
            where="High Street",
            behaviours=["following"],
            account=LONG_ACCOUNT if long_account else "He followed me.",
            suspect_id="s1",
            recorded_at="2026-11-12T19:00:00+00:00",
        ),
        Incident(
            id="i5",
            start="2025-01-01",
            title="Outside the chosen range",
            behaviours=["other"],
            account="Old.",
            recorded_at="2025-01-02T00:00:00+00:00",
        ),
    ]
    src.incidents_list = incidents
    for _inc in incidents:
        src.append_log("incident_recorded")
    src.add_item(
        Item(
            id="it1",
            kind="photo",
            description="Him at the gate (portrait photo)",
            original_name="IMG_0412.JPG",
            media_type="image/jpeg",
            capture_time="2026-09-03T08:12:00+01:00",
            device="Phonemaker Model 7",
            gps=[51.50123, -0.12345],
            width=1200,
            height=900,
            incidents=["i1"],
            capture_time_note="from EXIF",
        ),
        make_jpeg(1200, 900, 1, orientation=6),
    )
    src.add_item(
        Item(
            id="it2",
            kind="message_screenshot",
            description="Σκρίνσοτ μηνυμάτων",
            original_name="Screenshot 2026-09-20 at 21.40.png",
            media_type="image/jpeg",
            incidents=["i2"],
            metadata_note="Screenshots carry little or no metadata.",
        ),
        make_jpeg(900, 1600, 2),
    )
    src.add_item(
        Item(
            id="it3",
            kind="letter",
            description="Письмо (scan as PDF)",
            original_name="письмо.pdf",
            media_type="application/pdf",
            frames=1,
            incidents=["i3"],
        ),
        make_pdf(),
    )
    src.add_item(
        Item(
            id="it4",
            kind="audio",
            description="Voicemail left at 21:52",
            original_name="voicemail 1.m4a",
            media_type="audio/mp4",
            duration=42.0,
            incidents=["i2"],
        ),
        secrets.token_bytes(150_000),
    )
    src.add_item(
        Item(
            id="it5",
            kind="photo",
            description="Unlinked photo",
            original_name="unlinked.jpg",
            media_type="image/jpeg",
        ),
        make_jpeg(640, 480, 5),
    )
    src.add_item(
        Item(
            id="it6",
            kind="photo",
            description="From the old incident",
            original_name="old.jpg",
            media_type="image/jpeg",
            incidents=["i5"],
        ),
        make_jpeg(640, 480, 6),
    )
    src.append_log("item_viewed", src.items_list[0])
    return src
