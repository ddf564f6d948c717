"""The sample case gives exactly what is warranted, with the engine's figures and with the hand-worked ones.

Warranted on 李明 v 重庆市小米小额贷款有限公司 (law.md §2, §4): the overdue rate 35.97 % is above the 24 % cap;
the claimed 23,000.00 exceeds the supportable 20,650.57 by 2,349.43; the 1,387.23 of fees may be disguised
interest; the lender being a microfinance company on ``auto``, the 4 × LPR figure is given for
information; and, an answer being drafted, the lawyer is asked to consider jurisdiction first (law.md
§9.13). Nothing else: the dates are in order, the deadline is 8 days away, limitation runs to 2029,
the plan of 12 × 1,500.00 fits 2,000.00 of disposable income.
"""

from __future__ import annotations

from checks_support import ALL_DOCUMENTS, SAMPLE, SAMPLE_FIGURES, findings, found, variant

from toolkit.case.load import load_case
from toolkit.checks import blocking, run_fact_checks
from toolkit.documents import kinds, requested
from toolkit.law.compute import compute_figures

EXPECTED = {
    # both letters acknowledge the debt before expiry: each restarts limitation from 2026-11-29 (law.md §5)
    ("LETTER-LIMITATION-RESTART", "hardship"),
    ("LETTER-LIMITATION-RESTART", "proposal"),
    ("RATE-ABOVE-CAP", "loan.overdue_rate"),
    ("RATE-EXCESS", "claims"),
    ("RATE-FEES", "claims.fees"),
    ("RATE-LPR4X", "loan.rate_cap_basis"),
    ("JURISDICTION-CHECK", "court.name"),
}


def test_sample_with_hand_worked_figures() -> None:
    result = findings(variant(), SAMPLE_FIGURES, ALL_DOCUMENTS)
    assert found(result) == EXPECTED
    assert not [f for f in result if f.severity == "error"]


def test_sample_with_the_engine() -> None:
    case = load_case(SAMPLE)
    result = run_fact_checks(case, compute_figures(case), requested(case))
    assert found(result) == EXPECTED
    severities = {f.id: f.severity for f in result}
    assert severities == {
        "RATE-ABOVE-CAP": "warning",
        "RATE-EXCESS": "warning",
        "RATE-FEES": "warning",
        "RATE-LPR4X": "info",
        "JURISDICTION-CHECK": "info",
        "LETTER-LIMITATION-RESTART": "info",
    }
    assert blocking(result, strict=False, allow=()) == []
    assert {f.id for f in blocking(result, strict=True, allow=())} == {"RATE-ABOVE-CAP", "RATE-EXCESS", "RATE-FEES"}


def test_engine_alternative_lpr4x_total() -> None:
    """4 × 3.00 % = 12 %, which caps both periods, each booked rounded down (law.md §4.4): 18,000.00 × 0.12 × 61
    / 365 = 360.9863… → 360.98 and 18,000.00 × 0.12 × 163 / 365 = 964.6027… → 964.60, 1,325.58 of charges, so
    19,325.58 could be supported under 4 × LPR."""
    case = load_case(SAMPLE)
    (info,) = [f for f in run_fact_checks(case, compute_figures(case), ["answer"]) if f.id == "RATE-LPR4X"]
    assert "19,325.58" in info.message


def test_the_sample_prepares_every_document() -> None:
    assert frozenset(requested(load_case(SAMPLE))) == frozenset(ALL_DOCUMENTS)
    with_the_answer = [name for name, kind in kinds().items() if kind.requested_by == "answer"]
    assert "answer" in with_the_answer
    assert requested(variant({"hardship": None, "proposal": None})) == with_the_answer


def test_each_document_alone_gives_no_error_on_the_sample() -> None:
    case = load_case(SAMPLE)
    figures = compute_figures(case)
    for document in ALL_DOCUMENTS:
        errors = [f for f in run_fact_checks(case, figures, [document]) if f.severity == "error"]
        assert errors == [], document
