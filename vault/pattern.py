"""The pattern of incidents over time: how many of each behaviour, week by week.

Pure functions on incidents, shared by the app's picture and the bundle's chart, so both
show the same numbers. Weeks start on Monday; empty weeks between the first and the last
incident are kept (a quiet week is part of the pattern too).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from vault.model import Behaviour, Incident

NOT_STATED = "not stated"
ORDER: list[str] = [b.value for b in Behaviour] + [NOT_STATED]
_KNOWN = set(ORDER)


def incident_day(incident: Incident) -> date | None:
    """The calendar day an incident started on (as the person wrote it), or None."""
    try:
        return date.fromisoformat(incident.start[:10])
    except ValueError:
        return None


def week_start(day: date) -> date:
    """The Monday of the week holding `day`."""
    return day - timedelta(days=day.weekday())


def weekly_counts(incidents: Iterable[Incident]) -> list[tuple[date, dict[str, int]]]:
    """Every week from the first incident's to the last's, with counts by behaviour.

    An incident with several behaviours counts once under each; one with none counts under
    NOT_STATED; an unknown behaviour counts as "other". Incidents without a valid date are
    left out. Each dict holds only the behaviours seen that week (empty for a quiet week).
    """
    by_week: dict[date, dict[str, int]] = {}
    for inc in incidents:
        day = incident_day(inc)
        if day is None:
            continue
        week = by_week.setdefault(week_start(day), {})
        for b in inc.behaviours or [NOT_STATED]:
            key = b if b in _KNOWN else Behaviour.OTHER.value
            week[key] = week.get(key, 0) + 1
    if not by_week:
        return []
    first, last = min(by_week), max(by_week)
    out: list[tuple[date, dict[str, int]]] = []
    monday = first
    while monday <= last:
        seen = by_week.get(monday, {})
        out.append((monday, {b: seen[b] for b in ORDER if b in seen}))
        monday += timedelta(days=7)
    return out


def peak(weeks: list[tuple[date, dict[str, int]]]) -> int:
    """The tallest stacked bar: the largest sum of counts in one week (0 when none)."""
    return max((sum(counts.values()) for _, counts in weeks), default=0)
