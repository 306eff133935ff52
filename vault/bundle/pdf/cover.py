"""Cover: what this is, who made it, what it covers, and the fingerprint that pins it down."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from vault.bundle.pdf import fmt, fonts
from vault.bundle.pdf.styles import facts_table, styles
from vault.bundle.signing import grouped

if TYPE_CHECKING:
    from vault.bundle.pdf.report import ReportInput


def _period(r: ReportInput) -> str:
    incs = r.selection.incidents
    first = r.options.date_from or (incs[0].start if incs else "")
    last = r.options.date_to or (incs[-1].start if incs else "")
    if not first and not last:
        return "No incidents included"
    return f"{fmt.day(first)} to {fmt.day(last)}"


def _all_text(r: ReportInput) -> list[str]:
    texts: list[str] = [r.options.case_reference, r.options.producer_name]
    for inc in r.selection.incidents:
        texts += [
            inc.title,
            inc.where,
            inc.account,
            inc.suspect_wore,
            inc.suspect_said,
            inc.channel,
            inc.orders_in_force,
            inc.other_reports,
            inc.effect_notes,
        ]
        texts += [w.name + w.contact + w.saw for w in inc.witnesses]
        if r.options.include_private_notes:
            texts.append(inc.private_notes)
    for s in r.selection.suspects.values():
        texts += [s.name, s.relationship, s.appearance, s.voice, s.usual_clothing, s.notes]
    for e in r.selection.exhibits:
        texts += [e.item.description, e.item.original_name, e.item.source]
    return texts


def story(r: ReportInput) -> list[Any]:
    s = styles()
    sel = r.selection
    out: list[Any] = [
        Spacer(1, 18 * mm),
        Paragraph("Evidence bundle", s.title),
        Paragraph("A record of incidents and exhibits, with the files' fingerprints", s.subtitle),
    ]
    rows: list[tuple[str, object]] = [
        ("Police or case reference", fmt.para(r.options.case_reference) or "None given"),
        ("Produced by", fmt.para(r.options.producer_name) or "Not given"),
        ("Produced on", fmt.when(r.produced_at)),
        ("Period covered", _period(r)),
        ("Incidents", str(len(sel.incidents))),
        ("Exhibits", str(len(sel.exhibits))),
        ("Bundle id", r.bundle_id),
        ("Manifest SHA-256", Paragraph(grouped(r.manifest_sha256, 8), s.hash)),
        ("Vault key fingerprint", Paragraph(grouped(r.key_fingerprint, 8), s.hash)),
        ("Folder", fmt.para(r.folder_name)),
    ]
    out.append(facts_table(rows, label_width=48 * mm))
    out.append(Spacer(1, 8 * mm))
    out.append(
        Paragraph(
            "This report was produced by the Evidence Vault app from the person's own records. "
            "The original files are in the <b>exhibits</b> folder beside this report, byte for "
            "byte as they were first stored. The file <b>manifest.json</b> holds the same "
            "information as data; its SHA-256 above is printed at the foot of every page. "
            "The last pages say how to check that nothing has changed.",
            s.body,
        )
    )
    if not r.options.include_private_notes:
        out.append(Paragraph("The person's private notes are not included.", s.muted))
    missing = fonts.uncovered(_all_text(r))
    if missing:
        out.append(
            Paragraph(
                "Some text uses characters the report's fonts cannot show; they appear as "
                "empty boxes here. The exact text is in manifest.json.",
                s.muted,
            )
        )
    out.append(PageBreak())
    return out
