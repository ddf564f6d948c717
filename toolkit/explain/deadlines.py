"""The answer deadline, and how any period's last day moves off weekends and statutory holidays.

The answer period runs from the day after service (民事诉讼法第一百二十八条); a last day that is not a
working day moves to the next one, and the lines name each day skipped and why (the holiday, or the
weekend). :func:`moved_lines` is shared with the limitation period, which moves the same way.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

from toolkit.case.models import Case
from toolkit.law.calendar import holidays_known
from toolkit.law.citations import citation, cite_all
from toolkit.law.figures import Figures
from toolkit.law.money import cn_date

WEEKDAYS = "一二三四五六日"
HOLIDAY_NAMES = {holiday.value: holiday.chinese for holiday in chinese_calendar.Holiday}


def weekday(day: dt.date) -> str:
    """2026-12-05 → 星期六."""
    return f"星期{WEEKDAYS[day.weekday()]}"


def day_off_reason(day: dt.date) -> str:
    """Why a day is not a working day: the statutory holiday it belongs to, or the weekend."""
    if holidays_known(day.year):
        _, name = chinese_calendar.get_holiday_detail(day)
        if name:
            return f"{HOLIDAY_NAMES.get(name, name)}假期"
    return "周末"


def moved_lines(unadjusted: dt.date, day: dt.date, provision: str) -> list[str]:
    """How a period's last day moved off weekends and statutory holidays (or why it did not)."""
    if day == unadjusted:
        lines = [f"{cn_date(day)}（{weekday(day)}）是工作日，不顺延。"]
    else:
        skipped = [unadjusted + dt.timedelta(days=k) for k in range((day - unadjusted).days)]
        listed = "、".join(f"{cn_date(d)}（{weekday(d)}，{day_off_reason(d)}）" for d in skipped)
        lines = [
            f"该日不是工作日，顺延到下一个工作日：跳过 {listed}，落在 {cn_date(day)}（{weekday(day)}）。"
            f"依据：{provision}"
        ]
    if not (holidays_known(unadjusted.year) and holidays_known(day.year)):
        lines.append(f"节假日数据未覆盖 {day.year} 年，只按周末判断是否工作日：请对照国务院办公厅公布的放假安排核对。")
    return lines


def answer_deadline_lines(case: Case, figures: Figures) -> list[str]:
    court = case.court
    if court is None or figures.answer_deadline is None or figures.answer_deadline_unadjusted is None:
        return ["案件文件没有收到起诉状副本之日（court.served_on），不计算答辩期限。"] if court else []
    unadjusted, day = figures.answer_deadline_unadjusted, figures.answer_deadline
    period = citation("civil_procedure_85")
    lines = [
        f"收到起诉状副本之日 {cn_date(court.served_on or day)}，当日不计入；"
        f"加答辩期 {court.answer_period_days} 日，"
        f"期间最后一日为 {cn_date(unadjusted)}（{weekday(unadjusted)}）。"
        f"依据：{cite_all(['civil_procedure_128'])}"
    ]
    lines += moved_lines(unadjusted, day, period.text + (f"（{period.verify}）" if period.verify else ""))
    lines.append(f"答辩期限：{cn_date(day)}。")
    if case.signing.date is not None:
        late = case.signing.date > day
        where = f"已过答辩期限。依据：{cite_all(['civil_procedure_128_2'])}" if late else "在答辩期限内。"
        lines.append(f"落款日期 {cn_date(case.signing.date)}{where}")
    return lines
