"""The ``figures`` object of the check report (case-format.md, "The check report"), as plain JSON data.

Amounts are strings with two decimals (rounded half up), rates strings with four decimals, dates ISO
strings, and a figure that could not be computed is ``null``. The keys of the contract come first and
keep their names; the keys after them add the detail behind each figure (caps, ledger rows, gaps).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from toolkit.law.figures import (
    CapPeriod,
    Figures,
    Installment,
    Ledger,
    LedgerPayment,
    LedgerSegment,
    LimitationEvent,
)
from toolkit.law.money import cents

RATE_PLACES = Decimal("0.0001")


def figures_json(f: Figures) -> dict[str, Any]:
    """The figures of one case as the report prints them."""
    return {
        "principal_recognized": amount(f.principal_recognized),
        "lpr_at_contract": rate(f.lpr_at_contract),
        "rate_cap": rate(f.rate_cap),
        "rate_cap_basis": f.rate_cap_basis,
        "ledger": _ledger(f.ledger),
        "supportable_total": amount(f.supportable_total),
        "claimed_principal": amount(f.claimed_principal),
        "claimed_charges": amount(f.claimed_charges),
        "claimed_total": amount(f.claimed_total),
        "excess": amount(f.excess),
        "answer_deadline": day(f.answer_deadline),
        "limitation_expires": day(f.limitation_expires),
        "limitation_expired": f.limitation_expired,
        "overdue_since": day(f.overdue_since),
        "schedule": None if f.schedule is None else [_installment(row) for row in f.schedule],
        "schedule_total": amount(f.schedule_total),
        "monthly_disposable": amount(f.monthly_disposable),
        # Added detail (case-format.md allows more keys).
        "final_due_date": day(f.final_due_date),
        "answer_deadline_unadjusted": day(f.answer_deadline_unadjusted),
        "answer_deadline_if_rest_day": day(f.answer_deadline_end.if_rest_day if f.answer_deadline_end else None),
        "answer_period_days": f.answer_period_days,
        "limitation_start": day(f.limitation_start),
        "limitation_expires_if_rest_day": day(f.limitation_end.if_rest_day if f.limitation_end else None),
        "limitation_suit_day": day(f.limitation_suit_day),
        "limitation_events": [_event(e) for e in f.limitation_events],
        "alternative_lpr4x_cap": rate(f.alternative_lpr4x_cap),
        "transition_rule": f.transition_rule,
        "caps": [_cap(period) for period in f.caps],
        "gaps": [{"kind": g.kind, "day": g.day.isoformat(), "detail": g.detail} for g in f.gaps],
        "missing": [{"figure": m.figure, "field": m.field, "detail": m.detail} for m in f.missing],
    }


def amount(x: Decimal | None) -> str | None:
    """An amount as "20650.57" (two decimals, half up, no separators); ``None`` stays ``None``."""
    return None if x is None else f"{cents(x):f}"


def rate(x: Decimal | None) -> str | None:
    """A rate as "0.2400" (four decimals, half up); ``None`` stays ``None``."""
    return None if x is None else f"{x.quantize(RATE_PLACES, rounding=ROUND_HALF_UP):f}"


def day(d: dt.date | None) -> str | None:
    """A date as ISO text; ``None`` stays ``None``."""
    return None if d is None else d.isoformat()


def _ledger(ledger: Ledger | None) -> dict[str, Any] | None:
    if ledger is None:
        return None
    return {
        "as_of": day(ledger.as_of),
        "principal_outstanding": amount(ledger.principal_outstanding),
        "charges_outstanding": amount(ledger.charges_outstanding),
        "overpaid": amount(ledger.overpaid),
        "start": day(ledger.start),
        "day_count": ledger.day_count,
        "segments": [_segment(s) for s in ledger.segments],
        "payments": [_payment(p) for p in ledger.payments],
        "ignored_payments": [day(d) for d in ledger.ignored_payments],
    }


def _segment(s: LedgerSegment) -> dict[str, Any]:
    return {
        "start": day(s.start),
        "end": day(s.end),
        "days": s.days,
        "principal": amount(s.principal),
        "agreed_rate": rate(s.agreed_rate),
        "cap_rate": rate(s.cap_rate),
        "rate": rate(s.rate),
        "phase": s.phase,
        "interest": amount(s.interest),
    }


def _payment(p: LedgerPayment) -> dict[str, Any]:
    return {
        "date": day(p.date),
        "amount": amount(p.amount),
        "to_charges": amount(p.to_charges),
        "to_principal": amount(p.to_principal),
        "overpaid": amount(p.overpaid),
        "principal_after": amount(p.principal_after),
        "charges_after": amount(p.charges_after),
    }


def _cap(c: CapPeriod) -> dict[str, Any]:
    return {
        "start": day(c.start),
        "rate": rate(c.rate),
        "basis": c.basis,
        "lpr": rate(c.lpr),
        "lpr_published": day(c.lpr_published),
        "citation": c.citation,
        "transition": c.transition,
    }


def _event(e: LimitationEvent) -> dict[str, Any]:
    return {
        "date": day(e.date),
        "kind": e.kind,
        "field": e.field,
        "effect": e.effect,
        "expires_before": day(e.expires_before),
        "amount": amount(e.amount),
    }


# Row 0 without a date: due within 7 days of the lender's written acceptance (law.md §6).
DUE_ON_ACCEPTANCE = "7 days after acceptance"


def _installment(row: Installment) -> dict[str, Any]:
    found = {"n": row.n, "due_date": day(row.due_date), "amount": amount(row.amount)}
    return found if row.due_date is not None else {**found, "due": DUE_ON_ACCEPTANCE}
