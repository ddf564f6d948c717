"""Limitation checks (law.md §5): an expired limitation must be raised in the answer, and the client must
not give it away by acknowledging the debt (the events of the computation: checks.limitation_events).

The protection is the point of these checks: a hardship statement or a settlement proposal tells the lender
that the client owes and will pay. Before expiry that interrupts limitation (it starts again); after expiry
it gives the defence away for good (诉讼时效规定 第十四条、第十九条; 民法典 第一百九十二条).
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.base import Facts, Problem, check
from toolkit.documents import acknowledging, kinds
from toolkit.law.deadlines import suit_day
from toolkit.law.money import cn_date

NEAR_EXPIRY_DAYS = 180


def _acknowledging(facts: Facts) -> Iterator[tuple[str, str]]:
    """(field, title) of each requested document that offers to pay (a kind marked ``acknowledges_debt``).
    The answer is not one: when limitation has expired it leaves out installments and mediation."""
    for name, kind in kinds().items():
        if name in facts.documents and kind.acknowledges_debt:
            yield kind.requested_by, kind.title


def expired_when_acknowledged(facts: Facts) -> bool:
    """Expired on filing (the report's figure) or, before any filing, already expired on the signing date."""
    figures = facts.figures
    if figures.limitation_expired is not None:
        return figures.limitation_expired
    return facts.signed > figures.limitation_expires


def _unfiled(facts: Facts) -> bool:
    """No suit yet: nothing has interrupted limitation on the lender's side (民法典 第一百九十五条)."""
    return suit_day(facts.case.court) is None


def suit_made(facts: Facts) -> str:
    """How the suit day is known: 提交起诉状 (submitted_on) or 立案 (filed_on standing in)."""
    court = facts.case.court
    return "提交起诉状" if court is not None and court.submitted_on is not None else "立案"


@check(
    "LIMITATION-EXPIRED",
    "warning",
    "诉讼时效已届满：答辩状必须提出时效抗辩",
    "court.filed_on",
    cites=("civil_code_188", "civil_code_193", "limitation_rules_3", "limitation_rules_10"),
    documents=("answer",),
)
def expired(facts: Facts) -> Iterator[Problem]:
    """The court will not apply limitation on its own (民法典 第一百九十三条); it must be raised at first
    instance (诉讼时效规定 第三条)."""
    figures, answer, suit = facts.figures, facts.case.answer, suit_day(facts.case.court)
    if not figures.limitation_expired or suit is None:
        return
    message = (
        f"诉讼时效自 {cn_date(figures.limitation_start)} 起算，"
        f"已于 {cn_date(figures.limitation_expires)} 届满，原告于 {cn_date(suit)} 才{suit_made(facts)}："
        "人民法院不会主动适用诉讼时效，答辩状必须在一审中明确提出时效抗辩（答辩状已加入此节）。"
        "请核对原告证据中有无催收、还款、承认债务等中断事由；如有，"
        "请写入 loan.interruptions 后重新核对"
    )
    if answer is not None and (answer.request_installments or answer.request_mediation):
        message += "。为免承认债务，答辩状不提出分期还款和调解请求"
    submitted = facts.case.court is not None and facts.case.court.submitted_on is not None
    yield Problem(message, "court.submitted_on" if submitted else None)


@check(
    "LIMITATION-GIVEAWAY",
    "error",
    "时效已届满时承认债务会丧失时效抗辩",
    "hardship, proposal",
    cites=("limitation_rules_14", "limitation_rules_19", "civil_code_192"),
    documents=acknowledging,
)
def giveaway(facts: Facts) -> Iterator[Problem]:
    """After expiry, agreeing to pay cannot be taken back: the limitation defence is lost."""
    if not expired_when_acknowledged(facts):
        return
    expires = facts.figures.limitation_expires
    for field, title in _acknowledging(facts):
        yield Problem(
            f"诉讼时效已于 {cn_date(expires)} 届满。{title}表示愿意还款，等于承认债务、同意履行；"
            "时效届满后作出这种表示，事后不能再以诉讼时效届满为由抗辩，当事人将失去最有力的答辩理由。"
            "请先与当事人确认：只有在明知这一后果、当事人仍决定提交时，才用 --allow LIMITATION-GIVEAWAY 生成",
            field,
        )


@check(
    "LIMITATION-NEAR",
    "warning",
    "诉讼时效即将届满：承认债务会使时效重新计算",
    "hardship, proposal",
    cites=("limitation_rules_14", "civil_code_195"),
    documents=acknowledging,
)
def near_expiry(facts: Facts) -> Iterator[Problem]:
    """Within 180 days of expiry and no suit yet: acknowledging the debt restarts three years."""
    if not _unfiled(facts) or expired_when_acknowledged(facts):
        return
    expires = facts.figures.limitation_expires
    left = (expires - facts.signed).days
    if not 0 <= left <= NEAR_EXPIRY_DAYS:
        return
    end = facts.figures.limitation_end
    later = (
        f"（{expires.year} 年放假安排未知，按最早可能的届满日计算；如该日为休息日，顺延至 {cn_date(end.if_rest_day)}）"
        if end is not None and end.if_rest_day is not None
        else ""
    )
    for field, title in _acknowledging(facts):
        yield Problem(
            f"诉讼时效将于 {cn_date(expires)} 届满{later}（距落款日 {left} 日）。{title}承认债务，会使诉讼时效中断、"
            "重新计算：请与当事人权衡后再决定是否提交",
            field,
        )


CHECKS = (expired, giveaway, near_expiry)
