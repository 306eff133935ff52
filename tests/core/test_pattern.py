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


def test_period_counts_choose_the_unit_from_the_span() -> None:
    from vault.pattern import period_counts

    short = [Incident(start="2026-01-05", behaviours=["following"]),
             Incident(start="2026-02-20T08:00+00:00", behaviours=["watching", "following"])]
    unit, periods = period_counts(short)
    assert unit == "week" and periods[0][0] == date(2026, 1, 5)
    long = [Incident(start="2025-01-31"), Incident(start="2025-03-01", behaviours=["threats"]),
            Incident(start="2025-06-15", behaviours=["nonsense"])]
    unit, periods = period_counts(long)
    assert unit == "month"
    assert [p for p, _ in periods] == [date(2025, m, 1) for m in range(1, 7)]
    assert periods[0][1] == {"not stated": 1} and periods[2][1] == {"threats": 1}
    assert periods[5][1] == {"other": 1} and periods[1][1] == {}
    unit, periods = period_counts(long + [Incident(start="2029-01-01")])
    assert unit == "quarter" and periods[0][0] == date(2025, 1, 1)
    assert sum(sum(c.values()) for _, c in periods) == 4


def test_the_bundle_chart_shows_the_same_numbers() -> None:
    from vault.bundle.pdf.chart import chart
    from vault.pattern import period_counts

    incs = [Incident(start=f"2026-0{m}-1{m}", behaviours=["following", "loitering"])
            for m in range(1, 6)]
    drawing = chart(incs, 400)
    assert drawing is not None
    bars = next(c for c in drawing.contents if hasattr(c, "data"))
    _, periods = period_counts(incs)
    assert sum(map(sum, bars.data)) == sum(sum(c.values()) for _, c in periods) == 10
