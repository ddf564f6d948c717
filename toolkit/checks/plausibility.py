"""Facts that the case format accepts but that are unlikely to be true: a typing error more often than a
case. Each finding says what looks wrong and what to check against the papers; none of them blocks.

What is impossible (a date outside 1990–2100, an amount of a trillion yuan, a control character) is
refused when the case is loaded (toolkit.case.models); what is merely out of order is DATE-ORDER's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from toolkit.case.models import disbursement_date
from toolkit.checks.base import Facts, Problem, check
from toolkit.law.caps import cap_table
from toolkit.law.lpr import first_lpr_day
from toolkit.law.money import yuan

PAST_YEARS = 20  # a fact older than this before the signing date is most likely a mistyped year
FUTURE_YEARS = 10  # a planned payment further ahead than this is most likely a mistyped year


def _years_later(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (earlier when negative); 02-29 becomes 02-28 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@check("FACT-DISBURSED-ABOVE", "warning", "实际到账金额高于合同本金", "loan.disbursed")
def disbursed_above_principal(facts: Facts) -> Iterator[Problem]:
    """More received than lent: the two amounts are often typed the wrong way round (law.md §3)."""
    loan = facts.case.loan
    if loan.disbursed is not None and loan.disbursed > loan.principal:
        yield Problem(
            f"实际到账 {yuan(loan.disbursed)} 元高于合同本金 {yuan(loan.principal)} 元：请对照借款合同和银行流水"
            "核对两个数字是否填反，或到账金额是否含有其他款项；计算仍以合同本金为计息本金"
        )


@check("FACT-DATE-PLAUSIBLE", "warning", "日期与落款日期相距过远", "loan.contract_date")
def dates_plausible(facts: Facts) -> Iterator[Problem]:
    """A fact dated decades before the signing date, a payment planned a decade ahead, a client born after
    the contract: each is most often a mistyped year."""
    case, signed = facts.case, facts.signed
    earliest, latest = _years_later(signed, -PAST_YEARS), _years_later(signed, FUTURE_YEARS)
    for field, day in _past_facts(facts):
        if day < earliest:
            yield Problem(
                f"{field} 为 {day.isoformat()}，早于落款日期 {PAST_YEARS} 年以上：请对照合同、流水或法院文书核对年份",
                field,
            )
    for field, day in _planned(facts):
        if day > latest:
            yield Problem(
                f"{field} 为 {day.isoformat()}，晚于落款日期 {FUTURE_YEARS} 年以上：请核对年份是否填错", field
            )
    if case.client.birth_date >= case.loan.contract_date:
        yield Problem(
            f"出生日期 {case.client.birth_date.isoformat()} 不早于合同签订日 {case.loan.contract_date.isoformat()}："
            "请对照身份证和借款合同核对",
            "client.birth_date",
        )


def _past_facts(facts: Facts) -> Iterator[tuple[str, dt.date]]:
    case = facts.case
    yield "loan.contract_date", case.loan.contract_date
    yield "loan.disbursed_on", disbursement_date(case.loan)
    for index, repayment in enumerate(case.loan.repayments):
        yield f"loan.repayments[{index}].date", repayment.date
    for index, interruption in enumerate(case.loan.interruptions):
        yield f"loan.interruptions[{index}].date", interruption.date
    if case.claims is not None:
        yield "claims.as_of", case.claims.as_of
    if case.court is not None:
        for name in ("filed_on", "served_on"):
            if (day := getattr(case.court, name)) is not None:
                yield f"court.{name}", day


def _planned(facts: Facts) -> Iterator[tuple[str, dt.date]]:
    proposal = facts.case.proposal
    if proposal is not None:
        yield "proposal.first_due_date", proposal.first_due_date
        if proposal.down_payment_date is not None:
            yield "proposal.down_payment_date", proposal.down_payment_date


@check(
    "FACT-BEFORE-LPR",
    "warning",
    "借款早于LPR首次发布，按过渡规则计算",
    "loan.contract_date",
    argues=("transition",),
)
def before_first_lpr(facts: Facts) -> Iterator[Problem]:
    """A private loan made before the first LPR (2019-08-20) has no LPR of its own: the 4 × LPR rule reaches
    it only through the transition rule (民间借贷规定 第三十一条第二款; law.md §1, §2)."""
    contract = facts.case.loan.contract_date
    first = first_lpr_day()
    if not (facts.figures.transition_rule and contract < first):
        return
    rule = cap_table().transition
    yield Problem(
        f"合同成立日 {contract.isoformat()} 早于一年期LPR首次发布之日（{first.isoformat()}），当时没有LPR：利率上限"
        f"未按合同成立时的LPR计算，而按过渡规则计算（{rule.description}）。"
        f"{rule.not_modelled}。请核对合同成立日，并核对受诉法院对此类借款的计算方法"
    )


@check("FACT-REPAYMENT-ABOVE-CLAIM", "warning", "单笔还款高于原告诉请总额", "loan.repayments")
def repayment_above_claim(facts: Facts) -> Iterator[Problem]:
    """One payment larger than everything the lender claims is most often a mistyped amount (an extra
    digit, or the running total typed as one payment); if true, the client has paid in full (law.md §9.10)."""
    claimed = facts.figures.claimed_total
    if claimed is None:
        return
    for index, repayment in enumerate(facts.case.loan.repayments):
        if repayment.amount > claimed:
            yield Problem(
                f"第 {index + 1} 笔还款 {yuan(repayment.amount)} 元（{repayment.date.isoformat()}）高于原告诉请总额 "
                f"{yuan(claimed)} 元：请对照还款凭证核对金额是否多写了一位，或是否把累计还款填成了单笔；"
                "如金额无误，请核对利息计算表中的还款和各文书的主张",
                f"loan.repayments[{index}].amount",
            )


CHECKS = (disbursed_above_principal, dates_plausible, before_first_lpr, repayment_above_claim)
