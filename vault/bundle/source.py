"""What the bundle builder needs from a vault: a small read-mostly interface.

The vault implements it; tests use an in-memory fake. Nothing here touches disk or keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from vault.model import CustodyEntry, Incident, Item, Suspect


class BundleSource(Protocol):
    """An unlocked vault, seen from the bundle builder. Called from one thread only."""

    vault_id: str

    def incidents(self) -> list[Incident]:
        """All incidents, current versions."""
        ...

    def suspects(self) -> dict[str, Suspect]:
        """Suspects by id."""
        ...

    def items(self) -> list[Item]:
        """All exhibits."""
        ...

    def custody_entries(self) -> list[CustodyEntry]:
        """The whole custody log, in order."""
        ...

    def iter_original(self, item: Item) -> Iterator[bytes]:
        """The decrypted original bytes in chunks (may be gigabytes)."""
        ...

    def preview_jpeg(self, item: Item) -> bytes | None:
        """The stored page-sized (about 1600 px) upright JPEG, or None if not made yet."""
        ...

    def store_preview(self, item: Item, jpeg: bytes) -> None:
        """Keep a preview made while building, for next time."""
        ...

    def public_key_pem(self) -> bytes:
        """The vault's Ed25519 public key, PEM."""
        ...

    def sign(self, data: bytes) -> bytes:
        """An Ed25519 signature over data by the vault's key (64 raw bytes)."""
        ...

    def record_bundle_built(
        self,
        *,
        bundle_id: str,
        manifest_sha256: str,
        exhibits: list[str],
        incidents: list[str],
    ) -> None:
        """Add a 'bundle built' entry to the custody log."""
        ...
