"""The settlement schedule and the client's monthly disposable income (law.md §6).

The amount left after the down payment is split into ``installments`` equal parts rounded DOWN to the cent;
the last instalment takes the remainder, so the rows sum to the settlement amount exactly. Due dates are
the first due date plus (k − 1) months, anchored on the first date's day (31st → 28/29/30 in short
months, back to the 31st after; 民法典 第二百零二条). A down payment, if any, is row 0: due on
``down_payment_date`` when given, else (``due_date`` None) within 7 days of the lender's written acceptance,
never on the signing date (money paid before acceptance acknowledges the debt, 诉讼时效规定 第十四条).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from toolkit.case.models import Hardship, Proposal
from toolkit.law.calendar import add_months
from toolkit.law.figures import Installment
from toolkit.law.money import CENT


def settlement_schedule(proposal: Proposal) -> tuple[Installment, ...] | None:
    """The rows of the plan, down payment first; ``None`` when the down payment exceeds the total."""
    base = proposal.settlement_amount - proposal.down_payment
    if base < 0:
        return None
    n = proposal.installments
    each = (base / n).quantize(CENT, rounding=ROUND_DOWN)
    first = proposal.first_due_date
    rows = [
        Installment(k, add_months(first, k - 1, anchor_day=first.day), each if k < n else base - (n - 1) * each)
        for k in range(1, n + 1)
    ]
    if proposal.down_payment > 0:
        rows.insert(0, Installment(0, proposal.down_payment_date, proposal.down_payment))
    return tuple(rows)


def schedule_total(rows: tuple[Installment, ...]) -> Decimal:
    """The sum of all rows, down payment included (it equals the settlement amount)."""
    return sum((row.amount for row in rows), Decimal(0))


def monthly_disposable(hardship: Hardship) -> Decimal:
    """Monthly income less the sum of the monthly expenses (may be negative)."""
    return hardship.monthly_income - sum(hardship.monthly_expenses.values(), Decimal(0))
