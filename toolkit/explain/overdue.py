"""Since when the client is overdue (law.md §9.7): the day the answer's 是否逾期 row states, and why.

Given in the case file, it is the complaint's day; else a bullet loan is overdue from its final due date;
an instalment loan gets no derived day, because which instalment each payment cleared is a fact the
lawyer cannot know (law.md §9.6): the answer states the payments and leaves the day to the plaintiff's proof.
"""

from __future__ import annotations

from toolkit.case.models import Case
from toolkit.law.figures import Figures
from toolkit.law.money import cn_date, yuan


def overdue_lines(case: Case, figures: Figures) -> list[str]:
    loan = case.loan
    if loan.overdue_since is not None:
        return [f"逾期起算日 {cn_date(loan.overdue_since)}：取案件文件 loan.overdue_since（起诉状所称的逾期起算日）。"]
    if loan.repayment == "bullet":
        return [
            f"到期一次性还本付息：逾期自最后还款日 {cn_date(figures.final_due_date)} 起算"
            "（利息计算表自该日起按逾期利率计算）。"
        ]
    paid = sorted(loan.repayments, key=lambda r: r.date)
    facts = "尚未还款"
    if paid:
        facts = f"已还款 {len(paid)} 次，最后一次 {cn_date(paid[-1].date)} 还款 {yuan(paid[-1].amount)} 元"
    return [
        f"分期还款：{facts}。每笔还款清偿了哪一期，律师无从得知，因此不推算逾期起算日（报告中 overdue_since 为 null），"
        "答辩状写明还款情况，并写“逾期起算日以原告举证为准”。如起诉状写明了逾期起算日，可填入 loan.overdue_since。"
    ]
