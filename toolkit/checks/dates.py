"""Date checks: the loan's chronology, the procedure's order, nothing after the signing date that cannot
be, and the answer deadline (民事诉讼法 第一百二十八条; law.md §5): its period, a last day no holiday data
covers, and a deadline near or passed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from toolkit.case.models import disbursement_date
from toolkit.checks.base import Facts, Problem, check
from toolkit.law.calendar import weekday
from toolkit.law.deadlines import answer_period
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
        contract: Dated = ("loan.contract_date", "合同签订日", loan.contract_date)
        submitted: Dated = ("court.submitted_on", "起诉日", case.court.submitted_on)
        filed: Dated = ("court.filed_on", "立案日", case.court.filed_on)
        served: Dated = ("court.served_on", "收到起诉状副本之日", case.court.served_on)
        yield from _out_of_order(contract, submitted)
        yield from _out_of_order(contract, filed)
        yield from _out_of_order(submitted, filed)
        yield from _out_of_order(filed, served)
        yield from _out_of_order(submitted, served)


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
            ("court.submitted_on", "起诉日", case.court.submitted_on),
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


@check(
    "DEADLINE-PERIOD-MISSING",
    "warning",
    "简易程序、小额诉讼程序的答辩期由法院确定：请按应诉通知书填写",
    "court.answer_period_days",
    cites=("civil_procedure_interpretation_266", "civil_procedure_interpretation_275"),
    documents=("answer",),
)
def period_missing(facts: Facts) -> Iterator[Problem]:
    """No default period in 简易/小额 cases: the deadline stays unknown rather than guessed (law.md §5)."""
    court = facts.case.court
    if court is not None and answer_period(court)[0] is None:
        yield Problem(
            f"本案适用{court.procedure}，答辩期由人民法院确定，可能短于十五日，工具不推定答辩期限："
            "请查看应诉通知书（或举证通知书）载明的答辩期，填入 court.answer_period_days 后重新核对"
        )


@check(
    "DEADLINE-PERIOD-DEFAULT",
    "warning",
    "未填写审理程序：答辩期暂按十五日计算，请核对",
    "court.procedure",
    cites=("civil_procedure_128", "civil_procedure_interpretation_266"),
    documents=("answer",),
)
def period_default(facts: Facts) -> Iterator[Problem]:
    """Fifteen days hold for 普通程序; without the procedure the default is used but must be confirmed."""
    court, deadline = facts.case.court, facts.figures.answer_deadline
    if court is not None and answer_period(court)[1] and deadline is not None:
        yield Problem(
            f"案件文件没有写审理程序，答辩期暂按普通程序的十五日计算（答辩期限 {cn_date(deadline)}）。"
            "适用简易程序或小额诉讼程序的，法院可以确定更短的答辩期：请查看应诉通知书，"
            "填写 court.procedure 和 court.answer_period_days 后重新核对"
        )


@check(
    "DEADLINE-HOLIDAYS-UNKNOWN",
    "warning",
    "答辩期限落在没有节假日数据的年份：按最早可能的日期报告",
    "court.served_on",
    cites=("civil_procedure_85_3",),
    documents=("answer",),
)
def deadline_holidays_unknown(facts: Facts) -> Iterator[Problem]:
    """A last day no holiday data covers is reported as it is, never moved on a guess (law.md §5)."""
    end = facts.figures.answer_deadline_end
    if end is None or end.if_rest_day is None:
        return
    yield Problem(
        f"答辩期限报告为 {cn_date(end.day)}（{weekday(end.day)}）：{end.day.year} 年的放假安排不在节假日数据中，"
        "无法确认该日是否为休息日（周末可能调休上班，工作日可能放假），按最早可能的届满日计算。"
        f"如该日确为休息日，期限顺延至 {cn_date(end.if_rest_day)}（只按周末推算，放假安排可能使其更晚）。"
        f"请最迟在 {cn_date(end.day)} 当日提交答辩状；或按国务院办公厅公布的 {end.day.year} 年放假安排，"
        "在 DRAFT_LAW_DIR 的 holidays.yaml 中补充该年后重新核对（见 docs/legal-data.md）"
    )


@check(
    "DEADLINE-PASSED",
    "warning",
    "答辩期已过",
    "court.served_on",
    cites=("civil_procedure_128_2", "civil_procedure_130_1"),
    documents=("answer",),
)
def deadline_passed(facts: Facts) -> Iterator[Problem]:
    """An answer after the deadline is late, but the court still hears the case (第一百二十八条第二款); an
    objection to jurisdiction had to be raised within the answer period (第一百三十条第一款)."""
    deadline = facts.figures.answer_deadline
    if deadline is not None and facts.signed > deadline:
        yield Problem(
            f"答辩期已于 {cn_date(deadline)} 届满，落款日期为 {cn_date(facts.signed)}：答辩状已逾期。"
            "不提出答辩状不影响人民法院审理，请尽快提交；管辖权异议应当在答辩期间提出，"
            "答辩期已过，已不能再提出管辖权异议"
        )


@check(
    "DEADLINE-NEAR",
    "warning",
    "答辩期即将届满",
    "court.served_on",
    cites=("civil_procedure_128",),
    documents=("answer",),
)
def deadline_near(facts: Facts) -> Iterator[Problem]:
    """Three days or fewer before the deadline: the answer must be filed now."""
    deadline = facts.figures.answer_deadline
    if deadline is None:
        return
    left = (deadline - facts.signed).days
    if 0 <= left <= NEAR_DEADLINE_DAYS:
        when = "当天" if left == 0 else f"后 {left} 日"
        yield Problem(f"答辩期于 {cn_date(deadline)} 届满（落款日{when}）：请尽快定稿并在届满前提交")


CHECKS = (
    chronology,
    after_signing,
    as_of_after_filing,
    repayment_after_as_of,
    period_missing,
    period_default,
    deadline_holidays_unknown,
    deadline_passed,
    deadline_near,
)
