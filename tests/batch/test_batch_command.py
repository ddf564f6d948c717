"""`draft batch` end to end: 50 clients from a spreadsheet, three of them wrong, drafted on two workers."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from batch_support import case_ids, workbook
from support import run_draft as draft

ROOT = Path(__file__).resolve().parents[2]
BAD: dict[int, dict[str, Any]] = {
    7: {"client.id_number": "410105199403012318"},  # check digit: GB 11643 gives 9 for this number, not 8
    21: {"court.served_on": "2026-02-30"},  # February has no 30th
    38: {"claims.total": 23000.01},  # the items add up to 23000.00
}


@pytest.fixture(scope="module")
def fifty(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("fifty")
    path = workbook(folder / "clients.xlsx", 50, BAD)
    result = draft("batch", path, "--docs", "answer", "--out", folder / "out", "--jobs", "2")
    return folder / "out", result


def _report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data


def test_47_drafted_3_reported_and_exit_code_1(fifty: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, result = fifty
    assert result.returncode == 1, result.stderr
    report = _report(out)
    assert report["summary"]["cases"] == 50
    assert report["summary"]["succeeded"] == 47
    assert report["summary"]["written"] == 47
    failed = {case["case_id"]: case for case in report["cases"] if case["status"] == "failed"}
    assert sorted(failed) == ["C007", "C021", "C038"]
    assert [case["case_id"] for case in report["cases"]] == case_ids(50)  # input order, whatever the timing
    assert failed["C007"]["documents"][0]["findings"][0]["id"] == "ID-CHECKSUM"
    served = "clients.xlsx[cases]!R23 C(court.served_on)"
    assert failed["C021"]["message"].startswith(f"{served}: 2026年2月30日 这一天不存在")
    assert failed["C038"]["documents"][0]["findings"][0]["id"] == "AMT-TOTAL"
    assert "C007" in result.stdout and "C021" in result.stdout and "C038" in result.stdout
    assert "3 件案件未能全部生成" in result.stderr


def test_each_drafted_case_has_its_folder_and_nothing_for_the_refused(
    fifty: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, _ = fifty
    folders = sorted(path.name for path in out.iterdir() if path.is_dir())
    assert len(folders) == 47
    assert "C000-当事人000" in folders and not any(name.startswith(("C007", "C038")) for name in folders)
    assert (out / "C000-当事人000" / "当事人000-民事答辩状.docx").read_bytes().startswith(b"PK")


def test_csv_report_has_a_row_per_document(fifty: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _ = fifty
    with (out / "report.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 50
    assert {row["status"] for row in rows} == {"written", "refused", ""}
    written = next(row for row in rows if row["case_id"] == "C000")
    assert written["file"] == "C000-当事人000/当事人000-民事答辩状.docx"
    assert len(written["sha256"]) == len(written["input_sha256"]) == len(written["template_sha256"]) == 64


def test_the_sheet_template_drafts_as_it_is(tmp_path: Path) -> None:
    made = draft("batch", "--sheet-template", tmp_path / "案件表.xlsx")
    assert made.returncode == 0, made.stderr
    book = openpyxl.load_workbook(tmp_path / "案件表.xlsx")
    assert {"cases", "repayments", "events", "expenses", "evidence", "说明"} <= set(book.sheetnames)
    titles = [cell.value for cell in book["cases"][1]]
    header = [cell.value for cell in book["cases"][2]]  # the dotted paths, below the Chinese titles
    assert titles[:2] == ["案件编号", "法院·受理法院全称"] and "借款人·公民身份号码" in titles
    assert header[0] == "case_id" and "loan.principal" in header and "court.served_on" in header
    assert book["cases"].cell(row=3, column=header.index("client.id_number") + 1).number_format == "@"
    result = draft("batch", tmp_path / "案件表.xlsx", "--out", tmp_path / "out", "--jobs", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    report = _report(tmp_path / "out")
    assert report["summary"]["failed"] == 0 and report["summary"]["written"] >= 2
    again = draft("batch", "--sheet-template", tmp_path / "案件表.xlsx")
    assert again.returncode == 1 and "已存在" in again.stderr


def test_merge_reports_is_a_subcommand_and_options_may_follow_inputs(tmp_path: Path) -> None:
    path = workbook(tmp_path / "clients.xlsx", 2)
    for k in (1, 2):
        shard = draft("batch", path, "--out", tmp_path / "out", "--docs", "answer", "--shard", f"{k}/2", "--jobs", "1")
        assert shard.returncode == 0, shard.stderr
    merged = draft("batch", "merge-reports", *sorted((tmp_path / "out").glob("report.shard-*.json")), "--out", tmp_path)
    assert merged.returncode == 0, merged.stderr
    assert [case["case_id"] for case in _report(tmp_path)["cases"]] == ["C000", "C001"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert draft("batch", tmp_path / "missing.xlsx", "--out", tmp_path / "out").returncode == 2
    assert draft("batch", ROOT / "samples", "--out", tmp_path / "out", "--docs", "appeal").returncode == 2
    assert draft("batch", ROOT / "samples", "--out", tmp_path / "out", "--shard", "3/2").returncode == 2
