"""Date checks: the loan's chronology, the procedure's order, nothing after the signing date that cannot
be, and the answer deadline (民事诉讼法 第一百二十八条)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from toolkit.case.models import disbursement_date
from toolkit.checks.base import Facts, Problem, check
from toolkit.law.money import cn_date

NEAR_DEADLINE_DAYS = 3


Dated = tuple[str, str, dt.date | None]  # (field, Chinese name, date)


def _out_of_order(first: Dated, later: Dated) -> Iterator[Problem]:
    (_, first_name, first_day), (later_field, later_name, later_day) = first, later
    if first_day is not None and later_day is not None and later_day < first_day:
        yield Problem(
            f"{later_name}（{cn_date(later_day)}）早于{first_name}（{cn_date(first_day)}），不可能如此："
            "请核对这两个日期",
            later_field,
        )


@check("DATE-ORDER", "error", "日期先后顺序", "loan, claims.as_of, court")
def chronology(facts: Facts) -> Iterator[Problem]:
    """Contract ≤ disbursement ≤ first due date ≤ final due date; repayments, limitation events and the
    interest date come after the disbursement; the case is filed after the contract, served after filing."""
    case, loan = facts.case, facts.case.loan
    chain: list[Dated] = [
        ("loan.contract_date", "合同签订日", loan.contract_date),
        ("loan.disbursed_on", "放款日", loan.disbursed_on),
        ("loan.first_due_date", "首期还款日", loan.first_due_date),
        ("loan.final_due_date", "最后还款日", loan.final_due_date),
    ]
    given = [entry for entry in chain if entry[2] is not None]
    for first, later in pairwise(given):
        yield from _out_of_order(first, later)
    disbursed: Dated = ("loan.disbursed_on", "放款日", disbursement_date(loan))
    for i, repayment in enumerate(loan.repayments):
        yield from _out_of_order(disbursed, (f"loan.repayments[{i}].date", "还款日期", repayment.date))
    for i, event in enumerate(loan.interruptions):
        yield from _out_of_order(disbursed, (f"loan.interruptions[{i}].date", "时效中断日期", event.date))
    if case.claims is not None:
        yield from _out_of_order(disbursed, ("claims.as_of", "利息计算截止日", case.claims.as_of))
    if case.court is not None:
        filed: Dated = ("court.filed_on", "立案日", case.court.filed_on)
        yield from _out_of_order(("loan.contract_date", "合同签订日", loan.contract_date), filed)
        yield from _out_of_order(filed, ("court.served_on", "收到起诉状副本之日", case.court.served_on))


@check("DATE-AFTER-SIGNING", "error", "已发生的事实不能晚于落款日期", "signing.date")
def after_signing(facts: Facts) -> Iterator[Problem]:
    """Events the documents state as past (contract, payments, filing, service, hardship) cannot postdate
    the document itself."""
    case, loan, signed = facts.case, facts.case.loan, facts.signed
    events: list[Dated] = [
        ("loan.contract_date", "合同签订日", loan.contract_date),
        ("loan.disbursed_on", "放款日", disbursement_date(loan)),
        *((f"loan.repayments[{i}].date", "还款日期", r.date) for i, r in enumerate(loan.repayments)),
        *((f"loan.interruptions[{i}].date", "时效中断日", e.date) for i, e in enumerate(loan.interruptions)),
    ]
    if case.court is not None:
        events += [
            ("court.filed_on", "立案日", case.court.filed_on),
            ("court.served_on", "收到起诉状副本之日", case.court.served_on),
        ]
    if case.hardship is not None:
        hardship = case.hardship.events
        events += [(f"hardship.events[{i}].date", "困难事由日期", e.date) for i, e in enumerate(hardship)]
    for field, name, day in events:
        if day is not None and day > signed:
            yield Problem(
                f"{name}（{cn_date(day)}）晚于落款日期（{cn_date(signed)}），尚未发生的事不能写进文书："
                "请核对该日期，或把 signing.date 改为实际落款日",
                field,
            )


@check("DATE-ASOF", "warning", "利息计算截止日晚于立案日", "claims.as_of")
def as_of_after_filing(facts: Facts) -> Iterator[Problem]:
    """A complaint computes interest up to a day no later than its filing; a later day suggests a typo or
    an amended claim that the case file should follow."""
    court, claims = facts.case.court, facts.case.claims
    if court is None or court.filed_on is None or claims is None:
        return
    if claims.as_of > court.filed_on:
        yield Problem(
            f"利息计算截止日（{cn_date(claims.as_of)}）晚于立案日（{cn_date(court.filed_on)}）：请对照起诉状核对；"
            "如原告已变更诉讼请求，请按变更后的请求填写 claims"
        )


@check("DATE-REPAYMENT-AFTER-ASOF", "warning", "还款日期晚于利息计算截止日", "loan.repayments")
def repayment_after_as_of(facts: Facts) -> Iterator[Problem]:
    """The ledger stops at ``claims.as_of``; a later repayment is outside it (law.md §4) and must be argued
    separately, or the date corrected."""
    claims = facts.case.claims
    if claims is None:
        return
    for i, repayment in enumerate(facts.case.loan.repayments):
        if repayment.date > claims.as_of:
            yield Problem(
                f"还款（{cn_date(repayment.date)}）晚于原告的利息计算截止日（{cn_date(claims.as_of)}），"
                "未计入利息计算表：请在答辩中另行主张该笔还款应予扣除，或核对日期",
                f"loan.repayments[{i}].date",
            )


@check("DEADLINE-PASSED", "warning", "答辩期已过", "court.served_on",
       cites=("civil_procedure_128_2", "civil_procedure_130"), documents=("answer",))
def deadline_passed(facts: Facts) -> Iterator[Problem]:
    """An answer after the deadline is late, but the court still hears the case (第一百二十八条第二款)."""
    deadline = facts.figures.answer_deadline
    if deadline is not None and facts.signed > deadline:
        yield Problem(
            f"答辩期已于 {cn_date(deadline)} 届满，落款日期为 {cn_date(facts.signed)}：答辩状已逾期。"
            "不提出答辩状不影响人民法院审理，请尽快提交。"
            "管辖异议应当在答辩期内提出：答辩期已过，已不能再提出管辖异议"
        )


@check("DEADLINE-NEAR", "warning", "答辩期即将届满", "court.served_on", cites=("civil_procedure_128",),
       documents=("answer",))
def deadline_near(facts: Facts) -> Iterator[Problem]:
    """Three days or fewer before the deadline: the answer must be filed now."""
    deadline = facts.figures.answer_deadline
    if deadline is None:
        return
    left = (deadline - facts.signed).days
    if 0 <= left <= NEAR_DEADLINE_DAYS:
        when = "当天" if left == 0 else f"后 {left} 日"
        yield Problem(
            f"答辩期于 {cn_date(deadline)} 届满（落款日{when}）：请尽快定稿并在届满前提交"
        )

CHECKS = (
    chronology,
    after_signing,
    as_of_after_filing,
    repayment_after_as_of,
    deadline_passed,
    deadline_near,
)
