"""The text of WordprocessingML, paragraph by paragraph: what a reader sees, for checks and golden files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from toolkit.render.xmlscan import Table as Table  # a table's rows, each a tuple of its cells' text
from toolkit.render.xmlscan import collapsed, scanned

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PIECES = (f"{W}t", f"{W}tab", f"{W}br")  # what a paragraph's text is read from
# collect_ids=False: no table of xml:id attributes, which nothing here looks up (a parse costs ~15 % less)
_OPTIONS: dict[str, Any] = {"resolve_entities": False, "no_network": True, "huge_tree": False, "collect_ids": False}
_PARSER = etree.XMLParser(**_OPTIONS)
_NS = {"w": W[1:-1]}
_EMPTY_CELLS = etree.XPath("count(//w:tc[not(w:p)])", namespaces=_NS)  # counted in C, not in Python


class _NoTree:
    """A parser target that keeps nothing: the parse only proves the XML well-formed (half a tree's cost)."""

    def close(self) -> None:
        return None


_CHECKER = etree.XMLParser(target=_NoTree(), **_OPTIONS)


def paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's visible text: its runs' text, tabs and breaks as spaces, whitespace collapsed."""
    return collapsed(raw_text(paragraph))


def raw_text(paragraph: etree._Element) -> str:
    """A paragraph's runs' text, tabs and breaks as spaces, as written (whitespace not yet collapsed)."""
    return "".join((node.text or "") if node.tag == f"{W}t" else " " for node in paragraph.iter(*_PIECES))


def tree(data: bytes) -> etree._Element:
    """A part's tree, parsed without entities, network or huge-tree allowances."""
    return etree.fromstring(data, _PARSER)


def drawing_ids(root: etree._Element) -> tuple[str, ...]:
    return tuple(str(drawing.get("id")) for drawing in root.iter(f"{WP}docPr"))


def empty_cells(root: etree._Element) -> int:
    return int(_EMPTY_CELLS(root))


@dataclass(frozen=True)
class PartShape:
    """What Word needs of a well-formed XML part besides its text: its drawings' ids (each unique in the
    package) and how many table cells hold no paragraph (Word reports such a file as damaged)."""

    drawing_ids: tuple[str, ...] = ()
    empty_cells: int = 0


def is_xml_part(name: str) -> bool:
    """Whether a package member is XML by its name (a part or a relationships part)."""
    return name.endswith((".xml", ".rels"))


def part_shape(data: bytes) -> PartShape:
    """The shape of an XML part; ``etree.XMLSyntaxError`` when it is not well-formed."""
    root = tree(data)
    return PartShape(drawing_ids(root), empty_cells(root))


@dataclass(frozen=True)
class PartText:
    """What one parse of an XML part tells: its text, and what Word needs to open it (drawing ids, cells)."""

    paragraphs: tuple[str, ...]  # non-empty paragraphs (body and table cells) in document order
    drawing_ids: tuple[str, ...]  # every wp:docPr id: Word refuses a repeated one
    empty_cells: int  # table cells without a paragraph: Word calls the file corrupt
    tables: tuple[Table, ...] = ()  # every table, row by row, each cell's text


def table_text(table: etree._Element, known: dict[etree._Element, str] | None = None) -> Table:
    """A table's rows, each a tuple of its cells' text (a cell's paragraphs joined by a space); ``known``:
    the paragraphs' text already read."""
    text_of = known.__getitem__ if known is not None else paragraph_text
    return tuple(
        tuple(" ".join(text for text in map(text_of, cell) if text) for cell in row) for row in table_cells(table)
    )


def table_cells(table: etree._Element) -> list[list[list[etree._Element]]]:
    """A table's rows, each a list of its cells, each the list of its paragraphs (a nested table's too)."""
    return [[list(cell.iter(f"{W}p")) for cell in row.iterfind(f"{W}tc")] for row in table.iterfind(f"{W}tr")]


def well_formed(data: bytes) -> bool:
    """Whether ``data`` is well-formed XML with every prefix bound, proven by a parse that builds no tree;
    raises ``etree.XMLSyntaxError`` on what is not well-formed (an unbound prefix is only logged)."""
    etree.fromstring(data, _CHECKER)
    return not _CHECKER.error_log


def read_part(xml: str | bytes, encoded: bytes | None = None, *, proven: bool = False) -> PartText:
    """Parse an XML part once for its text and structure; a malformed part raises ``etree.XMLSyntaxError``.
    ``encoded``: the text ``xml`` in UTF-8, when the caller has it already; ``proven``: the caller has proven
    it well-formed, with every prefix bound (:mod:`toolkit.render.skeleton`).

    The text is read from the XML text where that is exact (:mod:`toolkit.render.xmlscan`), and the part
    parsed without building a tree, unless it is proven; otherwise it is read from the tree."""
    data = encoded if encoded is not None else xml.encode("utf-8") if isinstance(xml, str) else xml
    scan = scanned(xml) if isinstance(xml, str) else None
    if scan is not None and (proven or well_formed(data)):
        return PartText(*scan)
    root = tree(data)
    texts = {p: paragraph_text(p) for p in root.iter(f"{W}p")}  # each paragraph read once, tables reuse it
    return PartText(
        tuple(text for text in texts.values() if text),
        drawing_ids(root),
        empty_cells(root),
        tuple(table_text(table, texts) for table in root.iter(f"{W}tbl")),
    )


def paragraphs(xml: str | bytes) -> tuple[str, ...]:
    """Every non-empty paragraph of an XML part (body paragraphs and table cells) in document order."""
    return read_part(xml).paragraphs
