"""The events of the limitation period (law.md §5): what the computation took, left out or could not
settle. An interruption works only on a running period (民法典 第一百九十五条); a disputed one is left out
(诉讼时效规定 第八条); the suit counts from the submission of the complaint (第十条); an expiry in a year no
holiday data covers is taken unmoved, so a suit just after it is arguable.
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.base import Facts, Problem, check
from toolkit.checks.limitation import suit_made
from toolkit.law.deadlines import EVENT_NAMES, limitation, suit_day
from toolkit.law.figures import LimitationEvent
from toolkit.law.money import cn_date, yuan

SUBMISSION_MARGIN_DAYS = 30  # law.md §5: a registration within 30 days after expiry may follow a timely submission


def _event(event: LimitationEvent) -> str:
    """还款 1,000.00 元（2026年8月1日） / 催收（2026年8月1日，平台催收短信）."""
    what = EVENT_NAMES[event.kind] + (f" {yuan(event.amount)} 元" if event.amount is not None else "")
    return f"{what}（{cn_date(event.date)}" + (f"，{event.note}）" if event.note else "）")


@check(
    "LIMITATION-SUBMISSION-UNKNOWN",
    "warning",
    "只知道立案日，且立案日在时效届满后30日内：请查明起诉日",
    "court.submitted_on",
    cites=("limitation_rules_10",),
)
def submission_unknown(facts: Facts) -> Iterator[Problem]:
    """The suit interrupts on submission, not registration (诉讼时效规定 第十条): a registration shortly
    after expiry may follow a submission before it, so the defence cannot be relied on (or given up) yet."""
    court, expires = facts.case.court, facts.figures.limitation_expires
    if court is None or court.submitted_on is not None or court.filed_on is None:
        return
    late = (court.filed_on - expires).days
    if 0 < late <= SUBMISSION_MARGIN_DAYS:
        yield Problem(
            f"立案日 {cn_date(court.filed_on)} 在诉讼时效届满日 {cn_date(expires)} 之后 {late} 日。诉讼时效自原告"
            "提交起诉状之日中断，而不是立案之日：原告可能在届满前已提交起诉状。请查明起诉日（网上立案的提交"
            "记录、法院收件回执、起诉状落款等），填入 court.submitted_on 后重新核对，再决定是否依赖时效抗辩"
        )


@check(
    "LIMITATION-ARGUABLE",
    "warning",
    "时效届满日落在没有节假日数据的年份，起诉或中断事由落在可能顺延的几日内",
    "court.submitted_on",
    cites=("civil_code_203", "limitation_rules_3"),
)
def arguable(facts: Facts) -> Iterator[Problem]:
    """An expiry no holiday data covers is taken unmoved (law.md §5); a suit (or an event) between the
    unmoved and the moved last day makes the defence arguable: it is raised, and the lawyer is told why."""
    end, suit = facts.figures.limitation_end, suit_day(facts.case.court)
    if end is None or end.if_rest_day is None:
        return
    window = f"{cn_date(end.day)} 至 {cn_date(end.if_rest_day)}"
    unknown = f"{end.day.year} 年的放假安排不在节假日数据中，诉讼时效按最后一日 {cn_date(end.day)} 本身计算"
    if suit is not None and end.day < suit <= end.if_rest_day:
        yield Problem(
            f"{unknown}，原告于 {cn_date(suit)} {suit_made(facts)}，晚于该日：按此计算诉讼时效已届满，答辩状提出时效"
            f"抗辩。但如 {cn_date(end.day)} 为休息日，期间顺延至 {cn_date(end.if_rest_day)}，起诉即在时效期间内。"
            "该抗辩有争议：请核对国务院办公厅公布的该年放假安排（可写入 DRAFT_LAW_DIR 的 holidays.yaml，"
            "见 docs/legal-data.md）"
        )
    for event in facts.figures.limitation_events:
        if event.effect == "after_expiry" and end.day < event.date <= end.if_rest_day:
            yield Problem(
                f"{unknown}；{_event(event)}发生在 {window} 之间，按此计算不使时效重新计算。"
                f"如 {cn_date(end.day)} 为休息日，该事由发生在时效期间内，时效将重新计算：请核对该年放假安排",
                event.field,
            )


@check(
    "LIMITATION-WAIVER-RISK",
    "warning",
    "时效届满后的还款或承认债务：对方可能主张借款人放弃了时效抗辩",
    "loan.repayments",
    cites=("limitation_rules_19", "civil_code_192"),
)
def waiver_risk(facts: Facts) -> Iterator[Problem]:
    """After expiry, a repayment or acknowledgment does not restart the period (民法典 第一百九十五条 interrupts
    only a running period), but voluntary performance bars the defence (诉讼时效规定 第十九条): contested."""
    for event in facts.figures.limitation_events:
        if event.effect == "after_expiry" and event.kind != "demand":
            yield Problem(
                f"{_event(event)}发生在诉讼时效届满（{cn_date(event.expires_before)}）之后，不使时效重新计算，"
                "计算仍按时效已届满。但时效届满后自愿履行或同意履行的，不得再以时效届满抗辩：原告可能据此主张"
                "借款人已放弃时效抗辩。答辩状仍以时效抗辩为首，并主张该行为至多及于已付的数额；"
                "这是有争议的问题，请律师结合该行为的具体情形权衡",
                event.field,
            )


@check(
    "LIMITATION-DEMAND-AFTER-EXPIRY",
    "info",
    "时效届满后的催收不中断诉讼时效",
    "loan.interruptions",
    argues=("interruption_restarts",),
)
def demand_after_expiry(facts: Facts) -> Iterator[Problem]:
    """An interruption works on a running period only; it cannot revive one that has run out (law.md §5)."""
    for event in facts.figures.limitation_events:
        if event.effect == "after_expiry" and event.kind == "demand":
            yield Problem(
                f"{_event(event)}发生在诉讼时效届满（{cn_date(event.expires_before)}）之后：诉讼时效中断只适用于"
                "正在进行的时效期间，已届满的时效不因催收而重新计算，该催收未计入",
                event.field,
            )


@check(
    "LIMITATION-EVENT-DISPUTED",
    "warning",
    "借款人否认的中断事由未计入时效计算，答辩状对此提出异议",
    "loan.interruptions",
    argues=("demand_must_arrive",),
)
def disputed(facts: Facts) -> Iterator[Problem]:
    """A demand the client denies receiving is left out (the lender must prove it reached the client,
    诉讼时效规定 第八条); the finding says what the period would be if the lender proves it."""
    events = [e for e in facts.figures.limitation_events if e.effect == "disputed"]
    if not events:
        return
    loan, court = facts.case.loan, facts.case.court
    admitted = [event.model_copy(update={"disputed": False}) for event in loan.interruptions]
    proven = loan.model_copy(update={"interruptions": admitted})
    alternative = limitation(proven, facts.figures.final_due_date, court)
    if alternative.expired is None:
        outcome = f"诉讼时效将至 {cn_date(alternative.expires.day)} 届满"
    else:
        verdict = "已届满" if alternative.expired else "未届满"
        outcome = f"诉讼时效将至 {cn_date(alternative.expires.day)} 届满，起诉时{verdict}"
    for event in events:
        yield Problem(
            f"借款人否认{_event(event)}：该事由未计入时效计算，答辩状对此提出异议——中断事由是否到达借款人，"
            f"由原告举证证明。如原告证明了本案否认的全部事由，{outcome}",
            event.field,
        )


CHECKS = (submission_unknown, arguable, waiver_risk, demand_after_expiry, disputed)
