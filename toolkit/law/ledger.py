"""The capped ledger: the most the lender could claim on ``claims.as_of`` (law.md §3, §4).

- Principal recognised: what the borrower actually received when it is below the written principal;
  interest deducted in advance (砍头息) is not principal (民法典 第六百七十条; 民间借贷规定 第二十六条).
- Charges (interest, penalty, compound interest, liquidated damages and fees together) accrue day by day
  at min(cap, agreed rate): the agreed in-term rate before the final due date, the overdue rate from it on.
  Interest for a run of days = principal × rate × days / day_count; the first day counts, the last does
  not; a run is split wherever the rate may change (the final due date, the start of each cap period).
- Each run's charge is booked to the cent when it is added, rounded down (law.md §4.4: the figure is a
  maximum and must never exceed the cap); repayments then pay booked amounts, so principal and charges
  are always whole cents and every printed row, total and balance is the exact sum or difference of the
  figures beside it.
- A repayment pays charges first, then principal (民法典 第五百六十一条); what exceeds both is overpaid.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal

from toolkit.case.models import Loan, Repayment, received_amount
from toolkit.law.caps import cap_on
from toolkit.law.figures import CapPeriod, Ledger, LedgerPayment, LedgerSegment
from toolkit.law.money import CENT

ZERO = Decimal(0)


def principal_recognized(loan: Loan) -> Decimal:
    """``loan.disbursed`` when below ``loan.principal`` (砍头息), else ``loan.principal``."""
    return min(received_amount(loan), loan.principal)


def capped_ledger(
    *,
    principal: Decimal,
    start: dt.date,
    as_of: dt.date,
    final_due: dt.date,
    annual_rate: Decimal,
    overdue_rate: Decimal | None,
    day_count: int,
    caps: Sequence[CapPeriod],
    repayments: Sequence[Repayment],
) -> Ledger:
    """Walk the repayments in date order, then ``as_of``, accruing capped charges between events."""
    terms = _Terms(final_due, annual_rate, overdue_rate or annual_rate, day_count, caps)
    inside = sorted((r for r in repayments if r.date <= as_of), key=lambda r: r.date)
    ignored = tuple(sorted(r.date for r in repayments if r.date > as_of))
    p, c, overpaid, t = principal, ZERO, ZERO, start
    segments: list[LedgerSegment] = []
    payments: list[LedgerPayment] = []
    for repayment in inside:
        accrued = terms.segments(p, t, repayment.date)
        segments += accrued
        c += sum((s.interest for s in accrued), ZERO)
        t = max(t, repayment.date)
        to_charges = min(repayment.amount, c)
        to_principal = min(repayment.amount - to_charges, p)
        extra = repayment.amount - to_charges - to_principal
        c, p, overpaid = c - to_charges, p - to_principal, overpaid + extra
        payments.append(LedgerPayment(repayment.date, repayment.amount, to_charges, to_principal, extra, p, c))
    accrued = terms.segments(p, t, as_of)
    segments += accrued
    c += sum((s.interest for s in accrued), ZERO)
    return Ledger(as_of, start, day_count, p, c, overpaid, tuple(segments), tuple(payments), ignored)


class _Terms:
    """The rate on each day: min(cap, agreed), agreed switching to the overdue rate on the final due date."""

    def __init__(
        self,
        final_due: dt.date,
        in_term: Decimal,
        overdue: Decimal,
        day_count: int,
        caps: Sequence[CapPeriod],
    ) -> None:
        self.final_due = final_due
        self.in_term = in_term
        self.overdue = overdue
        self.day_count = day_count
        self.caps = caps
        self.changes = sorted({final_due, *(p.start for p in caps)})

    def segments(self, principal: Decimal, start: dt.date, end: dt.date) -> list[LedgerSegment]:
        """The runs of days from ``start`` (counted) to ``end`` (not counted) at one rate each."""
        if end <= start or principal == 0:
            return []
        points = [start, *(d for d in self.changes if start < d < end), end]
        return [self._segment(principal, a, b) for a, b in itertools.pairwise(points)]

    def _segment(self, principal: Decimal, start: dt.date, end: dt.date) -> LedgerSegment:
        overdue = start >= self.final_due
        agreed = self.overdue if overdue else self.in_term
        cap = cap_on(self.caps, start)
        rate = min(agreed, cap)
        days = (end - start).days
        exact = principal * rate * days / self.day_count
        return LedgerSegment(
            start,
            end,
            days,
            principal,
            agreed,
            cap,
            rate,
            "overdue" if overdue else "in_term",
            exact.quantize(CENT, rounding=ROUND_DOWN),
            exact,
        )
