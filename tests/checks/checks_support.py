"""Helpers for the check tests: variants of the sample case, and the sample's figures worked out by hand.

The figures here are typed from law.md's worked example, not taken from the engine, so a check test holds
even while the engine changes; tests that need the engine call it explicitly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from support import edited, kind_names

from toolkit.case.load import case_from_data
from toolkit.case.models import Case
from toolkit.case.yamlsource import parse, read_text
from toolkit.checks import Finding, run_fact_checks
from toolkit.law.figures import (
    CapPeriod,
    Figures,
    Installment,
    Ledger,
    LedgerSegment,
    LimitationEvent,
    PeriodEnd,
)
from toolkit.law.holidays import DayStatus

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "case.yaml"
ALL_DOCUMENTS = tuple(kind_names())

_SAMPLE_DATA: dict[str, Any] = parse(read_text(SAMPLE), SAMPLE).data


def variant(changes: dict[str, Any] | None = None) -> Case:
    """The sample case with dotted-path changes (``{"loan.disbursed": "16000"}``); ``DELETE`` removes a key.
    The result is validated like a real case file."""
    data = edited(_SAMPLE_DATA, changes)
    return case_from_data(data, "variant.yaml")


def _sample_figures() -> Figures:
    d = dt.date
    # law.md §4 worked example: 18,000.00 × 0.2398 × 61 / 365 (2026-03-10 → 2026-05-10, below the cap)
    in_term = Decimal("18000.00") * Decimal("0.2398") * 61 / 365  # 721.3709… booked rounded down: 721.37
    # + 18,000.00 × 0.24 × 163 / 365 (2026-05-10 → 2026-10-20, overdue 35.97 % capped at 24 %)
    overdue = Decimal("18000.00") * Decimal("0.24") * 163 / 365  # 1,929.2054… booked: 1,929.20
    booked_in_term, booked_overdue = Decimal("721.37"), Decimal("1929.20")
    charges = booked_in_term + booked_overdue  # 2,650.57 (law.md §4.4)
    supportable = Decimal("18000.00") + charges  # 20,650.57
    ledger = Ledger(
        as_of=d(2026, 10, 20),
        start=d(2026, 3, 10),
        day_count=365,
        principal_outstanding=Decimal("18000.00"),
        charges_outstanding=charges,
        overpaid=Decimal(0),
        segments=(
            LedgerSegment(
                d(2026, 3, 10),
                d(2026, 5, 10),
                61,
                Decimal("18000.00"),
                Decimal("0.2398"),
                Decimal("0.24"),
                Decimal("0.2398"),
                "in_term",
                booked_in_term,
                in_term,
            ),
            LedgerSegment(
                d(2026, 5, 10),
                d(2026, 10, 20),
                163,
                Decimal("18000.00"),
                Decimal("0.3597"),
                Decimal("0.24"),
                Decimal("0.24"),
                "overdue",
                booked_overdue,
                overdue,
            ),
        ),
        payments=(),
        ignored_payments=(),
    )
    # claimed charges: 721.37 + 2,891.40 + 0 + 0 + 1,387.23 = 5,000.00; total 18,000.00 + 5,000.00 = 23,000.00
    claimed_charges = Decimal("5000.00")
    # proposal: 18,000.00 / 12 = 1,500.00 a month from 2027-01-15
    schedule = tuple(Installment(k, d(2027, k, 15), Decimal("1500.00")) for k in range(1, 13))
    return Figures(
        principal_recognized=Decimal("18000.00"),
        lpr_at_contract=Decimal("0.03"),  # in force from 2025-05-20 (law.md §1)
        rate_cap=Decimal("0.24"),  # microfinance → financial24 (law.md §2)
        rate_cap_basis="financial24",
        caps=(CapPeriod(d(2026, 3, 10), Decimal("0.24"), "financial24", None, None, ("financial_trial_opinions_2",)),),
        alternative_lpr4x_cap=Decimal("0.12"),  # 4 × 3.00 %
        final_due_date=d(2026, 5, 10),
        ledger=ledger,
        supportable_total=supportable,
        claimed_principal=Decimal("18000.00"),
        claimed_charges=claimed_charges,
        claimed_total=Decimal("23000.00"),
        excess=Decimal("18000.00") + claimed_charges - supportable,  # 2,349.43
        # served 2026-11-20 + 15 = 2026-12-05, a Saturday → Monday 2026-12-07 (law.md §5)
        answer_deadline=d(2026, 12, 7),
        answer_deadline_unadjusted=d(2026, 12, 5),
        # due 2026-05-10 (+ 3 years = 2029-05-10); the demand of 2026-08-01 falls within it and restarts the
        # period: 2029-08-01, a Wednesday in a year no holiday data covers, taken unmoved (law.md §5)
        limitation_start=d(2026, 8, 1),
        limitation_expires=d(2029, 8, 1),
        limitation_expired=False,  # filed 2026-10-20
        schedule=schedule,
        schedule_total=Decimal("18000.00"),
        # 8,500.00 − (1,800.00 + 2,200.00 + 2,000.00 + 500.00) = 2,000.00
        monthly_disposable=Decimal("2000.00"),
        gaps=(),
        answer_period_days=15,
        answer_deadline_end=PeriodEnd(
            d(2026, 12, 5),
            d(2026, 12, 7),
            None,
            (
                DayStatus(d(2026, 12, 5), False, "周末", "chinese-calendar 1.11.0"),
                DayStatus(d(2026, 12, 6), False, "周末", "chinese-calendar 1.11.0"),
            ),
            (),
        ),
        limitation_end=PeriodEnd(d(2029, 8, 1), d(2029, 8, 1), d(2029, 8, 2), (), ()),
        limitation_events=(
            LimitationEvent(
                d(2026, 8, 1), "demand", "loan.interruptions[0]", "restart", d(2029, 5, 10), note="平台催收短信"
            ),
        ),
        limitation_suit_day=d(2026, 10, 20),
    )


SAMPLE_FIGURES = _sample_figures()


def figures(**changes: Any) -> Figures:
    """The sample's hand-worked figures with some replaced."""
    return dataclasses.replace(SAMPLE_FIGURES, **changes)


def findings(
    case: Case | None = None, figs: Figures | None = None, documents: tuple[str, ...] = ALL_DOCUMENTS
) -> list[Finding]:
    return run_fact_checks(case or variant(), figs or SAMPLE_FIGURES, documents)


def found(items: list[Finding]) -> set[tuple[str, str]]:
    """(id, field) of each finding, the shape the tests compare."""
    return {(item.id, item.field) for item in items}
