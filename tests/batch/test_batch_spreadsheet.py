"""Spreadsheet rows become the same cases as case files, and every problem names sheet, row and column."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from batch_support import csv_files, workbook

from toolkit.batch.inputs import jobs
from toolkit.batch.jobs import Job
from toolkit.batch.worker import Settings, draft_job
from toolkit.case.load import case_from_data, sample_case
from toolkit.drafting import Options
from toolkit.errors import CaseFileError


def _jobs(path: Path) -> list[Job]:
    return list(jobs([path]))


def test_the_sheet_templates_sample_row_is_the_sample_case(tmp_path: Path) -> None:
    (job,) = _jobs(workbook(tmp_path / "cases.xlsx", 1, {0: {"client.name": "李明"}}))
    assert job.problems == ()
    assert job.data is not None
    assert case_from_data(job.data, job.source) == sample_case()


def test_csv_and_xlsx_give_the_same_case_and_input_hash(tmp_path: Path) -> None:
    (from_xlsx,) = _jobs(workbook(tmp_path / "cases.xlsx", 1))
    (from_csv,) = _jobs(csv_files(tmp_path / "cases.csv", 1))
    assert from_xlsx.data is not None and from_csv.data is not None
    assert case_from_data(from_xlsx.data, "x") == case_from_data(from_csv.data, "c")
    assert from_xlsx.input_sha256 == from_csv.input_sha256


def test_cell_problems_name_sheet_row_and_column(tmp_path: Path) -> None:
    path = workbook(tmp_path / "clients.xlsx", 4, {3: {"loan.principal": 18000.125, "client.id_number": 4101051994}})
    problems = _jobs(path)[3].problems
    assert any(p.startswith("clients.xlsx[cases]!R5 C(loan.principal): 金额最多两位小数") for p in problems)
    assert any(p.startswith("clients.xlsx[cases]!R5 C(client.id_number):") and "文本" in p for p in problems)


def test_each_field_is_located_at_the_cell_it_came_from(tmp_path: Path) -> None:
    """Row 3 of the sheet is the second case; its principal sits in the loan.principal column. The sample
    has two hardship events, so the first case's are events R2–R3 and the second case's first is R4."""
    job = _jobs(workbook(tmp_path / "clients.xlsx", 2))[1]
    assert job.cells["loan.principal"] == "clients.xlsx[cases]!R3 C(loan.principal)"
    assert job.cells["client.name"] == "clients.xlsx[cases]!R3 C(client.name)"
    assert job.cells["hardship.events[0].date"] == "clients.xlsx[events]!R4 C(date)"
    assert job.cells["hardship.events[0]"] == "clients.xlsx[events]!R4" and "(顶层)" not in job.cells
    assert dict(job.cells.items()) == {key: job.cells[key] for key in job.cells} and len(dict(job.cells)) == len(
        job.cells
    )


def test_model_problems_are_pointed_at_their_cell(tmp_path: Path) -> None:
    path = workbook(tmp_path / "clients.xlsx", 2, {1: {"court.served_on": "2026-02-30"}})
    job = _jobs(path)[1]
    result = draft_job(Settings(tmp_path / "out", ("answer",), Options()), job)
    assert result.status == "failed"
    assert result.message.startswith("clients.xlsx[cases]!R3 C(court.served_on): 2026年2月30日 这一天不存在")


def test_list_sheet_problems_name_their_own_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "clients.xlsx", 2)
    book = openpyxl.load_workbook(path)
    book["events"]["B4"] = "2026-13-01"  # columns case_id, date, …; two events a case: row 4 is C001's first
    book.save(path)
    job = _jobs(path)[1]
    result = draft_job(Settings(tmp_path / "out", ("hardship",), Options()), job)
    assert "clients.xlsx[events]!R4 C(date): 2026年13月1日 这一天不存在" in result.message


def test_an_unknown_column_stops_the_whole_spreadsheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "clients.xlsx", 2)
    book = openpyxl.load_workbook(path)
    book["cases"]["B1"] = "court.nmae"
    book.save(path)
    with pytest.raises(CaseFileError, match=r"clients.xlsx\[cases\]!R1 C\(court.nmae\): 不认识的列名"):
        _jobs(path)


def test_list_rows_of_an_unknown_case_are_reported_not_dropped(tmp_path: Path) -> None:
    path = csv_files(tmp_path / "clients.csv", 2)
    repayments = path.with_name("clients.repayments.csv")
    with repayments.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["case_id", "date", "amount"], ["C009", "2026-04-10", "500.00"]])
    found = _jobs(path)
    assert [job.case_id for job in found] == ["C000", "C001", "C009"]
    assert "clients.repayments.csv!R2" in found[2].problems[0] and "C009" in found[2].problems[0]


def test_repeated_case_ids_fail_the_repeat(tmp_path: Path) -> None:
    path = workbook(tmp_path / "clients.xlsx", 3, {2: {"case_id": "c000"}})
    found = _jobs(path)
    assert found[0].problems == ()
    assert "重复" in found[2].problems[0] and "clients.xlsx[cases]!R2" in found[2].problems[0]


def test_a_numeric_case_id_asks_for_a_text_column(tmp_path: Path) -> None:
    path = workbook(tmp_path / "clients.xlsx", 1, {0: {"case_id": 17}})
    job, orphans = _jobs(path)  # the list rows still say C000: reported too
    assert job.problems[0].startswith("clients.xlsx[cases]!R2 C(case_id): case_id 是数字格式")
    assert orphans.case_id == "C000"
