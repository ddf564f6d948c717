"""LibreOffice opens every document and its PDF holds every required part, in order.

All documents are converted in one LibreOffice call (starting LibreOffice is the slow part), through the
toolkit's own conversion (a throw-away profile and its own font table, so the test neither needs nor
touches a user's settings). The PDFs are read back as a lawyer would check them: every part present, the
body set in a serif face, and no amount or day count broken across two lines.
"""

from __future__ import annotations

import difflib
import io
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from documents_support import GOLDEN, drafted, sample, with_style
from docx import Document
from docx.oxml.ns import qn

from toolkit.case.models import Case
from toolkit.render.pdf import convert_to_pdf

# (file stem, sample, document, answer style)
DOCUMENTS = [
    ("case-answer", "case", "answer", "narrative"),
    ("case-answer-elements", "case", "answer", "elements"),
    ("case-hardship", "case", "hardship", None),
    ("case-settlement", "case", "settlement", None),
    ("case-evidence", "case", "evidence", None),
    ("private-answer", "private-downpayment", "answer", "narrative"),
    ("private-answer-elements", "private-downpayment", "answer", "elements"),
    ("private-hardship", "private-downpayment", "hardship", None),
    ("private-settlement", "private-downpayment", "settlement", None),
    ("private-evidence", "private-downpayment", "evidence", None),
    ("expired-answer-elements", "bank-expired", "answer", "elements"),
    ("large-answer", "large", "answer", "narrative"),
    ("large-answer-elements", "large", "answer", "elements"),
]
# The private loan with eight-digit amounts: the widest figures the tables must hold without wrapping
# (47,000,000.00 received, 5,000,000.00 repaid; interest rows up to 30,827,410.27).
LARGE = {
    "loan.principal": "50000000.00",
    "loan.disbursed": "47000000.00",
    "loan.repayments": [{"date": "2022-01-15", "amount": "5000000.00"}],
    "claims.principal": "50000000.00",
    "claims.interest": "45000000.00",
    "claims.total": "95008000.00",
}


def _case(name: str, style: str | None) -> Case:
    case = sample("private-downpayment", LARGE) if name == "large" else sample(name)
    return with_style(case, style) if style else case


@pytest.fixture(scope="module")
def pdf_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    files = []
    for stem, name, document, style in DOCUMENTS:
        path = folder / f"{stem}.docx"
        path.write_bytes(drafted(_case(name, style), document).document.docx)
        files.append(path)
    convert_to_pdf(files)
    return folder


@pytest.fixture(scope="module")
def pdf_texts(pdf_folder: Path) -> dict[str, str]:
    texts = {}
    for stem, *_ in DOCUMENTS:
        pdf = pdf_folder / f"{stem}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        texts[stem] = text
    return texts


def embedded_fonts(pdf: Path) -> list[str]:
    """The font names ``pdffonts`` lists (subset prefix dropped)."""
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()]


SANS = re.compile(r"sans|hei|gothic|zenhei|dejavusans", re.IGNORECASE)
# Figures as the documents print them, and as pdftotext reads them back (it may set a space between digits
# and CJK, never a line break inside a figure that is whole on its line).
AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2}")
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
DATE_READ = re.compile(r"\d{4} *年 *\d{1,2} *月 *\d{1,2} *日")


@pytest.mark.parametrize("stem", [d[0] for d in DOCUMENTS])
def test_the_body_is_set_in_a_serif_face(pdf_folder: Path, stem: str) -> None:
    """仿宋/宋体 and Times New Roman become Noto Serif CJK on a machine without them; never a sans face."""
    fonts = embedded_fonts(pdf_folder / f"{stem}.pdf")
    assert fonts, stem
    assert not [font for font in fonts if SANS.search(font)], f"{stem}: sans face in the body: {fonts}"
    assert all("Serif" in font or "Song" in font or "Ming" in font for font in fonts), fonts


@pytest.mark.parametrize("stem", [d[0] for d in DOCUMENTS])
def test_no_number_is_split_across_lines(pdf_texts: dict[str, str], stem: str) -> None:
    """Every amount of the document is read back whole from one line of its PDF, as often as it is printed;
    a figure broken inside a narrow cell ("18,000.0" over "0") is not."""
    _, name, document, style = next(d for d in DOCUMENTS if d[0] == stem)
    printed = "\n".join(drafted(_case(name, style), document).document.paragraphs)
    text = pdf_texts[stem]
    missing = Counter(AMOUNT.findall(printed)) - Counter(AMOUNT.findall(text))
    assert not missing, f"{stem}: amounts broken across lines in the PDF: {dict(missing)}"
    read = [d.replace(" ", "") for d in DATE_READ.findall(text.replace("\u2060", ""))]
    dates = Counter(DATE.findall(printed)) - Counter(read)
    assert not dates, f"{stem}: dates broken across lines in the PDF: {dict(dates)}"


def test_the_sample_answer_pdf_matches_its_golden_text(pdf_texts: dict[str, str]) -> None:
    """The sample answer as LibreOffice lays it out (pdftotext, line by line, page breaks as form feeds): a
    change of wording, of a figure, of a line break inside a table cell or of pagination shows here as a diff
    to read before golden/answer.pdf.txt is replaced. Its figures are law.md's worked example (721.37,
    1,929.20, 2,650.57, 20,650.57, 2,349.43)."""
    golden = (GOLDEN / "answer.pdf.txt").read_text(encoding="utf-8")
    actual = pdf_texts["case-answer"].replace("\u2060", "")
    diff = "\n".join(difflib.unified_diff(golden.splitlines(), actual.splitlines(), "golden", "pdf", lineterm=""))
    assert actual == golden, diff
    for figure in ("721.37", "1,929.20", "2,650.57", "20,650.57 元", "2,349.43 元"):
        assert figure in golden


# The parts law.md §8 names for each document, typed from the page (in order; a subset both element forms
# share): the PDF must hold them whatever the code's own list of required parts says.
LAW_MD_PARTS = {
    ("answer", "narrative"): [
        "民事答辩状",
        "答辩人",
        "答辩如下：",
        "答辩请求",
        "事实和理由",
        "利息计算表",
        "证据清单",
        "此致",
        "附：本答辩状副本",
        "答辩人（签名）",
    ],
    ("answer", "elements"): [
        "民事答辩状",
        "案号",
        "答辩人",
        "对本金有无异议",
        "事实和理由",
        "证据清单",
        "答辩人（签名）",
    ],
    ("hardship", None): [
        "困难情况说明",
        "说明人",
        "借款基本情况",
        "困难事由",
        "家庭收支状况",
        "请求事项",
        "承诺",
        "附件",
        "说明人（签名）",
    ],
    ("settlement", None): [
        "分期还款和解方案",
        "申请人",
        "被申请人",
        "债务现状",
        "还款方案",
        "合计",
        "减免请求",
        "理由",
        "违约责任",
        "申请人（签名）",
    ],
    # 证据目录 with the parts its issue names (law.md §8 lists the other three documents; §9.8 gives its rows)
    ("evidence", None): [
        "证据目录",
        "案号",
        "提交人",
        "序号",
        "证据名称",
        "证据来源",
        "证明目的",
        "页码",
        "提交人（签名）",
    ],
}


def _flat(text: str) -> str:
    """The text without page footers, whitespace and hyphens (pdftotext joins a word hyphenated at a line
    end, such as a contract number): a line wrapped in a table cell or across a page reads as one."""
    text = re.sub(r"第\s*\d+\s*页\s*共\s*\d+\s*页", "", text)
    return "".join(text.split()).replace("-", "")


@pytest.mark.parametrize(("stem", "name", "document", "style"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_pdf_holds_the_parts_law_md_names(
    pdf_texts: dict[str, str], stem: str, name: str, document: str, style: str | None
) -> None:
    flat, position = _flat(pdf_texts[stem]), 0
    for heading in LAW_MD_PARTS[(document, style)]:
        found = flat.find(heading, position)
        assert found >= 0, f"{stem}: “{heading}” missing or out of order in the PDF"
        position = found + len(heading)
    court = _case(name, style).court
    if style == "narrative" and court is not None:
        assert f"此致{court.name}" in flat


@pytest.mark.parametrize("stem", [d[0] for d in DOCUMENTS])
def test_pdf_holds_every_paragraph_of_the_document(pdf_texts: dict[str, str], stem: str) -> None:
    """LibreOffice drops nothing: each paragraph of the .docx, read with python-docx (not the toolkit), is
    in the PDF."""
    _, name, document, style = next(d for d in DOCUMENTS if d[0] == stem)
    body = Document(io.BytesIO(drafted(_case(name, style), document).document.docx)).element.body
    paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    paragraphs = [p for p in paragraphs if p.strip()]
    assert len(paragraphs) > 10
    flat = _flat(pdf_texts[stem])
    # U+2060 (word joiner) keeps a number and its unit on one line; it is not text a reader sees
    missing = [p for p in paragraphs if "".join(p.split()).replace("-", "").replace("\u2060", "") not in flat]
    assert not missing, f"{stem}: not in the PDF: {missing[:3]}"
