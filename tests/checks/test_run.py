"""The behaviour the drafting commands share: the registry, what blocks output, and the JSON report."""

from __future__ import annotations

import re

import pytest
from checks_support import SAMPLE, SAMPLE_FIGURES, variant

from toolkit.checks import REGISTRY, Finding, blocking, get, report, run_fact_checks
from toolkit.checks.registry import DOCUMENT_CHECKS, FACT_CHECKS, _by_id, catalogue
from toolkit.errors import UsageError
from toolkit.law.compute import compute_figures


def _finding(check_id: str, severity: str) -> Finding:
    return Finding(check_id, severity, "claims", "…", None)  # type: ignore[arg-type]


ERROR = _finding("ID-CHECKSUM", "error")
WARNING = _finding("RATE-EXCESS", "warning")
INFO = _finding("RATE-LPR4X", "info")


def test_ids_are_stable_shaped_and_unique() -> None:
    ids = [item.id for item in (*FACT_CHECKS, *DOCUMENT_CHECKS)]
    assert len(ids) == len(set(ids)) == len(REGISTRY)
    for check_id in ids:
        assert re.fullmatch(r"[A-Z][A-Z0-9]*(-[A-Z0-9]+)+", check_id), check_id


def test_every_check_is_described_and_its_citations_exist() -> None:
    for item in REGISTRY.values():
        assert item.severity in ("error", "warning", "info")
        assert item.title and item.field
        item.citation_text()  # an unknown citation key raises LegalDataError


def test_unknown_id_fails_loudly() -> None:
    assert get("RATE-EXCESS").severity == "warning"
    with pytest.raises(UsageError, match="RATE-EXESS"):
        get("RATE-EXESS")


def test_two_checks_with_one_id_are_refused() -> None:
    with pytest.raises(RuntimeError, match="RATE-EXCESS"):
        _by_id((get("RATE-EXCESS"), get("RATE-EXCESS")))


def test_errors_block_unless_allowed() -> None:
    assert blocking([ERROR, WARNING, INFO], strict=False, allow=()) == [ERROR]
    assert blocking([ERROR, WARNING, INFO], strict=False, allow=["ID-CHECKSUM"]) == []


def test_warnings_block_only_under_strict_and_allowing_them_is_harmless() -> None:
    assert blocking([WARNING, INFO], strict=False, allow=()) == []
    assert blocking([WARNING, INFO], strict=True, allow=()) == [WARNING]
    assert blocking([WARNING, INFO], strict=True, allow=["RATE-EXCESS"]) == []
    assert blocking([WARNING], strict=False, allow=["RATE-EXCESS"]) == []


def test_allowing_an_unregistered_id_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        blocking([ERROR], strict=False, allow=["LIMITATION-GIVEAWAYS"])
    assert caught.value.exit_code == 2


def test_unknown_document_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        run_fact_checks(variant(), SAMPLE_FIGURES, ["complaint"])


def test_findings_come_errors_first() -> None:
    result = run_fact_checks(variant({"client.gender": "女"}), SAMPLE_FIGURES, ["answer"])
    severities = [f.severity for f in result]
    assert severities[0] == "error"
    assert severities == sorted(severities, key=("error", "warning", "info").index)


def test_finding_json_has_the_report_keys() -> None:
    assert WARNING.to_json() == {
        "id": "RATE-EXCESS",
        "severity": "warning",
        "field": "claims",
        "message": "…",
        "citation": None,
    }


def test_report_records_overrides_and_ok() -> None:
    case = variant()
    figures = compute_figures(case)
    result = report(SAMPLE, [ERROR, WARNING], figures, ["ID-CHECKSUM"])
    assert set(result) == {"case", "ok", "findings", "figures", "allowed"}
    assert result["ok"] is True and result["allowed"] == ["ID-CHECKSUM"]
    assert report(SAMPLE, [ERROR, WARNING], figures)["ok"] is False
    assert report(SAMPLE, [WARNING], figures, strict=True)["ok"] is False
    assert [f["id"] for f in result["findings"]] == ["ID-CHECKSUM", "RATE-EXCESS"]


EXPIRED = {
    "loan.contract_date": "2021-03-10",
    "loan.disbursed_on": "2021-03-10",
    "loan.first_due_date": "2021-05-10",
    "loan.final_due_date": "2021-05-10",
    "loan.interruptions": [],
}


def test_expired_limitation_with_the_engine_blocks_hardship_until_allowed() -> None:
    """Due 2021-05-10, no repayment or demand: limitation ran out on 2024-05-10 (a Friday), long before the
    filing of 2026-10-20 (民法典 第一百八十八条)."""
    case = variant(EXPIRED)
    figures = compute_figures(case)
    assert figures.limitation_expired is True
    result = run_fact_checks(case, figures, ["hardship", "settlement"])
    stopped = blocking(result, strict=False, allow=())
    assert {(f.id, f.field) for f in stopped} == {
        ("LIMITATION-GIVEAWAY", "hardship"),
        ("LIMITATION-GIVEAWAY", "proposal"),
    }
    assert blocking(result, strict=False, allow=["LIMITATION-GIVEAWAY"]) == []
    answer = run_fact_checks(case, figures, ["answer"])
    assert "LIMITATION-EXPIRED" in {f.id for f in answer}
    # The sample admits the principal: with limitation expired no claim item is admitted (law.md §9.1, §9.3).
    assert {f.id for f in answer if f.severity == "error"} == {"ANSWER-ADMIT-BARRED"}
    unadmitted = variant({**EXPIRED, "answer.admitted": []})
    answer = run_fact_checks(unadmitted, compute_figures(unadmitted), ["answer"])
    assert not [f for f in answer if f.severity == "error"]


def test_catalogue_lists_every_check_with_its_stage() -> None:
    rows = catalogue()
    assert [row["id"] for row in rows] == list(REGISTRY)
    assert {row["stage"] for row in rows} == {"facts", "document"}
    assert set(rows[0]) == {"id", "severity", "title", "field", "citation", "documents", "stage"}
