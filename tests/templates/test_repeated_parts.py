"""A header or footer that renders the same text in every document is parsed and compressed once per
process; a rendering that does not parse is an error every time it comes, never remembered as proven."""

from __future__ import annotations

import zlib

import pytest
from lxml import etree

from toolkit.render import templates
from toolkit.render.compiled import CompiledTemplate, _Part

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GOOD = f'<w:ftr xmlns:w="{W}"><w:p><w:r><w:t>第 1 页</w:t></w:r></w:p></w:ftr>'
BAD = f'<w:ftr xmlns:w="{W}"><w:p><w:r><w:t>第 1 页</w:r></w:p></w:ftr>'  # </w:t> missing


def _footer() -> tuple[CompiledTemplate, _Part]:
    _, template = templates.load("answer")
    part = next(part for part in template._parts if part.name != "word/document.xml")
    return template, part


def test_a_footer_rendered_twice_gives_the_same_entry_and_its_own_bytes() -> None:
    template, part = _footer()
    first = template._repeated(part, GOOD)
    assert template._repeated(part, GOOD) is first
    # the entry's data inflate to exactly the part's XML: its declaration, then the rendered text
    content = zlib.decompress(first.data, -15)
    assert content == (part.head + GOOD + part.tail).encode("utf-8")
    assert (first.crc, first.size) == (zlib.crc32(content), len(content))


def test_a_footer_that_does_not_parse_fails_every_time() -> None:
    template, part = _footer()
    for _ in range(2):
        with pytest.raises(etree.XMLSyntaxError):
            template._repeated(part, BAD)
