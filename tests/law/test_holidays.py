"""holidays.yaml: the lawyer's own holiday schedule for a year, read strictly and merged over the package's
(law.md §5). Dates in 2099 throughout: no release of chinese-calendar will cover that year, so these tests
do not change meaning when the dependency updates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from toolkit.errors import LegalDataError
from toolkit.law.calendar import is_working_day
from toolkit.law.deadlines import period_end
from toolkit.law.holidays import (
    PACKAGE,
    PACKAGE_FIRST_YEAR,
    PACKAGE_LAST_YEAR,
    DayStatus,
    covered_years,
    day_status,
    holiday_table,
    year_source,
)

d = dt.date
REFERENCE = "国务院办公厅关于2099年部分节假日安排的通知"
# A schedule typed for the test (no such notice exists): National Day 10-01 … 10-07 off (Thursday to
# Wednesday, the weekend of 10-03/10-04 inside), Saturday 10-10 a make-up working day.
NATIONAL_DAY = f"""last_reviewed: 2099-01-01
years:
  2099:
    reference: {REFERENCE}
    holidays: [2099-10-01, 2099-10-02, 2099-10-03, 2099-10-04, 2099-10-05, 2099-10-06, 2099-10-07]
    workdays: [2099-10-10]
"""


def _user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    (tmp_path / "holidays.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    holiday_table.cache_clear()
    return tmp_path / "holidays.yaml"


def test_the_built_in_table_adds_no_year() -> None:
    assert holiday_table().years == {}
    assert covered_years() == [(2004, 2026, PACKAGE)]
    assert day_status(d(2099, 10, 3)).working is None and day_status(d(2099, 10, 3)).source is None


def test_a_weekend_deadline_in_2099_without_data_is_the_last_day_itself() -> None:
    """2099-09-18 + 15 = 2099-10-03, a Saturday. No data: reported as it is; if a rest day, Monday 10-05."""
    end = period_end(d(2099, 9, 18), days=15)
    assert (end.day, end.if_rest_day, end.moved_over) == (d(2099, 10, 3), d(2099, 10, 5), ())


def test_the_same_deadline_with_a_holidays_yaml_covering_2099(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the schedule above, 10-03 … 10-07 are rest days: the deadline moves to Thursday 2099-10-08, each
    day moved over named with holidays.yaml as its source; nothing is left unknown."""
    _user_file(tmp_path, monkeypatch, NATIONAL_DAY)
    end = period_end(d(2099, 9, 18), days=15)
    assert end.day == d(2099, 10, 8) and end.if_rest_day is None and end.gaps == ()
    assert [s.day for s in end.moved_over] == [d(2099, 10, k) for k in range(3, 8)]
    assert {s.source for s in end.moved_over} == {f"holidays.yaml（{REFERENCE}）"}
    assert is_working_day(d(2099, 10, 10)) is True  # a Saturday, but a make-up working day
    assert is_working_day(d(2099, 10, 11)) is False  # the Sunday after it: a plain weekend day
    assert covered_years() == [(2004, 2026, PACKAGE), (2099, 2099, "holidays.yaml")]


def test_each_day_of_a_year_given_says_why_and_which_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under the schedule above: 10-01 a holiday, Saturday 10-10 a make-up working day, Sunday 10-11 a plain
    weekend day, Monday 10-12 a plain working day, each with holidays.yaml and its notice as the source."""
    _user_file(tmp_path, monkeypatch, NATIONAL_DAY)
    source = f"holidays.yaml（{REFERENCE}）"
    assert day_status(d(2099, 10, 1)) == DayStatus(d(2099, 10, 1), False, "法定节假日", source)
    assert day_status(d(2099, 10, 10)) == DayStatus(d(2099, 10, 10), True, "调休上班日", source)
    assert day_status(d(2099, 10, 11)) == DayStatus(d(2099, 10, 11), False, "周末", source)
    assert day_status(d(2099, 10, 12)) == DayStatus(d(2099, 10, 12), True, "工作日", source)


def test_each_day_of_a_package_year_says_why() -> None:
    """2026 from the package: 国务院办公厅关于2026年部分节假日安排的通知 gives 国庆节 10-01 (Thursday) … 10-07 off,
    Sunday 09-20 and Saturday 10-10 worked. Monday 10-12 is a plain working day, Saturday 10-17 a plain weekend."""
    assert day_status(d(2026, 10, 1)) == DayStatus(d(2026, 10, 1), False, "国庆节假期", PACKAGE)
    assert day_status(d(2026, 10, 10)) == DayStatus(d(2026, 10, 10), True, "调休上班日", PACKAGE)
    assert day_status(d(2026, 10, 12)) == DayStatus(d(2026, 10, 12), True, "工作日", PACKAGE)
    assert day_status(d(2026, 10, 17)) == DayStatus(d(2026, 10, 17), False, "周末", PACKAGE)
    assert day_status(d(2099, 10, 12)) == DayStatus(d(2099, 10, 12), None, "节假日数据未覆盖", None)


def test_the_package_decides_from_its_first_year_to_its_last() -> None:
    assert year_source(PACKAGE_FIRST_YEAR) == PACKAGE and year_source(PACKAGE_LAST_YEAR) == PACKAGE
    assert year_source(PACKAGE_FIRST_YEAR - 1) is None and year_source(PACKAGE_LAST_YEAR + 1) is None


def test_a_make_up_saturday_is_the_deadline_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """2099-09-25 + 15 = 2099-10-10, the make-up Saturday: a working day, so the deadline does not move."""
    _user_file(tmp_path, monkeypatch, NATIONAL_DAY)
    end = period_end(d(2099, 9, 25), days=15)
    assert (end.day, end.moved_over, end.if_rest_day) == (d(2099, 10, 10), (), None)


def test_a_year_given_replaces_the_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """law.md §5: a year in holidays.yaml replaces the package's. An (invented) 2026 with no holidays makes
    2026-10-01, a Thursday of the package's National Day, a working day."""
    assert is_working_day(d(2026, 10, 1)) is False
    _user_file(tmp_path, monkeypatch, "last_reviewed: 2026-12-01\nyears:\n  2026: {reference: 测试用安排}\n")
    assert is_working_day(d(2026, 10, 1)) is True
    assert day_status(d(2026, 10, 3)).reason == "周末"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("    holidays: [2098-12-31]\n", "不在 2099 年内"),
        ("    holidays: [2099-10-01]\n    workdays: [2099-10-03, 2099-10-01]\n", "不能既是放假日又是调休上班日"),
        ("    workdays: [2099-10-05]\n", "不是星期六或星期日"),
        ("    holidays: [2099-10-01, 2099-10-01]\n", "写了两次"),
        ("    holidays: [2099-02-30]\n", "不是有效的日期"),
        ("    holiday: [2099-10-01]\n", "不认识的字段"),
    ],
)
def test_a_wrong_schedule_is_refused_with_its_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, reason: str
) -> None:
    path = _user_file(tmp_path, monkeypatch, f"last_reviewed: 2099-01-01\nyears:\n  2099:\n    reference: 通知\n{body}")
    with pytest.raises(LegalDataError) as caught:
        holiday_table()
    assert reason in caught.value.message and str(path) in caught.value.message


def test_a_reference_is_required(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _user_file(tmp_path, monkeypatch, "last_reviewed: 2099-01-01\nyears:\n  2099:\n    holidays: [2099-10-01]\n")
    with pytest.raises(LegalDataError) as caught:
        holiday_table()
    assert "years.2099.reference" in caught.value.message and f"{path}:3" in caught.value.message  # the year's line
