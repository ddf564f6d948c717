"""Calendar arithmetic for legal periods: months, years, and the last day of a period (law.md §5, §6).

- "+ n months" keeps the day of the month and falls back to the month's last day when it has none
  (《中华人民共和国民法典》第二百零二条).
- A period whose last day is not a working day ends on the next working day (民法典 第二百零三条;
  民事诉讼法 第八十五条第三款). Working days come from :mod:`toolkit.law.holidays`: weekends and statutory
  holidays are not working days, an official make-up working day (调休上班) is.
- **A day no holiday data covers is never guessed** (law.md §5): a weekend day may be a make-up working
  day, a weekday may be a holiday. The end stops on the first such day, the earliest the period can end,
  and :attr:`PeriodEnd.if_rest_day` gives the day it would move to were that day a rest day (counting
  weekends only, so the schedule may move it further still). A lawyer is never told a later day than the
  law may give.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
import functools

from toolkit.law.figures import DataGap, PeriodEnd
from toolkit.law.holidays import day_status, year_source


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


WEEKDAYS = "一二三四五六日"


def weekday(day: dt.date) -> str:
    """2026-12-05 → 星期六."""
    return f"星期{WEEKDAYS[day.weekday()]}"


def holidays_known(year: int) -> bool:
    """Whether ``holidays.yaml`` or the ``chinese-calendar`` package holds the holidays of ``year``."""
    return year_source(year) is not None


def is_working_day(d: dt.date) -> bool | None:
    """Whether ``d`` is a working day; ``None`` for a year no holiday data covers."""
    return day_status(d).working


def _first_possible_working_day(d: dt.date) -> dt.date:
    """``d`` or the first day after it that is a working day, a day of an uncovered year counting as one
    when it is a weekday (the "if a rest day" estimate)."""
    while not (d.weekday() < 5 if is_working_day(d) is None else is_working_day(d)):
        d += dt.timedelta(days=1)
    return d


def _period_last_day(unadjusted: dt.date) -> PeriodEnd:
    """The last day ``unadjusted`` moved past every known rest day, stopping on the first unknown day."""
    day, moved_over = unadjusted, []
    status = day_status(day)
    while status.working is False:
        moved_over.append(status)
        day += dt.timedelta(days=1)
        status = day_status(day)
    if status.working is None:
        later = _first_possible_working_day(day + dt.timedelta(days=1))
        return PeriodEnd(unadjusted, day, later, tuple(moved_over), (_gap(day, later),))
    return PeriodEnd(unadjusted, day, None, tuple(moved_over), ())


# Remembered, like the holiday table it reads (the cases of a batch share their dates); wrapped here
# rather than decorated so that mutation testing, which skips decorated functions, reaches its body.
period_last_day = functools.lru_cache(maxsize=4096)(_period_last_day)


def _gap(day: dt.date, later: dt.date) -> DataGap:
    return DataGap(
        "holidays_missing",
        day,
        f"{day.year} 年的放假安排不在节假日数据中（chinese-calendar 与 holidays.yaml 均未覆盖），"
        f"无法确认 {day.isoformat()} 是否为工作日：按该日本身计算（最早可能的届满日）；"
        f"如该日为休息日，顺延至 {later.isoformat()}（只按周末推算，放假安排可能使其更晚）。"
        f"请按国务院办公厅公布的 {day.year} 年放假安排在 DRAFT_LAW_DIR 的 holidays.yaml 中补充该年"
        "（见 docs/legal-data.md）",
    )
