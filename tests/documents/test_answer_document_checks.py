"""The checks that read the finished answer (law.md §9): each is fed a real answer with one sentence changed,
as a firm's own template might print it, and must refuse it naming the rule; the sound answers pass."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from documents_support import drafted, sample, with_style

from toolkit.checks import Finding, check_document
from toolkit.documents import kind
from toolkit.law.compute import compute_figures

ANSWER_CHECKS = {
    "ANSWER-DOC-ADMISSION",
    "ANSWER-DOC-ABOVE-CLAIM",
    "ANSWER-DOC-LIMITATION",
    "ANSWER-DOC-CAP-RULE",
    "ANSWER-DOC-EVIDENCE",
    "ANSWER-DOC-ONE-VOICE",
    "ANSWER-DOC-ROWS",
}


def _checked(name: str, style: str, edit: Any = None, changes: dict[str, Any] | None = None) -> list[Finding]:
    """The answer of ``name`` drafted in ``style``, its paragraphs passed through ``edit``, checked again."""
    case = with_style(sample(name, changes), style)
    figures = compute_figures(case)
    document = drafted(case, "answer").document
    lines = list(document.paragraphs)
    if edit is not None:
        lines = edit(lines)
    changed = dataclasses.replace(document, paragraphs=tuple(lines), body=None)
    return [
        f for f in check_document(case, figures, kind("answer").parts(case, figures), changed) if f.id in ANSWER_CHECKS
    ]


def _replace(old: str, new: str) -> Any:
    def edit(lines: list[str]) -> list[str]:
        assert any(old in line for line in lines), old
        return [line.replace(old, new) for line in lines]

    return edit


@pytest.mark.parametrize("name", ["case", "bank-expired", "private-downpayment"])
@pytest.mark.parametrize("style", ["narrative", "elements"])
def test_the_sample_answers_pass(name: str, style: str) -> None:
    assert _checked(name, style) == []


def test_an_admission_above_the_ledger_is_refused() -> None:
    """The ledger leaves 17,366.59 of principal after the 1,000.00 repayment (see test_answer_rules)."""
    changes = {"loan.repayments": [{"date": "2026-04-10", "amount": "1000.00"}]}
    edit = _replace("答辩人认可的本金以17,366.59元为限。", "答辩人对原告主张的本金18,000.00元无异议。")
    ids = [f.id for f in _checked("case", "narrative", edit, changes)]
    assert "ANSWER-DOC-ADMISSION" in ids


def test_a_principal_above_the_claim_is_refused() -> None:
    """private-downpayment claims 50,000.00 of principal: "应认定为50,001.00元" is above it."""
    edit = _replace("故计息本金应以实际出借的47,000.00元为基数。", "故本金应认定为50,001.00元。")
    assert "ANSWER-DOC-ABOVE-CLAIM" in [f.id for f in _checked("private-downpayment", "narrative", edit)]


@pytest.mark.parametrize("style", ["narrative", "elements"])
def test_a_template_without_the_alternative_wording_is_refused(style: str) -> None:
    def edit(lines: list[str]) -> list[str]:
        return [line.replace("退一步讲，即使法院认为本案未超过诉讼时效，", "") for line in lines]

    found = [f for f in _checked("bank-expired", style, edit) if f.id == "ANSWER-DOC-LIMITATION"]
    assert found and "退一步讲" in found[0].message and "§9.3" in found[0].message


def test_an_expired_answer_that_admits_or_offers_is_refused() -> None:
    admits = _replace("请求依法驳回原告的全部诉讼请求。", "答辩人对原告主张的本金23,000.00元无异议。")
    assert "ANSWER-DOC-LIMITATION" in [f.id for f in _checked("bank-expired", "narrative", admits)]
    offers = _replace("请求依法驳回原告的全部诉讼请求。", "答辩人愿意分期偿还。")
    assert "ANSWER-DOC-LIMITATION" in [f.id for f in _checked("bank-expired", "narrative", offers)]


def test_private_lending_rules_cited_as_binding_for_a_bank_are_refused() -> None:
    title = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》"
    edit = _replace(
        "依据《最高人民法院关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）第二条", f"依据{title}第二十五条"
    )
    assert "ANSWER-DOC-CAP-RULE" in [f.id for f in _checked("bank-expired", "narrative", edit)]


def test_an_empty_evidence_list_is_refused_while_repayments_exist() -> None:
    def edit(lines: list[str]) -> list[str]:
        start = lines.index("证据清单") + 1
        end = lines.index("此致")
        return [*lines[:start], "无", *lines[end:]]

    assert "ANSWER-DOC-EVIDENCE" in [f.id for f in _checked("bank-expired", "narrative", edit)]


def test_a_figure_admitted_and_disputed_is_refused() -> None:
    edit = _replace(
        "原告主张服务费等其他费用1,387.23元（人民币壹仟叁佰捌拾柒元贰角叁分）。",
        "答辩人对服务费等其他费用1,387.23元予以认可。原告主张的服务费1,387.23元应予驳回。",
    )
    assert "ANSWER-DOC-ONE-VOICE" in [f.id for f in _checked("case", "narrative", edit)]


def test_an_empty_element_row_is_refused() -> None:
    def edit(lines: list[str]) -> list[str]:
        index = lines.index("对借款期限有无异议")
        return [*lines[: index + 1], *lines[index + 2 :]]

    found = [f for f in _checked("case", "elements", edit) if f.id == "ANSWER-DOC-ROWS"]
    assert found and "对借款期限有无异议" in found[0].message
