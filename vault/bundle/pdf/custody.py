"""The chain-of-custody log for the included exhibits, the chain head and its signature."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from vault.bundle.pdf import fmt
from vault.bundle.pdf.styles import facts_table, grid_table, styles
from vault.bundle.signing import checkpoint_text, grouped

if TYPE_CHECKING:
    from vault.bundle.pdf.report import ReportInput

DETAIL_CHARS = 300


def _details(details: dict[str, Any]) -> str:
    parts = []
    for key, value in details.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        parts.append(f"{key.replace('_', ' ')}: {text}")
    return fmt.clip("; ".join(parts), DETAIL_CHARS)


def story(r: ReportInput) -> list[Any]:
    s = styles()
    sel = r.selection
    out: list[Any] = [Paragraph("Chain of custody", s.h1)]
    out.append(
        Paragraph(
            "The vault keeps a log of everything done to each exhibit: when it was imported, "
            "viewed, exported or put in a bundle. Each entry's hash is chained to the one before, "
            "so an entry cannot be removed or changed without the chain head changing.",
            s.body,
        )
    )
    if not r.options.include_custody_log:
        out.append(Paragraph("The person chose not to include the log's entries.", s.muted))
    elif not sel.custody:
        out.append(Paragraph("The log has no entries about the included exhibits.", s.muted))
    else:
        rows: list[list[object]] = [
            [
                str(e.seq),
                fmt.para(fmt.short_when(e.at) + " UTC"),
                fmt.para(e.event.replace("_", " ")),
                fmt.para(e.item_ref),
                fmt.para(_details(e.details)),
                Paragraph(f"{e.head[:16]}…", s.hash) if e.head else "",
            ]
            for e in sel.custody
        ]
        out.append(
            grid_table(
                ["#", "When (UTC)", "What", "Exhibit", "Details", "Head after"],
                rows,
                [10 * mm, 27 * mm, 23 * mm, 16 * mm, 66 * mm, 28 * mm],
            )
        )
        out.append(
            Paragraph(
                "Only entries about the exhibits in this bundle are shown; the numbers show where "
                "the others were.",
                s.muted,
            )
        )
    out.append(Spacer(1, 4 * mm))
    out.append(Paragraph("Chain head, signed", s.h2))
    if sel.chain_head:
        signed = checkpoint_text(r.vault_id, sel.chain_seq, sel.chain_head).decode()
        out.append(
            facts_table(
                [
                    ("Entries in the log", str(sel.chain_seq)),
                    ("Chain head", Paragraph(grouped(sel.chain_head, 8), s.hash)),
                    ("Signed text", fmt.para(signed.rstrip("\n"))),
                    ("Ed25519 signature (base64)", Paragraph(r.checkpoint_signature, s.hash)),
                    (
                        "Signed by the key with fingerprint",
                        Paragraph(grouped(r.key_fingerprint, 8), s.hash),
                    ),
                ],
                label_width=48 * mm,
            )
        )
    else:
        out.append(Paragraph("The custody log is empty.", s.muted))
    out.append(PageBreak())
    return out
