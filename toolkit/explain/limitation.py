"""The limitation period: its start, each event in date order and what it did, the three years added, the
move off non-working days, and the verdict on the day the suit was submitted (law.md §5).

An event restarts the three years only while the period runs (民法典 第一百九十五条); an event after expiry
is listed with why it does not count, a disputed one with why it is left out. The verdict is judged on
the submission of the complaint (诉讼时效规定 第十条), the registration standing in when it is unknown.
"""

from __future__ import annotations

from toolkit.case.models import Case
from toolkit.explain.deadlines import moved_lines
from toolkit.law.arguments import cite_argument
from toolkit.law.calendar import weekday
from toolkit.law.citations import cite_all
from toolkit.law.deadlines import EVENT_NAMES
from toolkit.law.figures import Figures, LimitationEvent
from toolkit.law.money import cn_date, yuan


def _event_line(event: LimitationEvent) -> str:
    what = EVENT_NAMES[event.kind] + (f" {yuan(event.amount)} 元" if event.amount is not None else "")
    what += f"（{event.note}）" if event.note else ""
    head = f"{cn_date(event.date)} {what}："
    if event.effect == "restart":
        return head + f"在当时的时效期间内（至 {cn_date(event.expires_before)}），时效中断，自该日重新计算三年。"
    if event.effect == "before_start":
        return head + "不晚于时效起算日，不影响起算。"
    if event.effect == "disputed":
        return head + (
            "借款人否认，不计入；是否到达借款人由原告举证证明，答辩状对此提出异议。"
            f"依据：{cite_argument('demand_must_arrive')}"
        )
    head += f"发生在时效届满（{cn_date(event.expires_before)}）之后，不使时效重新计算（中断只适用于正在进行的时效）"
    if event.kind == "demand":
        return head + "。"
    cited = cite_all(["limitation_rules_19"])
    return head + f"；但时效届满后自愿履行或同意履行的，不得再以时效届满抗辩，见检查结果。依据：{cited}"


def limitation_lines(case: Case, figures: Figures) -> list[str]:
    end = figures.limitation_end
    if end is None:
        return []
    instalments = case.loan.repayment != "bullet"
    due = "最后一期履行期限届满之日" if instalments else "最后还款日"
    basis = ["civil_code_188", "civil_code_189"] if instalments else ["civil_code_188"]
    lines = [f"诉讼时效自{due} {cn_date(figures.final_due_date)} 起算，期间三年。依据：{cite_all(basis)}"]
    if figures.limitation_events:
        lines.append(
            "还款（部分履行即承认债务）和时效中断事由按日期先后逐一判断，只有在当时的时效期间内发生的才使时效"
            f"重新计算。依据：{cite_all(['civil_code_195', 'limitation_rules_14'])}"
        )
        lines += [f"· {_event_line(event)}" for event in figures.limitation_events]
    start = figures.limitation_start
    leap = "；起算日为2月29日，三年后没有对应日，取2月28日" if (start.month, start.day) == (2, 29) else ""
    lines.append(
        f"最后一次起算 {cn_date(start)}，加三年：{cn_date(end.unadjusted)}"
        f"（{weekday(end.unadjusted)}）{leap}。依据：{cite_all(['civil_code_188', 'civil_code_202'])}"
    )
    lines += moved_lines(end, cite_all(["civil_code_203"]))
    lines.append(_verdict(case, figures))
    return lines


def _verdict(case: Case, figures: Figures) -> str:
    expires, suit, court = cn_date(figures.limitation_expires), figures.limitation_suit_day, case.court
    if suit is None or figures.limitation_expired is None:
        return f"诉讼时效至 {expires} 届满；没有起诉日或立案日，无法判断起诉时是否已过。"
    if court is not None and court.submitted_on is not None:
        when = f"起诉日（提交起诉状之日） {cn_date(suit)} "
    else:
        when = f"立案日（不知道起诉日，以立案日代替；时效自提交起诉状之日中断） {cn_date(suit)} "
    cited = cite_all(["limitation_rules_10"])
    if figures.limitation_expired:
        return (
            f"{when}晚于 {expires}：诉讼时效已届满。法院不会主动适用，答辩时必须提出，且应在一审提出。"
            f"依据：{cite_all(['limitation_rules_10', 'civil_code_193', 'limitation_rules_3'])}"
        )
    return f"{when}不晚于 {expires}：起诉时诉讼时效未届满。依据：{cited}"
