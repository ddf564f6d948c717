"""The text of WordprocessingML, paragraph by paragraph: what a reader sees, for checks and golden files."""

from __future__ import annotations

import re

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACE = re.compile(r"\s+")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's visible text: its runs' text, tabs and breaks as spaces, whitespace collapsed."""
    pieces: list[str] = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br"):
        pieces.append((node.text or "") if node.tag == f"{W}t" else " ")
    return _SPACE.sub(" ", "".join(pieces)).strip()


def paragraphs(xml: str | bytes) -> tuple[str, ...]:
    """Every non-empty paragraph of an XML part (body paragraphs and table cells) in document order."""
    root = etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml, _PARSER)
    texts = (paragraph_text(p) for p in root.iter(f"{W}p"))
    return tuple(text for text in texts if text)
