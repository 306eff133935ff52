"""manifest.json: what the bundle holds, as data. It never contains the PDF's hash.

The PDF prints this file's SHA-256, so the manifest is written first and the PDF after it.
"""

from __future__ import annotations

import json
from typing import Any

from vault import __version__
from vault.bundle.options import BundleOptions
from vault.bundle.selection import Exhibit, Selection

FORMAT = "evidence-vault-bundle"
FORMAT_VERSION = 1
CHECKPOINT_FORMAT = "custody checkpoint v1\\n<vault_id>\\n<seq>\\n<head>\\n"

PDF_NAME = "evidence-report.pdf"
MANIFEST_NAME = "manifest.json"
SUMS_NAME = "SHA256SUMS"
SIG_NAME = "SHA256SUMS.sig"
KEY_NAME = "public-key.pem"
HOWTO_NAME = "HOW-TO-VERIFY.txt"

EXHIBIT_FIELDS = (
    "reference",
    "number",
    "kind",
    "description",
    "original_name",
    "size",
    "media_type",
    "sha256",
    "capture_time",
    "capture_time_note",
    "device",
    "gps",
    "width",
    "height",
    "frames",
    "duration",
    "imported_at",
    "incidents",
    "source",
    "metadata_note",
    "problems",
    "derived_from",
)


def exhibit_entry(exhibit: Exhibit) -> dict[str, Any]:
    data = exhibit.item.to_dict()
    entry: dict[str, Any] = {"file": exhibit.path, "id": exhibit.item.id}
    entry.update({k: data[k] for k in EXHIBIT_FIELDS})
    if not exhibit.item.physical.is_empty():
        entry["physical"] = data["physical"]
    return entry


def build_manifest(
    selection: Selection,
    options: BundleOptions,
    *,
    bundle_id: str,
    produced_at: str,
    vault_id: str,
    key_fingerprint: str,
    checkpoint_signature: str,
) -> dict[str, Any]:
    incidents = []
    for inc in selection.incidents:
        data = inc.to_dict()
        if not options.include_private_notes:
            data.pop("private_notes", None)
        incidents.append(data)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "bundle_id": bundle_id,
        "produced_at": produced_at,
        "produced_by": options.producer_name,
        "producer_app": f"Evidence Vault {__version__}",
        "case_reference": options.case_reference,
        "period": {"from": options.date_from, "to": options.date_to},
        "choices": {
            "incident_ids": options.incident_ids,
            "include_custody_log": options.include_custody_log,
            "include_private_notes": options.include_private_notes,
            "include_unlinked_items": options.include_unlinked_items,
        },
        "vault_id": vault_id,
        "public_key": {"file": KEY_NAME, "sha256_fingerprint": key_fingerprint},
        "incidents": incidents,
        "suspects": {sid: s.to_dict() for sid, s in selection.suspects.items()},
        "exhibits": [exhibit_entry(e) for e in selection.exhibits],
        "custody": {
            "entries": [e.to_dict() for e in selection.custody],
            "checkpoint": {
                "seq": selection.chain_seq,
                "head": selection.chain_head,
                "signature": checkpoint_signature,
                "signed_text": CHECKPOINT_FORMAT,
            },
        },
    }


def dump(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
