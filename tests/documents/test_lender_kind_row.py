"""A lender kind is one row of caps.yaml: a kind added there (here in a ``DRAFT_LAW_DIR`` copy) is accepted
by the case loader, capped by its basis, argued in the answer by its own provisions, offered by the
interview and the spreadsheet, and listed by ``draft schema`` — with no code change.

The two rows below are taken from law.md, not from the code:
- 典当行 is one of the local financial organisations that 法释〔2020〕27号 puts outside the private-lending
  rules (law.md §2, the ``microfinance, other_licensed`` row): licensed, capped at 24 %/year by 法发〔2017〕22号
  第二条; the answer names it, cites 法释〔2020〕27号 and requests the reduction in that provision's words
  (law.md §9.4).
- a 自然人出借人 row is private lending (law.md §2, the ``private`` row): 4 × the one-year LPR in force on the
  contract date. The sample's contract is of 2026-03-10; the LPR in force then is 3.00 % (published
  2025-05-20, lpr.yaml), so the cap is 4 × 3.00 % = 12 %; the answer cites 民间借贷规定 第二十五条、第二十八条、
  第二十九条 as binding (law.md §9.4).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from documents_support import paragraphs, sample

from toolkit.batch import layout
from toolkit.case.interview.parties import lender_kind_choices
from toolkit.case.lender_kinds import lender_kinds
from toolkit.cli.schema import schema_text
from toolkit.errors import CaseFileError
from toolkit.law.compute import compute_figures

ROWS = """\
lender_kinds:
  pawnshop:
    description: 典当行
    name: 典当行
    choice: 典当行
    licensed: true
    basis: financial24
    scope: private_lending_scope_reply
    references: [private_lending_scope_reply, financial_trial_opinions_2]
  person:
    description: 自然人
    name: 出借人
    choice: 自然人出借人
    licensed: false
    basis: lpr4x
    references: [private_lending_25, private_lending_28, private_lending_29]
"""
SCOPE_REPLY = "《最高人民法院关于新民间借贷司法解释适用范围问题的批复》（法释〔2020〕27号）"
PRIVATE_LENDING_RULES = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》"


@pytest.fixture
def added_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "caps.yaml").write_text(ROWS, encoding="utf-8")
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    layout.columns.cache_clear()  # the spreadsheet's columns are built once per process: not with these rows
    yield
    layout.columns.cache_clear()


def test_without_the_row_the_kind_is_refused_with_the_choices() -> None:
    with pytest.raises(CaseFileError) as caught:
        sample(changes={"lender.kind": "pawnshop"})
    assert "lender.kind: 取值不在可选范围内：可选 bank、consumer_finance、microfinance、other_licensed、private" in str(
        caught.value
    )


@pytest.mark.usefixtures("added_rows")
def test_a_licensed_kind_added_as_a_row_is_capped_at_24_percent_and_argued_by_its_provisions() -> None:
    case = sample(changes={"lender.kind": "pawnshop"})
    figures = compute_figures(case)
    assert figures.rate_cap_basis == "financial24" and figures.rate_cap == Decimal("0.24")
    text = paragraphs(case, "answer")
    outside = "属于经金融监管部门批准设立的金融机构，其发放贷款引发的纠纷不适用民间借贷的利率规定。"
    assert f"原告系典当行，依据{SCOPE_REPLY}，{outside}" in text
    request = "答辩人请求对原告主张的利息、复利、罚息、违约金和其他费用总计超过年利率24%的部分予以调减。"
    assert any(request in p for p in text)
    assert not any(f"依据{PRIVATE_LENDING_RULES}第二十五条" in p for p in text)  # not binding on it (§9.4)


@pytest.mark.usefixtures("added_rows")
def test_a_private_kind_added_as_a_row_is_capped_at_four_times_the_lpr_and_argued_by_the_lending_rules() -> None:
    case = sample(changes={"lender.kind": "person", "lender.representative": None})
    figures = compute_figures(case)
    assert figures.rate_cap_basis == "lpr4x" and figures.rate_cap == Decimal("0.12")
    text = "\n".join(paragraphs(case, "answer"))
    assert f"依据{PRIVATE_LENDING_RULES}第二十五条、第二十八条、第二十九条，出借人主张的利息" in text
    assert "合同成立时一年期贷款市场报价利率（3%）的四倍" in text
    assert "原告系" not in text


@pytest.mark.usefixtures("added_rows")
def test_the_interview_the_spreadsheet_and_the_schema_offer_the_added_kinds() -> None:
    assert list(lender_kinds())[-2:] == ["pawnshop", "person"]
    assert ("pawnshop", "典当行") in [(c.value, c.label) for c in lender_kind_choices()]
    (column,) = [column for column in layout.columns() if column.path == "lender.kind"]
    assert "person" in [choice.value for choice in column.choices]
    schema = schema_text()
    assert '"pawnshop"' in schema and "person 自然人出借人" in schema
