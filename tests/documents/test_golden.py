"""Golden texts: every document of the sample case, paragraph by paragraph, as a lawyer read and approved it.

The files under golden/ are the normalized paragraphs of the rendered .docx (body paragraphs and table
cells in reading order; Word's automatic numbering is not part of the text). A change to a template or to
the wording in toolkit/documents shows here as a diff to read line by line before the golden file is
changed by hand.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import re
import zipfile

import pytest
from documents_support import GOLDEN, drafted, paragraphs, sample, with_style
from lxml import etree

from toolkit.case.models import Case
from toolkit.documents import kinds
from toolkit.render.xmltext import W

DOCUMENTS = [
    ("answer.txt", "answer", "narrative"),
    ("answer-elements.txt", "answer", "elements"),
    ("hardship.txt", "hardship", None),
    ("settlement.txt", "settlement", None),
    ("evidence.txt", "evidence", None),
]


def test_every_document_kind_has_a_golden_text() -> None:
    assert {name for _, name, _ in DOCUMENTS} == set(kinds())


def _case(style: str | None) -> Case:
    case = sample()
    return with_style(case, style) if style else case


@pytest.mark.parametrize(("golden", "name", "style"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_sample_document_matches_its_golden_text(golden: str, name: str, style: str | None) -> None:
    expected = (GOLDEN / golden).read_text(encoding="utf-8").splitlines()
    actual = paragraphs(_case(style), name)
    diff = "\n".join(difflib.unified_diff(expected, actual, f"golden/{golden}", "rendered", lineterm=""))
    assert actual == expected, f"{golden} differs from the rendered document:\n{diff}"


def test_golden_texts_carry_the_worked_example_figures() -> None:
    """The goldens themselves hold law.md's worked example, so a wrong golden cannot pass unnoticed:
    each row booked rounded down to the cent (law.md §4.4): 18,000.00 × 0.2398 × 61 / 365 = 721.3709… → 721.37;
    18,000.00 × 0.24 × 163 / 365 = 1,929.2054… → 1,929.20; charges 2,650.57; supportable 20,650.57; claimed
    23,000.00; excess 2,349.43; 18,000.00 / 12 = 1,500.00 a month."""
    texts = {name: (GOLDEN / name).read_text(encoding="utf-8") for name, _, _ in DOCUMENTS}
    for name in ("answer.txt", "answer-elements.txt", "settlement.txt"):
        assert "20,650.57元（人民币贰万零陆佰伍拾元零伍角柒分）" in texts[name], name
        assert "2,349.43元（人民币贰仟叁佰肆拾玖元肆角叁分）" in texts[name], name
    assert "原告依法最多可主张利息及费用2,650.57元（人民币贰仟陆佰伍拾元零伍角柒分）" in texts["answer-elements.txt"]
    assert "1,929.20" in texts["answer.txt"] and "合计2,650.57元" in texts["answer-elements.txt"]
    for name in texts.keys() - {"evidence.txt"}:  # the evidence list prints no amount of the loan
        assert "18,000.00元（人民币壹万捌仟元整）" in texts[name], name
    assert "每期1,500.00元" in texts["hardship.txt"]
    assert "请求减免5,000.00元（人民币伍仟元整）" in texts["settlement.txt"]  # 23,000.00 − 18,000.00


def test_sample_documents_are_byte_identical_to_their_golden_digests() -> None:
    """The bytes, not only the text: a change made for speed (caches, the text read from the XML text or from
    the skeleton, the passes folded into compile) must give the very same .docx. A change of wording or
    template changes the digests in golden/docx.sha256, and is then reviewed through the golden texts above
    first; so does the compression of the documents' own parts (level 3; level 6 up to commit d5ede6e),
    which changes no part: see the next test."""
    lines = (GOLDEN / "docx.sha256").read_text(encoding="utf-8").splitlines()
    expected = dict(line.split() for line in lines)
    for golden, name, style in DOCUMENTS:
        file = golden.replace(".txt", ".docx")
        actual = hashlib.sha256(drafted(_case(style), name).document.docx).hexdigest()
        assert actual == expected[file], f"{file}: the document's bytes changed ({actual})"


def test_sample_documents_hold_the_very_parts_of_the_slower_code() -> None:
    """Every part of each .docx, uncompressed, in its order, with its name, method and time: the digests in
    golden/members.sha256 were taken from the code before the text was read from the skeleton and the
    documents' own parts compressed at level 3 (commit d5ede6e)."""
    expected: dict[str, list[tuple[str, str]]] = {}
    for line in (GOLDEN / "members.sha256").read_text(encoding="utf-8").splitlines():
        file, member, digest = line.split()
        expected.setdefault(file, []).append((member, digest))
    for golden, name, style in DOCUMENTS:
        file = golden.replace(".txt", ".docx")
        with zipfile.ZipFile(io.BytesIO(drafted(_case(style), name).document.docx)) as package:
            infos = package.infolist()
            actual = [(info.filename, hashlib.sha256(package.read(info)).hexdigest()) for info in infos]
            assert {(info.compress_type, info.date_time) for info in infos} == {
                (zipfile.ZIP_DEFLATED, (2026, 1, 1, 0, 0, 0))
            }
        assert actual == expected[file], file


TYPED_NUMBER = re.compile(r"\s*(?:\d+[.．、]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)])")


@pytest.mark.parametrize(("golden", "name", "style"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_no_paragraph_is_numbered_twice(golden: str, name: str, style: str | None) -> None:
    """A paragraph Word numbers (w:numPr) does not type a number of its own as well: "1. 1. 借款合同" is what
    the page would show."""
    docx = drafted(_case(style), name).document.docx
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    twice = [
        text
        for p in root.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}numPr") is not None and TYPED_NUMBER.match(text := "".join(p.itertext()))
    ]
    assert not twice, f"{golden}: numbered by Word and by their text: {twice}"
