"""The context every template receives: the case's facts and the engine's figures, ready to print.

Amounts are ``Decimal`` rounded to cents (the printed figures, equal to the check report's); rates are
``Decimal`` fractions; dates are ``date``. Templates format them with filters (``money``, ``cn_date`` …).
Nothing here computes a legal figure: every figure comes from :mod:`toolkit.law`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from toolkit.case.labels import ADDRESSEES, CHARGE_ITEMS, CLAIM_ITEMS, REPAYMENT_KINDS
from toolkit.case.lender_kinds import lender_kinds
from toolkit.case.models import Case, disbursement_date, received_amount, signing_date
from toolkit.documents.answer_evidence import evidence
from toolkit.documents.plan_wording import down_payment_due, due_or_acceptance
from toolkit.law.citations import printed_citations
from toolkit.law.figures import Figures, Ledger, LedgerSegment
from toolkit.law.money import cents

Context = dict[str, Any]


def base_context(case: Case, figures: Figures) -> Context:
    """Facts and figures shared by every document kind."""
    loan = case.loan
    repaid = sum((r.amount for r in loan.repayments), Decimal(0))
    return {
        "court": case.court.model_dump() if case.court else None,
        "client": case.client.model_dump(),
        "lender": {**case.lender.model_dump(), "kind_name": lender_kinds()[case.lender.kind].name},
        "agent": case.agent.model_dump() if case.agent else None,
        "loan": {
            **loan.model_dump(exclude={"repayments", "interruptions"}),
            "disbursed": received_amount(loan),
            "disbursed_on": disbursement_date(loan),
            "overdue_rate_agreed": loan.overdue_rate is not None,
            "overdue_rate": loan.overdue_rate if loan.overdue_rate is not None else loan.annual_rate,
            "repayment_name": REPAYMENT_KINDS[loan.repayment],
            "repayments": [r.model_dump() for r in sorted(loan.repayments, key=lambda r: r.date)],
            "repaid_total": cents(repaid),
            "interruptions": [i.model_dump() for i in loan.interruptions],
        },
        "claims": _claims(case, figures),
        "hardship": _hardship(case, figures),
        "proposal": _proposal(case),
        "answer": _answer(case),
        "signing": {"date": signing_date(case), "place": case.signing.place},
        "figures": _figures(figures),
        "law": dict(printed_citations()),
        "labels": {
            "claim_items": CLAIM_ITEMS,
            "lender_kinds": {code: row.name for code, row in lender_kinds().items()},
            "addressees": ADDRESSEES,
        },
    }


def _claims(case: Case, figures: Figures) -> Context | None:
    if case.claims is None:
        return None
    claims = case.claims
    amounts = claims.model_dump(exclude={"as_of", "total", "litigation_costs_on_client"})
    items = [{"key": k, "name": CLAIM_ITEMS[k], "amount": v} for k, v in amounts.items() if v > 0]
    charges = [item for item in items if item["key"] in CHARGE_ITEMS]
    return {
        **claims.model_dump(),
        "claimed_items": items,
        "charge_items": charges,
        "total": _cents(figures.claimed_total),
    }


def _hardship(case: Case, figures: Figures) -> Context | None:
    if case.hardship is None:
        return None
    hardship = case.hardship
    expenses = [{"name": name, "amount": amount} for name, amount in hardship.monthly_expenses.items()]
    return {
        **hardship.model_dump(exclude={"monthly_expenses"}),
        "expenses": expenses,
        "expenses_total": cents(sum(hardship.monthly_expenses.values(), Decimal(0))),
        "monthly_disposable": _cents(figures.monthly_disposable),
    }


def _proposal(case: Case) -> Context | None:
    if case.proposal is None:
        return None
    proposal = case.proposal
    return {
        **proposal.model_dump(),
        # 于2026年12月15日, or 于原告书面同意本方案之日起7日内 without a date (law.md §6)
        "down_payment_due": down_payment_due(proposal.down_payment_date, "原告"),
        "waive_names": [CLAIM_ITEMS[item] for item in proposal.waive],
        "addressee_name": ADDRESSEES[proposal.addressee],
    }


def _answer(case: Case) -> Context | None:
    if case.answer is None:
        return None
    return {**case.answer.model_dump(), "evidence": evidence(case)}


def _figures(figures: Figures) -> Context:
    schedule = figures.schedule or ()
    return {
        "principal_recognized": cents(figures.principal_recognized),
        "lpr_at_contract": figures.lpr_at_contract,
        "rate_cap": figures.rate_cap,
        "rate_cap_basis": figures.rate_cap_basis,
        "caps": [{**vars(cap), "citation": cap.citation} for cap in figures.caps],
        "final_due_date": figures.final_due_date,
        "ledger": _ledger(figures.ledger) if figures.ledger else None,
        "supportable_total": _cents(figures.supportable_total),
        "claimed_principal": _cents(figures.claimed_principal),
        "claimed_charges": _cents(figures.claimed_charges),
        "claimed_total": _cents(figures.claimed_total),
        "excess": _cents(figures.excess),
        "answer_deadline": figures.answer_deadline,
        "limitation_start": figures.limitation_start,
        "limitation_expires": figures.limitation_expires,
        "limitation_expired": bool(figures.limitation_expired),
        "schedule": [
            {"n": i.n, "due_date": i.due_date, "due": due_or_acceptance(i.due_date, "原告"), "amount": cents(i.amount)}
            for i in schedule
        ],
        "schedule_installments": [
            {"n": i.n, "due_date": i.due_date, "amount": cents(i.amount)} for i in schedule if i.n > 0
        ],
        "schedule_total": _cents(figures.schedule_total),
        "monthly_disposable": _cents(figures.monthly_disposable),
    }


def _ledger(ledger: Ledger) -> Context:
    return {
        "as_of": ledger.as_of,
        "start": ledger.start,
        "day_count": ledger.day_count,
        "principal_outstanding": cents(ledger.principal_outstanding),
        "charges_outstanding": cents(ledger.charges_outstanding),
        "overpaid": cents(ledger.overpaid),
        "accrued": cents(ledger.accrued),
        "days": sum(s.days for s in ledger.segments),
        "rows": [_row(s) for s in ledger.segments],
        "payments": [{k: cents(v) if k != "date" else v for k, v in vars(p).items()} for p in ledger.payments],
    }


def _row(segment: LedgerSegment) -> Context:
    """A 利息计算表 row: the booked charge only (law.md §4.4), never the unrounded one."""
    row = {key: value for key, value in vars(segment).items() if key != "exact"}
    return {**row, "interest": cents(segment.interest), "principal": cents(segment.principal)}


def _cents(value: Decimal | None) -> Decimal | None:
    return None if value is None else cents(value)
