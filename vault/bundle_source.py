"""The open vault, seen by the bundle builder (vault.bundle.BundleSource)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from vault.bundle import BundleOptions, BundleResult, build_bundle
from vault.model import CustodyEntry, Incident, Item, Suspect
from vault.vault import Vault


class VaultBundleSource:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.vault_id = vault.vault_id

    def incidents(self) -> list[Incident]:
        return self._vault.incidents.list()

    def suspects(self) -> dict[str, Suspect]:
        return self._vault.incidents.suspects()

    def items(self) -> list[Item]:
        return self._vault.items.list()

    def custody_entries(self) -> list[CustodyEntry]:
        return self._vault.custody.entries()

    def iter_original(self, item: Item) -> Iterator[bytes]:
        return self._vault.items.iter_original(item.id)

    def preview_jpeg(self, item: Item) -> bytes | None:
        return self._vault.items.preview(item.id)

    def store_preview(self, item: Item, jpeg: bytes) -> None:
        self._vault.items.store_preview(item.id, jpeg)

    def public_key_pem(self) -> bytes:
        return self._vault.custody.public_key.public_bytes(
            Encoding.PEM, PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, data: bytes) -> bytes:
        return self._vault.session.keys.signing.sign(data)

    def record_bundle_built(
        self, *, bundle_id: str, manifest_sha256: str, exhibits: list[str], incidents: list[str]
    ) -> None:
        s = self._vault.session
        with s.write() as conn:
            s.custody.append(
                conn,
                "bundle_built",
                details={
                    "bundle_id": bundle_id,
                    "manifest_sha256": manifest_sha256,
                    "exhibits": exhibits,
                    "incidents": incidents,
                },
            )


def build_from_vault(
    vault: Vault,
    out_dir: Path,
    *,
    incident_ids: list[str] | None = None,
    date_from: str = "",
    date_to: str = "",
    case_reference: str = "",
    producer_name: str = "",
    include_custody_log: bool = True,
    include_private_notes: bool = False,
    include_unlinked_items: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BundleResult:
    from vault import media

    options = BundleOptions(
        incident_ids=incident_ids,
        date_from=date_from,
        date_to=date_to,
        case_reference=case_reference,
        producer_name=producer_name or str(vault.settings().get("producer_name", "")),
        include_custody_log=include_custody_log,
        include_private_notes=include_private_notes,
        include_unlinked_items=include_unlinked_items,
    )
    return build_bundle(
        VaultBundleSource(vault),
        options,
        Path(out_dir),
        progress=progress,
        cancelled=cancelled,
        make_preview=media.make_preview,
    )
