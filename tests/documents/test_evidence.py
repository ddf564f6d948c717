"""证据目录 (law.md §9.8): the answer's evidence as a table a court clerk files, and nothing it must not say.

Expectations are written from the case files and law.md, not copied from a rendering:

- golden/evidence.txt is samples/case.yaml: 案号 （2026）京0491民初31875号, 提交人 李明 with the sample's
  birth date, address and phone, the agent 王某 of 河南某某律师事务所. It lists no ``answer.evidence``, so the
  default of §9.8 applies: the contract by its number, 编号为XM-2026-0310-001的借款合同, to prove the agreed
  rate and term; no disbursement record (18,000.00 received of 18,000.00) and no repayment record (none).
- golden/evidence-default.txt is samples/private-downpayment.yaml without ``answer.evidence``, so the
  default of §9.8 applies: the contract (no contract number in that case: 借款合同), the disbursement
  record because 47,000.00 was received of the 50,000.00 written, and the repayment records: one payment,
  5,000.00 on 2022-01-15. No agent in that case: no 委托诉讼代理人 line.
"""

from __future__ import annotations

import difflib
import io
import re

import docx
import pytest
from documents_support import GOLDEN, drafted, paragraphs, sample
from support import DELETE

from toolkit.case.models import Case
from toolkit.checks import check_document
from toolkit.documents import kind, kinds
from toolkit.law.compute import compute_figures
from toolkit.render.document import RenderedDocument

NO_EVIDENCE = {"answer.evidence": DELETE}
COLUMNS = ("序号", "证据名称", "证据来源", "证明目的", "页码")


@pytest.mark.parametrize(
    ("golden", "case"),
    [("evidence.txt", sample()), ("evidence-default.txt", sample("private-downpayment", NO_EVIDENCE))],
    ids=["sample", "private"],
)
def test_matches_its_golden_text(golden: str, case: Case) -> None:
    expected = (GOLDEN / golden).read_text(encoding="utf-8").splitlines()
    actual = paragraphs(case, "evidence")
    diff = "\n".join(difflib.unified_diff(expected, actual, f"golden/{golden}", "rendered", lineterm=""))
    assert actual == expected, diff


def test_a_mapping_fills_every_column_in_the_lawyers_words() -> None:
    item = {"name": "微信转账记录", "source": "答辩人手机", "purpose": "证明已还款1,000元", "pages": "3-5"}
    case = sample(changes={"answer.evidence": ["借款合同", item]})
    text = paragraphs(case, "evidence")
    start = text.index("页码") + 1
    assert text[start : start + 6] == ["1", "借款合同", "2", "微信转账记录", "答辩人手机", "证明已还款1,000元"]
    assert text[start + 6] == "3-5"


def test_the_default_purposes_admit_nothing_beyond_the_payments_and_the_receipt() -> None:
    """§9.1/§9.2: never a figure owed, never the principal claimed as borrowed; the repayment record shows
    the payments (3 × 2,750.00 = 8,250.00 in bank-expired.yaml), the contract only its terms."""
    case = sample("bank-expired", NO_EVIDENCE)
    text = "\n".join(paragraphs(case, "evidence"))
    assert "证明答辩人已还款3次，合计8,250.00元" in text
    assert "证明借款合同约定的利率和期限" in text
    for admission in ("尚欠", "欠款", "借款30,000", "应还", "认可", "结欠", "拖欠"):
        assert admission not in text, admission


def test_an_expired_suit_changes_nothing_it_offers() -> None:
    """The catalogue offers nothing to pay (§9.3): it drafts after limitation expired, unlike the letters."""
    assert not kind("evidence").acknowledges_debt
    assert "证据目录" in paragraphs(sample("bank-expired"), "evidence")


def test_every_part_is_required_in_order() -> None:
    """A template that drops a column or a listed item is refused by the same check as every document."""
    case = sample("private-downpayment", NO_EVIDENCE)
    figures = compute_figures(case)
    document = drafted(case, "evidence").document
    for dropped in ("证明目的", "还款记录"):
        lines = tuple(line for line in document.paragraphs if line != dropped)
        refused = RenderedDocument("evidence", "evidence", document.docx, lines)
        found = check_document(case, figures, kind("evidence").parts(case, figures), refused)
        assert any(f.id == "DOC-PARTS" and f.severity == "error" for f in found), dropped


def test_it_follows_the_answer_in_draft_all() -> None:
    names = list(kinds())
    assert names.index("evidence") == names.index("answer") + 1
    assert kind("evidence").requested_by == "answer"
    assert re.fullmatch(r".+-证据目录\.docx", kind("evidence").file_name(sample()))


def test_the_table_has_the_five_columns_and_a_row_per_item() -> None:
    """Read in Word's terms (python-docx): one header row, then one row per item of the default list (3)."""
    document = docx.Document(io.BytesIO(drafted(sample("private-downpayment", NO_EVIDENCE), "evidence").document.docx))
    (table,) = document.tables
    cells = [tuple(cell.text for cell in row.cells) for row in table.rows]
    assert cells[0] == COLUMNS
    assert [row[0] for row in cells[1:]] == ["1", "2", "3"]
    assert [row[2] for row in cells[1:]] == ["", "", ""]  # no source in the case: blank, never guessed


def test_it_is_laid_out_as_the_other_documents() -> None:
    """A4, the body in 仿宋 and the title in 宋体, centred; the table ruled on every side, its header
    repeated on each page, its rows never split over two pages."""
    document = docx.Document(io.BytesIO(drafted(sample(), "evidence").document.docx))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    east_asia = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
    assert document.styles["Normal"].element.rPr.rFonts.get(east_asia) == "仿宋"
    title = document.paragraphs[0]
    assert title.text == "证据目录" and title.alignment == 1
    assert title.runs[0].bold and title.runs[0].element.rPr.rFonts.get(east_asia) == "宋体"
    xml = document.tables[0]._tbl.xml
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        assert re.search(rf'<w:{side} w:val="single"', xml), side
    assert "<w:tblHeader/>" in xml and "<w:cantSplit/>" in xml


def test_the_client_is_called_the_defendant_only_once_the_suit_is_filed() -> None:
    """诉前调解: the court is known, nothing is filed and there is no case number: no 被告 yet."""
    before = sample(changes={"court.filed_on": DELETE, "court.case_number": DELETE})
    text = paragraphs(before, "evidence")
    assert text[1] == "案号：立案后由法院告知"
    assert text[2].startswith("提交人：李明，男，")
