"""The questions behind a settlement: the client's hardship, and the installment plan offered.

The hardship (income, necessary expenses, dependants, evidence) is what makes the plan credible; the
plan's down payment must be smaller than the total, so that at least one installment remains.
"""

from __future__ import annotations

from decimal import Decimal

from toolkit.case import typed_input as typed
from toolkit.case.asking import Data, Interviewer, count_between, positive_amount, rows, shown, texts, was
from toolkit.case.interview.lawsuit import CLAIM_CHOICES
from toolkit.case.labels import ADDRESSEES
from toolkit.case.models import Case
from toolkit.case.typed_input import AnswerError, Choice

ADDRESSEE_CHOICES = tuple(Choice(value, label) for value, label in ADDRESSEES.items())


def ask_hardship(case: Case | None, iv: Interviewer) -> Data:
    d = case.hardship if case else None
    iv.heading("困难情况")
    out: Data = {"summary": iv.value("困难情况概述（一两句话）", was(d, "summary"), typed.parse_text)}
    out["events"] = rows(
        iv,
        "困难事由",
        d.events if d else [],
        lambda n, e: {
            "date": iv.value(f"第{n}个困难事由的日期", was(e, "date"), typed.parse_date),
            "description": iv.value(f"第{n}个困难事由", was(e, "description"), typed.parse_text),
            "amount": iv.optional(f"第{n}个困难事由涉及的金额（元）", was(e, "amount"), typed.parse_amount),
        },
    )
    out["monthly_income"] = iv.value("家庭月收入（元）", was(d, "monthly_income"), typed.parse_amount)
    old_expenses = list(d.monthly_expenses.items()) if d else []
    expenses = rows(
        iv,
        "每月必要支出",
        old_expenses,
        lambda n, e: {
            "name": iv.value(f"第{n}项支出名称（如 房租）", e[0] if e else None, typed.parse_text),
            "amount": iv.value(f"第{n}项支出金额（元/月）", shown(e[1] if e else None), typed.parse_amount),
        },
    )
    out["monthly_expenses"] = {row["name"]: row["amount"] for row in expenses}
    out["dependents"] = rows(
        iv,
        "需要扶养的家庭成员",
        d.dependents if d else [],
        lambda n, p: {
            "relation": iv.value(f"第{n}位家庭成员与借款人的关系", was(p, "relation"), typed.parse_text),
            "note": iv.optional(f"第{n}位家庭成员的情况", was(p, "note"), typed.parse_text),
        },
    )
    out["evidence"] = texts(iv, "附件/证据", d.evidence if d else [], "第{}项附件/证据")
    return out


def ask_proposal(case: Case | None, iv: Interviewer) -> Data:
    d = case.proposal if case else None
    iv.heading("分期还款和解方案")
    out: Data = {"addressee": iv.choice("提交对象", ADDRESSEE_CHOICES, was(d, "addressee") or "lender")}
    settlement = out["settlement_amount"] = iv.value(
        "愿意偿还的总额（元）", was(d, "settlement_amount"), positive_amount
    )

    def down(answer: str) -> Decimal:
        value = typed.parse_amount(answer)
        if value >= settlement:
            raise AnswerError("首付款应小于还款总额")
        return value

    out["down_payment"] = iv.value("首付款（元，没有填 0）", was(d, "down_payment") or "0", down)
    if out["down_payment"] > 0:
        out["down_payment_date"] = iv.optional("首付款支付日", was(d, "down_payment_date"), typed.parse_date)
    out["installments"] = iv.value("分期期数（1至60）", was(d, "installments") or "12", count_between(1, 60))
    out["first_due_date"] = iv.value("第一期还款日（以后每月同日）", was(d, "first_due_date"), typed.parse_date)
    out["waive"] = iv.choices("请求减免的项目", CLAIM_CHOICES, d.waive if d else [])
    return out
