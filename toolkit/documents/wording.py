"""Wording and figures several documents print alike: whom they address, the plan, the waivers, the cap.

The hardship statement's 请求事项 must match the settlement proposal where they overlap, and the answers
and the proposal weigh the same claimed debt against the same cap: each of these is worded once, here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from toolkit.case.lender_kinds import lender_kind, licensed
from toolkit.case.models import Case
from toolkit.law.figures import CapPeriod, Figures
from toolkit.law.money import cents, cn_date, rate_percent

# The claim items in the words a borrower uses to ask for them to be waived (law.md §8: plain Chinese).
# 诉讼费 is not waived but borne: the documents ask for it apart (see ``costs_on_lender``).
WAIVER_NAMES: dict[str, str] = {
    "principal": "部分本金",
    "interest": "利息",
    "penalty": "罚息",
    "compound_interest": "复利",
    "liquidated_damages": "违约金",
    "fees": "服务费等费用",
    "enforcement_costs": "实现债权的费用",
}


def waiver_text(items: Iterable[str]) -> str:
    """利息、罚息、复利、违约金、服务费等费用: the waived items in a fixed order, each once ("" for none)."""
    chosen = set(items)
    return "、".join(name for key, name in WAIVER_NAMES.items() if key in chosen)


def suit_pending(case: Case) -> bool:
    """A suit is pending once it is filed: a filing date or a case number (a court alone may be 诉前调解)."""
    court = case.court
    return court is not None and (court.filed_on is not None or court.case_number is not None)


def costs_on_lender(case: Case) -> bool:
    """The plan waives litigation costs and a suit is pending (before it there are none): ask that the
    lender bear them."""
    proposal = case.proposal
    return proposal is not None and "litigation_costs" in proposal.waive and suit_pending(case)


def addressed_to_court(case: Case) -> bool:
    """Whether the plan goes to the court (诉前/诉中调解) rather than to the lender."""
    return case.proposal is not None and case.proposal.addressee == "court"


def recipient(case: Case, *, to_court: bool) -> dict[str, str]:
    """Who the document speaks to: the name on the salutation line and the polite "you" (贵院, 贵公司 …)."""
    if to_court:
        return {"name": case.court.name if case.court else "人民法院", "you": "贵院"}
    lender = case.lender
    if "银行" in lender_kind(lender.kind).name or "银行" in lender.name:
        you = "贵行"
    elif "公司" in lender.name:
        you = "贵公司"
    elif lender_is_person(case):
        you = "您"
    else:
        you = "贵方"
    return {"name": lender.name, "you": you}


def lender_is_person(case: Case) -> bool:
    """A private lender without a credit code or a legal representative is taken to be a natural person."""
    lender = case.lender
    return not licensed(lender.kind) and lender.credit_code is None and lender.representative is None


def installment_terms(figures: Figures) -> dict[str, Any] | None:
    """The plan in words: down payment, the amount after it, each instalment, and the last when it differs.

    Taken from ``figures.schedule`` (law.md §6), so the words and the schedule table cannot disagree.
    """
    if not figures.schedule:
        return None
    rows = [row for row in figures.schedule if row.n > 0]
    down = next((row for row in figures.schedule if row.n == 0), None)
    each, last = cents(rows[0].amount), cents(rows[-1].amount)
    return {
        "count": len(rows),
        "first_due_date": rows[0].due_date,
        "last_due_date": rows[-1].due_date,
        "each": each,
        "last": last if last != each else None,
        "base": cents(sum((row.amount for row in rows), Decimal(0))),
        "down_payment": cents(down.amount) if down else None,
        "down_payment_date": down.due_date if down else None,
        "largest": max(cents(row.amount) for row in rows),
    }


def cap_text(caps: tuple[CapPeriod, ...]) -> str | None:
    """年利率24%; for a cap that changed (民间借贷规定 第三十一条第二款) the later rate and the earlier ones:
    年利率15.4%（2020年8月20日之前为年利率24%）."""
    if not caps:
        return None
    latest = caps[-1]
    earlier = [
        f"{cn_date(following.start)}之前为年利率{rate_percent(period.rate)}"
        for period, following in itertools.pairwise(caps)
    ]
    text = f"年利率{rate_percent(latest.rate)}"
    return text + (f"（{'；'.join(earlier)}）" if earlier else "")


def claimed_debt(figures: Figures) -> Decimal:
    """Principal and charges claimed, to the cent: the figure set against ``supportable_total`` (law.md §4;
    enforcement costs are outside the cap and not part of it)."""
    return cents((figures.claimed_principal or Decimal(0)) + (figures.claimed_charges or Decimal(0)))


def monthly_shortfall(figures: Figures) -> Decimal | None:
    """How much monthly expenses exceed income, when they do (``monthly_disposable`` below zero)."""
    disposable = figures.monthly_disposable
    return cents(-disposable) if disposable is not None and disposable < 0 else None


def cap_scope(figures: Figures) -> str:
    """What the cap covers, in the words of the provision that sets it (law.md §2)."""
    if figures.rate_cap_basis == "lpr4x":
        return "利息、逾期利息、违约金和其他费用"
    return "利息、复利、罚息、违约金和其他费用"
