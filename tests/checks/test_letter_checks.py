"""The checks of law.md §5 and §6 on the letters, and the document checks on a finished letter.

Hand-worked figures (law.md §4, §6):
- Sample: 12 instalments of 18,000.00 / 12 = 1,500.00 against 8,500.00 − (1,800.00 + 2,200.00 + 2,000.00 +
  500.00) = 2,000.00 of disposable income: affordable. With income 7,999.99 the disposable income is 1,499.99,
  one cent below the instalment: SCHED-UNAFFORDABLE, an error for both letters, overridable with --allow.
- Supportable total of the sample: 18,000.00 + 721.37 + 1,929.20 (or 1,929.21 before law.md §4.4) ≈ 20,650.57;
  an offer of 21,000.00 is above it and below the 23,000.00 claimed: SCHED-ABOVE-SUPPORTABLE only.
- A repayment of 30,000.00 on 2026-05-10: charges to that day 18,000.00 × 0.2398 × 61 / 365 = 721.37, then the
  principal 18,000.00, so 30,000.00 − 18,721.37 = 11,278.63 is overpaid: LETTER-OVERPAID for both letters.
- Limitation restarts on the letter's date 2026-11-29 (a Sunday; the period ends on the same day three years
  on, 民法典 第一百八十八条、第一百九十五条): 2029-11-29, a Thursday, needs no move.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from checks_support import ALL_DOCUMENTS, SAMPLE, SAMPLE_FIGURES, findings, variant
from support import DELETE, letter_names, run_draft

from toolkit.batch.batch import Request, draft_batch
from toolkit.checks.document import CheckedDocument
from toolkit.checks.letter_document import CHECKS as LETTER_DOCUMENT_CHECKS
from toolkit.checks.registry import catalogue
from toolkit.documents import kind
from toolkit.drafting import Options, draft
from toolkit.errors import ChecksFailed
from toolkit.law.compute import compute_figures
from toolkit.render.document import RenderedDocument

ROOT = Path(__file__).resolve().parents[2]
LETTERS = tuple(letter_names())
OVERPAID = {"loan.repayments": [{"date": "2026-05-10", "amount": "30000.00"}]}
UNAFFORDABLE = {"hardship.monthly_income": "7999.99"}


def _engine(changes: dict[str, object], documents: tuple[str, ...] = ALL_DOCUMENTS) -> dict[str, str]:
    case = variant(changes)
    return {f"{f.id}@{f.field}": f.severity for f in findings(case, compute_figures(case), documents)}


def test_unaffordable_instalment_is_an_error_for_the_letters_only() -> None:
    assert compute_figures(variant(UNAFFORDABLE)).monthly_disposable == Decimal("1499.99")
    found = _engine(UNAFFORDABLE)
    assert found["SCHED-UNAFFORDABLE@proposal.installments"] == "error"
    assert "SCHED-UNAFFORDABLE@proposal.installments" not in _engine(UNAFFORDABLE, ("answer",))
    assert "SCHED-UNAFFORDABLE@proposal.installments" not in _engine({})  # 1,500.00 ≤ 2,000.00


@pytest.mark.parametrize("name", LETTERS)
def test_unaffordable_letter_is_refused_unless_allowed(name: str) -> None:
    case = variant(UNAFFORDABLE)
    with pytest.raises(ChecksFailed, match="SCHED-UNAFFORDABLE"):
        draft(case, compute_figures(case), name, Options())
    allowed = draft(case, compute_figures(case), name, Options(allow=frozenset({"SCHED-UNAFFORDABLE"})))
    assert ("SCHED-UNAFFORDABLE", "error") in {(f.id, f.severity) for f in allowed.findings}


def test_allow_is_recorded_in_the_check_report_and_the_batch_report(tmp_path: Path) -> None:
    case_file = tmp_path / "unaffordable.yaml"
    case_file.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("monthly_income: 8500.00", "monthly_income: 7999.99"),
        encoding="utf-8",
    )
    refused = json.loads(run_draft("check", "--case", case_file, "--json", cwd=ROOT).stdout)
    assert refused["ok"] is False
    assert {"SCHED-UNAFFORDABLE"} <= {f["id"] for f in refused["findings"] if f["severity"] == "error"}
    allowed = run_draft("check", "--case", case_file, "--json", "--allow", "SCHED-UNAFFORDABLE", cwd=ROOT)
    report = json.loads(allowed.stdout)
    assert allowed.returncode == 0 and report["ok"] is True and report["allowed"] == ["SCHED-UNAFFORDABLE"]
    options = Options(allow=frozenset({"SCHED-UNAFFORDABLE"}))
    outcome = draft_batch(Request((case_file,), tmp_path / "out", documents=LETTERS, options=options))
    batch = json.loads(outcome.report_json.read_text(encoding="utf-8"))
    documents = batch["cases"][0]["documents"]
    assert [d["status"] for d in documents] == ["written", "written"]
    for document in documents:
        assert {"id": "SCHED-UNAFFORDABLE", "severity": "error"} in document["findings"]


def test_settlement_above_the_supportable_total_is_a_warning() -> None:
    found = _engine({"proposal.settlement_amount": "21000.00"})
    assert found["SCHED-ABOVE-SUPPORTABLE@proposal.settlement_amount"] == "warning"
    assert "SCHED-ABOVE-CLAIM@proposal.settlement_amount" not in found  # 21,000.00 < 23,000.00
    below = _engine({"proposal.settlement_amount": "20000.00"})
    assert "SCHED-ABOVE-SUPPORTABLE@proposal.settlement_amount" not in below
    above = next(
        f for f in findings(variant({"proposal.settlement_amount": "21000.00"})) if f.id == "SCHED-ABOVE-SUPPORTABLE"
    )
    assert above.citation is not None and "法发〔2017〕22号" in above.citation


def test_overpaid_ledger_refuses_both_letters() -> None:
    case = variant(OVERPAID)
    figures = compute_figures(case)
    assert figures.ledger is not None and f"{figures.ledger.overpaid:.2f}" == "11278.63"
    found = _engine(OVERPAID)
    assert found["LETTER-OVERPAID@hardship"] == "error" and found["LETTER-OVERPAID@proposal"] == "error"
    assert not [key for key in _engine(OVERPAID, ("answer",)) if key.startswith("LETTER-")]
    for name in LETTERS:
        with pytest.raises(ChecksFailed, match="LETTER-OVERPAID"):
            draft(case, figures, name, Options())


def test_down_payment_date_on_signing_is_a_warning_citing_acknowledgment() -> None:
    found = findings(variant({"proposal.down_payment": "1000.00", "proposal.down_payment_date": "2026-11-29"}))
    warning = next(f for f in found if f.id == "SCHED-DOWN-PAYMENT-DATE")
    assert warning.severity == "warning" and "第十四条" in (warning.citation or "")


def test_each_letter_gives_the_new_limitation_expiry() -> None:
    restart = [f for f in findings(variant()) if f.id == "LETTER-LIMITATION-RESTART"]
    assert sorted(f.field for f in restart) == ["hardship", "proposal"]
    assert all("新的届满日为 2029年11月29日" in f.message and f.severity == "info" for f in restart)
    # after expiry the letter gives the defence away instead (LIMITATION-GIVEAWAY), and nothing restarts
    expired = dataclasses.replace(SAMPLE_FIGURES, limitation_expired=True, limitation_expires=dt.date(2024, 5, 10))
    ids = {f.id for f in findings(variant(), expired, LETTERS)}
    assert "LIMITATION-GIVEAWAY" in ids and "LETTER-LIMITATION-RESTART" not in ids


def test_near_expiry_before_suit_warns_and_gives_the_new_expiry() -> None:
    near = dataclasses.replace(
        SAMPLE_FIGURES, limitation_expired=None, limitation_expires=dt.date(2026, 11, 29) + dt.timedelta(days=100)
    )
    found = findings(variant({"court": DELETE, "answer": DELETE}), near, ("hardship",))
    assert {(f.id, f.severity) for f in found} >= {
        ("LIMITATION-NEAR", "warning"),
        ("LETTER-LIMITATION-RESTART", "info"),
        ("LETTER-BEFORE-SUIT", "info"),
    }


def test_the_new_checks_are_listed_with_their_scope() -> None:
    rows = {row["id"]: row for row in catalogue()}
    assert rows["SCHED-UNAFFORDABLE"]["severity"] == "error"
    assert rows["SCHED-UNAFFORDABLE"]["documents"] == ["hardship", "settlement"]
    assert rows["LETTER-OVERPAID"]["severity"] == "error" and rows["LETTER-OVERPAID"]["documents"] == list(LETTERS)
    assert rows["SCHED-ABOVE-SUPPORTABLE"]["severity"] == "warning"
    assert rows["SCHED-DOWN-PAYMENT-DATE"]["severity"] == "warning"
    assert "第一百零七条" in rows["DOC-RESERVATION"]["citation"]
    for check_id in ("DOC-RESERVATION", "DOC-NO-ACKNOWLEDGED-FIGURE", "DOC-PROMISE"):
        assert rows[check_id]["stage"] == "document"


# --- document checks on a finished letter ------------------------------------------------------------

PENDING_RESERVATION = (
    "本方案系为协商和解而作出的妥协，不构成对债务数额的自认。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
    "第一百零七条，申请人为达成调解协议或者和解协议作出妥协而认可的事实，不得在后续的诉讼中作为对申请人不利的根据。"
)


def _letter_findings(lines: list[str], changes: dict[str, object] | None = None, **figures: object) -> set[str]:
    case = variant(changes)
    subject = CheckedDocument(
        case,
        dataclasses.replace(SAMPLE_FIGURES, **figures),
        tuple(kind("settlement").parts(case, SAMPLE_FIGURES)),
        RenderedDocument("settlement", "settlement", b"", tuple(lines)),
    )
    return {finding.id for check in LETTER_DOCUMENT_CHECKS for finding in check.findings(subject)}


def test_a_sound_letter_passes() -> None:
    lines = [
        PENDING_RESERVATION,
        "按法定上限计算至2026年10月20日，被申请人依法最多可主张本金18,000.00元。",
        "上述方案经被申请人书面同意后，申请人将严格按照方案的期限和金额足额还款。",
    ]
    assert _letter_findings(lines) == set()


def test_missing_reservation_is_refused() -> None:
    assert _letter_findings(["申请人愿意分期还款。"]) == {"DOC-RESERVATION"}


def test_reservation_before_suit_must_say_by_analogy() -> None:
    assert _letter_findings([PENDING_RESERVATION], {"court": DELETE, "answer": DELETE}) == {"DOC-RESERVATION"}


@pytest.mark.parametrize(
    "sentence",
    [
        "申请人尚欠被申请人本金18,000.00元。",
        "申请人确认借款本金为18,000.00元。",
        "申请人应偿还被申请人20,650.57元。",
        "被申请人依法最多可主张20,650.57元。",  # the capped figure, not framed as an argument
    ],
)
def test_a_sentence_acknowledging_a_figure_is_refused(sentence: str) -> None:
    assert _letter_findings([PENDING_RESERVATION, sentence]) == {"DOC-NO-ACKNOWLEDGED-FIGURE"}


def test_promise_without_figures_to_judge_it_is_refused() -> None:
    promise = "上述方案经被申请人书面同意后，申请人将严格按照方案的期限和金额足额还款。"
    assert _letter_findings([PENDING_RESERVATION, promise], monthly_disposable=None) == {"DOC-PROMISE"}
    can_pay = "本方案每期还款1,500.00元，在每月可支配收入之内，申请人能够按期履行。"
    fits = SAMPLE_FIGURES.monthly_disposable
    assert _letter_findings([PENDING_RESERVATION, can_pay], monthly_disposable=fits) == set()
    # 1,500.00 against 1,499.99: the letter would state a fact its own figures contradict
    assert _letter_findings([PENDING_RESERVATION, can_pay], monthly_disposable=Decimal("1499.99")) == {"DOC-PROMISE"}


def test_the_answer_is_not_held_to_the_letters_rules() -> None:
    case = variant()
    subject = CheckedDocument(case, SAMPLE_FIGURES, (), RenderedDocument("answer", "answer", b"", ("原告尚欠……1元。",)))
    assert not [f for check in LETTER_DOCUMENT_CHECKS for f in check.findings(subject)]
