"""The date and limitation rules of law.md §5, end to end: a variant of the sample case, the engine's
figures, and the findings a lawyer reads. Every expected date is worked out by hand in the comment beside
it (weekdays and holidays from the State Council schedules as chinese-calendar holds them; 2099 is a year
no release will cover)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from checks_support import variant
from support import DELETE, run_cli

from toolkit.case.models import Case
from toolkit.checks import Finding, run_fact_checks
from toolkit.law.caps import cap_table
from toolkit.law.citations import citation_table
from toolkit.law.compute import compute_figures
from toolkit.law.figures import Figures
from toolkit.law.holidays import holiday_table
from toolkit.law.lpr import lpr_table

d = dt.date
SCHEDULE_2099 = """last_reviewed: 2099-01-01
years:
  2099:
    reference: 国务院办公厅关于2099年部分节假日安排的通知
    holidays: [2099-10-01, 2099-10-02, 2099-10-03, 2099-10-04, 2099-10-05, 2099-10-06, 2099-10-07]
    workdays: [2099-10-10]
"""  # typed for the test: no such notice exists


def _clear() -> None:
    for table in (lpr_table, cap_table, citation_table, holiday_table):
        table.cache_clear()


@pytest.fixture
def schedule_2099(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "law"
    folder.mkdir()
    (folder / "holidays.yaml").write_text(SCHEDULE_2099, encoding="utf-8")
    monkeypatch.setenv("DRAFT_LAW_DIR", str(folder))
    _clear()
    return folder


def engine(changes: dict[str, Any]) -> tuple[Case, Figures, dict[str, list[Finding]]]:
    case = variant(changes)
    figures = compute_figures(case)
    by_id: dict[str, list[Finding]] = {}
    for finding in run_fact_checks(case, figures, ("answer",)):
        by_id.setdefault(finding.id, []).append(finding)
    return case, figures, by_id


# served 2099-09-18 + 15 days = 2099-10-03, a Saturday; signed before it
WEEKEND_2099 = {"court.served_on": "2099-09-18", "signing.date": "2099-09-20"}


def test_a_weekend_deadline_of_an_uncovered_year_is_the_last_day_with_a_warning() -> None:
    """law.md §5: no data for 2099, so the earliest deadline (Saturday 10-03 itself) is reported, and the
    warning gives the day it moves to if that Saturday is a rest day (Monday 10-05) and how to add 2099."""
    _, figures, found = engine(WEEKEND_2099)
    assert figures.answer_deadline == d(2099, 10, 3)
    (warning,) = found["DEADLINE-HOLIDAYS-UNKNOWN"]
    assert warning.severity == "warning"
    assert "2099年10月3日（星期六）" in warning.message and "2099年10月5日" in warning.message
    assert "holidays.yaml" in warning.message and "docs/legal-data.md" in warning.message
    assert "第八十五条第三款" in (warning.citation or "")


def test_the_same_deadline_with_a_holidays_yaml_for_2099(schedule_2099: Path) -> None:
    """With the schedule, 10-03 … 10-07 are rest days: the deadline is Thursday 2099-10-08, and no warning."""
    _, figures, found = engine(WEEKEND_2099)
    assert figures.answer_deadline == d(2099, 10, 8)
    assert "DEADLINE-HOLIDAYS-UNKNOWN" not in found


def test_explain_names_the_source_of_each_day_moved_over(
    schedule_2099: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = (Path(__file__).resolve().parents[2] / "samples" / "case.yaml").read_text(encoding="utf-8")
    path = tmp_path / "case.yaml"
    path.write_text(sample.replace("served_on: 2026-11-20", "served_on: 2099-09-18"), encoding="utf-8")
    code, out, _ = run_cli(["explain", "--case", str(path)], capsys)
    assert code == 0
    (moved,) = [line for line in out.splitlines() if "2099年10月3日（星期六，法定节假日" in line]
    assert "据 holidays.yaml（国务院办公厅关于2099年部分节假日安排的通知）" in moved
    assert "落在 2099年10月8日（星期四，工作日" in moved


def test_a_private_loan_after_the_lpr_review_date_warns_that_the_table_may_be_stale() -> None:
    """law.md §1: contract 2026-06-15 is after the last publication checked (2026-02-20): the cap is
    4 × 3.00 % (2025-05-20) = 12 %, with a warning naming the last publication checked and how to add one."""
    changes = {
        "lender.kind": "private",
        "loan.contract_date": "2026-06-15",
        "loan.disbursed_on": "2026-06-15",
        "loan.term_months": 3,
        "loan.first_due_date": "2026-09-15",
        "loan.final_due_date": "2026-09-15",
    }
    _, figures, found = engine(changes)
    assert figures.rate_cap == Decimal("0.12") and figures.lpr_at_contract == Decimal("0.03")
    (stale,) = found["DATA-LPR-STALE"]
    for part in ("2026-02-20", "2025-05-20", "3%", "lpr.yaml", "last_reviewed", "docs/legal-data.md", "四倍LPR"):
        assert part in stale.message, part


def test_a_demand_and_a_repayment_after_expiry() -> None:
    """Due 2020-05-10 → expiry 2023-05-10 (a Wednesday, a working day). The demand of 2023-06-01 comes after
    it: no effect (info). The repayment of 2024-01-10 too: no restart, limitation_expired stays true, and a
    warning that it may be argued to waive the defence (诉讼时效规定 第十九条)."""
    changes = {
        "loan.contract_date": "2020-03-10",
        "loan.disbursed_on": "2020-03-10",
        "loan.first_due_date": "2020-05-10",
        "loan.final_due_date": "2020-05-10",
        "loan.repayments": [{"date": "2024-01-10", "amount": "500.00"}],
        "loan.interruptions": [{"date": "2023-06-01", "kind": "demand", "note": "电话催收"}],
    }
    _, figures, found = engine(changes)
    assert figures.limitation_expires == d(2023, 5, 10) and figures.limitation_expired is True
    (waiver,) = found["LIMITATION-WAIVER-RISK"]
    assert waiver.severity == "warning" and waiver.field == "loan.repayments[0]"
    assert "500.00" in waiver.message and "2023年5月10日" in waiver.message and "第十九条" in (waiver.citation or "")
    (demand,) = found["LIMITATION-DEMAND-AFTER-EXPIRY"]
    assert demand.severity == "info" and demand.field == "loan.interruptions[0]"
    assert "LIMITATION-EXPIRED" in found


def test_the_submission_date_decides_and_its_absence_is_flagged() -> None:
    """Due 2023-10-20 → expiry 2026-10-20 (Tuesday, working). Registered 2026-10-28, 8 days later."""
    base = {
        "loan.contract_date": "2023-08-20",
        "loan.disbursed_on": "2023-08-20",
        "loan.first_due_date": "2023-10-20",
        "loan.final_due_date": "2023-10-20",
        "loan.interruptions": [],
        "claims.as_of": "2026-10-20",
        "court.filed_on": "2026-10-28",
    }
    _, figures, found = engine(base)
    assert figures.limitation_expired is True
    (unknown,) = found["LIMITATION-SUBMISSION-UNKNOWN"]
    assert unknown.field == "court.submitted_on" and "8 日" in unknown.message and "第十条" in (unknown.citation or "")
    # submitted 2026-10-19, before the expiry: the suit interrupted limitation in time
    _, figures, found = engine({**base, "court.submitted_on": "2026-10-19"})
    assert figures.limitation_expired is False
    assert "LIMITATION-SUBMISSION-UNKNOWN" not in found and "LIMITATION-EXPIRED" not in found
    # 30 days after the expiry still warns, 31 does not (law.md §5: "within 30 days after")
    assert "LIMITATION-SUBMISSION-UNKNOWN" in engine({**base, "court.filed_on": "2026-11-19"})[2]
    assert "LIMITATION-SUBMISSION-UNKNOWN" not in engine({**base, "court.filed_on": "2026-11-20"})[2]


def test_a_disputed_demand_is_left_out_and_the_finding_says_what_proof_would_change() -> None:
    """Due 2021-05-10 → expiry 2024-05-10 (Friday, working); the disputed demand of 2024-04-01 is left out,
    so the suit of 2026-10-20 is out of time. Proven, it would restart the period to 2027-04-01 (a
    Thursday, taken as it is), and the suit would be in time."""
    changes = {
        "loan.contract_date": "2021-03-10",
        "loan.disbursed_on": "2021-03-10",
        "loan.first_due_date": "2021-05-10",
        "loan.final_due_date": "2021-05-10",
        "loan.interruptions": [{"date": "2024-04-01", "kind": "demand", "disputed": True}],
    }
    _, figures, found = engine(changes)
    assert figures.limitation_expires == d(2024, 5, 10) and figures.limitation_expired is True
    (disputed,) = found["LIMITATION-EVENT-DISPUTED"]
    assert disputed.field == "loan.interruptions[0]" and "第八条" in (disputed.citation or "")
    assert "2027年4月1日" in disputed.message and "未届满" in disputed.message and "原告举证" in disputed.message


ARGUABLE = {
    "loan.contract_date": "2096-08-03",
    "loan.disbursed_on": "2096-08-03",
    "loan.first_due_date": "2096-10-03",
    "loan.final_due_date": "2096-10-03",
    "loan.interruptions": [],
    "claims.as_of": "2099-10-05",
    "court.submitted_on": "2099-10-05",
    "court.filed_on": "2099-10-08",
    "court.served_on": "2099-10-20",
    "signing.date": "2099-10-25",
}


def test_a_suit_between_the_unmoved_and_the_moved_expiry_is_arguable() -> None:
    """Due 2096-10-03 → 2099-10-03, a Saturday of an uncovered year: taken unmoved (law.md §5). Submitted
    Monday 10-05, the day it would move to if 10-03 is a rest day: expired as computed, but arguable."""
    _, figures, found = engine(ARGUABLE)
    assert figures.limitation_expires == d(2099, 10, 3) and figures.limitation_expired is True
    (arguable,) = found["LIMITATION-ARGUABLE"]
    assert "2099年10月3日" in arguable.message and "2099年10月5日" in arguable.message
    assert "LIMITATION-EXPIRED" in found


def test_with_the_schedule_the_expiry_moves_and_the_suit_is_in_time(schedule_2099: Path) -> None:
    """10-03 … 10-07 are rest days in the schedule: the expiry moves to 10-08; submitted 10-05: in time."""
    _, figures, found = engine(ARGUABLE)
    assert figures.limitation_expires == d(2099, 10, 8) and figures.limitation_expired is False
    assert "LIMITATION-ARGUABLE" not in found and "LIMITATION-EXPIRED" not in found


def test_no_default_period_in_a_simplified_procedure() -> None:
    """The sample is 简易程序: without answer_period_days the deadline is null and a warning asks for it."""
    _, figures, found = engine({"court.answer_period_days": DELETE})
    assert figures.answer_deadline is None and figures.answer_period_days is None
    (missing,) = found["DEADLINE-PERIOD-MISSING"]
    assert "应诉通知书" in missing.message and "第二百六十六条" in (missing.citation or "")
    # with no procedure either: 15 days (2026-11-20 + 15 = Saturday 12-05 → Monday 12-07), to be confirmed
    _, figures, found = engine({"court.answer_period_days": DELETE, "court.procedure": DELETE})
    assert figures.answer_deadline == d(2026, 12, 7) and "DEADLINE-PERIOD-DEFAULT" in found
    # 普通程序: 15 days, nothing to confirm
    _, figures, found = engine({"court.answer_period_days": DELETE, "court.procedure": "普通程序"})
    assert figures.answer_deadline == d(2026, 12, 7)
    assert not {"DEADLINE-PERIOD-DEFAULT", "DEADLINE-PERIOD-MISSING"} & set(found)


def test_a_late_answer_says_the_jurisdiction_objection_is_lost() -> None:
    """Deadline 2026-12-07; signed 12-08. law.md §9.13: the objection belongs to the answer period."""
    (late,) = engine({"signing.date": "2026-12-08"})[2]["DEADLINE-PASSED"]
    assert "管辖权异议" in late.message and "第一百三十条第一款" in (late.citation or "")


def test_draft_data_lists_every_table(schedule_2099: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["data", "--json"], capsys)
    assert code == 0
    tables = {row["name"]: row for row in json.loads(out)}
    assert set(tables) == {"lpr.yaml", "caps.yaml", "citations.yaml", "arguments.yaml", "holidays.yaml"}
    assert tables["lpr.yaml"]["last_reviewed"] == "2026-02-20"  # law.md §1
    assert str(schedule_2099 / "holidays.yaml") in tables["holidays.yaml"]["sources"]
    assert "2099 年：holidays.yaml" in tables["holidays.yaml"]["covers"]
    code, out, _ = run_cli(["data"], capsys)
    assert code == 0 and "核对至：2026-02-20" in out and "chinese-calendar" in out
