"""A small, bounded reader of ISO base media boxes (MP4, MOV, 3GP, HEIF).

Libraries read these files well but say little about damage; this walk finds the two kinds the
corpus shows: a box that runs past the end of the file, and a size no box can have. It also
checks that a HEIF file's item locations (`iloc`) lie inside the file.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_BOXES = 10_000


@dataclass
class Box:
    type: bytes
    start: int  # offset of the payload
    end: int  # offset after the payload (as declared)


@dataclass
class Walk:
    boxes: list[Box]
    impossible_size: bool = False
    runs_past_end: bool = False


def walk(data: bytes, start: int = 0, end: int | None = None) -> Walk:
    """The boxes between start and end, one level deep."""
    end = len(data) if end is None else end
    out = Walk([])
    pos = start
    while pos + 8 <= end and len(out.boxes) < MAX_BOXES:
        size = int.from_bytes(data[pos : pos + 4], "big")
        btype = data[pos + 4 : pos + 8]
        header = 8
        if size == 1:
            if pos + 16 > end:
                out.runs_past_end = True
                break
            size = int.from_bytes(data[pos + 8 : pos + 16], "big")
            header = 16
        elif size == 0:
            size = end - pos
        if size < header:
            out.impossible_size = True
            break
        box = Box(btype, pos + header, pos + size)
        out.boxes.append(box)
        if pos + size > end:
            out.runs_past_end = True
            break
        pos += size
    return out


def find(data: bytes, path: list[bytes]) -> Box | None:
    """The first box along a path of types, e.g. [b"meta", b"iloc"]; meta is a full box."""
    start, end = 0, len(data)
    box: Box | None = None
    for btype in path:
        box = next((b for b in walk(data, start, end).boxes if b.type == btype), None)
        if box is None:
            return None
        start, end = box.start + (4 if btype == b"meta" else 0), min(box.end, len(data))
    return box


def _uint(data: bytes, pos: int, size: int) -> tuple[int, int]:
    if size == 0:
        return 0, pos
    if pos + size > len(data):
        raise ValueError("short")
    return int.from_bytes(data[pos : pos + size], "big"), pos + size


def heif_items_missing(data: bytes) -> bool:
    """True when an item of a HEIF file points to bytes past the end of the file."""
    box = find(data, [b"meta", b"iloc"])
    if box is None:
        return False
    try:
        pos = box.start
        version = data[pos]
        pos += 4
        offset_size, length_size = data[pos] >> 4, data[pos] & 15
        base_size, index_size = data[pos + 1] >> 4, (data[pos + 1] & 15 if version else 0)
        pos += 2
        count, pos = _uint(data, pos, 2 if version < 2 else 4)
        for _ in range(min(count, 10_000)):
            _, pos = _uint(data, pos, 2 if version < 2 else 4)
            method = 0
            if version in (1, 2):
                method, pos = _uint(data, pos, 2)
                method &= 15
            _, pos = _uint(data, pos, 2)
            base, pos = _uint(data, pos, base_size)
            extents, pos = _uint(data, pos, 2)
            for _ in range(min(extents, 10_000)):
                _, pos = _uint(data, pos, index_size)
                offset, pos = _uint(data, pos, offset_size)
                length, pos = _uint(data, pos, length_size)
                if method == 0 and base + offset + length > len(data):
                    return True
    except (ValueError, IndexError):
        return True
    return False
