"""The limitation period: its start, the three years added, the move off non-working days, the verdict.

The start is the latest of the final due date, the last repayment (part payment acknowledges the debt)
and the last interruption; the lines list each candidate so the lawyer sees why one was taken. Whether
the period had run is judged on the filing date, and the lines say that a court does not apply it unless
the defendant raises it.
"""

from __future__ import annotations

from toolkit.case.models import Case
from toolkit.explain.deadlines import moved_lines, weekday
from toolkit.law.citations import cite_all
from toolkit.law.deadlines import limitation
from toolkit.law.figures import Figures
from toolkit.law.money import cn_date, yuan


def limitation_lines(case: Case, figures: Figures) -> list[str]:
    loan = case.loan
    candidates = [(figures.final_due_date, "最后还款日", "")]
    if loan.repayments:
        last = max(loan.repayments, key=lambda r: r.date)
        candidates.append((last.date, "最后一次还款", f"{yuan(last.amount)} 元，部分履行即承认债务"))
    if loan.interruptions:
        event = max(loan.interruptions, key=lambda i: i.date)
        kind = "催收" if event.kind == "demand" else "借款人承认债务"
        note = kind + (f"：{event.note}" if event.note else "")
        candidates.append((event.date, "最后一次时效中断事由", note))
    listed = "；".join(f"{name} {cn_date(day)}" + (f"（{why}）" if why else "") for day, name, why in candidates)
    start = figures.limitation_start
    chosen = "、".join(name for day, name, _ in candidates if day == start)
    lines = [
        f"起算日取以下日期中最晚者：{listed}。取 {cn_date(start)}（{chosen}）。依据："
        f"{cite_all(['civil_code_188', 'civil_code_189', 'civil_code_195', 'limitation_rules_14'])}"
    ]
    period = limitation(loan, figures.final_due_date).expires
    leap = "；起算日为2月29日，三年后没有对应日，取2月28日" if (start.month, start.day) == (2, 29) else ""
    lines.append(
        f"加三年：{cn_date(period.unadjusted)}（{weekday(period.unadjusted)}）{leap}。"
        f"依据：{cite_all(['civil_code_188', 'civil_code_202'])}"
    )
    lines += moved_lines(period.unadjusted, period.day, cite_all(["civil_code_203"]))
    filed_on = case.court.filed_on if case.court else None
    expires = cn_date(figures.limitation_expires)
    if filed_on is None or figures.limitation_expired is None:
        lines.append(f"诉讼时效至 {expires} 届满；没有立案日，无法判断起诉时是否已过。")
    elif figures.limitation_expired:
        lines.append(
            f"立案日 {cn_date(filed_on)} 晚于 {expires}：诉讼时效已届满。"
            "法院不会主动适用，答辩时必须提出，且应在一审提出。"
            f"依据：{cite_all(['civil_code_193', 'limitation_rules_3'])}"
        )
    else:
        lines.append(f"立案日 {cn_date(filed_on)} 不晚于 {expires}：起诉时诉讼时效未届满。")
    return lines
