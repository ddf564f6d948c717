"""A proven body's text, read once from its skeleton and filled in with the values, is its tree's text.

The renderer reads each proven body from its skeleton's text (toolkit/render/skeleton_text.py) instead of
scanning or parsing the body. The reference is the body's own tree (``read_part`` given bytes): its
paragraphs, tables, drawing ids and empty cells must be the same for every document, the built-in
templates' for every sample and scenario case, and generated bodies whose values carry whitespace of
every kind, entities, dates, word joiners and line ends, in text, in attributes and in field codes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from toolkit.case.load import load_case
from toolkit.documents import kind, requested
from toolkit.law.compute import compute_figures
from toolkit.render import templates
from toolkit.render.compiled import _as_written
from toolkit.render.skeleton import Proofs
from toolkit.render.skeleton_text import skeleton_text
from toolkit.render.xmltext import PartText, read_part

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


def _tree(pieces: list[str]) -> PartText:
    return read_part(_as_written("".join(pieces)).encode("utf-8"))


def _from_skeleton(pieces: list[str]) -> PartText | None:
    xml = _as_written("".join(pieces))
    proofs = Proofs(_as_written)
    if not proofs.proven(pieces, xml):
        return None
    return proofs.text(pieces, xml, xml.encode("utf-8"))


@pytest.mark.parametrize("style", ["narrative", "elements"])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_every_built_in_body_is_read_as_its_tree_is(path: Path, style: str) -> None:
    case = load_case(path)
    assert case.answer is not None
    case = case.model_copy(update={"answer": case.answer.model_copy(update={"style": style})})
    figures = compute_figures(case)
    for name in requested(case):
        document = kind(name)
        _, template = templates.load(document.template(case))
        rendered = template.render(document.context(case, figures), title=document.title)
        with zipfile.ZipFile(io.BytesIO(rendered.docx)) as package:
            body = package.read("word/document.xml")
        assert rendered.body == read_part(body), name


def test_values_fill_their_paragraphs_and_cells() -> None:
    """Counted by hand: a value's spaces collapse with the fixed text's, an empty value leaves an empty
    paragraph out, a value never completes the fixed text's "&" into a reference, a cell of two paragraphs
    joins them with a space, and a value in an attribute or a field code adds no text."""
    p, t = '<w:p><w:r><w:t xml:space="preserve">', "</w:t></w:r></w:p>"
    pieces = [
        f'<w:body xmlns:w="{W}">',
        p,
        "合计 ",
        escape("  1,000.00\t"),
        " 元",
        t,
        p,
        escape(""),
        t,
        p,
        "&amp;",
        escape("lt;"),
        "&lt;",
        t,
        "<w:tbl><w:tr><w:tc>",
        p,
        escape("A&B"),
        t,
        p,
        "第二段",
        t,
        '</w:tc><w:tc><w:p><w:pPr><w:jc w:val="',
        escape("center"),
        '"/></w:pPr><w:r><w:instrText>',
        escape("PAGE"),
        "</w:instrText></w:r></w:p></w:tc></w:tr></w:tbl></w:body>",
    ]
    text = _from_skeleton(pieces)
    assert text == PartText(("合计 1,000.00 元", "&lt;<", "A&B", "第二段"), (), 0, ((("A&B 第二段", ""),),))
    assert text == _tree(pieces)


def test_a_fixed_text_that_holds_a_value_character_is_not_read_from_its_skeleton() -> None:
    """The characters that name the values cannot be told from the template's own: such a body is read
    as before (from its text)."""
    assert (
        skeleton_text(
            (f'<w:body xmlns:w="{W}"><w:p><w:r><w:t>\U000f0000', None, "</w:t></w:r></w:p></w:body>"), _as_written
        )
        is None
    )


_TEXT = st.text(alphabet=" \t\r\n\u3000\u00a0\u2060abmplt;#x李明0123456789年月日&<>\"'", max_size=8)
_FIXED_TEXT = st.sampled_from(
    ["", " ", "  ", "\t", "合计", "&amp;", "&lt;", "&#x41;", "&#160;", "2026", "年1月5日", "\r\n"]
)
_RUN = st.one_of(
    st.lists(st.one_of(_FIXED_TEXT, _TEXT.map(escape)), max_size=4).map(
        lambda parts: ['<w:r><w:t xml:space="preserve">', *parts, "</w:t></w:r>"]
    ),
    st.just(["<w:r><w:tab/></w:r>"]),
    st.just(["<w:r><w:br/></w:r>"]),
    _TEXT.map(lambda value: ['<w:r><w:rPr><w:lang w:val="', escape(value), '"/></w:rPr><w:t>x</w:t></w:r>']),
    _TEXT.map(lambda value: ["<w:r><w:instrText>", escape(value), "</w:instrText></w:r>"]),
)
_PARAGRAPH = st.lists(_RUN, max_size=4).map(lambda runs: ["<w:p>", *(piece for run in runs for piece in run), "</w:p>"])
_CELL = st.one_of(
    st.lists(_PARAGRAPH, max_size=3).map(lambda ps: ["<w:tc>", *(piece for p in ps for piece in p), "</w:tc>"])
)
_TABLE = st.lists(st.lists(_CELL, min_size=1, max_size=3), min_size=1, max_size=3).map(
    lambda rows: [
        "<w:tbl>",
        *(piece for row in rows for piece in ["<w:tr>", *(piece for cell in row for piece in cell), "</w:tr>"]),
        "</w:tbl>",
    ]
)
_DRAWING = st.just(['<w:p><w:r><w:drawing><wp:inline><wp:docPr id="7" name="x"/></wp:inline></w:drawing></w:r></w:p>'])
_BODY = st.lists(st.one_of(_PARAGRAPH, _TABLE, _DRAWING), max_size=6).map(
    lambda blocks: [
        f'<w:body xmlns:w="{W}" xmlns:wp="{WP}">',
        *(piece for block in blocks for piece in block),
        "</w:body>",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(_BODY)
def test_a_body_read_from_its_skeleton_is_read_as_its_tree_is(pieces: list[str]) -> None:
    text = _from_skeleton(pieces)
    assert text is not None  # every value is plain text here, so every body is proven
    assert text == _tree(pieces)


def test_a_value_that_is_not_plain_text_is_read_from_the_body() -> None:
    """A filter's Markup is not known to be text: the body is read from itself, as before."""
    pieces = [f'<w:body xmlns:w="{W}"><w:p><w:r><w:t>', Markup('说"明'), "</w:t></w:r></w:p></w:body>"]
    assert _from_skeleton(pieces) is None
    xml = _as_written("".join(pieces))
    assert Proofs(_as_written).text(pieces, xml, xml.encode("utf-8")) == _tree(pieces)
