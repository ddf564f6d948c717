"""The text of a rendered part read from its XML text, where that is as exact as reading its tree.

Reading each paragraph's text from the parsed tree costs more than the parse itself: a Python step for
every run, tab and break of every paragraph; building the tree costs as much again. Here each paragraph
is found in the XML text by a regular expression, and its text is read once for all the documents of a
batch (the fixed paragraphs of a template are the same XML in every document). The part is still proven
well-formed: parsed without a tree (:func:`toolkit.render.xmltext.read_part`), or by its template's
skeleton (:mod:`toolkit.render.skeleton`). This reading
gives exactly what ``read_part`` reads from the tree (a test compares the two): the paragraphs, the tables,
the drawing ids and the empty cells; and it declines (``None``) every part it cannot read that way:
paragraphs in paragraphs, tables in tables, rows or cells wrapped in content controls, cells outside a
table, comments, CDATA, processing instructions, a ``w`` or ``wp`` prefix not bound to its namespace (or
that namespace under another prefix), or an attribute holding ``>``.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple, cast

WORD_JOINER = "\u2060"  # set inside dates so that they never break over two lines (see render.compiled)
_W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WP_URI = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_PIECE = re.compile(r"<w:t(?=[\s/>])[^>]*?(?:/>|>([^<]*)</w:t>)|<w:(?:tab|br)(?=[\s/>])")
_T_OPENING = re.compile(r"<w:t(?=[\s/>])")  # every w:t, which _PIECE reads unless it holds an element
_REFERENCE = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_WRAPPERS = ("<w:sdt", "<w:customXml", "<mc:")  # may hold a table's rows or cells: read from the tree
_TAG_END = " \t\r\n/>"  # what follows a tag's name: <w:p …>, not <w:pPr>
_OPENINGS = re.compile(f"<w:(p|tbl|tc)[{_TAG_END}]")  # the start (or empty) tag of a paragraph, table or cell
_DOCPR = re.compile(f"<wp:docPr[{_TAG_END}]")
# an attribute is preceded by whitespace: `id`, not `r:id`; its value as the tree gives it, when it holds no
# whitespace that attribute normalisation would change
_ID = re.compile("[ \t\r\n]id[ \t\r\n]*=[ \t\r\n]*(?:\"([^\"\t\r\n]*)\"|'([^'\t\r\n]*)')")

Table = tuple[tuple[str, ...], ...]  # rows of cells' text


class Scan(NamedTuple):
    """What ``read_part`` reads of a part: as :class:`toolkit.render.xmltext.PartText`."""

    paragraphs: tuple[str, ...]  # non-empty paragraphs (body and table cells) in document order
    drawing_ids: tuple[str, ...]
    empty_cells: int
    tables: tuple[Table, ...]


def scanned(xml: str) -> Scan | None:
    """The part's paragraphs, drawing ids, empty cells and tables, as ``read_part`` reads them from the tree;
    None when this part must be read from its tree. The caller proves ``xml`` well-formed, with its
    prefixes bound: only then is each ``<w:p …`` an element of WordprocessingML."""
    if xml.startswith("<?xml"):  # the declaration, before the root element
        xml = xml[xml.index("?>") + 2 :]
    declarations = _declarations(xml)
    if not _plain(xml, declarations):
        return None
    try:  # a paragraph in a paragraph cuts the outer one short: the count of openings differs
        bodies = _elements(xml, "w:p")
        tables = tuple(map(_table, _elements(xml, "w:tbl")))
        drawing_ids = _drawing_ids(xml, declarations)
        texts = tuple(map(_paragraph_text, bodies))
    except ValueError:
        return None
    openings = _OPENINGS.findall(xml)
    if None in tables or len(bodies) != openings.count("p") or len(tables) != openings.count("tbl"):
        return None
    read = cast(tuple[_Read, ...], tables)
    if sum(table.cells for table in read) != openings.count("tc"):  # a cell outside a table
        return None
    paragraphs = tuple(text for text in texts if text)
    return Scan(paragraphs, drawing_ids, sum(table.empty for table in read), tuple(table.rows for table in read))


def _declarations(xml: str) -> str:
    """Where the part's namespaces are declared: its root's start tag when nothing after it holds
    ``xmlns`` (as Word and docxtpl write a part), else the whole part."""
    root = xml.find(">")
    return xml[:root] if xml.find("xmlns", root) < 0 else xml


def _bound(declarations: str, prefix: str, uri: str) -> bool:
    """``prefix`` is bound to ``uri`` wherever it is declared, and ``uri`` to nothing else."""
    declared = declarations.count(f'xmlns:{prefix}="{uri}"')
    return declarations.count(f"xmlns:{prefix}=") == declared == declarations.count(uri)


def _drawing_ids(xml: str, declarations: str) -> tuple[str, ...]:
    """Every ``wp:docPr`` id in document order (``"None"`` for one without, as the tree reader gives it)."""
    if "docPr" not in xml:
        return ()
    if not _bound(declarations, "wp", _WP_URI):
        raise ValueError("wp is not only the drawing namespace")
    found: list[str] = []
    for opening in _DOCPR.finditer(xml):
        attributes = xml[opening.start() : xml.index(">", opening.start())]
        value = _ID.search(attributes)
        if value is None and re.search("[ \t\r\n]id[ \t\r\n=]", attributes):
            raise ValueError("an id the scan cannot read exactly")
        found.append("None" if value is None else unescaped(value[1] if value[1] is not None else value[2]))
    return tuple(found)


def _plain(xml: str, declarations: str) -> bool:
    """Only elements, attributes and text: no comment, CDATA, processing instruction or text box; ``w:``
    bound to WordprocessingML wherever it is declared, and nothing else bound to it; and no ``>`` but the
    one closing each tag (every ``<`` opens a tag, ``<`` is never in text or attributes: so the counts of
    ``<`` and ``>`` are equal exactly when no ``>`` stands in text or in an attribute)."""
    # "!" and "?" are rare in a document's text, and a search for one character is far faster than for two
    if ("!" in xml and "<!" in xml) or ("?" in xml and "<?" in xml):
        return False
    if "<w:txbxContent" in xml or xml.count("<") != xml.count(">"):
        return False
    return declarations.count("xmlns:w=") > 0 and _bound(declarations, "w", _W_URI)


def _opens(xml: str, tag: str) -> bool:
    """``xml`` holds a ``<tag>`` element (``<w:tbl>``, not ``<w:tblPr>``)."""
    at = xml.find(f"<{tag}")
    while at >= 0:
        if xml[at + len(tag) + 1] in _TAG_END:
            return True
        at = xml.find(f"<{tag}", at + 1)
    return False


def _elements(xml: str, tag: str) -> list[str]:
    """The content of every ``<tag>`` element of ``xml`` in document order ("" for an empty one); elements
    of one tag are not nested here (text boxes and tables in tables are declined before)."""
    found: list[str] = []
    opening, closing = f"<{tag}", f"</{tag}>"
    at = xml.find(opening)
    while at >= 0:
        after = at + len(opening)
        if xml[after] in _TAG_END:
            end = xml.index(">", after)
            if xml[end - 1] == "/":
                found.append("")
                at = end
            else:
                stop = xml.index(closing, end)
                found.append(xml[end + 1 : stop])
                at = stop
        else:
            at = after
        at = xml.find(opening, at)
    return found


class _Read(NamedTuple):
    rows: Table
    cells: int
    empty: int  # cells without a paragraph


@functools.lru_cache(maxsize=64)
def _table(content: str) -> _Read | None:
    """A table's rows of cells' text, and its cells; None for a table in a table, or rows in a content control."""
    if _opens(content, "w:tbl") or any(wrapper in content for wrapper in _WRAPPERS):
        return None
    cells = [_elements(row, "w:tc") for row in _elements(content, "w:tr")]
    empty = sum(not _opens(cell, "w:p") for row in cells for cell in row)
    return _Read(tuple(map(_row, cells)), sum(map(len, cells)), empty)


def _row(cells: list[str]) -> tuple[str, ...]:
    return tuple(" ".join(text for text in map(_paragraph_text, _elements(cell, "w:p")) if text) for cell in cells)


@functools.lru_cache(maxsize=1024)
def _paragraph_text(body: str) -> str:
    """A paragraph's visible text: its runs' text, tabs and breaks as spaces, whitespace collapsed. A w:t
    that holds an element (outside the schema: its text is then only what comes before the element) is
    read from the tree: ValueError."""
    pieces: list[str] = []
    texts = 0  # the w:t read
    for piece in _PIECE.finditer(body):
        if piece[0].startswith(("<w:tab", "<w:br")):
            pieces.append(" ")
        else:
            texts += 1
            pieces.append(unescaped(piece[1] or ""))
    if texts != len(_T_OPENING.findall(body)):
        raise ValueError("a w:t that holds an element")
    return collapsed("".join(pieces))


def collapsed(text: str) -> str:
    """Text as a reader sees it: the word joiners set in dates dropped, each run of whitespace one space,
    none at either end (``str.split`` splits at exactly what ``\\s`` matches: what ``str.isspace`` says)."""
    return " ".join(text.replace(WORD_JOINER, "").split())


def escaped(text: str) -> str:
    """``text`` as XML character data: ``&``, ``<`` and ``>`` written as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescaped(text: str) -> str:
    """XML's five entities and character references (the part parsed, so no other can occur); line ends
    as an XML parser gives them (CR LF and CR as LF: whitespace either way)."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(_character, text)


def _character(match: re.Match[str]) -> str:
    name = match[1]
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _NAMED[name]
