"""What the person chose for a bundle, and what building one produced."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BundleOptions:
    incident_ids: list[str] | None = None  # None = all (subject to dates)
    date_from: str = ""  # ISO date, inclusive; "" = no lower bound
    date_to: str = ""  # ISO date, inclusive; "" = no upper bound
    case_reference: str = ""
    producer_name: str = ""
    include_custody_log: bool = True
    include_private_notes: bool = False
    include_unlinked_items: bool = False  # also exhibits linked to no incident at all


@dataclass(frozen=True)
class BundleCounts:
    incidents: int
    exhibits: int
    image_pages: int
    previews_made: int
    pdf_pages: int


@dataclass(frozen=True)
class BundleResult:
    folder: Path
    zip_path: Path
    manifest_sha256: str
    bundle_id: str
    pdf_path: Path
    counts: BundleCounts = field(default_factory=lambda: BundleCounts(0, 0, 0, 0, 0))
