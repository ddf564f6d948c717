"""``draft check`` and ``draft checks``: exit codes, the JSON report's shape, the readable report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from checks_support import ROOT, SAMPLE
from support import run_cli

from toolkit.checks import REGISTRY

SAMPLE_ARG = "samples/case.yaml"


def _run(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.chdir(ROOT)
    return run_cli(args, capsys)


def _case_file(tmp_path: Path, old: str, new: str) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "case.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_json_figures_equal_the_case_format_example(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = _run(["check", "--case", SAMPLE_ARG, "--json"], capsys, monkeypatch)
    assert code == 0
    result = json.loads(out)
    assert result["case"] == SAMPLE_ARG and result["ok"] is True and result["allowed"] == []
    figures = result["figures"]
    # the values printed in case-format.md's example report, typed by hand
    expected = {
        "principal_recognized": "18000.00",
        "lpr_at_contract": "0.0300",
        "rate_cap": "0.2400",
        "rate_cap_basis": "financial24",
        "supportable_total": "20650.57",
        "claimed_principal": "18000.00",
        "claimed_charges": "5000.00",
        "claimed_total": "23000.00",
        "excess": "2349.43",
        "answer_deadline": "2026-12-07",
        "limitation_expires": "2029-08-01",
        "limitation_expired": False,
        "schedule_total": "18000.00",
        "monthly_disposable": "2000.00",
    }
    assert {key: figures[key] for key in expected} == expected
    ledger = figures["ledger"]
    assert {k: ledger[k] for k in ("as_of", "principal_outstanding", "charges_outstanding", "overpaid")} == {
        "as_of": "2026-10-20",
        "principal_outstanding": "18000.00",
        "charges_outstanding": "2650.57",
        "overpaid": "0.00",
    }
    # the example shows the first row; 18,000.00 / 12 = 1,500.00 for each of 12 months
    assert figures["schedule"][0] == {"n": 1, "due_date": "2027-01-15", "amount": "1500.00"}
    assert len(figures["schedule"]) == 12
    assert {f["id"] for f in result["findings"]} == {
        "RATE-ABOVE-CAP",
        "RATE-EXCESS",
        "RATE-FEES",
        "RATE-LPR4X",
        "JURISDICTION-CHECK",
        "LETTER-LIMITATION-RESTART",
    }
    excess = next(f for f in result["findings"] if f["id"] == "RATE-EXCESS")
    assert set(excess) == {"id", "severity", "field", "message", "citation"}
    assert excess["severity"] == "warning" and excess["field"] == "claims"
    assert "法发〔2017〕22号" in excess["citation"] and "第二条" in excess["citation"]


def test_strict_makes_warnings_fail(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = _run(["check", "--case", SAMPLE_ARG, "--json", "--strict"], capsys, monkeypatch)
    assert code == 1 and json.loads(out)["ok"] is False
    allow = ["--allow", "RATE-ABOVE-CAP", "--allow", "RATE-EXCESS", "--allow", "RATE-FEES"]
    code, out, _ = _run(["check", "--case", SAMPLE_ARG, "--json", "--strict", *allow], capsys, monkeypatch)
    assert code == 0
    assert json.loads(out)["allowed"] == ["RATE-ABOVE-CAP", "RATE-EXCESS", "RATE-FEES"]


def test_an_error_exits_1_until_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = str(_case_file(tmp_path, '"410105199403012319"', '"410105199403012310"'))
    code, out, _ = _run(["check", "--case", case], capsys, monkeypatch)
    assert code == 1
    assert "[ID-CHECKSUM]" in out and "410105199403012310" not in out and "410105199403012319" not in out
    assert "文书不会生成" in out
    code, out, _ = _run(["check", "--case", case, "--json", "--allow", "ID-CHECKSUM"], capsys, monkeypatch)
    result = json.loads(out)
    assert code == 0 and result["ok"] is True and result["allowed"] == ["ID-CHECKSUM"]
    assert "ID-CHECKSUM" in {f["id"] for f in result["findings"]}


def test_unknown_allow_is_a_usage_error(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = _run(["check", "--case", SAMPLE_ARG, "--allow", "NO-SUCH-CHECK"], capsys, monkeypatch)
    assert code == 2 and "NO-SUCH-CHECK" in err and "draft checks" in err


def test_missing_case_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, _ = _run(["check"], capsys, monkeypatch)
    assert code == 2


def test_a_missing_file_is_one_clear_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = _run(["check", "--case", "no/such.yaml"], capsys, monkeypatch)
    assert code == 1 and out == "" and "找不到该文件" in err and "Traceback" not in err


def test_readable_report_has_figures_findings_lines_and_citations(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = _run(["check", "--case", SAMPLE_ARG], capsys, monkeypatch)
    assert code == 0
    assert "认定本金" in out and "20,650.57 元" in out and "2026年12月7日" in out
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    claims_line = next(number for number, line in enumerate(lines, 1) if line.startswith("claims:"))
    assert f"[RATE-EXCESS] {SAMPLE_ARG}:{claims_line}: claims" in out
    assert out.index("警告：") < out.index("提示：")
    assert "依据：《全国法院民商事审判工作会议纪要》第51条" in out
    assert "结论：可以起草" in out


def test_checks_lists_every_check(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = _run(["checks"], capsys, monkeypatch)
    assert code == 0
    for check_id in REGISTRY:
        assert check_id in out
    code, out, _ = _run(["checks", "--json"], capsys, monkeypatch)
    rows = json.loads(out)
    assert [row["id"] for row in rows] == list(REGISTRY)
    giveaway = next(row for row in rows if row["id"] == "LIMITATION-GIVEAWAY")
    assert giveaway["severity"] == "error" and giveaway["documents"] == ["hardship", "settlement"]


def test_the_installed_command_exits_with_the_code() -> None:
    draft = Path(sys.executable).with_name("draft")
    done = subprocess.run(
        [str(draft), "check", "--case", SAMPLE_ARG, "--strict"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1 and "RATE-EXCESS" in done.stdout
