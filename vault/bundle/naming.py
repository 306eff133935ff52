"""File-system-safe names for exhibits and for the bundle itself.

Names are kept to ASCII letters, digits, '.', '_' and '-', so that they survive zip, Windows,
macOS normalisation and the coreutils SHA256SUMS format (which escapes '\\' and newlines).
The original name is always kept, exactly, in the manifest and the PDF.
"""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX = 80


def safe_part(text: str, fallback: str = "file") -> str:
    """`text` reduced to safe characters: accents dropped, anything else becomes '_'."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    stem, dot, ext = ascii_text.rpartition(".")
    if not dot or not 0 < len(ext) <= 10 or not stem:
        stem, ext = ascii_text, ""
    stem = re.sub(r"_{2,}", "_", _UNSAFE.sub("_", stem)).strip("._-") or fallback
    ext = _UNSAFE.sub("", ext)
    cleaned = f"{stem}.{ext}" if ext else stem
    if len(cleaned) > _MAX:
        stem, dot, ext = cleaned.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            cleaned = stem[: _MAX - len(ext) - 1] + "." + ext
        else:
            cleaned = cleaned[:_MAX]
    return cleaned


def safe_reference(reference: str) -> str:
    """'JS/7' -> 'JS-7'."""
    return safe_part(reference.replace("/", "-").replace("\\", "-"), fallback="exhibit")


def exhibit_file_names(pairs: list[tuple[str, str]]) -> list[str]:
    """`exhibits/<reference>_<original name>` for each (reference, original name), all distinct."""
    seen: set[str] = set()
    names: list[str] = []
    for reference, original in pairs:
        base = f"{safe_reference(reference)}_{safe_part(original)}"
        name = base
        n = 2
        while name.lower() in seen:
            stem, dot, ext = base.rpartition(".")
            name = f"{stem}-{n}.{ext}" if dot else f"{base}-{n}"
            n += 1
        seen.add(name.lower())
        names.append("exhibits/" + name)
    return names


def bundle_name(case_reference: str, date: str) -> str:
    """'evidence-bundle-<case reference>-<date>', or without the reference when there is none."""
    if case_reference.strip():
        return f"evidence-bundle-{safe_part(case_reference, fallback='case')}-{date}"
    return f"evidence-bundle-{date}"
