"""Amount checks: the claim adds up, deducted interest is not principal (amounts in cents: toolkit.case.models)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from toolkit.case.labels import CLAIM_ITEMS
from toolkit.case.models import received_amount
from toolkit.checks.base import Facts, Problem, check
from toolkit.law.claims import claimed_total
from toolkit.law.money import yuan


@check("AMT-TOTAL", "error", "诉请各项之和应等于诉请总额", "claims.total")
def claim_total(facts: Facts) -> Iterator[Problem]:
    """``claims.total``, when given, must equal the sum of the claim items (case format)."""
    claims = facts.case.claims
    if claims is None or claims.total is None:
        return
    items = claimed_total(claims)
    if items != claims.total:
        yield Problem(
            f"诉请各项（本金、利息、罚息、复利、违约金、费用、实现债权费用）合计 {_exact(items)} 元，"
            f"与填写的诉请总额 {_exact(claims.total)} 元相差 {_exact(abs(items - claims.total))} 元："
            "请对照起诉状核对各项金额和总额，改正填错的一项"
        )


def _exact(amount: Decimal) -> str:
    """An amount as printed (18,000.00), but never rounded away: 23,000.004 stays 23,000.004."""
    return yuan(amount) if amount == amount.quantize(Decimal("0.01")) else f"{amount:,}"


@check(
    "AMT-DEDUCTED",
    "warning",
    "实际到账少于合同本金（砍头息）",
    "loan.disbursed",
    argues=("deducted_interest", "deducted_interest_private"),
)
def interest_deducted(facts: Facts) -> Iterator[Problem]:
    """Interest deducted in advance is not principal: principal is what was actually received (law.md §3)."""
    loan = facts.case.loan
    received = received_amount(loan)
    if received >= loan.principal:
        return
    message = (
        f"合同本金 {yuan(loan.principal)} 元，实际到账 {yuan(received)} 元，"
        f"预先扣除的 {yuan(loan.principal - received)} 元不应计入本金，"
        f"本金应按实际出借的 {yuan(received)} 元认定"
    )
    claims = facts.case.claims
    if claims is not None and claims.principal > received:
        message += f"；原告主张本金 {yuan(claims.principal)} 元，答辩状应对超出部分提出异议"
    yield Problem(message + "。请保留到账凭证（银行流水）作为证据")


@check("ANSWER-ITEMS", "error", "同一诉请项目不能既认可又有异议", "answer.contested", documents=("answer",))
def answer_items(facts: Facts) -> Iterator[Problem]:
    """An item both admitted and contested would make the answer contradict itself."""
    answer = facts.case.answer
    if answer is None:
        return
    for item in dict.fromkeys(answer.contested):
        if item in answer.admitted:
            yield Problem(
                f"“{CLAIM_ITEMS[item]}”（{item}）同时列在 answer.admitted 和 answer.contested 中："
                "答辩状会自相矛盾，请只保留其中一处"
            )


CHECKS = (claim_total, interest_deducted, answer_items)
