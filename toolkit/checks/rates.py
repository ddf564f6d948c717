"""Rate checks (law.md §2, §4): agreed rates above the cap, claimed charges above what the capped ledger
supports, fees that may be disguised interest, and the 4 × LPR alternative for a microfinance lender."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from toolkit.case.labels import CHARGE_ITEMS
from toolkit.case.lender_kinds import lender_kind, licensed
from toolkit.checks.base import Facts, Problem, check
from toolkit.documents.answer_positions import decide
from toolkit.law.compute import lpr4x_ledger
from toolkit.law.money import cents, cn_date, rate_percent, yuan


@check(
    "RATE-ABOVE-CAP",
    "warning",
    "约定利率超过法定上限",
    "loan.annual_rate, loan.overdue_rate",
    argues=("financial_cap", "private_cap_by_analogy"),
)
def agreed_above_cap(facts: Facts) -> Iterator[Problem]:
    """Interest above the cap is not supported; the part of an agreed rate above it is the defence."""
    loan, cap = facts.case.loan, facts.figures.rate_cap
    if cap is None:
        return
    citation = facts.figures.cap_citation(latest_only=True)
    # 4 × LPR chosen for a licensed lender is asked by analogy, the 24 % cap the law's own (law.md §9.4)
    by_analogy = decide(facts.case, facts.figures).rule == "licensed_lpr4x"
    rates = (
        ("loan.annual_rate", "约定期内年利率", loan.annual_rate),
        ("loan.overdue_rate", "约定逾期年利率", loan.overdue_rate),
    )
    for field, name, rate in rates:
        if rate is None or rate <= cap:
            continue
        if by_analogy:
            above_24 = "，也超过法定的年利率上限 24%" if rate > Decimal("0.24") else ""
            message = (
                f"{name} {rate_percent(rate)} 超过参照四倍 LPR 确定的上限 {rate_percent(cap)}{above_24}："
                "出借人是持牌金融机构，四倍 LPR 只是请求法院参照适用，年利率 24% 才是法定上限；"
                "利息计算表按参照的上限计算，答辩状请求参照该上限，并请求调减总计超过 24% 的部分"
            )
        else:
            message = (
                f"{name} {rate_percent(rate)} 超过年利率上限 {rate_percent(cap)}：超过部分依法不予支持，"
                "利息计算表已按上限计算，答辩或协商时应对超出上限的利息提出异议"
            )
        yield Problem(message, field, citation)


@check(
    "RATE-EXCESS",
    "warning",
    "诉请利息费用超过依法可主张的数额",
    "claims",
    argues=("financial_cap", "private_cap_by_analogy"),
)
def claimed_above_supportable(facts: Facts) -> Iterator[Problem]:
    """Claimed principal and charges above the capped ledger (law.md §4): the core of the answer."""
    figures, claims = facts.figures, facts.case.claims
    excess, ledger, supportable = figures.excess, figures.ledger, figures.supportable_total
    cap = figures.rate_cap
    if claims is None or excess is None or ledger is None or supportable is None or cap is None:
        return
    if cents(excess) <= 0:
        return
    message = (
        f"原告主张本金 {yuan(figures.claimed_principal or claims.principal)} 元、"
        f"利息及费用 {yuan(figures.claimed_charges or Decimal(0))} 元；"
        f"按约定利率（不超过年利率上限 {rate_percent(cap)}）计至 {cn_date(ledger.as_of)}，"
        f"依法最多可主张 {yuan(supportable)} 元（本金 {yuan(ledger.principal_outstanding)} 元、"
        f"利息及费用 {yuan(ledger.charges_outstanding)} 元），超出 {yuan(excess)} 元："
        "答辩或协商时应对超出部分提出异议"
    )
    answer = facts.case.answer
    # the charges are to contest only when they exceed the capped ones: else the excess is all principal
    charges_above = (figures.claimed_charges or Decimal(0)) > ledger.charges_outstanding
    if answer is not None and charges_above and not set(CHARGE_ITEMS) & set(answer.contested):
        message += "；answer.contested 尚未列入任何利息或费用项目，请补上"
    yield Problem(message, citation=figures.cap_citation())


@check(
    "RATE-FEES",
    "warning",
    "服务费等费用可能是变相利息",
    "claims.fees",
    argues=("disguised_fees",),
)
def fees_as_interest(facts: Facts) -> Iterator[Problem]:
    """Fees named 服务费、咨询费、顾问费、管理费 in a financial loan may be disguised interest and can be
    refused or reduced (《全国法院民商事审判工作会议纪要》第51条)."""
    claims = facts.case.claims
    if claims is None or claims.fees <= 0 or not licensed(facts.case.lender.kind):
        return
    message = (
        f"原告主张服务费、管理费等费用 {yuan(claims.fees)} 元：金融借款中以服务费、咨询费、顾问费、"
        "管理费等名义收取的费用可能属于变相利息，可请求不予支持或予以减少；利息计算表已将其与利息、罚息一并计入利率上限"
    )
    answer = facts.case.answer
    if answer is not None and "fees" not in answer.contested:
        message += "。answer.contested 尚未列入 fees，请考虑补上"
    yield Problem(message)


@check(
    "RATE-LPR4X",
    "info",
    "四倍LPR的备选数额（部分法院对小额贷款公司等采用）",
    "loan.rate_cap_basis",
    cites=("private_lending_scope_reply", "private_lending_25"),
)
def lpr4x_alternative(facts: Facts) -> Iterator[Problem]:
    """Some local courts apply 4 × LPR to microfinance lenders (a kind whose caps.yaml row says
    ``show_lpr4x_too``); with ``auto`` the lawyer sees both figures."""
    case, figures = facts.case, facts.figures
    alternative, lpr, cap = figures.alternative_lpr4x_cap, figures.lpr_at_contract, figures.rate_cap
    if not lender_kind(case.lender.kind).show_lpr4x_too or case.loan.rate_cap_basis != "auto":
        return
    if alternative is None or lpr is None or cap is None:
        return
    message = (
        f"出借人为{lender_kind(case.lender.kind).name}，本报告按年利率 {rate_percent(cap)} 的上限计算；部分地方法院对"
        f"{lender_kind(case.lender.kind).name}适用合同成立时一年期LPR的四倍，即 {rate_percent(lpr)} × 4 = "
        f"{rate_percent(alternative)}"
    )
    other = lpr4x_ledger(case)
    if other is not None:
        ledger, supportable = other
        message += f"，按此标准计至 {cn_date(ledger.as_of)} 依法最多可主张 {yuan(supportable)} 元"
    yield Problem(message + "。如受诉法院采此标准，可把 loan.rate_cap_basis 改为 lpr4x 重新核算")


CHECKS = (agreed_above_cap, claimed_above_supportable, fees_as_interest, lpr4x_alternative)
