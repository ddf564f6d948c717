"""LibreOffice opens every document and its PDF holds every required part, in order.

All documents are converted in one LibreOffice call (starting LibreOffice is the slow part), with a
throw-away profile so the test neither needs nor touches a user's settings.
"""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from documents_support import drafted, sample, with_style
from docx import Document
from docx.oxml.ns import qn

from toolkit.case.models import Case
from toolkit.documents import kind
from toolkit.law.compute import compute_figures

# (file stem, sample, document, answer style)
DOCUMENTS = [
    ("case-answer", "case", "answer", "narrative"),
    ("case-answer-elements", "case", "answer", "elements"),
    ("case-hardship", "case", "hardship", None),
    ("case-settlement", "case", "settlement", None),
    ("private-answer-elements", "private-downpayment", "answer", "elements"),
    ("private-hardship", "private-downpayment", "hardship", None),
    ("private-settlement", "private-downpayment", "settlement", None),
    ("expired-answer-elements", "bank-expired", "answer", "elements"),
]


def _case(name: str, style: str | None) -> Case:
    case = sample(name)
    return with_style(case, style) if style else case


# The parts law.md §8 names for each document, typed from the page (in order; a subset both element forms
# share): the PDF must hold them whatever the code's own list of required parts says.
LAW_MD_PARTS = {
    ("answer", "narrative"): [
        "民事答辩状", "答辩人", "答辩如下：", "答辩请求", "事实和理由", "利息计算表", "证据清单", "此致",
        "附：本答辩状副本", "答辩人（签名）",
    ],
    ("answer", "elements"): [
        "民事答辩状", "案号", "答辩人", "对本金有无异议", "事实和理由", "证据清单", "答辩人（签名）",
    ],
    ("hardship", None): [
        "困难情况说明", "说明人", "借款基本情况", "困难事由", "家庭收支状况", "请求事项", "承诺", "附件",
        "说明人（签名）",
    ],
    ("settlement", None): [
        "分期还款和解方案", "申请人", "被申请人", "债务现状", "还款方案", "合计", "减免请求", "理由", "违约责任",
        "申请人（签名）",
    ],
}


def _docx_paragraphs(data: bytes) -> list[str]:
    """Every paragraph of the .docx body, tables included, read with python-docx (not the toolkit)."""
    body = Document(io.BytesIO(data)).element.body
    texts = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))
    return [text for text in texts if text.strip()]


@pytest.fixture(scope="module")
def docx_paragraphs() -> dict[str, list[str]]:
    return {stem: _docx_paragraphs(drafted(_case(n, st), d).document.docx) for stem, n, d, st in DOCUMENTS}


@pytest.fixture(scope="module")
def pdf_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("pdf")
    files = []
    for stem, name, document, style in DOCUMENTS:
        path = folder / f"{stem}.docx"
        path.write_bytes(drafted(_case(name, style), document).document.docx)
        files.append(str(path))
    profile = (folder / "profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(folder), *files], check=True, capture_output=True, timeout=300)
    texts = {}
    for stem, *_ in DOCUMENTS:
        pdf = folder / f"{stem}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        texts[stem] = text
    return texts


def _flat(text: str) -> str:
    """The text without the page footers and without whitespace: a line wrapped in a table cell or across
    a page reads as one."""
    text = re.sub(r"第\s*\d+\s*页\s*共\s*\d+\s*页", "", text)
    return "".join(text.split())


@pytest.mark.parametrize(("stem", "name", "document", "style"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_pdf_holds_every_required_part_in_order(
    pdf_texts: dict[str, str], stem: str, name: str, document: str, style: str | None
) -> None:
    case = _case(name, style)
    flat = _flat(pdf_texts[stem])
    position = 0
    for part in kind(document).parts(case, compute_figures(case)):
        # end-of-text anchors apply to the paragraph list, not to a PDF page with its footer
        pattern = re.compile(part.pattern.pattern.removesuffix("$"))
        match = pattern.search(flat, position)
        assert match is not None, f"{stem}: “{part.name}” missing or out of order in the PDF"
        position = match.end()


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
def test_pdf_holds_every_paragraph_of_the_document(
    pdf_texts: dict[str, str], docx_paragraphs: dict[str, list[str]], stem: str
) -> None:
    """LibreOffice drops nothing: each paragraph of the .docx is in the PDF (whitespace aside, and hyphens:
    pdftotext joins a word hyphenated at the end of a line, such as a contract number)."""
    flat = _flat(pdf_texts[stem]).replace("-", "")
    paragraphs = docx_paragraphs[stem]
    assert len(paragraphs) > 10
    missing = [p for p in paragraphs if "".join(p.split()).replace("-", "") not in flat]
    assert not missing, f"{stem}: not in the PDF: {missing[:3]}"


def test_pdf_prints_the_uppercase_amounts(pdf_texts: dict[str, str]) -> None:
    flat = _flat(pdf_texts["case-settlement"])
    assert "18,000.00元（人民币壹万捌仟元整）" in flat
    assert "20,650.58元（人民币贰万零陆佰伍拾元零伍角捌分）" in flat


def test_no_blank_page_and_no_runaway_document(pdf_texts: dict[str, str]) -> None:
    """Every page holds text besides its footer, and no document runs past four pages."""
    for stem, text in pdf_texts.items():
        pages = [page for page in text.split("\f") if page.strip()]
        assert 1 <= len(pages) <= 4, stem
        assert all(_flat(page) for page in pages), stem
