"""Months, working days and the holiday facts the deadline scenarios rely on (law.md §5, §6)."""

from __future__ import annotations

import calendar
import datetime as dt

import chinese_calendar
from hypothesis import given
from hypothesis import strategies as st

from toolkit.law.calendar import add_months, add_years, holidays_known, is_working_day
from toolkit.law.deadlines import period_end


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def test_holiday_facts_behind_the_deadline_scenarios() -> None:
    """Read straight from chinese-calendar's tables, not through the toolkit."""
    holidays, workdays = chinese_calendar.holidays, chinese_calendar.workdays
    # 国庆节 2026: 10-01..10-07 off; 10-08 a Thursday, not a holiday.
    assert all(d in holidays for d in _days(dt.date(2026, 10, 1), dt.date(2026, 10, 7)))
    assert dt.date(2026, 10, 8) not in holidays and dt.date(2026, 10, 8).weekday() == 3
    # 春节 2026: 02-15..02-23 off; 02-24 a Tuesday; Saturday 02-28 is a make-up working day.
    assert all(d in holidays for d in _days(dt.date(2026, 2, 15), dt.date(2026, 2, 23)))
    assert dt.date(2026, 2, 24) not in holidays and dt.date(2026, 2, 24).weekday() == 1
    assert dt.date(2026, 2, 28) in workdays and dt.date(2026, 2, 28).weekday() == 5
    # Plain weekends used by scenarios: not make-up days, and the Mondays after them are not holidays.
    for saturday, monday in [
        (dt.date(2026, 7, 11), dt.date(2026, 7, 13)),
        (dt.date(2026, 12, 5), dt.date(2026, 12, 7)),
        (dt.date(2025, 3, 15), dt.date(2025, 3, 17)),
    ]:
        assert saturday.weekday() == 5 and saturday not in workdays
        assert saturday + dt.timedelta(days=1) not in workdays
        assert monday.weekday() == 0 and monday not in holidays
    assert dt.date(2023, 2, 28) not in holidays and dt.date(2023, 2, 28).weekday() == 1
    # The scenarios need 2026 covered; later years are not assumed either way (a newer package may add
    # 2027): the uncovered-year rule is tested on 2099, which no release will cover.
    assert max(holidays).year >= 2026


def test_make_up_working_day_counts_as_working() -> None:
    assert is_working_day(dt.date(2026, 2, 28))
    assert not is_working_day(dt.date(2026, 10, 1))
    # 10-01 (Thursday) + 0 days: 10-01..10-07 are the National Day holiday, 10-08 the next working day.
    end = period_end(dt.date(2026, 10, 1))
    assert end.day == dt.date(2026, 10, 8) and [s.day for s in end.moved_over] == _days(
        dt.date(2026, 10, 1), dt.date(2026, 10, 7)
    )
    assert all(s.source == "chinese-calendar 1.11.0" for s in end.moved_over)


def test_a_year_without_holiday_data_is_not_guessed() -> None:
    """law.md §5: no data for 2099 (no release will cover it), so neither a weekday nor a weekend day is
    known to be a working day; a period ending there ends on its last day itself."""
    assert not holidays_known(2099)
    assert is_working_day(dt.date(2099, 1, 2)) is None  # a Friday
    assert is_working_day(dt.date(2099, 1, 3)) is None  # a Saturday
    # 2098-12-19 + 15 days = 2099-01-03, a Saturday: reported as it is; if a rest day, Monday 01-05.
    end = period_end(dt.date(2098, 12, 19), days=15)
    assert (end.unadjusted, end.day, end.if_rest_day) == (dt.date(2099, 1, 3), dt.date(2099, 1, 3), dt.date(2099, 1, 5))
    assert [(g.kind, g.day) for g in end.gaps] == [("holidays_missing", dt.date(2099, 1, 3))]
    assert "2099-01-05" in end.gaps[0].detail and "holidays.yaml" in end.gaps[0].detail


def test_a_known_rest_day_moves_into_an_unknown_year_and_stops_there() -> None:
    """2026-12-31 is a Thursday and a working day; 2026-12-27 is a Sunday (chinese-calendar): + 0 days from
    a covered rest day moves to the next day, and stops on the first day of an uncovered year."""
    assert dt.date(2026, 12, 27) in chinese_calendar.holidays or dt.date(2026, 12, 27).weekday() == 6
    end = period_end(dt.date(2026, 12, 27))
    assert end.day == dt.date(2026, 12, 28) and end.if_rest_day is None  # Monday, a working day in 2026


def test_add_months_falls_back_to_month_end() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 3, 10), 2) == dt.date(2026, 5, 10)
    assert add_months(dt.date(2026, 11, 15), 2) == dt.date(2027, 1, 15)
    assert add_months(dt.date(2026, 3, 10), -3) == dt.date(2025, 12, 10)


def test_anchored_months_return_to_the_31st() -> None:
    first = dt.date(2027, 1, 31)
    dates = [add_months(first, k, anchor_day=31) for k in range(4)]
    assert dates == [dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 3, 31), dt.date(2027, 4, 30)]
    # without the anchor, chaining from 02-28 would stay on the 28th
    assert add_months(dt.date(2027, 2, 28), 1) == dt.date(2027, 3, 28)


def test_add_years_from_leap_day() -> None:
    assert add_years(dt.date(2020, 2, 29), 3) == dt.date(2023, 2, 28)
    assert add_years(dt.date(2020, 2, 29), 4) == dt.date(2024, 2, 29)


dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31))


@given(dates, st.integers(min_value=-240, max_value=240), st.none() | st.integers(min_value=1, max_value=31))
def test_add_months_never_invents_a_date(d: dt.date, n: int, anchor: int | None) -> None:
    result = add_months(d, n, anchor_day=anchor)
    wanted = d.day if anchor is None else anchor
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == n
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(wanted, last)


@given(dates, st.integers(min_value=1, max_value=60))
def test_deadlines_never_end_later_than_the_law_gives(start: dt.date, days: int) -> None:
    """Every day moved over is a known rest day; the end is a known working day or the first unknown day."""
    end = period_end(start, days=days)
    assert end.unadjusted == start + dt.timedelta(days=days)
    assert [s.day for s in end.moved_over] == _days(end.unadjusted, end.day)[:-1]
    assert all(is_working_day(s.day) is False for s in end.moved_over)
    for status in end.moved_over:  # independent oracle: the package itself
        assert not chinese_calendar.is_workday(status.day)
    if holidays_known(end.day.year):
        assert chinese_calendar.is_workday(end.day) and end.if_rest_day is None and end.gaps == ()
    else:
        assert end.if_rest_day is not None and end.if_rest_day > end.day and len(end.gaps) == 1
