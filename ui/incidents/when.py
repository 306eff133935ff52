"""Plain, readable dates and times for the screen (the stored form is ISO 8601)."""

from __future__ import annotations

from datetime import date, datetime


def parse(text: str) -> datetime | date | None:
    """An ISO date or date-time, or None when empty or not valid."""
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def day_of(text: str) -> date | None:
    got = parse(text)
    if isinstance(got, datetime):
        return got.date()
    return got


def show(text: str, *, approximate: bool = False) -> str:
    """'Fri 20 Nov 2026, 17:30' for a date-time; 'Fri 20 Nov 2026' for a date."""
    got = parse(text)
    if got is None:
        return text
    if isinstance(got, datetime):
        out = f"{got:%a} {got.day} {got:%b %Y, %H:%M}"
    else:
        out = f"{got:%a} {got.day} {got:%b %Y}"
    return f"About {out}" if approximate else out


def show_moment(text: str) -> str:
    """A recorded or edited time, shown in local time: '20 Nov 2026 at 17:31'."""
    got = parse(text)
    if isinstance(got, datetime):
        local = got.astimezone() if got.tzinfo else got
        return f"{local.day} {local:%b %Y} at {local:%H:%M}"
    if isinstance(got, date):
        return f"{got.day} {got:%b %Y}"
    return text or "—"
