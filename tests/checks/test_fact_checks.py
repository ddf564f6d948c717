"""One test per fact check: a change to the sample case (or to its figures) in, the expected (id, field) out.

The sample itself must give only what is warranted (see test_sample_findings); every row here starts from
it and changes one fact.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from checks_support import SAMPLE_FIGURES, figures, findings, found, variant
from support import DELETE

from toolkit.checks.registry import FACT_CHECKS
from toolkit.law.compute import compute_figures
from toolkit.law.figures import DataGap, Installment, LimitationEvent, MissingInput, PeriodEnd

d = dt.date
# the sample's ledger with 366.59 of interest paid and 633.41 of principal: 17,366.59 left
assert SAMPLE_FIGURES.ledger is not None
REPAID_LEDGER = dataclasses.replace(SAMPLE_FIGURES.ledger, principal_outstanding=Decimal("17366.59"))
EXPIRED = {
    "limitation_expired": True,
    "limitation_start": d(2021, 5, 10),
    "limitation_expires": d(2024, 5, 10),
    "limitation_end": PeriodEnd(d(2024, 5, 10), d(2024, 5, 10), None, (), ()),
    "limitation_events": (),
}
# a last day in 2099, a year no holiday data will cover: 2099-10-03 is a Saturday, Monday 10-05 if a rest day
UNKNOWN_DEADLINE = PeriodEnd(d(2099, 10, 3), d(2099, 10, 3), d(2099, 10, 5), (), ())


def _after_expiry(kind: str, field: str) -> dict[str, Any]:
    """An event of 2026-09-01, after the expiry of 2024-05-10 (EXPIRED)."""
    amount = Decimal("500.00") if kind == "repayment" else None
    event = LimitationEvent(d(2026, 9, 1), kind, field, "after_expiry", d(2024, 5, 10), amount)  # type: ignore[arg-type]
    return {**EXPIRED, "limitation_events": (event,)}


# (id, case changes, figure changes, documents, expected field)
CASES: list[tuple[str, dict[str, Any], dict[str, Any], tuple[str, ...], str]] = [
    ("SECTION-MISSING", {"court.served_on": DELETE}, {}, ("answer",), "court.served_on"),
    ("AMT-TOTAL", {"claims.total": "23000.01"}, {}, ("answer",), "claims.total"),
    ("AMT-DEDUCTED", {"loan.disbursed": "16000.00"}, {}, ("answer",), "loan.disbursed"),
    ("ANSWER-ITEMS", {"answer.admitted": ["principal", "fees"]}, {}, ("answer",), "answer.contested"),
    # 1,000.00 paid on 2026-04-10 pays the 31 days' interest at 23.98 % (about 366 yuan) and then principal,
    # so less than the 18,000.00 claimed is left: the admitted principal is limited to the ledger (law.md §9.1)
    (
        "ANSWER-ADMIT-ABOVE-LEDGER",
        {"loan.repayments": [{"date": "2026-04-10", "amount": "1000.00"}]},
        {"ledger": REPAID_LEDGER},
        ("answer",),
        "answer.admitted",
    ),
    (
        "ANSWER-ADMIT-AS-CLAIMED",
        {
            "answer.admitted": [],
            "answer.admit_as_claimed": ["principal"],
            "loan.repayments": [{"date": "2026-04-10", "amount": "1000.00"}],
        },
        {"ledger": REPAID_LEDGER},
        ("answer",),
        "answer.admit_as_claimed",
    ),
    # the sample admits the principal; with limitation expired nothing is admitted (law.md §9.3)
    ("ANSWER-ADMIT-BARRED", {}, EXPIRED, ("answer",), "answer.admitted"),
    # principal 18,000.00 claimed = received = the ledger's: no ground in the figures, no arguments (§9.5)
    (
        "ANSWER-NO-GROUND",
        {"answer.admitted": [], "answer.contested": ["principal"]},
        {},
        ("answer",),
        "answer.contested",
    ),
    # filed 2026-10-20, before the final due date 2026-12-10: instalments not yet due are claimed (§9.7)
    (
        "ANSWER-ACCELERATION",
        {"loan.final_due_date": "2026-12-10"},
        {"final_due_date": d(2026, 12, 10)},
        ("answer",),
        "loan.final_due_date",
    ),
    ("JURISDICTION-CHECK", {}, {}, ("answer",), "court.name"),
    ("ANSWER-STANDING", {"lender.original_name": "某某信托有限公司"}, {}, ("answer",), "lender.original_name"),
    ("DATE-ORDER", {"loan.disbursed_on": "2026-03-09"}, {}, ("answer",), "loan.disbursed_on"),
    ("DATE-AFTER-SIGNING", {"court.served_on": "2026-11-30"}, {}, ("answer",), "court.served_on"),
    ("DATE-ASOF", {"claims.as_of": "2026-10-25"}, {}, ("answer",), "claims.as_of"),
    (
        "DATE-REPAYMENT-AFTER-ASOF",
        {"loan.repayments": [{"date": "2026-11-01", "amount": "100.00"}]},
        {},
        ("answer",),
        "loan.repayments[0].date",
    ),
    # deadline 2026-12-07 (served 2026-11-20 + 15, moved off Saturday 12-05); signed 12-08: one day late
    ("DEADLINE-PASSED", {"signing.date": "2026-12-08"}, {}, ("answer",), "court.served_on"),
    # signed 2026-12-04: 3 days before 2026-12-07
    ("DEADLINE-NEAR", {"signing.date": "2026-12-04"}, {}, ("answer",), "court.served_on"),
    # the sample is 简易程序: without answer_period_days the court's period is unknown (law.md §5)
    (
        "DEADLINE-PERIOD-MISSING",
        {"court.answer_period_days": DELETE},
        {"answer_deadline": None, "answer_period_days": None, "answer_deadline_end": None},
        ("answer",),
        "court.answer_period_days",
    ),
    # no procedure and no period: 15 days by default, to be confirmed
    (
        "DEADLINE-PERIOD-DEFAULT",
        {"court.answer_period_days": DELETE, "court.procedure": DELETE},
        {},
        ("answer",),
        "court.procedure",
    ),
    (
        "DEADLINE-HOLIDAYS-UNKNOWN",
        {},
        {"answer_deadline_end": UNKNOWN_DEADLINE, "answer_deadline": d(2099, 10, 3)},
        ("answer",),
        "court.served_on",
    ),
    # the sample's last digit is 9; any other digit breaks the check digit
    ("ID-CHECKSUM", {"client.id_number": "410105199403012310"}, {}, ("answer",), "client.id_number"),
    ("CREDIT-CHECKSUM", {"lender.credit_code": "91500000MA5U0000X0"}, {}, ("answer",), "lender.credit_code"),
    ("CASE-NUMBER", {"court.case_number": "2026京0491民初31875号"}, {}, ("answer",), "court.case_number"),
    ("COURT-NAME", {"court.name": "北京互联网"}, {}, ("answer",), "court.name"),
    ("RATE-ABOVE-CAP", {"loan.annual_rate": "0.30"}, {}, ("answer",), "loan.annual_rate"),
    ("RATE-EXCESS", {}, {}, ("answer",), "claims"),
    ("RATE-FEES", {}, {}, ("answer",), "claims.fees"),
    ("RATE-LPR4X", {}, {}, ("answer",), "loan.rate_cap_basis"),
    ("LIMITATION-EXPIRED", {}, EXPIRED, ("answer",), "court.filed_on"),
    ("LIMITATION-GIVEAWAY", {}, EXPIRED, ("hardship",), "hardship"),
    # filed 2026-10-20, 19 days after an expiry of 2026-10-01, the submission date unknown
    (
        "LIMITATION-SUBMISSION-UNKNOWN",
        {},
        {**EXPIRED, "limitation_expires": d(2026, 10, 1)},
        ("answer",),
        "court.submitted_on",
    ),
    # an expiry taken unmoved on 2099-10-03 (Saturday) and a suit submitted on Monday 2099-10-05
    (
        "LIMITATION-ARGUABLE",
        {"court.submitted_on": "2099-10-05"},
        {**EXPIRED, "limitation_end": UNKNOWN_DEADLINE, "limitation_expires": d(2099, 10, 3)},
        ("answer",),
        "court.submitted_on",
    ),
    ("LIMITATION-WAIVER-RISK", {}, _after_expiry("repayment", "loan.repayments[0]"), ("answer",), "loan.repayments[0]"),
    (
        "LIMITATION-DEMAND-AFTER-EXPIRY",
        {},
        _after_expiry("demand", "loan.interruptions[0]"),
        ("answer",),
        "loan.interruptions[0]",
    ),
    (
        "LIMITATION-EVENT-DISPUTED",
        {"loan.interruptions": [{"date": "2026-08-01", "kind": "demand", "disputed": True}]},
        {
            "limitation_events": (
                LimitationEvent(d(2026, 8, 1), "demand", "loan.interruptions[0]", "disputed", d(2029, 5, 10)),
            )
        },
        ("answer",),
        "loan.interruptions[0]",
    ),
    # no suit filed yet; limitation expires 100 days after the signing date 2026-11-29
    (
        "LIMITATION-NEAR",
        {"court.filed_on": DELETE},
        {"limitation_expired": None, "limitation_expires": d(2026, 11, 29) + dt.timedelta(days=100)},
        ("settlement",),
        "proposal",
    ),
    (
        "SCHED-SUM",
        {},
        {"schedule": (Installment(1, d(2027, 1, 15), Decimal("17999.99")),)},
        ("settlement",),
        "proposal.settlement_amount",
    ),
    ("SCHED-DATES", {"proposal.first_due_date": "2026-11-29"}, {}, ("settlement",), "proposal.first_due_date"),
    ("SCHED-COUNT", {"proposal.installments": 61}, {}, ("settlement",), "proposal.installments"),
    ("SCHED-LONG", {"proposal.installments": 37}, {}, ("settlement",), "proposal.installments"),
    (
        "SCHED-ABOVE-CLAIM",
        {"proposal.settlement_amount": "23000.01"},
        {},
        ("settlement",),
        "proposal.settlement_amount",
    ),
    # each instalment 1,500.00 against 1,499.99 disposable
    ("SCHED-UNAFFORDABLE", {}, {"monthly_disposable": Decimal("1499.99")}, ("settlement",), "proposal.installments"),
    (
        "SCHED-DOWN-PAYMENT",
        {"proposal.down_payment": "18000.01"},
        {"schedule": None},
        ("settlement",),
        "proposal.down_payment",
    ),
    # law.md §6: a down payment dated on the signing day 2026-11-29 would be paid before acceptance
    (
        "SCHED-DOWN-PAYMENT-DATE",
        {"proposal.down_payment": "1000.00", "proposal.down_payment_date": "2026-11-29"},
        {},
        ("settlement",),
        "proposal.down_payment_date",
    ),
    # the sample offers 18,000.00; with a supportable total one cent lower it offers more than the law supports
    (
        "SCHED-ABOVE-SUPPORTABLE",
        {},
        {"supportable_total": Decimal("17999.99")},
        ("settlement",),
        "proposal.settlement_amount",
    ),
    (
        "LETTER-OVERPAID",
        {},
        {"ledger": dataclasses.replace(SAMPLE_FIGURES.ledger, overpaid=Decimal("0.01"))},
        ("settlement",),
        "proposal",
    ),
    ("LETTER-LIMITATION-RESTART", {}, {}, ("hardship",), "hardship"),
    (
        "LETTER-BEFORE-SUIT",
        {"court.filed_on": DELETE, "court.case_number": DELETE},
        {"limitation_expired": None},
        ("settlement",),
        "proposal",
    ),
    # a proposal to the court, with no court to address it to
    (
        "LETTER-NO-COURT",
        {"court": DELETE, "answer": DELETE, "proposal.addressee": "court"},
        {},
        ("settlement",),
        "proposal.addressee",
    ),
    # one cent more received than lent
    ("FACT-DISBURSED-ABOVE", {"loan.disbursed": "18000.01"}, {}, ("answer",), "loan.disbursed"),
    # signed 2026-11-29: 20 years earlier is 2006-11-29, and 2006-03-10 is before it
    (
        "FACT-DATE-PLAUSIBLE",
        {"loan.contract_date": "2006-03-10", "loan.disbursed_on": "2026-03-10"},
        {},
        ("answer",),
        "loan.contract_date",
    ),
    # the first LPR was published 2019-08-20 (law.md §1): a private loan of the day before has none
    (
        "FACT-BEFORE-LPR",
        {"loan.contract_date": "2019-08-19", "loan.disbursed_on": "2026-03-10", "lender.kind": "private"},
        {"transition_rule": True},
        ("answer",),
        "loan.contract_date",
    ),
    # the sample claims 23,000.00 in all
    (
        "FACT-REPAYMENT-ABOVE-CLAIM",
        {"loan.repayments": [{"date": "2026-04-10", "amount": "23000.01"}]},
        {},
        ("answer",),
        "loan.repayments[0].amount",
    ),
    (
        "DATA-LPR-STALE",
        {},
        {"rate_cap_basis": "lpr4x", "gaps": (DataGap("lpr_stale", d(2026, 3, 10), "LPR 数据只核对到 2026-01-01"),)},
        ("answer",),
        "loan.contract_date",
    ),
    (
        "DATA-LPR-MISSING",
        {},
        {"rate_cap_basis": "lpr4x", "gaps": (DataGap("lpr_missing", d(2019, 1, 2), "合同成立日 2019-01-02 早于 LPR"),)},
        ("answer",),
        "loan.contract_date",
    ),
    (
        "DATA-INPUT-MISSING",
        {},
        {"missing": (MissingInput("rate_cap", "court.filed_on", "缺少立案日"),)},
        ("answer",),
        "court.filed_on",
    ),
]


def test_every_fact_check_has_a_case() -> None:
    assert sorted(row[0] for row in CASES) == sorted(item.id for item in FACT_CHECKS)


@pytest.mark.parametrize(
    ("check_id", "changes", "figure_changes", "documents", "field"), CASES, ids=[row[0] for row in CASES]
)
def test_check_fires(
    check_id: str, changes: dict[str, Any], figure_changes: dict[str, Any], documents: tuple[str, ...], field: str
) -> None:
    result = findings(variant(changes), figures(**figure_changes), documents)
    assert (check_id, field) in found(result)
    finding = next(f for f in result if f.id == check_id and f.field == field)
    assert finding.message and finding.severity in ("error", "warning", "info")


# --- each check stays quiet where it should (no false alarms) -------------------------------------------


def test_sections_are_required_only_by_the_document_that_needs_them() -> None:
    no_hardship = variant({"hardship": DELETE})
    assert ("SECTION-MISSING", "hardship") in found(findings(no_hardship, documents=("hardship",)))
    assert not [f for f in findings(no_hardship, documents=("answer", "settlement")) if f.id == "SECTION-MISSING"]
    no_evidence = variant({"hardship.evidence": []})
    assert ("SECTION-MISSING", "hardship.evidence") in found(findings(no_evidence, documents=("hardship",)))
    no_proposal = variant({"proposal": DELETE})
    assert ("SECTION-MISSING", "proposal") in found(findings(no_proposal, documents=("settlement",)))
    no_court = variant({"court": DELETE})
    assert {("SECTION-MISSING", "court")} <= found(findings(no_court, documents=("answer",)))
    assert not [f for f in findings(no_court, documents=("hardship",)) if f.id == "SECTION-MISSING"]


def test_settlement_needs_claims() -> None:
    no_claims = variant({"claims": DELETE, "answer": DELETE})
    quiet = figures(
        ledger=None,
        supportable_total=None,
        claimed_principal=None,
        claimed_charges=None,
        claimed_total=None,
        excess=None,
    )
    assert ("SECTION-MISSING", "claims") in found(findings(no_claims, quiet, ("settlement",)))


def test_amounts_with_two_decimals_or_trailing_zeros_pass() -> None:
    case = variant({"claims.interest": "721.370", "claims.total": "23000.0000"})
    assert not [f for f in findings(case) if f.id == "AMT-TOTAL"]


def test_plausible_facts_stay_quiet_at_their_bounds() -> None:
    # received = lent; one payment = the whole claim (23,000.00); a contract exactly on the first LPR day;
    # a fact 20 years before the signing date (2006-11-29) and a first instalment 10 years after (2036-11-29)
    case = variant(
        {
            "loan.disbursed": "18000.00",
            "loan.repayments": [{"date": "2026-04-10", "amount": "23000.00"}],
            "loan.contract_date": "2006-11-29",
            "loan.disbursed_on": "2026-03-10",
            "proposal.first_due_date": "2036-11-29",
            "lender.kind": "private",
        }
    )
    quiet = [f for f in findings(case, figures(transition_rule=True)) if f.id.startswith("FACT-")]
    assert {f.id for f in quiet} == {"FACT-BEFORE-LPR"}  # 2006 is before 2019-08-20: only that one fires
    on_first_day = variant({"loan.contract_date": "2019-08-20", "loan.disbursed_on": "2026-03-10"})
    assert not [f for f in findings(on_first_day, figures(transition_rule=True)) if f.id.startswith("FACT-")]


def test_implausible_dates_name_each_field_and_what_to_check() -> None:
    case = variant(
        {
            "loan.contract_date": "2000-01-05",
            "loan.disbursed_on": "2000-01-05",
            "proposal.first_due_date": "2036-11-30",
            "client.birth_date": "2000-01-05",
            "client.id_number": "410105200001052311",
        }
    )
    result = [f for f in findings(case) if f.id == "FACT-DATE-PLAUSIBLE"]
    fields = {f.field for f in result}
    assert {"loan.contract_date", "loan.disbursed_on", "proposal.first_due_date", "client.birth_date"} <= fields
    assert all("核对" in f.message for f in result)


def test_deducted_interest_names_both_amounts_and_the_claimed_principal() -> None:
    (finding,) = [f for f in findings(variant({"loan.disbursed": "16000.00"})) if f.id == "AMT-DEDUCTED"]
    # 18,000.00 written − 16,000.00 received = 2,000.00 deducted in advance
    assert "2,000.00" in finding.message and "16,000.00" in finding.message
    assert "第六百七十条" in (finding.citation or "") and "第二十六条" in (finding.citation or "")


def test_id_number_message_never_shows_the_number() -> None:
    for changes in (
        {"client.id_number": "410105199403012310"},
        {"client.gender": "女"},
        {"client.birth_date": "1994-03-02"},
    ):
        result = [f for f in findings(variant(changes)) if f.id == "ID-CHECKSUM"]
        assert result, changes
        for finding in result:
            assert "410105199403012319" not in finding.message
            assert "410105199403012310" not in finding.message


def _credit_code(first17: str) -> str:
    """GB 32100-2015: weights 3^i mod 31, check = 31 − (sum mod 31), 31 → 0."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    total = sum(alphabet.index(c) * (3**i % 31) for i, c in enumerate(first17))
    return first17 + alphabet[(31 - total % 31) % 31]


def test_a_valid_credit_code_passes() -> None:
    code = _credit_code("91500000MA5U00000")
    assert not [f for f in findings(variant({"lender.credit_code": code})) if f.id == "CREDIT-CHECKSUM"]


def test_case_number_with_ascii_brackets_passes() -> None:
    case = variant({"court.case_number": "(2026)京0491民初31875号"})
    assert not [f for f in findings(case) if f.id == "CASE-NUMBER"]


def test_deadline_checks_stay_quiet_a_week_before() -> None:
    # sample: signed 2026-11-29, deadline 2026-12-07: 8 days left
    assert not [f for f in findings() if f.id.startswith("DEADLINE")]
    # on the deadline day itself: near (0 days left), not passed
    on_day = {f.id for f in findings(variant({"signing.date": "2026-12-07"}))}
    assert "DEADLINE-NEAR" in on_day and "DEADLINE-PASSED" not in on_day
    # 2026-12-03 is four days before: quiet
    assert not [f for f in findings(variant({"signing.date": "2026-12-03"})) if f.id.startswith("DEADLINE")]


def test_deadline_checks_apply_to_the_answer_only() -> None:
    late = variant({"signing.date": "2026-12-08"})
    assert not [f for f in findings(late, documents=("hardship", "settlement")) if f.id.startswith("DEADLINE")]


def test_excess_that_rounds_to_zero_is_not_reported() -> None:
    assert not [f for f in findings(figs=figures(excess=Decimal("0.004"))) if f.id == "RATE-EXCESS"]
    assert not [f for f in findings(figs=figures(excess=Decimal(0))) if f.id == "RATE-EXCESS"]


def test_excess_message_gives_the_figures_and_cites_the_cap() -> None:
    (finding,) = [f for f in findings() if f.id == "RATE-EXCESS"]
    assert "20,650.57" in finding.message and "2,349.43" in finding.message and "依法最多可主张" in finding.message
    assert finding.citation == "《最高人民法院关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）第二条"


def test_excess_message_asks_to_contest_the_charges_only_when_they_exceed_the_capped_ones() -> None:
    """The sample claims 5,000.00 of charges against 2,650.57 capped (law.md §4): with none contested, the
    message asks for them. Claiming 2,650.57 or less, with principal above the ledger's, the excess is all
    principal (18,100.00 − 18,000.00 = 100.00 over): no charge item is to contest for it."""
    nothing_contested = variant({"answer.contested": []})
    (finding,) = [f for f in findings(nothing_contested) if f.id == "RATE-EXCESS"]
    assert "answer.contested 尚未列入任何利息或费用项目" in finding.message
    principal_only = variant(
        {
            "answer.contested": [],
            "answer.admitted": [],
            "claims.principal": "18100.00",
            "claims.penalty": "541.97",  # 721.37 + 541.97 + 1,387.23 = 2,650.57, the capped charges
            "claims.total": "20750.57",
        }
    )
    (finding,) = [f for f in findings(principal_only, compute_figures(principal_only)) if f.id == "RATE-EXCESS"]
    assert "超出 100.00 元" in finding.message and "answer.contested" not in finding.message


def test_an_agreed_rate_at_the_cap_is_not_above_it() -> None:
    case = variant({"loan.annual_rate": "0.24", "loan.overdue_rate": "0.24"})
    assert not [f for f in findings(case) if f.id == "RATE-ABOVE-CAP"]


def test_fees_finding_only_for_financial_lenders_with_fees() -> None:
    assert not [f for f in findings(variant({"lender.kind": "private"})) if f.id == "RATE-FEES"]
    no_fees = variant({"claims.fees": "0", "claims.total": "21612.77"})  # 23,000.00 − 1,387.23
    assert not [f for f in findings(no_fees) if f.id == "RATE-FEES"]
    uncontested = variant({"answer.contested": ["interest", "penalty"]})
    (finding,) = [f for f in findings(uncontested) if f.id == "RATE-FEES"]
    assert "answer.contested" in finding.message


def test_lpr4x_alternative_only_for_microfinance_on_auto() -> None:
    assert not [f for f in findings(variant({"loan.rate_cap_basis": "financial24"})) if f.id == "RATE-LPR4X"]
    assert not [f for f in findings(variant({"lender.kind": "bank"})) if f.id == "RATE-LPR4X"]
    (finding,) = [f for f in findings() if f.id == "RATE-LPR4X"]
    assert finding.severity == "info" and "12%" in finding.message  # 4 × 3 %


def test_limitation_giveaway_is_an_error_for_both_acknowledging_documents() -> None:
    result = findings(figs=figures(**EXPIRED), documents=("hardship", "settlement"))
    giveaways = [f for f in result if f.id == "LIMITATION-GIVEAWAY"]
    assert {f.field for f in giveaways} == {"hardship", "proposal"}
    for finding in giveaways:
        assert finding.severity == "error"
        assert "--allow LIMITATION-GIVEAWAY" in finding.message
        assert "承认债务" in finding.message
        for article in ("第十四条", "第十九条", "第一百九十二条"):
            assert article in (finding.citation or "")


def test_limitation_giveaway_does_not_concern_the_answer() -> None:
    result = findings(figs=figures(**EXPIRED), documents=("answer",))
    assert "LIMITATION-GIVEAWAY" not in {f.id for f in result}
    (expired,) = [f for f in result if f.id == "LIMITATION-EXPIRED"]
    assert "分期还款" in expired.message  # the sample asks for installments: the answer leaves them out


def test_giveaway_before_any_filing_compares_with_the_signing_date() -> None:
    unfiled = variant({"court.filed_on": DELETE})
    past = figures(limitation_expired=None, limitation_expires=d(2026, 11, 28))
    assert ("LIMITATION-GIVEAWAY", "hardship") in found(findings(unfiled, past, ("hardship",)))
    on_day = figures(limitation_expired=None, limitation_expires=d(2026, 11, 29))
    ids = {f.id for f in findings(unfiled, on_day, ("hardship",))}
    assert "LIMITATION-GIVEAWAY" not in ids and "LIMITATION-NEAR" in ids


def test_near_expiry_is_quiet_once_the_suit_is_filed_or_far_away() -> None:
    soon = figures(limitation_expires=d(2027, 1, 1))
    assert "LIMITATION-NEAR" not in {f.id for f in findings(figs=soon, documents=("hardship",))}  # filed
    unfiled = variant({"court.filed_on": DELETE})
    far = figures(limitation_expired=None, limitation_expires=d(2026, 11, 29) + dt.timedelta(days=181))
    assert "LIMITATION-NEAR" not in {f.id for f in findings(unfiled, far, ("hardship",))}


def test_schedule_boundaries() -> None:
    assert not [f for f in findings(variant({"proposal.installments": 36})) if f.id.startswith("SCHED-")]
    sixty = {f.id for f in findings(variant({"proposal.installments": 60}))}
    assert "SCHED-LONG" in sixty and "SCHED-COUNT" not in sixty
    # instalment exactly equal to the disposable income is affordable
    assert not [f for f in findings(figs=figures(monthly_disposable=Decimal("1500.00"))) if f.id.startswith("SCHED")]
    # law.md §6: a down payment the day after signing waits for nothing worse than the calendar; on or
    # before the signing day it is paid before the lender can accept (a warning, not an error)
    with_down = {"proposal.down_payment": "1000.00"}
    later = variant({**with_down, "proposal.down_payment_date": "2026-11-30"})
    assert not [f for f in findings(later) if f.id.startswith("SCHED-DOWN-PAYMENT")]
    for day in ("2026-11-29", "2026-11-28"):
        early = findings(variant({**with_down, "proposal.down_payment_date": day}))
        early = [f for f in early if f.id.startswith("SCHED")]
        assert [(f.id, f.severity) for f in early] == [("SCHED-DOWN-PAYMENT-DATE", "warning")]
    # no date: due within 7 days of acceptance, nothing to warn about
    assert not [f for f in findings(variant(with_down)) if f.id.startswith("SCHED")]


def test_lpr_gaps_do_not_matter_under_the_24_percent_cap() -> None:
    stale = figures(gaps=(DataGap("lpr_stale", d(2026, 3, 10), "LPR 数据只核对到 2026-01-01"),))
    assert not [f for f in findings(figs=stale) if f.id.startswith("DATA-LPR")]


def test_dates_in_order_and_repayments_in_time_pass() -> None:
    case = variant(
        {"loan.repayments": [{"date": "2026-03-10", "amount": "100.00"}, {"date": "2026-10-20", "amount": "100.00"}]}
    )
    assert not [f for f in findings(case) if f.id.startswith("DATE-")]


def test_sample_figures_match_the_worked_example() -> None:
    """Guard on the hand-built figures themselves (law.md §4)."""
    assert SAMPLE_FIGURES.ledger is not None
    assert SAMPLE_FIGURES.ledger.charges_outstanding == Decimal("2650.57")
    assert SAMPLE_FIGURES.excess == Decimal("2349.43")
