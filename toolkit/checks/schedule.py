"""Settlement schedule checks (law.md §6): the rows add up, the plan starts after it is signed, its length
is reasonable, it offers neither more than was claimed nor more than the law supports, the down payment
waits for the lender's acceptance, and the client can afford it.

They run whenever the case has a ``proposal``: the hardship statement's 请求事项 and an answer that
proposes installments print the same plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from toolkit.checks.base import Facts, Problem, check
from toolkit.law.money import cents, cn_date, yuan

MAX_INSTALLMENTS = 60
LONG_INSTALLMENTS = 36


@check("SCHED-SUM", "error", "分期各期之和应等于和解总额", "proposal.settlement_amount")
def rows_add_up(facts: Facts) -> Iterator[Problem]:
    """Down payment plus every instalment equals the amount offered, to the cent."""
    proposal, schedule = facts.case.proposal, facts.figures.schedule
    if proposal is None or schedule is None:
        return
    total = sum((row.amount for row in schedule), Decimal(0))
    if total != proposal.settlement_amount:
        yield Problem(
            f"还款计划各期合计 {yuan(total)} 元，不等于和解总额 {yuan(proposal.settlement_amount)} 元："
            "请核对 proposal 的总额、首付款和期数"
        )


@check("SCHED-DATES", "error", "还款计划应在落款日之后开始", "proposal.first_due_date")
def starts_after_signing(facts: Facts) -> Iterator[Problem]:
    """A plan whose first instalment is already due when it is signed is broken on arrival."""
    proposal, signed = facts.case.proposal, facts.signed
    if proposal is not None and proposal.first_due_date <= signed:
        yield Problem(
            f"第一期还款日（{cn_date(proposal.first_due_date)}）不晚于落款日期（{cn_date(signed)}）："
            "请把 proposal.first_due_date 改为落款日之后的日期"
        )


@check(
    "SCHED-DOWN-PAYMENT-DATE",
    "warning",
    "首付款日不晚于落款日：出借人同意前付款即承认债务",
    "proposal.down_payment_date",
    cites=("limitation_rules_14",),
)
def down_payment_before_acceptance(facts: Facts) -> Iterator[Problem]:
    """Money paid before the lender accepts is a partial payment that acknowledges the debt, and is lost if
    the offer is refused (law.md §6): by default the down payment is due within 7 days of acceptance."""
    proposal, signed = facts.case.proposal, facts.signed
    if proposal is None or proposal.down_payment <= 0 or proposal.down_payment_date is None:
        return
    if proposal.down_payment_date <= signed:
        yield Problem(
            f"首付款支付日（{cn_date(proposal.down_payment_date)}）不晚于落款日期（{cn_date(signed)}）："
            "出借人书面同意之前付款，是对债务的部分履行、构成承认债务，方案不被接受时这笔钱也难以收回。"
            "建议删去 proposal.down_payment_date（默认“被申请人书面同意本方案之日起7日内”），或改为落款日之后的日期"
        )


@check("SCHED-COUNT", "error", "分期期数应在1至60期之间", "proposal.installments")
def installment_count(facts: Facts) -> Iterator[Problem]:
    proposal = facts.case.proposal
    if proposal is not None and not 1 <= proposal.installments <= MAX_INSTALLMENTS:
        yield Problem(f"分期 {proposal.installments} 期超出 1 至 {MAX_INSTALLMENTS} 期的范围：请调整期数")


@check("SCHED-LONG", "warning", "分期期数超过36期", "proposal.installments")
def long_plan(facts: Facts) -> Iterator[Problem]:
    proposal = facts.case.proposal
    if proposal is not None and LONG_INSTALLMENTS < proposal.installments <= MAX_INSTALLMENTS:
        yield Problem(
            f"分期 {proposal.installments} 期（超过 {LONG_INSTALLMENTS} 期）：期限越长，"
            "越难被出借人或法院接受，请考虑提高每期金额或增加首付款以缩短期限"
        )


@check("SCHED-ABOVE-CLAIM", "warning", "和解总额高于原告诉请总额", "proposal.settlement_amount")
def above_claim(facts: Facts) -> Iterator[Problem]:
    """The client would pay more than the lender asked for."""
    proposal, claimed = facts.case.proposal, facts.figures.claimed_total
    if proposal is not None and claimed is not None and proposal.settlement_amount > claimed:
        yield Problem(
            f"和解总额 {yuan(proposal.settlement_amount)} 元高于原告诉请总额 {yuan(claimed)} 元："
            "当事人将多付，请核对 proposal.settlement_amount"
        )


@check(
    "SCHED-ABOVE-SUPPORTABLE",
    "warning",
    "和解总额高于依法最多可主张的数额",
    "proposal.settlement_amount",
)
def above_supportable(facts: Facts) -> Iterator[Problem]:
    """The client would offer more than the law lets the lender recover (law.md §6), while asking for waivers."""
    proposal, figures = facts.case.proposal, facts.figures
    supportable = figures.supportable_total
    if proposal is None or supportable is None or proposal.settlement_amount <= cents(supportable):
        return
    yield Problem(
        f"和解总额 {yuan(proposal.settlement_amount)} 元高于按法定利率上限计算的依法最多可主张数额"
        f" {yuan(supportable)} 元（本金 + 利息及费用）：当事人将多付法律不支持的部分。"
        "请与当事人核对后降低 proposal.settlement_amount",
        citation=figures.cap_citation(),
    )


@check(
    "SCHED-UNAFFORDABLE",
    "error",
    "每期金额超过每月可支配收入",
    "proposal.installments",
    documents=("hardship", "settlement"),
)
def affordable(facts: Facts) -> Iterator[Problem]:
    """The letters promise to pay every instalment: a plan that fails on its own figures harms the client,
    and lenders and courts reject it (law.md §6). Overridable with ``--allow``, which the report records."""
    schedule, disposable = facts.figures.schedule, facts.figures.monthly_disposable
    if facts.case.proposal is None or schedule is None or disposable is None:
        return
    installments = [row for row in schedule if row.n > 0]
    if not installments:
        return
    largest = max(installments, key=lambda row: row.amount)
    if largest.amount > disposable:
        yield Problem(
            f"每期还款最高 {yuan(largest.amount)} 元（第 {largest.n} 期），"
            f"超过每月可支配收入 {yuan(disposable)} 元（月收入减必要支出）：文书承诺按期足额还款，"
            "而按其自身数字无法履行。请增加期数、降低和解总额或核对 hardship 的收支；"
            "确有其他还款来源时，用 --allow SCHED-UNAFFORDABLE 明确放行"
        )


@check("SCHED-DOWN-PAYMENT", "error", "首付款不能超过和解总额", "proposal.down_payment")
def down_payment(facts: Facts) -> Iterator[Problem]:
    proposal = facts.case.proposal
    if proposal is not None and proposal.down_payment > proposal.settlement_amount:
        yield Problem(
            f"首付款 {yuan(proposal.down_payment)} 元超过和解总额 {yuan(proposal.settlement_amount)} 元："
            "请改正 proposal.down_payment"
        )


CHECKS = (
    rows_add_up,
    starts_after_signing,
    installment_count,
    long_plan,
    above_claim,
    above_supportable,
    affordable,
    down_payment_before_acceptance,
    down_payment,
)
