"""Say plainly when someone tried wrong passwords: "2 failed attempts since you last
unlocked: Tuesday 21:14, 21:15"."""

from __future__ import annotations

from datetime import datetime


def _day(when: datetime, now: datetime) -> str:
    days = (now.date() - when.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 0 < days < 7:
        return when.strftime("%A")
    return f"{when.strftime('%A')} {when.day} {when.strftime('%B %Y')}"


def failed_attempts_text(times: list[str], now: datetime | None = None) -> str:
    """One sentence for the failed unlock attempts (ISO times, oldest first); "" if none."""
    if not times:
        return ""
    now = now or datetime.now().astimezone()
    groups: list[tuple[str, list[str]]] = []
    unknown = 0
    for text in times:
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            unknown += 1
            continue
        if when.tzinfo is not None and now.tzinfo is not None:
            when = when.astimezone(now.tzinfo)
        day = _day(when, now)
        if not groups or groups[-1][0] != day:
            groups.append((day, []))
        groups[-1][1].append(when.strftime("%H:%M"))
    parts = [f"{day} {', '.join(clock)}" for day, clock in groups]
    if unknown:
        parts.append(f"{unknown} at a time that could not be read")
    n = len(times)
    noun = "attempt" if n == 1 else "attempts"
    return (f"{n} failed {noun} to unlock since you last unlocked: {'; '.join(parts)}. "
            "If that was not you, someone may have tried to open this vault.")
