"""The statutory holidays of each year, and which source says so (law.md §5).

Two sources, in this order: ``holidays.yaml`` (built in, and the lawyer's own in ``DRAFT_LAW_DIR``) and the
``chinese-calendar`` package. A year given in ``holidays.yaml`` replaces the package's for that year, so a
lawyer can add next year's schedule as soon as the State Council publishes it (国务院办公厅关于××年部分节假日
安排的通知), or correct a year. A year neither covers is unknown: callers must not guess it.

The file: ``{last_reviewed: DATE, years: {2027: {reference: …, holidays: [DATE…], workdays: [DATE…]}}}`` —
``holidays`` are the rest days of the statutory holidays, ``workdays`` the weekend days that are make-up
working days (调休上班). Reading is strict: every date real and in its year, no date both a holiday and a
workday, each workday a Saturday or Sunday, no date twice, a reference for each year.
"""

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Annotated

import chinese_calendar
from pydantic import Field, model_validator

from toolkit.case.datafiles import DataModel, IsoDate, Text, load_table, no_items

PACKAGE = f"chinese-calendar {chinese_calendar.__version__}"
PACKAGE_FIRST_YEAR: int = min(chinese_calendar.holidays).year
PACKAGE_LAST_YEAR: int = max(chinese_calendar.holidays).year
HOLIDAY_NAMES = {holiday.value: holiday.chinese for holiday in chinese_calendar.Holiday}


class HolidayYear(DataModel):
    reference: Text
    holidays: list[IsoDate] = Field(default_factory=no_items)
    workdays: list[IsoDate] = Field(default_factory=no_items)


class HolidayTable(DataModel):
    description: Text
    last_reviewed: IsoDate
    note: Text | None = None
    years: dict[Annotated[int, Field(ge=2000, le=2200)], HolidayYear] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> "HolidayTable":
        problems = [problem for year, entry in self.years.items() for problem in _year_problems(year, entry)]
        if problems:
            raise ValueError("；".join(problems))
        return self


def _year_problems(year: int, entry: HolidayYear) -> list[str]:
    problems: list[str] = []
    for name, days in (("holidays", entry.holidays), ("workdays", entry.workdays)):
        outside = [d.isoformat() for d in days if d.year != year]
        if outside:
            problems.append(f"years.{year}.{name} 中的 {'、'.join(outside)} 不在 {year} 年内")
        twice = sorted({d.isoformat() for d in days if days.count(d) > 1})
        if twice:
            problems.append(f"years.{year}.{name} 中的 {'、'.join(twice)} 写了两次")
    both = sorted(d.isoformat() for d in set(entry.holidays) & set(entry.workdays))
    if both:
        problems.append(f"years.{year}：{'、'.join(both)} 不能既是放假日又是调休上班日")
    weekdays = [d.isoformat() for d in entry.workdays if d.weekday() < 5]
    if weekdays:
        problems.append(f"years.{year}.workdays 中的 {'、'.join(weekdays)} 不是星期六或星期日：只列调休上班的周末")
    return problems


@functools.cache
def holiday_table() -> HolidayTable:
    """``holidays.yaml``, loaded once per process (built-in data merged with ``DRAFT_LAW_DIR``)."""
    return load_table("holidays.yaml", HolidayTable)


@dataclass(frozen=True)
class DayStatus:
    """Whether ``day`` is a working day (``None``: no data covers its year), why, and by which source."""

    day: dt.date
    working: bool | None
    reason: str  # 周末 | 春节假期 | 法定节假日 | 调休上班日 | 工作日 | 节假日数据未覆盖
    source: str | None  # "holidays.yaml（国务院办公厅关于…的通知）" or "chinese-calendar 1.11.0"


def year_source(year: int) -> str | None:
    """The source that decides ``year``'s working days, or ``None`` when no data covers it."""
    entry = holiday_table().years.get(year)
    if entry is not None:
        return f"holidays.yaml（{entry.reference}）"
    if PACKAGE_FIRST_YEAR <= year <= PACKAGE_LAST_YEAR:
        return PACKAGE
    return None


def day_status(day: dt.date) -> DayStatus:
    """The working-day status of ``day`` from the first source that covers its year."""
    source = year_source(day.year)
    weekend = day.weekday() >= 5
    entry = holiday_table().years.get(day.year)
    if entry is not None:
        if day in entry.workdays:
            return DayStatus(day, True, "调休上班日", source)
        if day in entry.holidays:
            return DayStatus(day, False, "法定节假日", source)
        return DayStatus(day, not weekend, "周末" if weekend else "工作日", source)
    if source is None:
        return DayStatus(day, None, "节假日数据未覆盖", None)
    if chinese_calendar.is_workday(day):
        return DayStatus(day, True, "调休上班日" if weekend else "工作日", source)
    _, name = chinese_calendar.get_holiday_detail(day)
    reason = f"{HOLIDAY_NAMES.get(name, name)}假期" if name else "周末"
    return DayStatus(day, False, reason, source)


def covered_years() -> list[tuple[int, int, str]]:
    """The runs of consecutive years each source decides, as (first, last, source), for ``draft data``."""
    user = holiday_table().years
    runs: list[tuple[int, int, str]] = []
    for year in sorted({*range(PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR + 1), *user}):
        source = "holidays.yaml" if year in user else PACKAGE
        if runs and runs[-1][2] == source and runs[-1][1] == year - 1:
            runs[-1] = (runs[-1][0], year, source)
        else:
            runs.append((year, year, source))
    return runs
