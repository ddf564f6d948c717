"""A workbook typed the way an office types it, and a CSV saved by Excel on Chinese Windows.

The sheet template's sample row is the bundled sample case (李明). Row 2026-001 below holds the same
facts typed by a person: text dates in three forms, amounts with separators, 元 and 万, full-width
digits, percentages, choices by their Chinese names, 是/否. Row 2026-002 is the template's own row
(date cells, numbers). If the reader is right, both rows are the sample case, so their documents must be
byte-identical to the documents ``draft batch`` writes for ``samples/case.yaml`` itself: an independent
check that every typed form means the fact the case file states. Row 2026-003 has two unreadable cells
(a phone number in a numeric cell, a 30 February) and claims that do not add up (23000.01, where the
items add up to 18000 + 721.37 + 2891.40 + 1387.23 = 23000.00): all three must be reported at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from support import run_cli

from toolkit.batch.batch import Request, draft_batch
from toolkit.batch.layout import column_index
from toolkit.batch.sheet_template import write_sheet_template
from toolkit.batch.tables import csv_encoding
from toolkit.documents import kinds

ROOT = Path(__file__).resolve().parents[2]
TYPED = {  # the sample's facts (samples/case.yaml), as a person types them
    "loan.contract_date": "2026年3月10日",
    "loan.disbursed_on": "2026/03/10",
    "loan.first_due_date": "2026.5.10",
    "loan.final_due_date": dt.datetime(2026, 5, 10),  # an Excel date cell
    "court.filed_on": "2026-10-20",
    "court.served_on": dt.datetime(2026, 11, 20),
    "loan.principal": "18,000元",
    "loan.disbursed": "1.8万",
    "loan.annual_rate": "23.98%",
    "loan.overdue_rate": "35.97%",
    "claims.penalty": "2,891.40",
    "claims.fees": "１３８７.２３",  # full-width digits
    "claims.total": "23,000.00元",
    "lender.kind": "小额贷款公司",
    "loan.repayment": "到期一次性还本付息",
    "loan.day_count": "按365天计息",
    "loan.rate_cap_basis": "auto",  # a code is accepted as well as a name
    "client.gender": "男",
    "claims.litigation_costs_on_client": "是",
}
BAD = {"client.phone": 13800138000, "signing.date": "2026-02-30", "claims.total": 23000.01}


def office_workbook(path: Path) -> Path:
    """The sheet template, its path row deleted (Chinese headers only), with the three rows above."""
    write_sheet_template(path)
    book = openpyxl.load_workbook(path)
    cases = book["cases"]
    paths = [cell.value for cell in cases[2]]
    sample = [cell.value for cell in cases[3]]
    cases.delete_rows(2, 2)
    for case_id, changes in (("2026-001", TYPED), ("2026-002", {}), ("2026-003", BAD)):
        row = list(sample)
        row[0] = case_id
        for name, value in changes.items():
            row[paths.index(name)] = value
        cases.append(row)
    for spec in ("repayments", "interruptions", "events", "expenses", "dependents", "evidence", "arguments"):
        sheet = book[spec]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
        sheet.delete_rows(3, sheet.max_row)
        for case_id in ("2026-001", "2026-002", "2026-003"):
            for row in rows:
                sheet.append([case_id, *row[1:]])
    book.save(path)
    return path


def _documents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.glob("*.docx")}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("office")
    path = office_workbook(folder / "案件表.xlsx")
    outcome = draft_batch(Request((path,), folder / "out", jobs=1))
    return folder, json.loads(outcome.report_json.read_text(encoding="utf-8"))


def test_every_good_row_is_drafted_as_the_case_file_would_be(office: tuple[Path, dict[str, Any]]) -> None:
    folder, report = office
    status = {case["case_id"]: case["status"] for case in report["cases"]}
    assert status == {"2026-001": "ok", "2026-002": "ok", "2026-003": "failed"}
    reference = draft_batch(Request((ROOT / "samples" / "case.yaml",), folder / "reference", jobs=1))
    expected = _documents(folder / "reference" / "case-李明")
    assert len(expected) == len(kinds())  # the sample has every section: every kind is drafted
    assert reference.ok
    assert _documents(folder / "out" / "2026-001-李明") == expected
    assert _documents(folder / "out" / "2026-002-李明") == expected


def test_a_bad_row_reports_its_cells_and_its_checks_at_once(office: tuple[Path, dict[str, Any]]) -> None:
    _, report = office
    bad = next(case for case in report["cases"] if case["case_id"] == "2026-003")
    lines = bad["message"].splitlines()
    assert lines[0].startswith("案件表.xlsx[cases]!R4 C(client.phone):") and "文本" in lines[0]
    assert any(line.startswith("案件表.xlsx[cases]!R4 C(signing.date): 2026年2月30日 这一天不存在") for line in lines)
    assert any(line.startswith("案件表.xlsx[cases]!R4 C(claims.total): [AMT-TOTAL]") for line in lines)
    assert "案件文件" not in bad["message"] and "YAML" not in bad["message"]


def test_the_screen_gives_the_first_reason_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = office_workbook(tmp_path / "案件表.xlsx")
    code, out, err = run_cli(["batch", str(path), "--out", str(tmp_path / "out"), "--jobs", "1"], capsys)
    assert code == 1, err
    line = next(line for line in out.splitlines() if "2026-003" in line)
    assert "C(client.phone)" in line and "另有 2 个问题，见报告" in line
    assert "检查发现以下问题：" not in out


def test_a_gbk_csv_is_read_and_its_encoding_reported(tmp_path: Path) -> None:
    """Excel on Chinese Windows saves "CSV (逗号分隔)" in GBK: it must draft as the UTF-8 file does."""
    book = openpyxl.load_workbook(office_workbook(tmp_path / "案件表.xlsx"))
    for name in book.sheetnames:
        if name == "说明":
            continue
        target = tmp_path / ("clients.csv" if name == "cases" else f"clients.{name}.csv")
        encoding = "gbk" if name == "cases" else "utf-8-sig"  # a list file saved as "CSV UTF-8"
        with target.open("w", encoding=encoding, newline="") as stream:
            writer = csv.writer(stream)
            for row in book[name].iter_rows(values_only=True):
                writer.writerow(
                    ["" if v is None else v.date().isoformat() if isinstance(v, dt.datetime) else v for v in row]
                )
    assert "借款人·姓名".encode("gbk") in (tmp_path / "clients.csv").read_bytes()
    outcome = draft_batch(Request((tmp_path / "clients.csv",), tmp_path / "out", jobs=1))
    report = json.loads(outcome.report_json.read_text(encoding="utf-8"))
    assert [case["status"] for case in report["cases"]] == ["ok", "ok", "failed"]
    assert report["encodings"][str(tmp_path / "clients.csv")] == "GB18030（GBK）"
    assert report["encodings"][str(tmp_path / "clients.events.csv")] == "UTF-8"


def test_a_csv_saved_again_in_another_encoding_is_detected_again(tmp_path: Path) -> None:
    """The encoding is detected once per file as it is (its size and time): a file saved again is read again."""
    path = tmp_path / "clients.csv"
    path.write_text("case_id,client.name\nA1,李明\n", encoding="utf-8")
    assert csv_encoding(path) == "utf-8-sig"
    path.write_text("case_id,client.name\nA1,李明明\n", encoding="gbk")
    assert csv_encoding(path) == "gb18030"


def test_every_choice_column_of_the_template_has_a_drop_down(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_sheet_template(path)
    sheet = openpyxl.load_workbook(path)["cases"]
    paths = [cell.value for cell in sheet[2]]
    lists = {str(rule.sqref).split(":")[0][:-1]: rule.formula1 for rule in sheet.data_validations.dataValidation}
    letter = openpyxl.utils.get_column_letter
    for column in (c for c in column_index().values() if c.kind in ("choice", "bool")):
        formula = lists[letter(paths.index(column.path) + 1)]
        assert len(formula) <= 257  # Excel's limit for a literal list: 255 characters within the quotes
        assert formula.strip('"').split(",") == (
            [c.label for c in column.choices] if column.kind == "choice" else ["是", "否"]
        )
    assert lists[letter(paths.index("lender.kind") + 1)].startswith('"银行,消费金融公司,小额贷款公司')
    notes = " ".join(str(cell.value) for row in openpyxl.load_workbook(path)["说明"].iter_rows() for cell in row)
    assert "须加引号" not in notes and "不要加引号" in notes
