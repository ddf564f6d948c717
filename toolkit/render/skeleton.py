"""A rendered part proven well-formed by its template's fixed text, without a parse of every document.

A rendered part is the template's fixed pieces of XML, the same strings in every document, with the values
the template prints between them, each escaped by the environment (a ``Markup``). When every value is
*plain*: no ``<``, ``>`` or quote, ``&`` only in the environment's five escapes, no character that XML or a
case file refuses, then the part is well-formed when its *skeleton* is: the fixed pieces with every value
replaced by ``&amp;``. A plain value can stand wherever that replacement stands, which is in text or
in an attribute's value and nowhere else (not in a name, between attributes or in a reference), so a
value printed anywhere else makes the skeleton fail to parse, and the part is then parsed in full (so is
a part with a comment, a CDATA section or a processing instruction, where text has rules of its own). Two
things the replacement could hide are looked for in the part itself: ``]]>`` formed across an empty value
(``]]`` and ``>`` around it), and a text longer than the parser accepts (only a part far larger than any
court document could hold one).

Each skeleton is parsed once per process; the documents of a batch drafted from one template repeat a few
skeletons (lists of different lengths, sections present or not). Dates are joined and drawings renumbered
after the proof: both change only digits and text (see :mod:`toolkit.render.compiled`).
"""

from __future__ import annotations

import re

from lxml import etree

from toolkit.case.text import control_character
from toolkit.render.xmltext import well_formed

_PLACEHOLDER = "&amp;"  # plain text, as a value is; not well-formed in a name or between attributes
_OTHER_AMPERSAND = re.compile(r"&(?!amp;|lt;|gt;|#34;|#39;)")  # an & that starts none of markupsafe's escapes
_LARGEST = 1_000_000  # characters: a court document's part is some 30,000; libxml2 refuses a text of 10 MB
_REMEMBERED = 64  # skeletons per process

Skeleton = tuple[str | None, ...]  # the fixed pieces, None for each value


class Proofs:
    """The skeletons proven (or not) so far, and the proof of a part from them."""

    def __init__(self) -> None:
        self._known: dict[Skeleton, bool] = {}

    def proven(self, pieces: list[str], xml: str) -> bool:
        """Whether ``xml``, the rendered ``pieces`` joined (dates joined, drawings renumbered), is proven
        well-formed with every prefix bound; False when it must be parsed to know."""
        if len(xml) > _LARGEST or ("]]" in xml and "]]>" in xml):
            return False
        skeleton = tuple(piece if type(piece) is str else None for piece in pieces)
        if not _plain("\n".join(piece for piece in pieces if type(piece) is not str)):
            return False
        known = self._known.get(skeleton)
        if known is None:
            known = _parses(skeleton)
            if len(self._known) >= _REMEMBERED:
                self._known.clear()
            self._known[skeleton] = known
        return known


def _plain(values: str) -> bool:
    """Text that stands in XML as it is, in text or in an attribute's value of either quotes."""
    if "<" in values or ">" in values or '"' in values or "'" in values:
        return False
    if "&" in values and _OTHER_AMPERSAND.search(values):
        return False
    return control_character(values) is None


def _parses(skeleton: Skeleton) -> bool:
    """The skeleton parses, with every prefix bound, and holds no comment, CDATA section or processing
    instruction (a value there could end it, or hold what it may not)."""
    text = "".join(_PLACEHOLDER if piece is None else piece for piece in skeleton)
    if "<!" in text or "<?" in text:
        return False
    try:
        return well_formed(text.encode("utf-8"))
    except (etree.XMLSyntaxError, UnicodeEncodeError):
        return False
