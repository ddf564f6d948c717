"""The capped ledger and the settlement schedule: properties that must hold for any input (law.md §4, §6)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from toolkit.case.models import Proposal, Repayment
from toolkit.law.figures import CapPeriod
from toolkit.law.ledger import capped_ledger
from toolkit.law.schedule import schedule_total, settlement_schedule

ZERO = Decimal(0)
money = st.integers(min_value=1, max_value=10_000_000).map(lambda n: Decimal(n) / 100)
rates = st.integers(min_value=0, max_value=5000).map(lambda n: Decimal(n) / 10000)
days = st.integers(min_value=0, max_value=1500)
START = dt.date(2019, 1, 1)
_EDGE = {  # 1,000.00 at 12 %, 360-day year, below a 24 % cap: 10.00 of charges every 30 days
    "principal": Decimal("1000.00"),
    "annual": Decimal("0.12"),
    "overdue": None,
    "cap1": Decimal("0.24"),
    "cap2": Decimal("0.24"),
    "cap_change": 0,
    "due": 365,
    "day_count": 360,
}


@settings(max_examples=150)
@given(
    principal=money,
    annual=rates,
    overdue=st.none() | rates,
    cap1=rates,
    cap2=rates,
    cap_change=days,
    due=days,
    as_of=days,
    day_count=st.sampled_from([360, 365]),
    paid=st.lists(st.tuples(days, money), max_size=8),
)
# The edges that must not depend on a lucky draw: a repayment on as_of (inside the ledger), one smaller
# than the charges due, repayments listed out of date order, and repayments after payoff.
@example(**_EDGE, as_of=30, paid=[(30, Decimal("110.00"))])
@example(**_EDGE, as_of=60, paid=[(30, Decimal("4.00"))])
@example(**_EDGE, as_of=90, paid=[(60, Decimal("500.00")), (30, Decimal("110.00"))])
@example(**_EDGE, as_of=90, paid=[(30, Decimal("1010.00")), (45, Decimal("20.00"))])
def test_ledger_conserves_money(
    principal: Decimal,
    annual: Decimal,
    overdue: Decimal | None,
    cap1: Decimal,
    cap2: Decimal,
    cap_change: int,
    due: int,
    as_of: int,
    day_count: int,
    paid: list[tuple[int, Decimal]],
) -> None:
    caps = [
        CapPeriod(START, cap1, "financial24", None, None, ()),
        CapPeriod(START + dt.timedelta(days=cap_change), cap2, "financial24", None, None, ()),
    ]
    repayments = [Repayment(date=START + dt.timedelta(days=d), amount=a) for d, a in paid]
    ledger = capped_ledger(
        principal=principal,
        start=START,
        as_of=START + dt.timedelta(days=as_of),
        final_due=START + dt.timedelta(days=due),
        annual_rate=annual,
        overdue_rate=overdue,
        day_count=day_count,
        caps=caps,
        repayments=repayments,
    )
    inside = [r for r in repayments if r.date <= ledger.as_of]
    tiny = Decimal("1e-15")
    paid_in = sum((r.amount for r in inside), ZERO)
    applied = sum((p.to_charges + p.to_principal for p in ledger.payments), ZERO) + ledger.overpaid
    assert abs(paid_in - applied) < tiny
    repaid = sum((p.to_principal for p in ledger.payments), ZERO)
    assert abs(principal - repaid - ledger.principal_outstanding) < tiny
    accrued = sum((s.interest for s in ledger.segments), ZERO)
    to_charges = sum((p.to_charges for p in ledger.payments), ZERO)
    assert abs(accrued - to_charges - ledger.charges_outstanding) < tiny
    assert ledger.principal_outstanding >= 0 and ledger.charges_outstanding >= 0 and ledger.overpaid >= 0
    assert len(ledger.ignored_payments) == len(repayments) - len(inside)
    for s in ledger.segments:
        assert s.rate == min(s.agreed_rate, s.cap_rate) and s.days == (s.end - s.start).days > 0
        assert s.principal > 0  # no zero-interest rows once the principal is paid off
    assert [p.date for p in ledger.payments] == sorted(r.date for r in inside)  # in date order
    assert all(a.end <= b.start for a, b in zip(ledger.segments, ledger.segments[1:], strict=False))
    covered = sum(s.days for s in ledger.segments)
    assert covered <= max(as_of, 0)


@given(
    total=money,
    down=st.integers(min_value=0, max_value=100).map(lambda n: Decimal(n) / 100),
    n=st.integers(min_value=1, max_value=60),
    first=st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_schedule_sums_exactly(total: Decimal, down: Decimal, n: int, first: dt.date) -> None:
    down = min(down, total)
    proposal = Proposal(
        addressee="lender", settlement_amount=total, down_payment=down, installments=n, first_due_date=first
    )
    rows = settlement_schedule(proposal)
    assert rows is not None
    assert schedule_total(rows) == total
    instalments = [r for r in rows if r.n > 0]
    assert [r.n for r in instalments] == list(range(1, n + 1))
    each = instalments[0].amount
    assert all(r.amount == each for r in instalments[:-1])
    assert each <= instalments[-1].amount < each + Decimal("0.01") * n
    assert all(r.amount == r.amount.quantize(Decimal("0.01")) for r in rows)
    assert [r.due_date for r in instalments] == sorted(r.due_date for r in instalments)
    assert all(r.due_date.day == min(first.day, _month_end(r.due_date)) for r in instalments)


def _month_end(d: dt.date) -> int:
    return ((d.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)).day


def test_down_payment_above_total_gives_no_schedule() -> None:
    proposal = Proposal(
        addressee="lender",
        settlement_amount=Decimal(100),
        down_payment=Decimal(200),
        installments=2,
        first_due_date=dt.date(2027, 1, 1),
    )
    assert settlement_schedule(proposal) is None
