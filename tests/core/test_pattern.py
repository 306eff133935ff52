"""The pattern of incidents week by week (vault.pattern)."""

from __future__ import annotations

from datetime import date

from vault.model import Incident
from vault.pattern import NOT_STATED, ORDER, peak, week_start, weekly_counts


def inc(start: str, *behaviours: str) -> Incident:
    return Incident(start=start, behaviours=list(behaviours))


def test_empty() -> None:
    assert weekly_counts([]) == []
    assert peak([]) == 0


def test_weeks_start_on_monday() -> None:
    assert week_start(date(2026, 11, 22)) == date(2026, 11, 16)  # a Sunday
    assert week_start(date(2026, 11, 16)) == date(2026, 11, 16)


def test_counts_by_behaviour_and_quiet_weeks_kept() -> None:
    weeks = weekly_counts([
        inc("2026-11-02", "following"),
        inc("2026-11-03T17:30:00+00:00", "following", "watching"),
        inc("2026-11-20", "contacting"),
    ])
    assert [w for w, _ in weeks] == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
    assert weeks[0][1] == {"following": 2, "watching": 1}
    assert weeks[1][1] == {}
    assert weeks[2][1] == {"contacting": 1}
    assert peak(weeks) == 3


def test_order_of_input_does_not_matter() -> None:
    a = [inc("2026-01-05", "gifts"), inc("2025-12-29", "threats"), inc("2026-01-06", "gifts")]
    assert weekly_counts(a) == weekly_counts(list(reversed(a)))


def test_no_behaviour_unknown_behaviour_and_bad_dates() -> None:
    weeks = weekly_counts([inc("2026-03-04"), inc("2026-03-05", "telepathy"), inc("not a date")])
    assert weeks == [(date(2026, 3, 2), {"other": 1, NOT_STATED: 1})]


def test_keys_follow_the_behaviour_order() -> None:
    weeks = weekly_counts([inc("2026-03-04", "threats", "following", "contacting")])
    keys = list(weeks[0][1])
    assert keys == sorted(keys, key=ORDER.index)


def test_across_a_year_end() -> None:
    weeks = weekly_counts([inc("2025-12-31", "following"), inc("2026-01-14", "following")])
    assert len(weeks) == 3
    assert weeks[0][0] == date(2025, 12, 29)
