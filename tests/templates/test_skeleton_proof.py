"""A rendered part is proven well-formed by its skeleton only when lxml would parse the part itself.

The proof (toolkit/render/skeleton.py) lets the renderer skip the parse of every document's body. Its one
promise, checked here against lxml: whatever it proves, lxml parses, with every prefix bound. The pieces
below are built the way the compiled templates yield them: the template's fixed XML as ``str``, each
printed value as the ``Markup`` autoescaping makes of it (or a ``Markup`` a filter could return as it is).
Then the proof must still be given where it is due: the built-in templates' bodies, rendered for the
sample case, are all proven, each skeleton parsed once.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from markupsafe import Markup, escape
from templates_support import SAMPLE

from toolkit.case.load import load_case
from toolkit.case.text import RAW_CONTROL
from toolkit.documents import kind, kinds
from toolkit.law.compute import compute_figures
from toolkit.render import skeleton, templates
from toolkit.render.compiled import CompiledTemplate, _as_written
from toolkit.render.skeleton import Proofs
from toolkit.render.xmltext import well_formed

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OPEN = f'<w:body xmlns:w="{W}"><w:p><w:r><w:t>'
CLOSE = "</w:t></w:r></w:p></w:body>"


def _parses(xml: str) -> bool:
    try:
        return well_formed(xml.encode("utf-8"))
    except (etree.XMLSyntaxError, UnicodeEncodeError):
        return False


def _proven(*pieces: str) -> bool:
    """The proof as the renderer asks for it: the pieces joined, their dates joined, drawings renumbered."""
    return Proofs(_as_written).proven(list(pieces), _as_written("".join(pieces)))


def test_a_value_in_text_or_in_an_attribute_is_proven() -> None:
    assert _proven(OPEN, escape("A&B <Co> “李明” 'x'"), CLOSE)
    assert _proven(f'<w:body xmlns:w="{W}"><w:p w:rsidR="', escape("00A1"), '"/>', escape(""), "</w:body>")


def test_a_value_anywhere_else_is_not_proven_and_the_part_is_parsed() -> None:
    body = f'<w:body xmlns:w="{W}">'
    assert not _proven(body, "<w:", escape("p"), "/></w:body>")  # in a name
    assert not _proven(body, "<w:p ", escape("w:x"), '="1"/></w:body>')  # an attribute's name
    assert not _proven(body, "<w:p>&", escape("amp"), ";</w:p></w:body>")  # in a reference
    assert not _proven(body, "<!-- ", escape("a--b"), " --></w:body>")  # in a comment


def test_values_that_are_not_plain_text_are_not_proven() -> None:
    for value in (Markup("<w:br/>"), Markup("a>b"), Markup('"'), Markup("'"), Markup("&nbsp;"), Markup("&#0;")):
        assert not _proven(OPEN, value, CLOSE), value
    assert not _proven(OPEN, escape("李\x01明"), CLOSE)  # a control character: XML refuses it
    assert _proven(OPEN, Markup("&amp;&lt;&gt;&#34;&#39;"), CLOSE)  # markupsafe's own escapes


def test_every_character_a_case_file_refuses_fails_the_printable_test_the_proof_tries_first() -> None:
    """The proof passes a printable text without searching it for the characters XML refuses: that holds
    only while each of them, in every plane, is one str.isprintable refuses, as Unicode's database says."""
    refused = [chr(code) for code in range(0x110000) if RAW_CONTROL.match(chr(code))]
    # C0 less tab, LF and CR; DEL to APC; surrogates; U+FDD0–U+FDEF; U+FFFE, U+FFFF; two in each other plane
    assert len(refused) == 29 + 33 + 2048 + 32 + 2 + 16 * 2
    assert not any(char.isprintable() for char in refused)
    assert not _proven(OPEN, escape("李明\n\U0010fffe"), CLOSE)  # a line break sends it to the search
    assert _proven(OPEN, escape("李明\n张三\t"), CLOSE)


def test_a_cdata_end_formed_around_an_empty_value_is_not_proven() -> None:
    assert not _proven(OPEN, "]]", escape(""), ">", CLOSE)
    assert not _parses(OPEN + "]]>" + CLOSE)


def test_a_value_in_a_namespace_declaration_is_not_proven() -> None:
    """The value would decide the namespace: empty, not a URI, reserved, or the same as another's (and
    two attributes of one name then clash)."""
    assert not _proven('<r xmlns:a="u', escape("X"), '" xmlns:b="uX" a:x="1" b:x="2"/>')
    assert not _proven(f'<w:body xmlns:w="{W}"><w:p xmlns:a="', escape(""), '"/></w:body>')
    assert not _proven('<r xmlns="', escape("a b"), '"/>')
    assert not _proven('<r xmlns:a="http://www.w3.org/XML/1998/', escape("namespace"), '"/>')
    assert not _proven('<r a=">" xmlns:a="', escape(""), '"/>')  # a ">" in an earlier attribute's value
    assert not _proven("<r b='>' xmlns=\"http://www.w3.org/2000/", escape("xmlns/"), '"/>')
    assert not _parses('<r xmlns:a="uX" xmlns:b="uX" a:x="1" b:x="2"/>')


def test_what_joining_dates_changes_is_proven_as_it_is_written() -> None:
    """Dates are joined (U+2060 set inside them) in the whole part: in a name that breaks the XML."""
    body = f'<w:body xmlns:w="{W}">'
    assert not _proven(body, "<w:x2026年1月5日/>", escape(""), "</w:body>")
    assert not _proven(body, '<w:p w:d2026年1月5日="1"/>', escape(""), "</w:body>")
    assert _proven(OPEN, escape("2026"), "年1月5日", CLOSE)  # in text: joined, and proven


def test_what_numbering_drawings_changes_is_proven_as_it_is_written() -> None:
    """A drawing's number is set in its wp:docPr tag, by a pattern that also matches ``xmlns:id="…"``."""
    declarations = f'<w:body xmlns:w="{W}" xmlns:wp="urn:wp" xmlns:b="1001">'
    assert not _proven(declarations, '<wp:docPr xmlns:id="7" id:q="" b:q=""/><w:t>', escape("x"), "</w:t></w:body>")
    assert not _proven(declarations, '<wp:docPr descr="', escape("a"), '" id="5"/></w:body>')  # a value in the tag
    assert _proven(f'<w:body xmlns:w="{W}" xmlns:wp="urn:wp"><wp:docPr id="5"/><w:t>', escape("x"), "</w:t></w:body>")


def test_an_unbound_prefix_or_broken_fixed_text_is_not_proven() -> None:
    assert not _proven("<w:body><w:p>", escape("x"), "</w:p></w:body>")
    assert not _proven(OPEN, escape("x"), "</w:r></w:p></w:body>")  # w:t left open


_FIXED = st.sampled_from(
    [
        OPEN,
        CLOSE,
        f'<w:body xmlns:w="{W}">',
        "</w:body>",
        "<w:p>",
        "</w:p>",
        "<w:p/>",
        "<w:t>",
        "</w:t>",
        '<w:t xml:space="preserve">',
        '<w:jc w:val="',
        '"/>',
        "'",
        "<w:",
        "</w:",
        "p",
        " ",
        ">",
        "]]",
        "&",
        "amp;",
        "<!--",
        "-->",
        "<![CDATA[",
        "<?pi ",
        "?>",
        '="',
        "<x:p>",
        "文字",
        '<r xmlns:a="u',
        '<r a=">" xmlns:a="u',
        '" xmlns:b="uX" a:x="1" b:x="2"/>',
        ' xmlns="',
        "<w:x2026年1月5日/>",
        "年1月5日",
        "2026",
        '<wp:docPr id="7"/>',
        '<wp:docPr xmlns:id="7" id:q="" b:q=""/>',
        '<r xmlns:wp="urn:wp" xmlns:b="1001">',
        '<wp:docPr descr="',
    ]
)
_VALUES = st.one_of(
    st.text(max_size=6).map(escape),  # a printed value, escaped
    st.sampled_from(["", "]]", "a--b", "&", "<", ">", '"', "'", "&amp;", "&lt;", "&#34;", "\x01", "\ufffe", "X"]).map(
        Markup  # a filter's result, not escaped
    ),
)
_PIECES = st.lists(st.one_of(_FIXED, _VALUES), max_size=14)


@settings(max_examples=3000, deadline=None)
@given(st.builds(lambda middle: [OPEN, *middle, CLOSE], _PIECES) | _PIECES)
def test_whatever_is_proven_parses(pieces: list[str]) -> None:
    xml = _as_written("".join(pieces))
    if Proofs(_as_written).proven(pieces, xml):
        assert _parses(xml), pieces


def test_the_builtin_templates_are_proven_each_skeleton_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """…and each body is read from its skeleton's text (read once with it), never scanned or parsed again."""
    parsed: list[skeleton.Skeleton] = []
    read: list[str] = []
    real_parses = skeleton._parses

    def parses(found: skeleton.Skeleton, prepare: Callable[[str], str]) -> bool:
        parsed.append(found)
        return real_parses(found, prepare)

    def read_part(xml: str, *args: object, **kwargs: object) -> object:
        read.append(xml)
        raise AssertionError("a proven body is read from its skeleton's text")

    monkeypatch.setattr(skeleton, "_parses", parses)
    monkeypatch.setattr(skeleton, "read_part", read_part)
    case = load_case(SAMPLE)
    figures = compute_figures(case)
    for name in kinds():
        document_kind = kind(name)
        template = CompiledTemplate(templates.load(document_kind.template(case))[1].path)  # its own proofs
        parsed.clear()
        for _ in range(3):
            template.render(document_kind.context(case, figures), title=document_kind.title)
        assert len(parsed) == 1, name
    assert not read
