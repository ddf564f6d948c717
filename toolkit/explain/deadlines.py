"""The answer deadline, and how any period's last day moves off weekends and statutory holidays.

The answer period runs from the day after service (民事诉讼法 第一百二十八条, 第八十五条第二款); a last day
that is not a working day moves to the next one, and the lines name each day moved over, why (the
holiday, or the weekend) and which source said so (``holidays.yaml`` or the ``chinese-calendar``
package). A day no source covers is not guessed: the lines say the period is taken to end on it, the
earliest the law may give, and where it would move were it a rest day. :func:`moved_lines` is shared
with the limitation period, which moves the same way.
"""

from __future__ import annotations

from toolkit.case.models import Case
from toolkit.law.calendar import weekday
from toolkit.law.citations import cite_all
from toolkit.law.figures import Figures, PeriodEnd
from toolkit.law.holidays import day_status
from toolkit.law.money import cn_date


def moved_lines(end: PeriodEnd, provision: str) -> list[str]:
    """How a period's last day moved off rest days (or why it did not), each day with its source."""
    day = end.day
    if end.if_rest_day is None:
        source = day_status(day).source
        if not end.moved_over:
            return [f"{cn_date(day)}（{weekday(day)}）是工作日，不顺延（据 {source}）。"]
        landing = f"{cn_date(day)}（{weekday(day)}，工作日，据 {source}）"
    else:
        landing = f"{cn_date(day)}（{weekday(day)}）"
    lines: list[str] = []
    if end.moved_over:
        listed = "、".join(f"{cn_date(s.day)}（{weekday(s.day)}，{s.reason}，据 {s.source}）" for s in end.moved_over)
        lines.append(f"该日不是工作日，顺延：跳过 {listed}，落在 {landing}。依据：{provision}")
    if end.if_rest_day is not None:
        later = end.if_rest_day
        lines.append(
            f"{day.year} 年的放假安排不在节假日数据中（chinese-calendar 与 holidays.yaml 均未覆盖），"
            f"无法确认 {cn_date(day)}（{weekday(day)}）是否为工作日：周末可能调休上班，工作日可能放假。"
            f"按该日本身计算，这是最早可能的届满日；如该日为休息日，顺延至 {cn_date(later)}（{weekday(later)}，"
            "只按周末推算，放假安排可能使其更晚）。补充该年放假安排的方法见 docs/legal-data.md。"
        )
    return lines


def answer_deadline_lines(case: Case, figures: Figures) -> list[str]:
    court = case.court
    if court is None:
        return []
    if figures.answer_period_days is None:
        return [
            f"本案适用{court.procedure or '简易程序或小额诉讼程序'}，答辩期由人民法院确定，案件文件没有写明"
            "（court.answer_period_days）：不推定答辩期限，请按应诉通知书填写。"
            f"依据：{cite_all(['civil_procedure_interpretation_266'])}"
        ]
    end = figures.answer_deadline_end
    if court.served_on is None or end is None:
        return ["案件文件没有收到起诉状副本之日（court.served_on），不计算答辩期限。"]
    if court.answer_period_days is not None:
        period = f"答辩期 {figures.answer_period_days} 日（案件文件写明）"
    elif court.procedure is None:
        period = f"答辩期 {figures.answer_period_days} 日（未写审理程序，暂按普通程序计算，请对照应诉通知书核对）"
    else:
        period = f"答辩期 {figures.answer_period_days} 日（{court.procedure}）"
    lines = [
        f"收到起诉状副本之日 {cn_date(court.served_on)}，当日不计入；加{period}，"
        f"期间最后一日为 {cn_date(end.unadjusted)}（{weekday(end.unadjusted)}）。"
        f"依据：{cite_all(['civil_procedure_128', 'civil_procedure_85_2'])}"
    ]
    lines += moved_lines(end, cite_all(["civil_procedure_85_3"]))
    lines.append(f"答辩期限：{cn_date(end.day)}。")
    if case.signing.date is not None:
        late = case.signing.date > end.day
        cited = cite_all(["civil_procedure_128_2", "civil_procedure_130_1"])
        where = f"已过答辩期限，也已不能提出管辖权异议。依据：{cited}" if late else "在答辩期限内。"
        lines.append(f"落款日期 {cn_date(case.signing.date)}{where}")
    return lines
