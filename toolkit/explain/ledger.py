"""The principal recognised, the capped interest ledger run by run, and the claim compared with it.

Each run of days shows the agreed rate, the cap and the one applied; each repayment shows what it paid
off first (charges, then principal: 《民法典》第五百六十一条). Each run's charge is shown exact and as
booked, rounded down to the cent (law.md §4.4); the totals are sums of the booked figures.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from toolkit.case.labels import CHARGE_ITEMS, CLAIM_ITEMS
from toolkit.case.models import Case, received_amount
from toolkit.law.arguments import cite_argument
from toolkit.law.figures import Figures, Ledger, LedgerPayment, LedgerSegment
from toolkit.law.money import cents, cn_date, rate_percent, yuan


def unrounded(x: Decimal) -> str:
    """An amount before rounding: to the cent when exact, else four decimals and … (2,650.5764…)."""
    if x == cents(x):
        return yuan(x)
    shown = x.quantize(Decimal("0.0001"), rounding=ROUND_DOWN)
    return f"{shown:,.4f}" + ("…" if shown != x else "")


def principal_lines(case: Case, figures: Figures) -> list[str]:
    loan = case.loan
    received = received_amount(loan)
    if received >= loan.principal:
        return [
            f"合同本金 {yuan(loan.principal)} 元，实际到账 {yuan(received)} 元，"
            f"本金按 {yuan(figures.principal_recognized)} 元计。"
        ]
    return [
        f"合同本金 {yuan(loan.principal)} 元，实际到账 {yuan(received)} 元；预先扣除的 "
        f"{yuan(loan.principal - received)} 元是预扣的利息，不是本金，本金按实际到账的 "
        f"{yuan(figures.principal_recognized)} 元认定。"
        f"依据：{cite_argument('deducted_interest', 'deducted_interest_private')}",
    ]


def ledger_lines(case: Case, figures: Figures) -> list[str]:
    ledger = figures.ledger
    if ledger is None:
        if case.claims is None:
            return ["案件文件没有 claims（原告的诉讼请求），不计算利息计算表。"]
        why = [f"无法计算：{m.detail}" for m in figures.missing if m.figure == "ledger"]
        return why or ["利率上限无法确定，不计算利息计算表，原因见“数据与缺项提示”。"]
    cap_citation = figures.caps[-1].citation if figures.caps else ""  # the last period cites every rule
    lines = [
        f"自放款日 {cn_date(ledger.start)} 起算至 {cn_date(ledger.as_of)}，"
        f"按一年 {ledger.day_count} 天计息；起算日计入，截止日不计入；每段利率取约定利率与上限中较低者；"
        f"利息 = 本金 × 年利率 × 天数 ÷ {ledger.day_count}。" + (f"依据：{cap_citation}" if cap_citation else "")
    ]
    lines += _ledger_rows(ledger)
    lines += [f"{cn_date(d)} 的还款晚于利息计算截止日，未计入本表。" for d in ledger.ignored_payments]
    addends = " + ".join(yuan(s.interest) for s in ledger.segments) or "0.00"
    lines.append(
        f"各段利息合计：{addends} = {yuan(ledger.accrued)} 元（每段利息记入时向下舍入到分，合计为各段记入数额之和，"
        "不超过上限）"
    )
    if ledger.paid_to_charges:
        owed = yuan(ledger.charges_outstanding)
        lines.append(f"减去还款已抵充的利息等 {yuan(ledger.paid_to_charges)} 元，尚欠利息等 {owed} 元。")
    return lines


def totals_lines(case: Case, figures: Figures) -> list[str]:
    claims, ledger = case.claims, figures.ledger
    if claims is None or ledger is None or figures.supportable_total is None:
        return []
    lines = [
        f"依法最多可主张：本金 {yuan(ledger.principal_outstanding)} 元 + 利息等 "
        f"{yuan(ledger.charges_outstanding)} 元 = {yuan(figures.supportable_total)} 元。"
    ]
    if ledger.overpaid > 0:
        lines.append(f"借款人已多付 {yuan(ledger.overpaid)} 元（超过本金和利息等的还款），本金已清偿。")
    parts = " + ".join(f"{CLAIM_ITEMS[item]} {yuan(getattr(claims, item))}" for item in CHARGE_ITEMS)
    charges = figures.claimed_charges or Decimal(0)
    lines.append(f"原告主张的利息等：{parts} = {yuan(charges)} 元。")
    lines.append(
        f"原告主张合计：本金 {yuan(claims.principal)} + 利息等 {yuan(charges)} + 实现债权的费用 "
        f"{yuan(claims.enforcement_costs)}（不计入上限）= {yuan(figures.claimed_total or 0)} 元。"
    )
    verdict = f"{yuan(figures.excess or 0)} 元，为答辩的核心" if (figures.excess or 0) > 0 else "0.00 元（未超出）"
    lines.append(
        f"超出部分 = 主张的本金 {yuan(claims.principal)} + 利息等 {yuan(charges)} − 依法最多可主张 "
        f"{yuan(figures.supportable_total)} = {verdict}。"
    )
    return lines


def _segment(n: int, s: LedgerSegment, day_count: int) -> str:
    phase = "期内" if s.phase == "in_term" else "逾期"
    agreed = "约定年利率" if s.phase == "in_term" else "约定逾期年利率"
    choice = "约定利率不超过上限，按约定" if s.agreed_rate <= s.cap_rate else "约定利率超过上限，按上限"
    return (
        f"{n}. {cn_date(s.start)}至{cn_date(s.end)}（{phase}）{s.days}天："
        f"{agreed} {rate_percent(s.agreed_rate)}，上限 {rate_percent(s.cap_rate)}，{choice}；"
        f"{yuan(s.principal)} × {rate_percent(s.rate)} × {s.days} ÷ {day_count} = {_exact(s)} 元"
    )


def _exact(s: LedgerSegment) -> str:
    """The run's charge as computed and, when it is not whole cents, as booked: 721.3709… → 721.37."""
    if s.exact == s.interest:
        return yuan(s.interest)
    return f"{unrounded(s.exact)}，向下舍入到分记 {yuan(s.interest)}"


def _payment(p: LedgerPayment) -> str:
    line = (
        f"{cn_date(p.date)} 还款 {yuan(p.amount)} 元：先抵充利息等 {yuan(p.to_charges)} 元，"
        f"再抵充本金 {yuan(p.to_principal)} 元"
    )
    if p.overpaid > 0:
        line += f"，多付 {yuan(p.overpaid)} 元"
    return (
        line + f"；此后本金 {yuan(p.principal_after)} 元，利息等 {yuan(p.charges_after)} 元。"
        f"依据：{cite_argument('repayment_order')}"
    )


def _ledger_rows(ledger: Ledger) -> list[str]:
    rows: list[str] = []
    payments = list(ledger.payments)
    for n, segment in enumerate(ledger.segments, 1):
        while payments and payments[0].date <= segment.start:
            rows.append(_payment(payments.pop(0)))
        rows.append(_segment(n, segment, ledger.day_count))
    return rows + [_payment(p) for p in payments]
