"""The 事实和理由 rows of the element-form answer (法〔2025〕82号): the loan's facts as the answer states them.

Each row states the fact from the case file and the figures; where the narrative answer argues a point of
fact (预先扣除的利息, the rate cap, limitation) the row carries the same argument and the same citation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from toolkit.case.models import Case, received_amount
from toolkit.documents.labels import LENDER_KINDS, REPAYMENT_KINDS
from toolkit.documents.plan_wording import accepted_by, down_payment_due
from toolkit.documents.wording import cap_text, installment_terms
from toolkit.law.citations import cite, cite_all
from toolkit.law.figures import Figures
from toolkit.law.money import cents, cn_date, rate_percent, yuan
from toolkit.render.filters import money

FACT_ROWS = (
    "合同签订情况",
    "合同主体",
    "借款金额",
    "借款期限",
    "借款利率",
    "借款发放时间",
    "还款方式",
    "还款情况",
    "是否逾期",
    "担保情况",
    "免责/减责事由",
    "其他需要说明的内容",
)


@dataclass(frozen=True)
class Answering:
    """What every row reads: the case, its figures and the arguments the answer raises."""

    case: Case
    figures: Figures
    raised: Mapping[str, bool]


def fact_rows(c: Answering) -> list[list[str]]:
    """The lines of each 事实和理由 row, in the order of ``FACT_ROWS``; a row without content says 无。"""
    case = c.case
    return [
        [f"答辩人与原告于{cn_date(case.loan.contract_date)}签订{contract(case)}。"],
        _parties(case),
        _amount(c),
        _term(c),
        _rates(c),
        _disbursed(case),
        _repayment_kind(c),
        _repayments(c),
        _overdue(c),
        ["无。"],
        _defences(c),
        _other(c),
    ]


def contract(case: Case) -> str:
    """编号为XM-2026-0310-001的借款合同, or 借款合同 without a number."""
    number = case.loan.contract_number
    return f"编号为{number}的借款合同" if number else "借款合同"


def _parties(case: Case) -> list[str]:
    kind = "" if case.lender.kind == "private" else f"（{LENDER_KINDS[case.lender.kind]}）"
    return [f"出借人：{case.lender.name}{kind}；借款人：{case.client.name}。"]


def _amount(c: Answering) -> list[str]:
    loan = c.case.loan
    text = f"合同约定借款本金{money(loan.principal)}，原告实际发放{yuan(received_amount(loan))}元。"
    if c.raised["deducted"]:
        text += f"本金应按实际出借的金额认定为{yuan(c.figures.principal_recognized)}元。"
    return [text]


def _term(c: Answering) -> list[str]:
    loan = c.case.loan
    start = loan.disbursed_on or loan.contract_date
    return [f"{loan.term_months}个月，自{cn_date(start)}至{cn_date(c.figures.final_due_date)}。"]


def _rates(c: Answering) -> list[str]:
    loan, figures, lender = c.case.loan, c.figures, c.case.lender
    overdue = f"，逾期年利率{rate_percent(loan.overdue_rate)}" if loan.overdue_rate is not None else ""
    lines = [f"约定期内年利率{rate_percent(loan.annual_rate)}{overdue}。"]
    if not c.raised["cap"] or not figures.caps:
        return lines
    if figures.rate_cap_basis == "financial24":
        scope = ""
        if lender.kind in ("microfinance", "other_licensed"):
            scope = f"依据{cite('private_lending_scope_reply')}，"
        elif lender.kind in ("bank", "consumer_finance"):
            scope = f"依据{cite('private_lending_1_2')}，"
        licensed = ""  # a private lender under a financial24 override is not said to be licensed
        if lender.kind != "private":
            licensed = (
                f"原告系{LENDER_KINDS[lender.kind]}，{scope}属于经金融监管部门批准设立的金融机构，"
                "本案不适用民间借贷的利率规定。"
            )
        lines.append(
            f"{licensed}依据{cite('financial_trial_opinions_2')}，"
            "利息、复利、罚息、违约金和其他费用总计超过年利率24%的部分，应当调减。"
        )
    else:
        when = "起诉时" if figures.transition_rule else "合同成立时"
        lpr = figures.caps[-1].lpr
        lpr_text = f"（{rate_percent(lpr)}）" if lpr is not None else ""
        lines.append(
            f"依据{cite_all(['private_lending_25', 'private_lending_28', 'private_lending_29'])}，"
            f"利息、逾期利息、违约金和其他费用总计不得超过{when}一年期贷款市场报价利率{lpr_text}的四倍，"
            f"即{cap_text(figures.caps)}。"
        )
    if figures.ledger is not None and any(s.agreed_rate > s.cap_rate for s in figures.ledger.segments):
        lines.append("约定利率超过上限的部分不应支持。")
    return lines


def _disbursed(case: Case) -> list[str]:
    loan = case.loan
    return [f"{cn_date(loan.disbursed_on or loan.contract_date)}，发放{yuan(received_amount(loan))}元。"]


def _repayment_kind(c: Answering) -> list[str]:
    loan = c.case.loan
    first = ""
    if loan.first_due_date and loan.repayment != "bullet":
        first = f"，首期还款日为{cn_date(loan.first_due_date)}"
    return [f"{REPAYMENT_KINDS[loan.repayment]}{first}，最后还款日为{cn_date(c.figures.final_due_date)}。"]


def _repayments(c: Answering) -> list[str]:
    paid = sorted(c.case.loan.repayments, key=lambda r: r.date)
    if not paid:
        return ["答辩人尚未还款。"]
    total = sum((r.amount for r in paid), Decimal(0))
    each = "；".join(f"{cn_date(r.date)}还款{yuan(r.amount)}元" for r in paid)
    lines = [f"答辩人已还款{len(paid)}次，合计{yuan(total)}元：{each}。"]
    ledger = c.figures.ledger
    if ledger is not None and ledger.payments:
        lines.append(
            f"依据{cite('civil_code_561')}，还款先冲抵利息费用，再冲抵本金；按法定利率上限冲抵后，"
            f"截至{cn_date(ledger.as_of)}剩余本金{yuan(ledger.principal_outstanding)}元。"
        )
    return lines


def _overdue(c: Answering) -> list[str]:
    ledger, due = c.figures.ledger, c.figures.final_due_date
    if ledger is not None and ledger.principal_outstanding + ledger.charges_outstanding == 0:
        return ["否。按法定利率上限冲抵后，答辩人已还清借款。"]
    if ledger is not None and due < ledger.as_of:
        return [f"是。借款已于{cn_date(due)}到期，答辩人未能按期还清。"]
    return [f"最后还款日为{cn_date(due)}。"]


def _defences(c: Answering) -> list[str]:
    figures, raised, court = c.figures, c.raised, c.case.court
    lines = []
    if raised["limitation"] and court is not None and court.filed_on is not None:
        lines.append(
            f"诉讼时效抗辩：本案借款的最后还款日为{cn_date(figures.final_due_date)}。诉讼时效期间自"
            f"{cn_date(figures.limitation_start)}起计算（最后还款日、最后一次还款和时效中断事由中最晚的日期），"
            f"三年期间至{cn_date(figures.limitation_expires)}届满。原告于{cn_date(court.filed_on)}提起诉讼，"
            f"已超过诉讼时效期间。依据{cite_all(['civil_code_188', 'civil_code_192'])}，诉讼时效期间届满的，"
            "义务人可以提出不履行义务的抗辩。答辩人明确提出诉讼时效抗辩，请求驳回原告的全部诉讼请求。"
        )
    if raised["deducted"]:
        lines.append(
            f"预先扣除利息：本金应按实际出借的金额{yuan(figures.principal_recognized)}元认定（见“借款金额”）。"
        )
    if raised["excess"] and figures.excess is not None:
        lines.append(f"利率上限：原告主张超出依法最多可主张数额{money(cents(figures.excess))}，超出部分不应支持。")
    if raised["fees"]:
        lines.append("服务费等费用：实为变相收取的利息，应计入利率上限并予以调减。")
    return lines or ["无。"]


def _due(day: dt.date | None) -> str:
    return cn_date(day) if day is not None else accepted_by("原告")


def _other(c: Answering) -> list[str]:
    case, raised = c.case, c.raised
    lines = []
    terms = installment_terms(c.figures)
    if raised["installments"] and terms is not None and case.proposal is not None:
        if case.hardship is not None:
            lines.append(f"答辩人确有困难：{case.hardship.summary}")
        down = ""
        if terms["down_payment"]:
            down = f"，{down_payment_due(terms['down_payment_date'], '原告')}首付{yuan(terms['down_payment'])}元"
        lines.append(
            f"答辩人愿意在依法核定的债务范围内分期偿还，方案为：偿还总额{money(case.proposal.settlement_amount)}{down}，"
            f"自{cn_date(terms['first_due_date'])}起分{terms['count']}期按月偿还。还款计划如下："
        )
        lines += [
            f"{'首付' if row.n == 0 else f'第{row.n}期'}：{_due(row.due_date)}，{yuan(row.amount)}元"
            for row in c.figures.schedule or ()
        ]
        lines.append(f"合计：{yuan(c.figures.schedule_total or 0)}元。")
    if raised["mediation"]:
        lines.append(
            f"依据{cite('civil_procedure_96')}，答辩人愿意在法院主持下与原告协商解决本案纠纷，恳请法院组织调解。"
        )
    if case.answer is not None:
        lines += case.answer.arguments
    return lines or ["无。"]
