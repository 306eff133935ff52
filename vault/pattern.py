"""The pattern of incidents over time: how many of each behaviour, week by week.

Pure functions on incidents, shared by the app's picture and the bundle's chart, so both
show the same numbers. Weeks start on Monday; empty weeks between the first and the last
incident are kept (a quiet week is part of the pattern too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


def month_start(day: date) -> date:
    return day.replace(day=1)


def quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _next_week(start: date) -> date:
    return start + timedelta(days=7)


def _next_month(start: date, months: int = 1) -> date:
    m = start.month - 1 + months
    return date(start.year + m // 12, m % 12 + 1, 1)


UNITS: dict[str, tuple[Callable[[date], date], Callable[[date], date]]] = {
    "week": (week_start, _next_week),
    "month": (month_start, _next_month),
    "quarter": (quarter_start, lambda d: _next_month(d, 3)),
}


def unit_for_span(first: date, last: date) -> str:
    """Weeks over two months or less, months up to three years, quarters beyond."""
    span = (last - first).days
    return "week" if span <= 62 else "month" if span <= 3 * 365 else "quarter"


def period_counts(
    incidents: Iterable[Incident], unit: str = ""
) -> tuple[str, list[tuple[date, dict[str, int]]]]:
    """Every period from the first incident's to the last's, with counts by behaviour.

    An incident with several behaviours counts once under each; one with none counts under
    NOT_STATED; an unknown behaviour counts as "other". Incidents without a valid date are
    left out. Each dict holds only the behaviours seen in that period (empty for a quiet
    one). With no `unit`, one is chosen from the span (see unit_for_span). The app's picture
    and the bundle's chart both come from here, so they always agree.
    """
    dated = [(day, inc) for inc in incidents if (day := incident_day(inc)) is not None]
    if not dated:
        return unit or "week", []
    days = [day for day, _ in dated]
    unit = unit or unit_for_span(min(days), max(days))
    start_of, step = UNITS[unit]
    by_period: dict[date, dict[str, int]] = {}
    for day, inc in dated:
        period = by_period.setdefault(start_of(day), {})
        for b in inc.behaviours or [NOT_STATED]:
            key = b if b in _KNOWN else Behaviour.OTHER.value
            period[key] = period.get(key, 0) + 1
    first, last = min(by_period), max(by_period)
    out: list[tuple[date, dict[str, int]]] = []
    start = first
    while start <= last:
        seen = by_period.get(start, {})
        out.append((start, {b: seen[b] for b in ORDER if b in seen}))
        start = step(start)
    return unit, out


def weekly_counts(incidents: Iterable[Incident]) -> list[tuple[date, dict[str, int]]]:
    """period_counts week by week (the app's picture of the pattern)."""
    return period_counts(incidents, "week")[1]


def peak(weeks: list[tuple[date, dict[str, int]]]) -> int:
    """The tallest stacked bar: the largest sum of counts in one week (0 when none)."""
    return max((sum(counts.values()) for _, counts in weeks), default=0)
