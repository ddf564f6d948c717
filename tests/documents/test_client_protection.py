"""Client protection (law.md §5): after limitation has expired, the documents that acknowledge the debt are
refused and nothing is written, while the answer is drafted and raises the limitation defence.

samples/bank-expired.yaml: final due date 2020-06-20 (first due 2019-07-20 + 11 months), last repayment
2019-09-20, no interruption → limitation runs from 2020-06-20 and expires 2023-06-20 (a Tuesday); the suit
was filed on 2026-09-01, after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from documents_support import drafted, paragraphs, run_draft, sample, sample_path, with_style
from support import DELETE, letter_names

from toolkit.documents import kinds
from toolkit.drafting import Options
from toolkit.errors import ChecksFailed
from toolkit.law.compute import compute_figures
from toolkit.writing import draft_and_write


def test_only_the_letters_that_acknowledge_the_debt_are_refused() -> None:
    """What the documents do, not how they are declared: after expiry the answer is drafted with no
    LIMITATION-GIVEAWAY, while each letter offering to pay carries it (here knowingly allowed)."""
    expired = sample("bank-expired")
    assert "LIMITATION-GIVEAWAY" not in {f.id for f in drafted(expired, "answer").findings}
    for name in letter_names():
        letter = drafted(expired, name, allow=("LIMITATION-GIVEAWAY",))
        giveaway = [f for f in letter.findings if f.id == "LIMITATION-GIVEAWAY"]
        assert giveaway and giveaway[0].severity == "error", name


@pytest.mark.parametrize(
    ("name", "section", "field"),
    [
        ("hardship", "hardship", "hardship"),
        ("hardship", "hardship.evidence", "hardship.evidence"),
        ("settlement", "proposal", "proposal"),
        ("settlement", "claims", "claims"),
    ],
)
def test_each_letter_names_the_section_it_lacks(name: str, section: str, field: str) -> None:
    change = {section: []} if section.endswith("evidence") else {section: DELETE}
    with pytest.raises(ChecksFailed) as refused:
        drafted(sample("case", change), name)
    assert f"[SECTION-MISSING] {field}: " in str(refused.value)


@pytest.mark.parametrize("name", ["hardship", "settlement"])
def test_expired_limitation_stops_documents_that_acknowledge_the_debt(name: str) -> None:
    with pytest.raises(ChecksFailed) as refused:
        drafted(sample("bank-expired"), name)
    assert "LIMITATION-GIVEAWAY" in str(refused.value)
    assert "2023年6月20日" in str(refused.value)


@pytest.mark.parametrize("style", ["narrative", "elements"])
def test_expired_limitation_answer_raises_the_defence_and_offers_nothing(style: str) -> None:
    text = "\n".join(paragraphs(with_style(sample("bank-expired"), style), "answer"))
    # last instalment due 2020-06-20 (first 2019-07-20 + 11 months); 3 years → 2023-06-20 (民法典 第一百八十八条、
    # 第一百八十九条); the repayments of 2019 fall before it and restart nothing later; filed 2026-09-01
    assert "诉讼时效期间为三年，自2020年6月20日起计算" in text
    assert "至2023年6月20日届满。原告于2026年9月1日起诉（立案），已超过诉讼时效期间。" in text
    assert "明确提出诉讼时效抗辩" in text
    assert "退一步讲，即使法院认为本案未超过诉讼时效" in text  # the merits only in the alternative (§9.3)
    claims = text.split("事实和理由")[0].replace("有无异议", "")  # the element form's own question
    assert "无异议" not in claims and "予以认可" not in claims  # nothing admitted among the claims
    # no instalments and no mediation: either would acknowledge the debt
    assert "分期" not in text
    assert "调解" not in text


def test_expired_limitation_element_rows() -> None:
    lines = paragraphs(with_style(sample("bank-expired"), "elements"), "answer")
    start = lines.index("有无其他免责/减责事由") + 1
    assert lines[start].startswith("有。诉讼时效抗辩：本案借款的最后一期还款日为2020年6月20日。")
    assert lines[lines.index("其他需要说明的内容") + 1] == "无。"
    total = lines[lines.index("对标的总额有无异议") + 1]
    # 23,000.00 + 1,050.00 + 18,600.00 + 2,350.00 + 1,500.00 = 46,500.00
    assert total == (
        "有异议：已过诉讼时效。原告主张的标的总额为46,500.00元（人民币肆万陆仟伍佰元整），"
        "原告的诉讼请求已超过诉讼时效，请求全部驳回。"
    )
    # every row on a claim made opens with the defence (law.md §9.3)
    claims = (
        "对本金有无异议",
        "对利息（期内利息、复利、罚息）有无异议",
        "对实现债权的费用有无异议",
        "对其他请求有无异议",
    )
    for row in claims:
        assert lines[lines.index(row) + 1].startswith("有异议：已过诉讼时效。"), row


def test_interest_under_the_cap_is_not_volunteered() -> None:
    """In bank-expired the capped ledger (37,339.98) is above the 22,000.00 claimed: printing it would tell
    the court the lender could have asked for more, so the interest row leaves the figure out."""
    lines = paragraphs(with_style(sample("bank-expired"), "elements"), "answer")
    start, end = lines.index("对利息（期内利息、复利、罚息）有无异议"), lines.index("对提前还款或解除合同有无异议")
    interest = lines[start + 1 : end]
    # 1,050.00 + 18,600.00 + 2,350.00 = 22,000.00
    assert interest == [
        "有异议：已过诉讼时效。理由见“有无其他免责/减责事由”。",
        "退一步讲，即使法院认为本案未超过诉讼时效，原告主张期内利息1,050.00元、罚息（逾期利息）18,600.00元、"
        "复利2,350.00元，合计22,000.00元，超出法定利率上限的部分不应支持。",
    ]
    assert not any("依法最多可主张" in line for line in interest)


def test_nothing_is_written_for_a_refused_document(tmp_path: Path) -> None:
    case = sample("bank-expired")
    outcome = draft_and_write(case, compute_figures(case), list(kinds()), tmp_path, Options(), requested_only=True)
    kept = [kind.file_name(case) for name, kind in kinds().items() if name not in letter_names()]
    assert "张丽-民事答辩状.docx" in kept
    assert [path.name for path in outcome.written] == kept
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(kept)
    assert len(outcome.refused) == len(letter_names()) == 2
    assert all("LIMITATION-GIVEAWAY" in str(error) for error in outcome.refused)


def test_knowing_override_drafts_the_hardship_statement() -> None:
    """--allow LIMITATION-GIVEAWAY is the user's explicit decision; the statement is then drafted."""
    document = drafted(sample("bank-expired"), "hardship", allow=("LIMITATION-GIVEAWAY",)).document
    assert document.paragraphs[1] == "郑州市金水区人民法院："


def test_draft_hardship_command_refuses_and_writes_nothing(tmp_path: Path) -> None:
    result = run_draft("hardship", "--case", sample_path("bank-expired"), "--out", tmp_path)
    assert result.returncode != 0
    assert "LIMITATION-GIVEAWAY" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_draft_all_writes_every_document_of_the_sample(tmp_path: Path) -> None:
    result = run_draft("all", "--case", sample_path("case"), "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    every = sorted(kind.file_name(sample("case")) for kind in kinds().values())
    assert {"李明-分期还款和解方案.docx", "李明-困难情况说明.docx", "李明-民事答辩状.docx"} <= set(every)
    assert sorted(path.name for path in tmp_path.iterdir()) == every
