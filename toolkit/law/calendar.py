"""Calendar arithmetic for legal periods: months, working days (law.md §5, §6).

- "+ n months" keeps the day of the month and falls back to the month's last day when it has none
  (《中华人民共和国民法典》第二百零二条).
- A period whose last day is not a working day ends on the next working day (民法典 第二百零三条;
  民事诉讼法 期间条款). Working days come from the ``chinese-calendar`` package: weekends and statutory
  holidays are not working days, an official make-up working day (调休上班) is. For a year the package
  does not cover, only weekends are known: callers record that as a ``holidays_missing`` gap.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt

import chinese_calendar

from toolkit.law.figures import DataGap

_FIRST_YEAR: int = min(chinese_calendar.holidays).year
_LAST_YEAR: int = max(chinese_calendar.holidays).year


def add_months(d: dt.date, n: int, anchor_day: int | None = None) -> dt.date:
    """``d`` moved by ``n`` months, on ``anchor_day`` (default: ``d``'s day) or the month's last day.

    The anchor keeps a schedule on its day: from 01-31, month by month, 02-28 (or 02-29), 03-31, 04-30.
    """
    day = d.day if anchor_day is None else anchor_day
    if not 1 <= day <= 31:
        raise ValueError(f"anchor_day must be 1..31, not {day}")
    months = d.year * 12 + (d.month - 1) + n
    year, month = divmod(months, 12)
    month += 1
    return dt.date(year, month, min(day, stdlib_calendar.monthrange(year, month)[1]))


def add_years(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` years on the same day; 02-29 falls back to 02-28 (民法典 第二百零二条)."""
    return add_months(d, 12 * n)


def holidays_known(year: int) -> bool:
    """Whether the installed ``chinese-calendar`` holds the statutory holidays of ``year``."""
    return _FIRST_YEAR <= year <= _LAST_YEAR


def is_working_day(d: dt.date) -> bool:
    """Not a weekend or statutory holiday, or an official make-up working day; weekends only when unknown."""
    if holidays_known(d.year):
        return bool(chinese_calendar.is_workday(d))
    return d.weekday() < 5


def next_working_day_on_or_after(d: dt.date) -> dt.date:
    """``d`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(d):
        d += dt.timedelta(days=1)
    return d


def holiday_gaps(first: dt.date, last: dt.date) -> tuple[DataGap, ...]:
    """One ``holidays_missing`` gap for each year in ``first``..``last`` the holiday data do not cover."""
    return tuple(
        DataGap(
            "holidays_missing",
            max(first, dt.date(year, 1, 1)),
            f"节假日数据（chinese-calendar {chinese_calendar.__version__}）只包含 "
            f"{_FIRST_YEAR}—{_LAST_YEAR} 年，{year} 年只按周末判断工作日，"
            "未计入法定节假日和调休：请对照国务院办公厅公布的放假安排核对",
        )
        for year in range(first.year, last.year + 1)
        if not holidays_known(year)
    )
