"""LibreOffice opens every document and its PDF holds every required part, in order.

All documents are converted in one LibreOffice call (starting LibreOffice is the slow part), with a
throw-away profile so the test neither needs nor touches a user's settings.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from documents_support import drafted, sample, with_style

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


def test_pdf_prints_the_uppercase_amounts(pdf_texts: dict[str, str]) -> None:
    flat = _flat(pdf_texts["case-settlement"])
    assert "18,000.00元（人民币壹万捌仟元整）" in flat
    assert "20,650.57元（人民币贰万零陆佰伍拾元零伍角柒分）" in flat


def test_no_blank_page_and_no_runaway_document(pdf_texts: dict[str, str]) -> None:
    """Every page holds text besides its footer, and no document runs past four pages."""
    for stem, text in pdf_texts.items():
        pages = [page for page in text.split("\f") if page.strip()]
        assert 1 <= len(pages) <= 4, stem
        assert all(_flat(page) for page in pages), stem
