"""All figures of a case in one pass (law.md §2–§7): the one place that assembles :class:`Figures`.

Sections the case omits leave their figures ``None``; nothing here raises for absent optional data. Where
legal data do not cover a date the case needs, a :class:`DataGap` says so; where a figure needs an input
the case lacks, a :class:`MissingInput` says which.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from toolkit.case.models import Case, disbursement_date
from toolkit.law.caps import CapResult, loan_caps
from toolkit.law.claims import claimed_charges, claimed_total, excess
from toolkit.law.deadlines import answer_deadline, final_due_date, limitation
from toolkit.law.figures import DataGap, Figures, Ledger, MissingInput
from toolkit.law.ledger import capped_ledger, principal_recognized
from toolkit.law.overdue import overdue_since
from toolkit.law.schedule import monthly_disposable, schedule_total, settlement_schedule


def compute_figures(case: Case) -> Figures:
    """Every figure of ``case``, unrounded; print them through :mod:`toolkit.law.report` or money helpers."""
    loan, court, claims, proposal = case.loan, case.court, case.claims, case.proposal
    filed_on = court.filed_on if court else None
    caps = loan_caps(loan, case.lender.kind, filed_on)
    final_due = final_due_date(loan)
    gaps: list[DataGap] = list(caps.gaps)
    missing: list[MissingInput] = list(caps.missing)

    ledger = _ledger(case, caps, final_due, missing)
    supportable = None if ledger is None else _supportable(ledger)

    deadline = answer_deadline(court) if court else None
    deadline_end = deadline.end if deadline else None
    if deadline_end:
        gaps += deadline_end.gaps
    period = limitation(loan, final_due, court)
    gaps += period.expires.gaps

    schedule = settlement_schedule(proposal) if proposal else None
    if proposal and schedule is None:
        detail = "首付款大于和解总额，无法排出分期：请核对金额"
        missing.append(MissingInput("schedule", "proposal.down_payment", detail))

    return Figures(
        principal_recognized=principal_recognized(loan),
        lpr_at_contract=caps.lpr_at_contract,
        rate_cap=caps.rate_cap,
        rate_cap_basis=caps.basis,
        caps=caps.periods,
        alternative_lpr4x_cap=caps.alternative_lpr4x,
        final_due_date=final_due,
        ledger=ledger,
        supportable_total=supportable,
        claimed_principal=claims.principal if claims else None,
        claimed_charges=claimed_charges(claims) if claims else None,
        claimed_total=claimed_total(claims) if claims else None,
        excess=excess(claims, supportable) if claims and supportable is not None else None,
        answer_deadline=deadline_end.day if deadline_end else None,
        answer_deadline_unadjusted=deadline_end.unadjusted if deadline_end else None,
        limitation_start=period.start,
        limitation_expires=period.expires.day,
        limitation_expired=period.expired,
        schedule=schedule,
        schedule_total=schedule_total(schedule) if schedule else None,
        monthly_disposable=monthly_disposable(case.hardship) if case.hardship else None,
        gaps=tuple(dict.fromkeys(gaps)),
        missing=tuple(missing),
        transition_rule=caps.transition,
        overdue_since=overdue_since(loan, final_due),
        answer_period_days=deadline.period_days if deadline else None,
        answer_deadline_end=deadline_end,
        limitation_end=period.expires,
        limitation_events=period.events,
        limitation_suit_day=period.suit_day,
    )


def lpr4x_ledger(case: Case) -> tuple[Ledger, Decimal] | None:
    """The capped ledger of ``case`` on the 4 × LPR basis and what it supports (principal and charges
    outstanding), for the alternative figure: only the caps and the ledger computed again, since the basis
    changes nothing else of :func:`compute_figures`."""
    loan = case.loan.model_copy(update={"rate_cap_basis": "lpr4x"})
    caps = loan_caps(loan, case.lender.kind, case.court.filed_on if case.court else None)
    ledger = _ledger(case, caps, final_due_date(loan), [])
    return None if ledger is None else (ledger, _supportable(ledger))


def _supportable(ledger: Ledger) -> Decimal:
    return ledger.principal_outstanding + ledger.charges_outstanding


def _ledger(case: Case, caps: CapResult, final_due: dt.date, missing: list[MissingInput]) -> Ledger | None:
    claims, loan = case.claims, case.loan
    if claims is None:
        return None
    if caps.covered_until is not None and claims.as_of > caps.covered_until:
        for item in caps.missing:
            missing.append(MissingInput("ledger", item.field, item.detail))
        return None
    return capped_ledger(
        principal=principal_recognized(loan),
        start=disbursement_date(loan),
        as_of=claims.as_of,
        final_due=final_due,
        annual_rate=loan.annual_rate,
        overdue_rate=loan.overdue_rate,
        day_count=loan.day_count,
        caps=caps.periods,
        repayments=loan.repayments,
    )
