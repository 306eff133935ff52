"""E-mail (.eml), mailboxes (.mbox) and Outlook messages (.msg): headers, body, attachments.

Charsets in the wild lie. Each header and body is decoded with its declared charset only when
the bytes really are in it; otherwise UTF-8, then Windows-1252 (what ISO-8859-1 means in
practice) are tried, and as a last resort the declared charset with replacement characters.
GB2312 is read as its superset GB18030, KS C 5601 as CP949 (its Windows form).
"""

from __future__ import annotations

import codecs
import contextlib
import email
import email.header
import email.message
import email.utils
import hashlib
import html
import re
from html.parser import HTMLParser
from typing import Any

from . import limits
from .info import KEPT, NO_CAPTURE_TIME, MediaInfo
from .sniff import sniff

NO_PREVIEW_EMAIL = "No picture preview: the mail's text is shown instead."

_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "euc-kr": "cp949",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "iso-2022-jp": "iso2022_jp_ext",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
}


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    cs = charset.strip().strip('"').lower()
    cs = _SUPERSETS.get(cs, cs)
    try:
        return codecs.lookup(cs).name
    except LookupError:
        return None


def decode_bytes(raw: bytes, charset: str | None) -> str:
    """Text from bytes whose declared charset may be wrong."""
    declared = _codec(charset)
    for cs in (declared, "utf-8", "cp1252"):
        if cs is None:
            continue
        try:
            return raw.decode(cs)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode(declared or "utf-8", "replace")


def decode_header(value: Any) -> str:
    """A header value as text: encoded-words decoded, raw 8-bit bytes read as UTF-8 or 1252."""
    if value is None:
        return ""
    if isinstance(value, email.header.Header):
        parts = email.header.decode_header(value)
    else:
        text = str(value)
        if any("\udc80" <= c <= "\udcff" for c in text):
            text = decode_bytes(text.encode("ascii", "surrogateescape"), None)
        try:
            parts = email.header.decode_header(text)
        except Exception:
            return " ".join(text.split())[: limits.HEADER_CHARS]
    out = []
    for chunk, cs in parts:
        if isinstance(chunk, bytes):
            out.append(decode_bytes(chunk, cs))
        else:
            out.append(chunk)
    return " ".join("".join(out).split())[: limits.HEADER_CHARS]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        elif tag in ("br", "p", "div", "tr", "li", "h1", "h2", "h3", "table"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _Text()
    try:
        parser.feed(markup[: limits.EMAIL_BODY_CHARS * 4])
        parser.close()
    except Exception:
        return html.unescape(re.sub(r"<[^>]*>", " ", markup))
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _part_text(part: email.message.Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        payload = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    return decode_bytes(payload, part.get_content_charset())


def _date(value: str) -> str:
    if not value:
        return ""
    try:
        dt = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return ""
    return dt.isoformat() if dt is not None else ""


def _attachment(name: str, payload: bytes, where: str = "") -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": name,
        "size": len(payload),
        "media_type": sniff(payload[: 64 * 1024], name),
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    if where:
        entry["inside"] = where
    return entry


def _parts(msg: email.message.Message, depth: int = 0) -> list[email.message.Message]:
    """Leaf parts and message/rfc822 parts, without descending into forwarded messages."""
    if msg.get_content_type() == "message/rfc822" and depth > 0:
        return [msg]
    if msg.is_multipart():
        payload = msg.get_payload()
        if isinstance(payload, list):
            out: list[email.message.Message] = []
            for sub in payload[: limits.EMAIL_MAX_PARTS]:
                if isinstance(sub, email.message.Message) and depth < 50:
                    out.extend(_parts(sub, depth + 1))
            return out
    return [msg]


def _walk(
    msg: email.message.Message,
    attachments: list[dict[str, Any]],
    bodies: dict[str, str],
    problems: list[str],
    where: str = "",
    depth: int = 0,
) -> None:
    parts = _parts(msg)
    if len(parts) >= limits.EMAIL_MAX_PARTS:
        problems.append("The mail has very many parts; not all were listed.")
    for part in parts:
        if len(attachments) >= limits.EMAIL_MAX_ATTACHMENTS:
            problems.append("The mail has very many attachments; not all were listed.")
            return
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            inner = part.get_payload()
            inner_msg = inner[0] if isinstance(inner, list) and inner else None
            if isinstance(inner_msg, email.message.Message):
                subject = decode_header(inner_msg.get("Subject")) or "forwarded message"
                inner_bytes = inner_msg.as_bytes()
                attachments.append(_attachment(f"{subject[:80]}.eml", inner_bytes, where))
                if depth < 5:
                    inside = f"forwarded message: {subject[:80]}"
                    _walk(inner_msg, attachments, {}, problems, inside, depth + 1)
            continue
        if part.is_multipart() or part.get_content_maintype() == "multipart":
            # A multipart whose boundary never appears: its text is the body, in one piece.
            raw = part.get_payload()
            if isinstance(raw, str) and raw.strip():
                charset = part.get_param("charset")
                text = decode_bytes(
                    raw.encode("utf-8", "surrogateescape"),
                    charset if isinstance(charset, str) else None,
                )
                key = (
                    "html"
                    if re.search(r"<(html|body|div|p|br|table)\b", text[:20000], re.I)
                    else "plain"
                )
                bodies.setdefault(key, text)
            continue
        filename = part.get_filename()
        disposition = (part.get("Content-Disposition") or "").split(";")[0].strip().lower()
        is_text = ctype in ("text/plain", "text/html")
        if filename or disposition == "attachment" or not is_text:
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                payload = b""
            name = decode_header(filename) if filename else f"unnamed {ctype}"
            entry = _attachment(name, payload, where)
            if disposition == "inline":
                entry["inline"] = True
            attachments.append(entry)
            continue
        key = "html" if ctype == "text/html" else "plain"
        if key not in bodies:
            bodies[key] = _part_text(part)


_DEFECTS = {
    "StartBoundaryNotFoundDefect": "The mail's parts could not be separated (a boundary "
    "never appears); its whole text is shown as one piece.",
    "CloseBoundaryNotFoundDefect": "The mail ends before its last part is closed.",
    "MultipartInvariantViolationDefect": "The mail says it has several parts but has only one.",
    "InvalidBase64PaddingDefect": (
        "An attachment's encoding is damaged; its bytes may be incomplete."
    ),
    "InvalidBase64CharactersDefect": "An attachment's encoding holds stray characters.",
    "MissingHeaderBodySeparatorDefect": "The mail's headers run into its body.",
}


def _headers_of(msg: email.message.Message) -> dict[str, str]:
    return {
        "from": decode_header(msg.get("From")),
        "to": decode_header(msg.get("To")),
        "cc": decode_header(msg.get("Cc")),
        "date": decode_header(msg.get("Date")),
        "subject": decode_header(msg.get("Subject")),
    }


def inspect_eml(data: bytes, name: str) -> MediaInfo:
    info = MediaInfo(media_type="message/rfc822", suggested_kind="email")
    info.preview_note = NO_PREVIEW_EMAIL
    try:
        msg = email.message_from_bytes(data)
    except Exception:
        info.problems.append("The mail could not be read; the exact file is kept.")
        info.capture_time_note = NO_CAPTURE_TIME
        return info
    details: dict[str, Any] = dict(_headers_of(msg))
    attachments: list[dict[str, Any]] = []
    bodies: dict[str, str] = {}
    problems: list[str] = []
    try:
        _walk(msg, attachments, bodies, problems)
    except Exception:
        problems.append("Part of the mail is damaged and could not be read.")
    for part in msg.walk():
        for defect in getattr(part, "defects", []):
            sentence = _DEFECTS.get(type(defect).__name__)
            if sentence and sentence not in problems:
                problems.append(sentence)
    body = bodies.get("plain", "")
    if not body.strip() and bodies.get("html"):
        body = html_to_text(bodies["html"])
        details["body_from_html"] = True
    if len(body) > limits.EMAIL_BODY_CHARS:
        body = body[: limits.EMAIL_BODY_CHARS]
        details["body_truncated"] = True
    details["body_text"] = body
    details["attachments"] = attachments
    if not body.strip() and not attachments:
        problems.append("The mail has no readable text.")
    raw_date = details["date"]
    when = _date(raw_date)
    if when:
        info.capture_time = when
        info.capture_time_note = (
            "From the e-mail's Date header, as written by the sender's computer or mail service."
        )
    elif msg.get("Date") is not None:
        info.capture_time_note = (
            "The e-mail's Date header is empty or unreadable; nothing was guessed."
        )
        problems.append("The mail's Date header is empty or unreadable.")
    else:
        info.capture_time_note = "The e-mail has no Date header; nothing was guessed."
    info.details = details
    info.problems = problems
    info.frames = 0
    return info


_MBOX_SPLIT = re.compile(rb"(?:^|\n)From [^\n]*\n")


def inspect_mbox(data: bytes, name: str) -> MediaInfo:
    info = MediaInfo(media_type="application/mbox", suggested_kind="email")
    info.preview_note = NO_PREVIEW_EMAIL
    starts = [
        m.start() + (1 if data[m.start() : m.start() + 1] == b"\n" else 0)
        for m in _MBOX_SPLIT.finditer(data)
    ]
    messages: list[dict[str, str]] = []
    for i, start in enumerate(starts[: limits.MBOX_LIST_MESSAGES]):
        end = starts[i + 1] if i + 1 < len(starts) else len(data)
        chunk = data[start:end]
        head_end = chunk.find(b"\n\n")
        head = chunk[: head_end if head_end >= 0 else min(len(chunk), 64 * 1024)]
        head = head.split(b"\n", 1)[1] if b"\n" in head else b""
        try:
            msg = email.message_from_bytes(head[: 256 * 1024])
            messages.append(_headers_of(msg))
        except Exception:
            messages.append({"from": "", "to": "", "cc": "", "date": "", "subject": ""})
    info.details = {"messages": len(starts), "headers": messages}
    if len(starts) > limits.MBOX_LIST_MESSAGES:
        info.details["headers_truncated"] = True
    if not starts:
        info.problems.append("No messages were found in the mailbox file.")
    info.frames = len(starts)
    info.capture_time_note = (
        "A mailbox holds many messages, each with its own date (listed in the details)."
    )
    return info


def inspect_msg(data: bytes, name: str) -> MediaInfo:
    info = MediaInfo(media_type="application/vnd.ms-outlook", suggested_kind="email")
    info.preview_note = NO_PREVIEW_EMAIL
    info.capture_time_note = NO_CAPTURE_TIME
    try:
        import extract_msg

        msg: Any = extract_msg.openMsg(data, delayAttachments=False)
    except Exception:
        info.problems.append(f"The Outlook message could not be read. {KEPT}")
        return info
    try:
        details: dict[str, Any] = {
            "from": decode_header(msg.sender or ""),
            "to": decode_header(msg.to or ""),
            "cc": decode_header(msg.cc or ""),
            "date": "",
            "subject": decode_header(msg.subject or ""),
        }
        when = msg.date
        if when is not None:
            details["date"] = when.isoformat()
            info.capture_time = when.isoformat()
            info.capture_time_note = "From the Outlook message's sent time."
        body = msg.body or ""
        if not body.strip():
            raw_html = msg.htmlBody or b""
            body = html_to_text(
                raw_html.decode("utf-8", "replace")
                if isinstance(raw_html, bytes)
                else str(raw_html)
            )
            details["body_from_html"] = True
        details["body_text"] = body[: limits.EMAIL_BODY_CHARS]
        attachments = []
        att: Any
        for att in list(msg.attachments)[: limits.EMAIL_MAX_ATTACHMENTS]:
            payload = att.data if isinstance(getattr(att, "data", None), bytes) else b""
            name_ = att.longFilename or att.shortFilename or "unnamed attachment"
            attachments.append(_attachment(str(name_), payload))
        details["attachments"] = attachments
        info.details = details
    except Exception:
        info.problems.append("Part of the Outlook message could not be read.")
    finally:
        with contextlib.suppress(Exception):
            msg.close()
    return info
