"""Hostile spreadsheets are refused before they cost memory, and reports never print an ID number.

The bomb is made here, not committed: a well-formed workbook whose sheet inflates to 300 MB of blanks
(which compress to a few hundred KB). It must be refused from the sizes its zip directory declares,
before a byte of it is inflated (zipfile never inflates a member past its declared size).
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from batch_support import csv_files, workbook
from support import run_cli

from toolkit.batch import tables
from toolkit.batch.batch import Request, draft_batch
from toolkit.errors import CaseFileError

ROOT = Path(__file__).resolve().parents[2]
ID_NUMBER = "410105199403012319"  # the sample client's ID number (check digit 9 by GB 11643)
FULL_ID = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")


def _bomb(path: Path, source: Path) -> Path:
    with zipfile.ZipFile(source) as good, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        for member in good.infolist():
            data = good.read(member)
            if member.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(member, data)
                continue
            head, tail = data.split(b"<sheetData>", 1)
            with bomb.open(member.filename, "w", force_zip64=True) as stream:
                stream.write(head + b"<sheetData>")
                blank = b" " * 2**20
                for _ in range(300):
                    stream.write(blank)
                stream.write(tail)
    return path


def test_an_xlsx_bomb_is_refused_before_it_is_inflated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = _bomb(tmp_path / "bomb.xlsx", workbook(tmp_path / "good.xlsx", 1))
    assert bomb.stat().st_size < 5 * 2**20
    code, _, err = run_cli(["batch", str(bomb), "--out", str(tmp_path / "out")], capsys)
    assert code == 1
    assert "表格过大" in err and "上限 256 MB" in err and "Traceback" not in err


def test_a_sheet_past_the_cell_budget_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "MAX_CELLS", 200)  # the sample row is some 60 cells wide: 3 rows fit
    path = csv_files(tmp_path / "clients.csv", 5)
    with pytest.raises(CaseFileError, match="表格过大"):
        draft_batch(Request((path,), tmp_path / "out", documents=("answer",), jobs=1))


def test_reports_names_and_messages_never_show_a_full_id_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / f"卷宗{ID_NUMBER}"
    cases.mkdir()
    shutil.copy(ROOT / "samples" / "case.yaml", cases / f"{ID_NUMBER}.yaml")  # the case id is the ID number
    text = (ROOT / "samples" / "case.yaml").read_text(encoding="utf-8")
    (cases / "bad.yaml").write_text(
        text.replace("name: 李明", f"name: 李明{ID_NUMBER}").replace("total: 23000.00", "total: 1")
    )
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(["batch", str(cases), "--out", str(out), "--jobs", "1"], capsys)
    assert code == 1  # bad.yaml's claims do not add up
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [case["case_id"] for case in report["cases"]] == ["4101************19", "bad"]
    texts = [stdout, stderr, (out / "report.json").read_text(encoding="utf-8")]
    texts += [(out / "report.csv").read_text(encoding="utf-8-sig"), *(p.name for p in out.rglob("*"))]
    leaks = [m.group(0) for t in texts for m in FULL_ID.finditer(t) if m.group(0) not in _hashes(report)]
    assert leaks == []
    assert (out / "4101xxxxxxxxxxxx19-李明").is_dir()
    assert "李明4101************19" in report["cases"][1]["client"]


def _hashes(report: dict[str, object]) -> set[str]:
    """Digit runs inside sha256 values are not ID numbers."""
    text = json.dumps(report)
    return {m.group(0) for h in re.findall(r"[0-9a-f]{64}", text) for m in FULL_ID.finditer(h)}
