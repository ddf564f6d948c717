"""The text of a rendered part read from its XML text, where that is as exact as reading its tree.

Reading each paragraph's text from the parsed tree costs more than the parse itself: a Python step for
every run, tab and break of every paragraph. Here each paragraph is found in the XML text by a regular
expression, and its text is read once for all the documents of a batch (the fixed paragraphs of a
template are the same XML in every document). The part is parsed as before, so it is still proven
well-formed; this reading gives exactly what :func:`toolkit.render.xmltext.read_part` reads from the tree
(a test compares the two), and it declines (``None``) every part it cannot read that way: paragraphs in
paragraphs (text boxes), tables in tables, rows or cells wrapped in content controls, comments, CDATA,
processing instructions, a ``w`` prefix not bound to WordprocessingML, or an attribute holding ``>``.
"""

from __future__ import annotations

import functools
import re

WORD_JOINER = "\u2060"  # set inside dates so that they never break over two lines (see render.compiled)
_W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_BINDING = f'xmlns:w="{_W_URI}"'
_PIECE = re.compile(r"<w:t(?=[\s/>])[^>]*?(?:/>|>([^<]*)</w:t>)|<w:(?:tab|br)(?=[\s/>])")
_SPACE = re.compile(r"\s+")
_REFERENCE = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_WRAPPERS = ("<w:sdt", "<w:customXml", "<mc:")  # may hold a table's rows or cells: read from the tree

Table = tuple[tuple[str, ...], ...]  # rows of cells' text


def scanned(xml: str) -> tuple[int, tuple[str, ...], tuple[Table, ...]] | None:
    """How many paragraphs the part has (empty ones too), its non-empty paragraphs' text and its tables, as
    ``read_part`` reads them from the tree; None when this part must be read from its tree. ``xml`` is
    already known to be well-formed (the caller also checks the counts against the tree's)."""
    if xml.startswith("<?xml"):  # the declaration, before the root element
        xml = xml[xml.index("?>") + 2 :]
    if not _plain(xml):
        return None
    try:  # a paragraph in a paragraph (not in a text box) cuts one short: read the tree
        bodies = _elements(xml, "w:p")
        tables = tuple(map(_table, _elements(xml, "w:tbl")))
    except ValueError:
        return None
    if None in tables:
        return None
    paragraphs = tuple(text for text in map(_paragraph_text, bodies) if text)
    return len(bodies), paragraphs, tables  # type: ignore[return-value]  # no None among them


def _plain(xml: str) -> bool:
    """Only elements, attributes and text: no comment, CDATA, processing instruction or text box; ``w:``
    bound to WordprocessingML wherever it is declared, and nothing else bound to it; and no ``>`` but the
    one closing each tag (every ``<`` opens a tag, ``<`` is never in text or attributes: so the counts of
    ``<`` and ``>`` are equal exactly when no ``>`` stands in text or in an attribute)."""
    if "<!" in xml or "<?" in xml or "<w:txbxContent" in xml or xml.count("<") != xml.count(">"):
        return False
    bound = xml.count(_W_BINDING)
    return bound > 0 and xml.count("xmlns:w=") == bound == xml.count(_W_URI)


def _opens(xml: str, tag: str) -> bool:
    """``xml`` holds a ``<tag>`` element (``<w:tbl>``, not ``<w:tblPr>``)."""
    at = xml.find(f"<{tag}")
    while at >= 0:
        if xml[at + len(tag) + 1] in " \t\r\n/>":
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
        if xml[after] in " \t\r\n/>":  # <w:p …>, not <w:pPr>
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


@functools.lru_cache(maxsize=1024)
def _table(content: str) -> Table | None:
    """A table's rows of cells' text; None for a table in a table, or rows in a content control."""
    if _opens(content, "w:tbl") or any(wrapper in content for wrapper in _WRAPPERS):
        return None
    return tuple(_row(row) for row in _elements(content, "w:tr"))


def _row(row: str) -> tuple[str, ...]:
    cells = _elements(row, "w:tc")
    return tuple(" ".join(text for text in map(_paragraph_text, _elements(cell, "w:p")) if text) for cell in cells)


@functools.lru_cache(maxsize=8192)
def _paragraph_text(body: str) -> str:
    """A paragraph's visible text: its runs' text, tabs and breaks as spaces, whitespace collapsed."""
    pieces = [
        " " if piece[0].startswith(("<w:tab", "<w:br")) else _unescaped(piece[1] or "")
        for piece in _PIECE.finditer(body)
    ]
    return _SPACE.sub(" ", "".join(pieces).replace(WORD_JOINER, "")).strip()


def _unescaped(text: str) -> str:
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
