"""The settlement schedule, split as law.md §6 splits it, and whether it fits the monthly disposable income.

Each installment is the base (total less down payment) divided by the count and rounded down to the
cent; the last takes the remainder, so the rows add up to the base exactly. The largest installment is
then set against income less necessary expenses, since a plan the client cannot pay is rejected.
"""

from __future__ import annotations

from toolkit.case.models import Case
from toolkit.documents.plan_wording import accepted_by
from toolkit.explain.ledger import unrounded
from toolkit.law.citations import cite_all
from toolkit.law.figures import Figures
from toolkit.law.money import cents, cn_date, yuan


def schedule_lines(case: Case, figures: Figures) -> list[str]:
    proposal, rows = case.proposal, figures.schedule
    if proposal is None:
        return []
    if rows is None:
        return [m.detail for m in figures.missing if m.figure == "schedule"]
    base = proposal.settlement_amount - proposal.down_payment
    n = proposal.installments
    regular = [row for row in rows if row.n > 0]
    each = regular[0].amount
    lines = [
        f"基数 = 和解总额 {yuan(proposal.settlement_amount)} − 首付款 {yuan(proposal.down_payment)}"
        f" = {yuan(base)} 元。",
        f"每期 = {yuan(base)} ÷ {n} = {unrounded(base / n)}，向下取整到分为 {yuan(each)} 元。",
    ]
    if n > 1:
        lines.append(
            f"最后一期 = {yuan(base)} − {n - 1} × {yuan(each)} = {yuan(regular[-1].amount)} 元"
            "（最后一期承担余数，各期之和恰为基数）。"
        )
    lines.append(
        f"还款日：第一期 {cn_date(proposal.first_due_date)}，以后每月同日，当月没有该日的取月末日。"
        f"依据：{cite_all(['civil_code_202'])}"
    )
    for row in rows:
        label = "首付款" if row.n == 0 else f"第{row.n}期"
        due = cn_date(row.due_date) if row.due_date else accepted_by("出借人")
        lines.append(f"{label}  {due}  {yuan(row.amount)} 元")
    lines.append(f"合计 {yuan(figures.schedule_total or 0)} 元。")
    return lines


def disposable_lines(case: Case, figures: Figures) -> list[str]:
    hardship = case.hardship
    if hardship is None or figures.monthly_disposable is None:
        return []
    expenses = hardship.monthly_expenses.items()
    spent = " + ".join(f"{name} {yuan(amount)}" for name, amount in expenses) or "0.00"
    lines = [f"月收入 {yuan(hardship.monthly_income)} −（{spent}）= {yuan(figures.monthly_disposable)} 元。"]
    regular = [row.amount for row in figures.schedule or () if row.n > 0]
    if regular:
        top = max(regular)
        fits = cents(top) <= cents(figures.monthly_disposable)
        lines.append(
            f"每期最多 {yuan(top)} 元，{'不超过' if fits else '超过'}每月可支配收入"
            f"{'' if fits else '：方案难以负担，出借人和法院可能不接受'}。"
        )
    return lines
