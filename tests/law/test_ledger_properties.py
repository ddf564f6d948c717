"""Properties of the ledger of law.md §4.4 over random loans with repayments: money is conserved to the
cent, every booked figure is whole cents and never above the exact charge (the documents drawn from it:
tests/checks/test_reconcile_properties.py)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.case.models import Repayment
from toolkit.law.figures import CapPeriod
from toolkit.law.ledger import capped_ledger

START = dt.date(2024, 1, 1)
CAP = (CapPeriod(START, Decimal("0.24"), "financial24", None, None, ("financial_trial_opinions_2",)),)
cents = st.integers(min_value=1, max_value=9_999_999_999).map(lambda n: Decimal(n) / 100)
rates = st.integers(min_value=0, max_value=4000).map(lambda n: Decimal(n) / 10000)
days = st.integers(min_value=0, max_value=900)


def whole_cents(x: Decimal) -> bool:
    return x == x.quantize(Decimal("0.01"))


@settings(max_examples=200, deadline=None)
@given(
    principal=cents,
    rate=rates,
    overdue=rates,
    term=st.integers(min_value=1, max_value=600),
    span=st.integers(min_value=1, max_value=1200),
    repayments=st.lists(st.tuples(days, cents), max_size=6),
)
def test_the_ledger_conserves_money_to_the_cent(
    principal: Decimal, rate: Decimal, overdue: Decimal, term: int, span: int, repayments: list[tuple[int, Decimal]]
) -> None:
    as_of = START + dt.timedelta(days=span)
    paid = [Repayment(date=START + dt.timedelta(days=d), amount=a) for d, a in repayments]
    ledger = capped_ledger(
        principal=principal,
        start=START,
        as_of=as_of,
        final_due=START + dt.timedelta(days=term),
        annual_rate=rate,
        overdue_rate=overdue,
        day_count=365,
        caps=CAP,
        repayments=paid,
    )
    inside = [p for p in paid if p.date <= as_of]
    payments = ledger.payments
    assert sum(p.amount for p in inside) == sum(p.to_charges + p.to_principal + p.overpaid for p in payments)
    assert ledger.principal_outstanding == principal - sum((p.to_principal for p in payments), Decimal(0))
    booked = sum((s.interest for s in ledger.segments), Decimal(0))
    assert ledger.charges_outstanding == booked - sum((p.to_charges for p in payments), Decimal(0))
    assert ledger.overpaid == sum((p.overpaid for p in payments), Decimal(0))
    for s in ledger.segments:
        assert s.interest == s.exact.quantize(Decimal("0.01"), rounding=ROUND_DOWN) <= s.exact
        assert s.exact == s.principal * s.rate * s.days / 365 and s.rate == min(s.agreed_rate, s.cap_rate)
    for figure in (ledger.principal_outstanding, ledger.charges_outstanding, ledger.overpaid):
        assert whole_cents(figure) and figure >= 0
    for p in payments:
        assert all(whole_cents(x) for x in (p.to_charges, p.to_principal, p.overpaid, p.principal_after))
    previous = principal
    for p in payments:  # each 剩余本金 = the previous one − 冲抵本金
        assert p.principal_after == previous - p.to_principal
        previous = p.principal_after
