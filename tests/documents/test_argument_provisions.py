"""Each argument's provisions are chosen in one place, arguments.yaml: the answer's reasoning, the check that
warns of the same point and ``draft explain`` cite what the table says, and change together with it.

The argument used is 砍头息 (law.md §3): the built-in table cites 民法典 第六百七十条 for every lender and
民间借贷规定 第二十六条 as well for a private one (law.md §9.4). The sample's contract principal is 18,000.00
and 16,000.00 is made the amount received, so every one of the three speaks of the deduction.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from documents_support import paragraphs, sample

from toolkit.checks.registry import get
from toolkit.errors import LegalDataError
from toolkit.explain import explain
from toolkit.law.arguments import cite_argument, provisions
from toolkit.law.compute import compute_figures

CIVIL_CODE = "《中华人民共和国民法典》"


def _said() -> tuple[str, str, str]:
    """What the answer, the AMT-DEDUCTED finding and the explanation cite for the deduction."""
    case = sample(changes={"loan.disbursed": "16000"})
    answer = next(p for p in paragraphs(case, "answer") if "系预先扣除的款项" in p)
    check = get("AMT-DEDUCTED").citation_text() or ""
    explained = next(line for line in explain(case, compute_figures(case)) if "预扣的利息" in line)
    return answer, check, explained


def test_the_built_in_table_gives_the_provisions_of_law_md() -> None:
    assert provisions("deducted_interest") == ("civil_code_670",)
    assert provisions("deducted_interest", "deducted_interest_private") == ("civil_code_670", "private_lending_26")
    answer, check, explained = _said()
    assert f"依据{CIVIL_CODE}第六百七十条，借款的利息不得预先在本金中扣除" in answer
    assert check == cite_argument("deducted_interest", "deducted_interest_private")
    assert explained.endswith(f"依据：{check}")


def test_changing_an_argument_s_provision_in_the_data_changes_all_three(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not a rule of law: 第五百六十一条 stands in for "another provision" to show that nothing else chooses it.
    (tmp_path / "arguments.yaml").write_text(
        "arguments:\n  deducted_interest:\n    title: 测试\n    provisions: [civil_code_561]\n", encoding="utf-8"
    )
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    answer, check, explained = _said()
    assert f"依据{CIVIL_CODE}第五百六十一条，借款的利息不得预先在本金中扣除" in answer
    assert check.startswith(f"{CIVIL_CODE}第五百六十一条")
    assert explained.endswith(f"依据：{check}")


def test_an_argument_citing_an_unknown_provision_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "arguments.yaml").write_text(
        "arguments:\n  deducted_interest:\n    title: 测试\n    provisions: [no_such_key]\n", encoding="utf-8"
    )
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    with pytest.raises(LegalDataError) as caught:
        provisions("deducted_interest")
    assert "provisions 中这些键不在 citations.yaml 中：no_such_key" in caught.value.message


def test_an_unknown_argument_is_an_error_never_an_empty_citation() -> None:
    with pytest.raises(LegalDataError) as caught:
        provisions("no_such_argument")
    assert caught.value.message == "答辩理由 no_such_argument 不在 arguments.yaml 中"
