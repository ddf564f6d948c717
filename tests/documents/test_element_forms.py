"""The element forms of 法〔2025〕82号 as data (law.md §8): the right form for the lender's kind, every row in
the form's order and filled, and a label corrected in the data file printed without a code change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from documents_support import paragraphs, sample, with_style

from toolkit.documents.answer_forms import element_form
from toolkit.law.citations import citation_table

# law.md §8, 金融借款合同纠纷, in order (答辩依据 after 对标的总额有无异议, the data's default).
FINANCIAL_CLAIMS = [
    "对本金有无异议",
    "对利息（期内利息、复利、罚息）有无异议",
    "对提前还款或解除合同有无异议",
    "对担保权利诉请有无异议",
    "对实现债权的费用有无异议",
    "对其他请求有无异议",
    "对标的总额有无异议",
    "答辩依据（合同约定、法律规定）",
]
FINANCIAL_FACTS = [
    "对合同签订情况（名称、编号、签订时间、地点等）有无异议",
    "对合同主体有无异议",
    "对借款金额有无异议",
    "对借款期限有无异议",
    "对借款利率有无异议",
    "对借款发放时间有无异议",
    "对还款方式有无异议",
    "对还款情况有无异议",
    "对是否逾期还款有无异议",
    "对是否签订物的担保合同有无异议",
    "对担保人、担保物有无异议",
    "对最高额抵押担保有无异议",
    "对是否办理抵押/质押登记有无异议",
    "对是否签订保证合同/保函有无异议",
    "对保证方式有无异议",
    "对其他担保方式有无异议",
    "有无其他免责/减责事由",
    "其他需要说明的内容",
]
# 民间借贷纠纷: the same but for the rows law.md §8 names.
PRIVATE_CLAIMS = [
    "对本金有无异议",
    "对利息有无异议",
    "对提前还款或解除合同有无异议",
    "对担保权利诉请有无异议",
    "对实现债权的费用有无异议",
    "对诉讼费负担有无异议",
    "对其他请求有无异议",
    "对标的总额有无异议",
    "答辩依据（合同约定、法律规定）",
]
RENAMED = {
    "对合同主体有无异议": "对签订主体有无异议",
    "对借款发放时间有无异议": "对借款提供时间有无异议",
    "对最高额抵押担保有无异议": "对最高额担保（抵押、质押）有无异议",
    "对是否签订保证合同/保函有无异议": "对是否签订保证合同有无异议",
}
PRIVATE_FACTS = [RENAMED.get(label, label) for label in FINANCIAL_FACTS]
NO_SECURITY = "无（原告未主张担保）。"


@pytest.fixture(autouse=True)
def _fresh_forms() -> Iterator[None]:
    element_form.cache_clear()
    citation_table.cache_clear()
    yield
    element_form.cache_clear()
    citation_table.cache_clear()


def _rows(found: list[str], labels: list[str], end: str) -> dict[str, list[str]]:
    """Each label's lines, checking that the labels come in this order."""
    positions = [found.index(label) for label in labels]
    assert positions == sorted(positions), "rows out of order"
    bounds = [*positions[1:], found.index(end)]
    return {label: found[start + 1 : stop] for label, start, stop in zip(labels, positions, bounds, strict=True)}


@pytest.mark.parametrize(
    ("name", "changes", "title", "claims", "facts"),
    [
        ("case", None, "（金融借款合同纠纷）", FINANCIAL_CLAIMS, FINANCIAL_FACTS),  # microfinance
        ("bank-expired", None, "（金融借款合同纠纷）", FINANCIAL_CLAIMS, FINANCIAL_FACTS),  # bank
        ("case", {"lender.kind": "consumer_finance"}, "（金融借款合同纠纷）", FINANCIAL_CLAIMS, FINANCIAL_FACTS),
        ("private-downpayment", None, "（民间借贷纠纷）", PRIVATE_CLAIMS, PRIVATE_FACTS),
        # a court that asks a private lender's case on the other form
        (
            "private-downpayment",
            {"answer.element_form": "financial_loan"},
            "（金融借款合同纠纷）",
            FINANCIAL_CLAIMS,
            FINANCIAL_FACTS,
        ),
    ],
)
def test_every_row_of_the_right_form_in_order_and_filled(
    name: str, changes: dict[str, str] | None, title: str, claims: list[str], facts: list[str]
) -> None:
    found = paragraphs(with_style(sample(name, changes), "elements"), "answer")
    assert found[1] == title
    claim_rows = _rows(found, claims, "事实和理由（对起诉状事实与理由的确认或者异议）")
    fact_rows = _rows(found, facts, "证据清单")
    for label, lines in {**claim_rows, **fact_rows}.items():
        assert lines and all(lines), f"{label} is empty"
    for label in facts[9:16]:  # the seven guarantee rows: the case holds no security
        assert fact_rows[label] == [NO_SECURITY], label
    for label in facts[:9]:  # each fact row answers the complaint: 无异议 / 有异议 / 对…无异议
        assert fact_rows[label][0].startswith(("无异议。", "有异议。", "对约定利率的事实无异议")), label


def test_private_form_answers_the_costs_row() -> None:
    """claims.litigation_costs_on_client: costs in proportion, the excess's part on the plaintiff (§9.9)."""
    found = paragraphs(with_style(sample("private-downpayment"), "elements"), "answer")
    costs = found[found.index("对诉讼费负担有无异议") + 1]
    assert costs.startswith("有异议。依据《诉讼费用交纳办法》第二十九条")


def test_a_label_corrected_in_the_data_file_is_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lawyer's DRAFT_LAW_DIR file replaces the claims section's rows: the new label is printed, no code."""
    rows = element_form("financial_loan").claims.rows
    lines = ["claims:", "  title: 答辩事项和依据（对原告诉讼请求的确认或者异议）", "  rows:"]
    for item in rows:
        label = "对本金数额有无异议" if item.key == "principal" else item.label
        lines.append(f"    - {{key: {item.key}, label: {label}}}")
    (tmp_path / "answer-form-financial-loan.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    element_form.cache_clear()
    found = paragraphs(with_style(sample(), "elements"), "answer")
    assert "对本金数额有无异议" in found and "对本金有无异议" not in found


def test_an_unknown_row_key_is_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from toolkit.errors import LegalDataError

    text = "claims:\n  title: 答辩事项\n  rows:\n    - {key: principle, label: 对本金有无异议}\n"
    (tmp_path / "answer-form-financial-loan.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    element_form.cache_clear()
    with pytest.raises(LegalDataError) as caught:
        element_form("financial_loan")
    assert "principle" in caught.value.message


def test_each_form_says_to_verify_against_the_official_form() -> None:
    for name in ("financial_loan", "private_lending"):
        assert "官方表格" in element_form(name).verify


def test_templates_list_names_both_forms() -> None:
    from documents_support import run_draft

    result = run_draft("templates", "list")
    assert result.returncode == 0, result.stderr
    assert "金融借款合同纠纷（answer-form-financial-loan.yaml）" in result.stdout
    assert "民间借贷纠纷（answer-form-private-lending.yaml）" in result.stdout
