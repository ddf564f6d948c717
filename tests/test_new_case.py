"""A new case starts empty: ``draft init --yes`` without ``--from`` writes a skeleton that check refuses,
field by field, and the interview offers no other client's facts.

The required fields listed here are read off docs/case-format (the fields without a default in each
section), not from the code; the bundled sample's facts (李明, 张某, 郑州, its ID and phone numbers) must appear
nowhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import run_cli

from toolkit.case.load import load_case
from toolkit.errors import CaseFileError

SAMPLE_FACTS = ("李明", "张某", "郑州", "410105199403012319", "0371")
REQUIRED = [
    "court.name", "court.cause",
    "client.name", "client.gender", "client.birth_date", "client.id_number", "client.address",
    "lender.name", "lender.kind",
    "agent.name",
    "loan.contract_date", "loan.principal", "loan.annual_rate", "loan.term_months", "loan.repayment",
    "claims.as_of", "claims.principal",
    "hardship.summary", "hardship.monthly_income",
    "proposal.addressee", "proposal.settlement_amount", "proposal.installments", "proposal.first_due_date",
]  # fmt: skip


def test_init_yes_writes_a_skeleton_that_check_refuses_naming_each_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "case.yaml"
    code, out, _ = run_cli(["init", str(target), "--yes"], capsys)
    assert code == 0 and "待填写" in out
    text = target.read_text(encoding="utf-8")
    assert not [fact for fact in SAMPLE_FACTS if fact in text]
    code, out, err = run_cli(["check", "--case", str(target)], capsys)
    assert code == 1 and "Traceback" not in err
    named = [line.split(": ")[1] for line in err.splitlines() if "尚未填写" in line]
    assert named == REQUIRED
    lines = text.splitlines()
    for line in err.splitlines():
        if "尚未填写" in line:  # file:line points at the marked line
            number = int(line.split(":")[1])
            assert "待填写" in lines[number - 1]


def test_a_filled_skeleton_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "case.yaml"
    run_cli(["init", str(target), "--yes"], capsys)
    text = target.read_text(encoding="utf-8")
    for section in ("court", "agent", "claims", "answer", "hardship", "proposal"):
        head = f"\n{section}:"
        start = text.index(head)
        end = text.find("\n\n", start + 1)
        text = text[:start] + (text[end:] if end != -1 else "\n")
    filled = {
        "name: 待填写": "name: 王五",
        "gender: 待填写": "gender: 男",
        "birth_date: 待填写": "birth_date: 1990-05-20",
        'id_number: "待填写"': 'id_number: "110101199005201214"',
        "address: 待填写": "address: 北京市东城区某某路1号",
        "kind: 待填写": "kind: bank",
        "contract_date: 待填写": "contract_date: 2026-03-10",
        "principal: 待填写": "principal: 10000",
        "annual_rate: 待填写": "annual_rate: 0.18",
        "term_months: 待填写": "term_months: 12",
        "repayment: 待填写": "repayment: bullet",
    }
    for marked, value in filled.items():
        text = text.replace(marked, value)
    target.write_text(text, encoding="utf-8")
    case = load_case(target)
    assert case.client.name == "王五" and case.lender.name == "王五" and case.court is None


def test_the_loader_names_a_marked_field_in_a_spreadsheet_row_too() -> None:
    from toolkit.case.load import case_from_data

    with pytest.raises(CaseFileError, match=r"第3行: client\.name: 尚未填写"):
        case_from_data({"version": 1, "client": {"name": "待填写"}}, "第3行")


def test_the_interview_of_a_new_case_offers_no_default(tmp_path: Path) -> None:
    from toolkit.case.interview import Interviewer, interview

    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        if len(prompts) > 3:
            raise KeyboardInterrupt
        return ""

    with pytest.raises(KeyboardInterrupt):
        interview(None, Interviewer(ask, lambda line: prompts.append(line)))
    assert prompts[1] == "姓名" and "此项必填" in prompts[2] and prompts[3] == "姓名"
    assert not [fact for fact in SAMPLE_FACTS for p in prompts if fact in p]


def test_from_names_the_bundled_sample_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["init", "示例.yaml", "--from", "samples/case.yaml", "--yes"], capsys)
    assert code == 0 and "示例案件" in out
    assert load_case(tmp_path / "示例.yaml").client.name == "李明"
