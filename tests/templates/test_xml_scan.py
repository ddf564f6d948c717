"""The text of a part read from its XML text is the text read from its tree, or the scan declines.

``read_part`` given bytes reads the tree (the reference: each paragraph's w:t text, tabs and breaks as
spaces, whitespace collapsed; lxml's ids of wp:docPr and count of cells without a paragraph); given text
it scans the XML text when it can, and parses it without a tree. Both must give the same paragraphs,
tables, drawing ids and empty cells for every document: the built-in templates' renders, every .docx of
the repository, and generated parts with entities, tabs, breaks, drawings, empty and self-closing
elements; and both must refuse what is not well-formed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from templates_support import SAMPLE

from toolkit.case.load import load_case
from toolkit.documents import kind, kinds
from toolkit.law.compute import compute_figures
from toolkit.render import templates
from toolkit.render.xmlscan import escaped, scanned
from toolkit.render.xmltext import read_part

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = f'<w:body xmlns:w="{W}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'


def _same(xml: str) -> None:
    assert read_part(xml) == read_part(xml.encode("utf-8"))


def _xml_parts(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        names = [name for name in package.namelist() if name.startswith("word/") and name.endswith(".xml")]
        return [package.read(name).decode("utf-8") for name in names]


def test_the_built_in_documents_are_scanned_and_read_alike() -> None:
    case = load_case(SAMPLE)
    figures = compute_figures(case)
    for name in kinds():
        document = kind(name)
        _, template = templates.load(document.template(case))
        docx = template.render(document.context(case, figures), title=document.title).docx
        parts = _xml_parts(docx)
        body = next(part for part in parts if "<w:body" in part)
        assert scanned(body) is not None  # the fast path is the one under test
        for part in parts:
            _same(part)


@pytest.mark.parametrize("path", sorted(ROOT.glob("templates/*.docx")) + sorted(ROOT.glob("tests/**/*.docx")))
def test_every_docx_of_the_repository_is_read_alike(path: Path) -> None:
    for part in _xml_parts(path.read_bytes()):
        _same(part)


_TEXT = st.text(alphabet=st.sampled_from(list("本金 a\t\r\n\u3000\u2060元&<>\"'")), max_size=8)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")


_RUN = st.one_of(
    _TEXT.map(lambda text: f'<w:r><w:t xml:space="preserve">{_escaped(text)}</w:t></w:r>'),
    _TEXT.map(lambda text: f"<w:r><w:t>{_escaped(text)}</w:t><w:tab/><w:t>{_escaped(text)}</w:t></w:r>"),
    st.sampled_from(["<w:r><w:br/></w:r>", "<w:r><w:t/></w:r>", "<w:r><w:tab></w:tab></w:r>", "<w:r/>"]),
    st.sampled_from(["<w:r><w:t>&#x2060;&#20803;&#x41;</w:t></w:r>", "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins>"]),
    # a namespace declared inside the part, not on its root
    st.just('<w:r><w:drawing><pic:pic xmlns:pic="urn:pic"><w:t>图中</w:t></pic:pic></w:drawing></w:r>'),
    st.sampled_from(
        ['<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> 甲 </w:t></w:r>', "<w:r><w:t>\t</w:t></w:r>"]
    ),
    st.sampled_from(['id="5" name="图 1"', "id='7'", 'name="无编号"', 'descr="x" id = "&#49;2"', 'xid="1" id="8"']).map(
        lambda attributes: f"<w:r><w:drawing><wp:inline><wp:docPr {attributes}/></wp:inline></w:drawing></w:r>"
    ),
)
_PARAGRAPH = st.one_of(
    st.lists(_RUN, max_size=4).map(lambda runs: "<w:p>" + "".join(runs) + "</w:p>"),
    st.lists(_RUN, max_size=3).map(
        lambda runs: (
            '<w:p w:rsidR="00A1"><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>'
            + "".join(runs)
            + "</w:p>"
        )
    ),
    st.just("<w:p/>"),
)
_CELL = st.one_of(
    st.lists(_PARAGRAPH, max_size=2).map(lambda ps: "<w:tc><w:tcPr/>" + "".join(ps) + "</w:tc>"), st.just("<w:tc/>")
)
_ROW = st.lists(_CELL, max_size=3).map(
    lambda cells: "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(cells) + "</w:tr>"
)
_TABLE = st.lists(_ROW, max_size=3).map(
    lambda rows: '<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid/>' + "".join(rows) + "</w:tbl>"
)


@given(st.lists(st.one_of(_PARAGRAPH, _TABLE), max_size=6))
def test_generated_parts_are_read_alike(blocks: list[str]) -> None:
    xml = BODY + "".join(blocks) + "</w:body>"
    assert scanned(xml) is not None
    _same(xml)


@pytest.mark.parametrize(
    "inside",
    [
        "<w:p><w:r><w:t>a&gt;b</w:t></w:r></w:p><!-- 注释 <w:p><w:r><w:t>x</w:t></w:r></w:p> -->",
        "<w:p><w:r><w:t><![CDATA[<不是标签>]]></w:t></w:r></w:p>",
        "<w:p><w:r><w:t>a>b</w:t></w:r></w:p>",  # a ">" in text, as XML allows
        '<w:p w:x="a>b"><w:r><w:t>甲</w:t></w:r></w:p>',  # and in an attribute
        "<w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>",
        "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p/></w:tc></w:tr></w:tbl>",
        "<w:tbl><w:sdt><w:sdtContent><w:tr><w:tc><w:p/></w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>",
        '<x:p xmlns:x="' + W + '"><x:r><x:t>别名</x:t></x:r></x:p>',  # WordprocessingML under another prefix
        '<w:p><w:r><w:t>甲</w:t></w:r><q:p xmlns:q="urn:x"><w:t xmlns:w="urn:other">乙</w:t></q:p></w:p>',
        "<w:p><?pi 指令?><w:r><w:t>丙</w:t></w:r></w:p>",
        "<w:p/><w:tc><w:p/></w:tc>",  # a cell outside a table
        '<w:p><w:r><w:drawing><d:docPr xmlns:d="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing" id="3"/></w:drawing></w:r></w:p>',  # the drawing namespace under another prefix
        '<w:p><w:r><w:drawing><wp:docPr xmlns:wp="urn:x" id="3"/></w:drawing></w:r></w:p>',  # wp bound elsewhere
        '<w:p><w:r><wp:docPr id="4\t5"/></w:r></w:p>',  # an id that attribute normalisation changes
        "<w:p><w:r><w:t>甲<w:br/>乙</w:t></w:r></w:p>",  # a w:t holding an element: its text is 甲 alone
    ],
)
def test_what_the_scan_cannot_read_exactly_is_read_from_the_tree(inside: str) -> None:
    xml = BODY + inside + "</w:body>"
    assert scanned(xml) is None
    _same(xml)


def test_a_paragraph_in_a_paragraph_is_read_from_the_tree() -> None:
    """Well-formed but outside the schema: the scan's count of paragraphs differs from the tree's, so
    ``read_part`` reads the tree."""
    inner = "<w:p><w:r><w:t>内</w:t></w:r></w:p>"
    xml = BODY + f"<w:p><w:r><w:t>外</w:t></w:r>{inner}<w:r><w:t>尾</w:t></w:r></w:p></w:body>"
    _same(xml)
    assert read_part(xml).paragraphs == ("外内尾", "内")


@pytest.mark.parametrize(
    "inside",
    [
        "<w:p><w:r><w:t>甲</w:t></w:p></w:r>",  # tags crossed
        "<w:p><w:r><w:t>甲</w:t></w:r>",  # a paragraph not closed
        "<w:p><zz:r><w:t>甲</w:t></zz:r></w:p>",  # a prefix bound nowhere
        "<w:p><w:r><w:t>甲 &nbsp; 乙</w:t></w:r></w:p>",  # an entity XML does not define
    ],
)
def test_what_is_not_well_formed_is_refused_by_both_readings(inside: str) -> None:
    xml = BODY + inside + "</w:body>"
    with pytest.raises(etree.XMLSyntaxError):
        read_part(xml)
    with pytest.raises(etree.XMLSyntaxError):
        read_part(xml.encode("utf-8"))


def test_text_is_escaped_as_xml_character_data_and_read_back() -> None:
    """The three characters XML text cannot hold raw are written as entities (XML 1.0 §2.4); quotes stay."""
    assert escaped('原告 A&B <公司> "甲"') == '原告 A&amp;B &lt;公司&gt; "甲"'
    part = BODY + f"<w:p><w:r><w:t>{escaped('A&B <C>')}</w:t></w:r></w:p></w:body>"
    assert read_part(part).paragraphs == ("A&B <C>",)
