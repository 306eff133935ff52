"""One page per exhibit: the picture as large as fits, and everything known about the file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from vault.bundle.pdf import fmt
from vault.bundle.pdf.images import PictureFlowable
from vault.bundle.pdf.styles import FRAME_HEIGHT, FRAME_WIDTH, facts_table, styles
from vault.bundle.selection import Exhibit
from vault.model import KIND_LABELS, Item

if TYPE_CHECKING:
    from vault.bundle.pdf.report import ReportInput

GAP = 4 * mm


def _what_it_is(item: Item) -> str:
    parts = [item.media_type]
    if item.width and item.height:
        parts.append(f"{item.width} × {item.height} pixels")
    if item.frames > 1:
        unit = "pages" if item.media_type == "application/pdf" else "frames"
        parts.append(f"{item.frames} {unit}")
    if item.duration is not None:
        minutes, seconds = divmod(round(item.duration), 60)
        parts.append(f"{minutes} min {seconds:02d} s long")
    return ", ".join(parts)


def facts(r: ReportInput, exhibit: Exhibit, numbers: dict[str, int]) -> list[tuple[str, object]]:
    s = styles()
    item = exhibit.item
    rows: list[tuple[str, object]] = [
        ("Reference", f"<b>{fmt.para(item.reference)}</b>"),
        ("Kind", fmt.para(KIND_LABELS.get(item.kind, item.kind))),
        ("Description", fmt.para(item.description) or "None given"),
        ("Original file name", fmt.para(item.original_name) or "Not known"),
        ("File in this bundle", fmt.para(exhibit.path)),
        ("Size", fmt.size(item.size)),
        ("Type", fmt.para(_what_it_is(item))),
        ("SHA-256", Paragraph(item.sha256, s.hash)),
    ]
    capture = fmt.when(item.capture_time) if item.capture_time else "Not recorded in the file"
    if item.capture_time_note:
        capture += f" ({item.capture_time_note})"
    rows.append(("Taken or made", fmt.para(capture)))
    if item.device:
        rows.append(("Camera or device", fmt.para(item.device)))
    if item.gps:
        rows.append(
            (
                "Location",
                fmt.para(
                    f"The file records a GPS position: {fmt.gps(item.gps)}. It is kept in the "
                    "original file."
                ),
            )
        )
    rows.append(
        (
            "Stored in the vault",
            fmt.para(
                f"{fmt.when(item.imported_at)} "
                "(this is when it was imported, not when it was taken)"
            ),
        )
    )
    if item.source:
        rows.append(("Where it came from", fmt.para(item.source)))
    linked = [f"Incident {numbers[i]}" for i in item.incidents if i in numbers]
    rows.append(("Incidents", fmt.para(", ".join(linked)) or "Not linked to an incident"))
    if item.metadata_note:
        rows.append(("About its metadata", fmt.para(item.metadata_note)))
    if item.derived_from:
        rows.append(("Copy of", "A redacted or edited copy; the untouched original is kept too."))
    p = item.physical
    if not p.is_empty():
        phys = "; ".join(
            x
            for x in (
                f"kept at {p.location}" if p.location else "",
                f"handled by {p.handled}" if p.handled else "",
                f"handed to police {fmt.when(p.handed_to_police_at)}"
                if p.handed_to_police_at
                else "",
                f"police reference {p.police_reference}" if p.police_reference else "",
            )
            if x
        )
        rows.append(("The object itself", fmt.para(phys)))
    if item.problems:
        rows.append(("Problems found", "<br/>".join(fmt.para(x) for x in item.problems)))
    return rows


def exhibit_page(r: ReportInput, exhibit: Exhibit, numbers: dict[str, int]) -> list[Any]:
    s = styles()
    item = exhibit.item
    kind = KIND_LABELS.get(item.kind, item.kind)
    out: list[Any] = [Paragraph(fmt.para(f"Exhibit {item.reference} · {kind}"), s.h1)]
    table = facts_table(facts(r, exhibit, numbers))
    picture = r.pictures.get(item.id)
    if picture is not None:
        caption: list[Any] = []
        if item.media_type == "application/pdf":
            caption.append(
                Paragraph(
                    fmt.para(
                        f"The first page of the document, as a picture. The original file is "
                        f"in the bundle at {exhibit.path}."
                    ),
                    s.muted,
                )
            )
        elif not item.is_image:
            caption.append(
                Paragraph(
                    fmt.para(
                        f"One frame of the recording, as a picture. The original file is in "
                        f"the bundle at {exhibit.path}."
                    ),
                    s.muted,
                )
            )
        _, reserve = table.wrap(FRAME_WIDTH, FRAME_HEIGHT)
        for flowable in caption:
            reserve += flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + 8
        out.append(PictureFlowable(picture, FRAME_WIDTH, FRAME_HEIGHT, reserve=reserve + 3 * GAP))
        out.append(Spacer(1, GAP))
        out += caption
    elif item.is_image:
        note = r.picture_notes.get(item.id) or item.preview_note or "No picture could be made."
        out.append(Paragraph(fmt.para(f"The picture cannot be shown here. {note}"), s.muted))
    else:
        out.append(
            Paragraph(
                fmt.para(
                    f"This exhibit is not a picture ({_what_it_is(item)}). "
                    f"The original file is in the bundle at {exhibit.path}."
                ),
                s.body,
            )
        )
    out.append(table)
    out.append(PageBreak())
    return out


def story(r: ReportInput) -> list[Any]:
    numbers = {inc.id: n for n, inc in enumerate(r.selection.incidents, start=1)}
    out: list[Any] = []
    for exhibit in r.selection.exhibits:
        out += exhibit_page(r, exhibit, numbers)
    return out
