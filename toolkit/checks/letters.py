"""Checks on the facts before a hardship statement or a settlement proposal is drafted (law.md §5, §6, §9.11).

Both letters offer to pay. After an overpayment that offer gives the lender money the law does not let it
recover (an error); before limitation expires the letter restarts the three years (the lawyer is told the
new expiry); before suit, the protection of 民诉法解释 第一百零七条 is only by analogy (the lawyer is told it
is uncertain).
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.base import Facts, Problem, check
from toolkit.checks.limitation import expired_when_acknowledged
from toolkit.documents import acknowledging, kinds
from toolkit.documents.wording import addressed_to_court, suit_pending
from toolkit.law.deadlines import LIMITATION_YEARS, period_end
from toolkit.law.money import cents, cn_date, yuan


def _letters(facts: Facts) -> Iterator[tuple[str, str]]:
    """(field, title) of each letter about to be drafted."""
    for name, kind in kinds().items():
        if name in facts.documents and kind.acknowledges_debt:
            yield kind.requested_by, kind.title


@check(
    "LETTER-OVERPAID",
    "error",
    "已多还款：不应再提出还款或和解方案",
    "loan.repayments",
    argues=("repayment_order",),
    documents=acknowledging,
)
def overpaid(facts: Facts) -> Iterator[Problem]:
    """The repayments, allocated under the cap, have paid everything the law supports and more (law.md §6,
    §9.10): offering to pay again gives the lender what it cannot recover; the answer argues payment in full."""
    ledger = facts.figures.ledger
    if ledger is None or cents(ledger.overpaid) <= 0:
        return
    for field, title in _letters(facts):
        yield Problem(
            f"按法定利率上限计算至 {cn_date(ledger.as_of)}，当事人的还款已超出依法最多可主张的全部本金和利息费用"
            f" {yuan(ledger.overpaid)} 元。{title}表示愿意还款，等于把法律不支持的款项交给出借人。"
            "应在答辩中主张债务已全部清偿并保留追还多付款项的权利；确需提交时，用 --allow LETTER-OVERPAID 明确放行",
            field,
        )


@check(
    "LETTER-LIMITATION-RESTART",
    "info",
    "函件承认债务，诉讼时效重新计算",
    "signing.date",
    cites=("limitation_rules_14", "civil_code_195"),
    documents=acknowledging,
)
def limitation_restart(facts: Facts) -> Iterator[Problem]:
    """Before expiry every letter interrupts limitation: three years run again from the letter's date
    (民法典 第一百九十五条; law.md §5). After expiry LIMITATION-GIVEAWAY speaks instead."""
    if expired_when_acknowledged(facts):
        return
    restarted = period_end(facts.signed, years=LIMITATION_YEARS).day
    current = facts.figures.limitation_expires
    for field, title in _letters(facts):
        yield Problem(
            f"{title}（落款日 {cn_date(facts.signed)}）承认债务，诉讼时效自该日中断、重新计算三年，"
            f"新的届满日为 {cn_date(restarted)}（原为 {cn_date(current)}）。无论函件如何措辞，这一效果都不能排除",
            field,
        )


@check(
    "LETTER-BEFORE-SUIT",
    "info",
    "尚未起诉：和解妥协不作为不利根据的保护只能参照适用",
    "court",
    argues=("no_admission",),
    documents=acknowledging,
)
def protection_uncertain(facts: Facts) -> Iterator[Problem]:
    """民诉法解释 第一百零七条 protects what a party concedes to settle *in a suit*; a letter before suit can only
    invoke it by analogy (law.md §9.11)."""
    if suit_pending(facts.case):
        return
    for field, title in _letters(facts):
        yield Problem(
            f"案件尚未起诉（没有 court.filed_on 或案号）：{title}写明“参照”第一百零七条，"
            "声明本函系为协商和解而作出的妥协、不构成对债务数额的自认，但该条适用于诉讼中，诉前函件能否同样受到保护并不确定。"
            "请提醒当事人：函件中的每一项陈述都可能被出借人引用",
            field,
        )


@check(
    "LETTER-NO-COURT",
    "warning",
    "写给法院的函件未写明受理法院",
    "proposal.addressee",
    documents=acknowledging,
)
def court_unknown(facts: Facts) -> Iterator[Problem]:
    """A letter to the court (诉前/诉中调解) is addressed to it and names it after 此致 (law.md §8): without a
    ``court`` section it is addressed to "人民法院", which the lawyer must complete before it is sent."""
    if not addressed_to_court(facts.case) or facts.case.court is not None:
        return
    for _, title in _letters(facts):
        yield Problem(
            f"proposal.addressee 是 court（写给法院），但案件文件中没有 court 段：{title}的抬头和“此致”后"
            "只写“人民法院”。提交前请写明法院：补上受理法院（court.name）后重新生成，"
            "或把 proposal.addressee 改为 lender（写给出借人）"
        )


CHECKS = (overpaid, limitation_restart, protection_uncertain, court_unknown)
