"""A rendered part proven well-formed by its template's fixed text, without a parse of every document.

A rendered part is the template's fixed pieces of XML, the same strings in every document, with the values
the template prints between them, each escaped by the environment (a ``Markup``). When every value is
*plain*: no ``<``, ``>`` or quote, ``&`` only in the environment's five escapes, no character that XML or a
case file refuses, then the part is well-formed when its *skeleton* is: the fixed pieces with every value
replaced by ``&amp;``. A plain value can stand wherever that replacement stands, in text or in an
attribute's value, and nowhere else: not in a name, between attributes or in a reference, where the
skeleton fails to parse and the part is then parsed in full (so is a part with a comment, a CDATA section
or a processing instruction, where text has rules of its own). Declined before any parse:

- a value in a namespace declaration (``xmlns:w="…"``), whose URI it would decide (empty, invalid,
  reserved, or the same as another's);
- a value in a drawing's tag (see below);
- a part longer than any court document, where a text could pass the parser's limit;
- ``]]>`` formed across an empty value (``]]`` and ``>`` around it), looked for in the part itself.

The text transformations the body goes through before it is written (dates joined, drawings numbered:
see :mod:`toolkit.render.compiled`) are applied to the skeleton too before it is parsed, so that what they
change in the fixed text is proven. Around a value, joining dates sets only U+2060, in the text or the
attribute's value the value stands in, where it is plain text too. A drawing's number is found in its
``wp:docPr`` tag by a pattern a value there could lead astray (to a namespace declaration's ``xmlns:id``):
a value in that tag is declined too.

Each skeleton is parsed once per process; the documents of a batch drafted from one template repeat a few
skeletons (lists of different lengths, sections present or not).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from toolkit.case.text import control_character
from toolkit.render.skeleton_text import SkeletonText, skeleton_text
from toolkit.render.xmltext import PartText, read_part, well_formed

_PLACEHOLDER = "&amp;"  # plain text, as a value is; not well-formed in a name or between attributes
_OTHER_AMPERSAND = re.compile(r"&(?!amp;|lt;|gt;|#34;|#39;)")  # an & that starts none of markupsafe's escapes
_LARGEST = 1_000_000  # characters: a court document's part is some 30,000; libxml2 refuses a text of 10 MB
_REMEMBERED = 64  # skeletons per process

Skeleton = tuple[str | None, ...]  # the fixed pieces, None for each value


class Proofs:
    """The skeletons proven (or not) so far, and the proof of a part from them; ``prepare``: the text
    transformation each part goes through before it is written. A proven skeleton's text is read once
    too (:mod:`toolkit.render.skeleton_text`): the parts it proves are read from it, not scanned."""

    def __init__(self, prepare: Callable[[str], str]) -> None:
        self._prepare = prepare
        self._known: dict[Skeleton, tuple[bool, SkeletonText | None]] = {}

    def proven(self, pieces: list[str], xml: str) -> bool:
        """Whether ``xml``, the rendered ``pieces`` joined and prepared, is proven well-formed with every
        prefix bound; False when it must be parsed to know."""
        return self._proof(pieces, xml)[0]

    def text(self, pieces: list[str], xml: str, data: bytes) -> PartText:
        """What ``read_part`` reads of ``xml`` (the rendered ``pieces`` joined and prepared; ``data``, its
        UTF-8): from its skeleton's text when the skeleton proves it, else from ``xml`` itself."""
        proven, text = self._proof(pieces, xml)
        if text is None:
            return read_part(xml, data, proven=proven)
        return text.read([piece for piece in pieces if type(piece) is not str])

    def _proof(self, pieces: list[str], xml: str) -> tuple[bool, SkeletonText | None]:
        if len(xml) > _LARGEST or ("]]" in xml and "]]>" in xml):
            return _NOT_PROVEN
        if not _plain(" ".join(piece for piece in pieces if type(piece) is not str)):
            return _NOT_PROVEN
        skeleton = tuple(piece if type(piece) is str else None for piece in pieces)
        known = self._known.get(skeleton)
        if known is None:
            known = (True, skeleton_text(skeleton, self._prepare)) if _parses(skeleton, self._prepare) else _NOT_PROVEN
            if len(self._known) >= _REMEMBERED:
                self._known.clear()
            self._known[skeleton] = known
        return known


_NOT_PROVEN: tuple[bool, SkeletonText | None] = (False, None)


def _plain(values: str) -> bool:
    """Text that stands in XML as it is, in text or in an attribute's value of either quotes."""
    if "<" in values or ">" in values or '"' in values or "'" in values:
        return False
    if "&" in values and _OTHER_AMPERSAND.search(values):
        return False
    # a printable text (nearly every document's values) holds no control character, surrogate or
    # non-character: those are all of categories Cc, Cs and Cn, which str.isprintable refuses
    return values.isprintable() or control_character(values) is None


def _parses(skeleton: Skeleton, prepare: Callable[[str], str]) -> bool:
    """The skeleton, prepared, parses with every prefix bound; it holds no comment, CDATA section or
    processing instruction (a value there could end it, or hold what it may not), and no value in a
    namespace declaration or a drawing's tag."""
    if _in_declined_tag(skeleton):
        return False
    text = prepare("".join(_PLACEHOLDER if piece is None else piece for piece in skeleton))
    if "<!" in text or "<?" in text:
        return False
    try:
        return well_formed(text.encode("utf-8"))
    except (etree.XMLSyntaxError, UnicodeEncodeError):
        return False


def _in_declined_tag(skeleton: Skeleton) -> bool:
    """A value may stand in a namespace declaration or in a drawing's tag: the fixed text since the last
    ``<`` (which no attribute's value can hold, while ``>`` it can: so the value's own tag, or text just
    after it) holds ``xmlns`` or is a ``wp:docPr`` tag."""
    tag = ""  # the fixed text since the last "<"
    for piece in skeleton:
        if piece is None:
            if "xmlns" in tag or tag.startswith("<wp:docPr"):
                return True
        elif "<" in piece:
            tag = piece[piece.rfind("<") :]
        else:
            tag += piece
    return False
