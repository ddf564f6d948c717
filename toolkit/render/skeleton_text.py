"""The text of a proven part read once from its skeleton, then filled in with each document's values.

A part proven by its skeleton (:mod:`toolkit.render.skeleton`) is the skeleton's fixed XML with a plain
value in each place, and a plain value is text: it adds no element, so it changes no paragraph, table,
cell or drawing, only the text it stands in. So the skeleton is parsed once, each value replaced by a
character that names it (one of plane 15's private-use characters: the first value U+F0000, the next
U+F0001 …), and its tree is read as :func:`toolkit.render.xmltext.read_part` reads a tree: each
paragraph's text before its whitespace is collapsed, the paragraphs of each table's cells, the drawing
ids as they are written, the empty cells. A document's text is then that reading with each value's
character replaced by the value's text, then its whitespace collapsed: what reading the document's own
tree gives (a test compares the two). A value that stands where no paragraph's text is read (an
attribute, a field code) leaves no character in any paragraph's text, as it adds nothing to the
document's.

A skeleton whose fixed pieces hold one of those characters themselves, or with more values than there
are characters (65,534: a court document prints a few hundred), is read from each document instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from toolkit.render.xmlscan import collapsed, escaped, unescaped
from toolkit.render.xmltext import PartText, W, drawing_ids, empty_cells, raw_text, table_cells, tree

_FIRST = 0xF0000
_LAST = 0xFFFFD  # U+FFFFE and U+FFFFF are non-characters
_VALUE = re.compile(f"([{chr(_FIRST)}-{chr(_LAST)}])")

Cell = int | tuple[int, ...]  # the number of a cell's one paragraph, or of each of its paragraphs
_END = "\x00"  # between two paragraphs' text in the program: no XML text or attribute can hold it


@dataclass(frozen=True)
class SkeletonText:
    """What ``read_part`` reads of every part proven by one skeleton, with each value's place."""

    program: tuple[str | int, ...]  # every paragraph's text as XML escapes it, a value's number where it
    # stands, each paragraph ended by _END (empty paragraphs too, in document order)
    tables: tuple[tuple[tuple[Cell, ...], ...], ...]  # rows of cells
    drawing_ids: tuple[str, ...]
    empty_cells: int

    def read(self, values: Sequence[str]) -> PartText:
        """The part's text when ``values`` (as escaped for XML) stand in the skeleton's places: every
        paragraph filled in, unescaped and collapsed at once."""
        text = "".join([piece if type(piece) is str else values[piece] for piece in self.program])  # type: ignore[index]  # type() is faster than isinstance() here
        # collapsed all at once: _END is no whitespace, so each paragraph's runs stay its own
        texts = [paragraph.strip() for paragraph in collapsed(unescaped(text)).split(_END)]
        tables = tuple(
            tuple(
                tuple(texts[cell] if isinstance(cell, int) else _joined(texts, cell) for cell in row) for row in table
            )
            for table in self.tables
        )
        return PartText(tuple(text for text in texts if text), self.drawing_ids, self.empty_cells, tables)


def _joined(texts: list[str], paragraphs: tuple[int, ...]) -> str:
    """A cell's text: its paragraphs' text joined by a space (as ``table_text`` reads a tree)."""
    return " ".join(text for text in (texts[at] for at in paragraphs) if text)


def skeleton_text(skeleton: Sequence[str | None], prepare: Callable[[str], str]) -> SkeletonText | None:
    """The reading of the parts that ``skeleton`` (its fixed pieces, None for each value) proves, each
    prepared by ``prepare`` before it is written; None when it cannot be read this way."""
    count = sum(piece is None for piece in skeleton)
    fixed = "".join(piece for piece in skeleton if piece is not None)
    if count > _LAST - _FIRST + 1 or _VALUE.search(fixed):
        return None
    numbers = iter(range(_FIRST, _FIRST + count))
    marked = prepare("".join(chr(next(numbers)) if piece is None else piece for piece in skeleton))
    try:
        root = tree(marked.encode("utf-8"))
    except etree.XMLSyntaxError:
        return None
    found = list(root.iter(f"{W}p"))
    position = {paragraph: at for at, paragraph in enumerate(found)}
    tables = tuple(
        tuple(tuple(_cell(tuple(position[p] for p in cell)) for cell in row) for row in table_cells(table))
        for table in root.iter(f"{W}tbl")
    )
    program = tuple(piece for paragraph in found for piece in _pieces(raw_text(paragraph)))
    return SkeletonText(program, tables, drawing_ids(root), empty_cells(root))


def _cell(paragraphs: tuple[int, ...]) -> Cell:
    return paragraphs[0] if len(paragraphs) == 1 else paragraphs


def _pieces(raw: str) -> list[str | int]:
    """A paragraph's text as XML escapes it (so that the text and the values are unescaped together), each
    value's number where it stands; then the end of the paragraph."""
    split = _VALUE.split(raw)
    pieces = [escaped(piece) if at % 2 == 0 else ord(piece) - _FIRST for at, piece in enumerate(split)]
    return [*(piece for piece in pieces if piece != ""), _END]
