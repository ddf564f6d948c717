"""A template as the linter reads it: its templated parts, their paragraphs and runs, and the tags typed in them.

The text of a paragraph is the text of its runs (``w:t``) joined, exactly as Word shows it; a tag is
found in that text the way docxtpl finds it in the XML (from ``{{`` to the first ``}}``, and so on), so
a tag Word has cut into several runs is one tag here, and a tag that runs on into the next paragraph
is seen as such.
"""

from __future__ import annotations

import bisect
import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from toolkit.lint.findings import Location, shorten
from toolkit.render.xmltext import W, paragraph_text

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_TEMPLATED = ("header+xml", "footer+xml")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_STRAY = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|[｛{][｛{％%]|[｝}％%][｝}]")
_LEVEL = re.compile(r"^(tr|tc|p|r) ")
# Formatting that does not show in Chinese or Latin text: proofing language, "no spell check", the complex-script
# variants (and, below, the East Asian font hint).
_INVISIBLE = ("lang", "noProof", "rsid", "szCs", "bCs", "iCs")


@dataclass(frozen=True)
class Run:
    """A stretch of one run's text in a paragraph: where it starts, its formatting and its parent element."""

    start: int
    text: str
    formatting: str  # canonical visible formatting (w:rPr without language and hints)
    parent: etree._Element

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Paragraph:
    location: Location
    text: str  # the runs' text, exactly
    runs: tuple[Run, ...]
    visible: str  # what a reader sees, whitespace collapsed

    @property
    def context(self) -> str:
        return shorten(self.visible)

    @property
    def in_table(self) -> bool:
        return self.location.table is not None


@dataclass(frozen=True)
class Tag:
    """A template tag as typed in Word: ``{{ … }}``, ``{% … %}`` or ``{# … #}``, maybe with a level (p, tr …)."""

    raw: str
    paragraph: Paragraph
    start: int  # offset in paragraph.text
    last: Paragraph  # the paragraph it ends in (the same one unless Enter was pressed inside the tag)

    @property
    def opener(self) -> str:
        return self.raw[:2]

    @property
    def level(self) -> str:
        found = _LEVEL.match(self.raw[2:])
        return found.group(1) if found else ""

    @property
    def inner(self) -> str:
        """The tag's content, without delimiters and level: ``{%p if x %}`` → ``if x``."""
        body = self.raw[2:-2]
        if self.level:
            body = body[len(self.level) :]
        return body.strip()

    @property
    def keyword(self) -> str:
        """The statement of a ``{% %}`` tag (if, for, endif …); "" for ``{{ }}`` and ``{# #}``."""
        if self.opener != "{%":
            return ""
        words = self.inner.lstrip("-+").split()
        return words[0] if words else ""

    @property
    def spans_paragraphs(self) -> bool:
        return self.last is not self.paragraph

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    def location_text(self) -> str:
        return self.paragraph.location.describe()

    def cleaned(self) -> str:
        """The tag as Jinja receives it after docxtpl's cleaning: level dropped, curly quotes made straight."""
        text = f"{self.opener} {self.raw[len(self.level) + 3 :]}" if self.level else self.raw
        for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
            text = text.replace(curly, straight)
        return text.replace("\n", " ")


@dataclass(frozen=True)
class TemplatePart:
    name: str  # zip part name
    xml: bytes
    paragraphs: tuple[Paragraph, ...]
    tags: tuple[Tag, ...]


def templated_parts(source: bytes) -> list[TemplatePart]:
    """The body, headers and footers of a (checked) .docx package, in that order."""
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        root = etree.fromstring(archive.read("[Content_Types].xml"), _PARSER)
        names = [
            o.get("PartName", "").lstrip("/")
            for o in root.iter(f"{_CT}Override")
            if o.get("ContentType", "").endswith(_TEMPLATED)
        ]
        parts = []
        for name in ["word/document.xml", *sorted(n for n in names if n in archive.namelist())]:
            xml = archive.read(name)
            paragraphs = read_paragraphs(name, xml)
            parts.append(TemplatePart(name, xml, paragraphs, find_tags(paragraphs)))
    return parts


def read_paragraphs(part: str, xml: bytes) -> tuple[Paragraph, ...]:
    root = etree.fromstring(xml, _PARSER)
    tables = {table: n for n, table in enumerate(root.iter(f"{W}tbl"), start=1)}
    found = []
    for number, element in enumerate(root.iter(f"{W}p"), start=1):
        location = Location(part, number, *_cell(element, tables))
        runs, offset = [], 0
        for node in element.iter(f"{W}t"):
            if next(node.iterancestors(f"{W}p")) is not element or not node.text:
                continue
            run = node.getparent()
            runs.append(Run(offset, node.text, _formatting(run), run.getparent()))
            offset += len(node.text)
        text = "".join(run.text for run in runs)
        found.append(Paragraph(location, text, tuple(runs), paragraph_text(element)))
    return tuple(found)


def _cell(paragraph: etree._Element, tables: dict[etree._Element, int]) -> tuple[int | None, int | None, int | None]:
    cell = next(paragraph.iterancestors(f"{W}tc"), None)
    if cell is None:
        return None, None, None
    row = cell.getparent()
    table = row.getparent()
    rows = [r for r in table if r.tag == f"{W}tr"]
    cells = [c for c in row if c.tag == f"{W}tc"]
    return tables.get(table), rows.index(row) + 1, cells.index(cell) + 1


def _formatting(run: etree._Element) -> str:
    properties = run.find(f"{W}rPr")
    if properties is None:
        return ""
    kept = []
    for child in properties:
        name = etree.QName(child).localname
        if name in _INVISIBLE:
            continue
        attributes = sorted((k, v) for k, v in child.attrib.items() if not k.endswith("}hint"))
        kept.append(f"{name}{attributes}")
    return ";".join(sorted(kept))


def _joined(paragraphs: tuple[Paragraph, ...]) -> tuple[str, list[int]]:
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph.text) + 1
    return "\n".join(p.text for p in paragraphs), starts


def _paragraph_at(starts: list[int], position: int) -> int:
    return bisect.bisect_right(starts, position) - 1


def find_tags(paragraphs: tuple[Paragraph, ...]) -> tuple[Tag, ...]:
    """Tags in document order; a tag may run on into following paragraphs (joined with a line break)."""
    text, starts = _joined(paragraphs)
    tags = []
    for match in _TAG.finditer(text):
        first = _paragraph_at(starts, match.start())
        last = _paragraph_at(starts, match.end() - 1)
        tags.append(Tag(match.group(0), paragraphs[first], match.start() - starts[first], paragraphs[last]))
    return tuple(tags)


def stray_marks(paragraphs: tuple[Paragraph, ...]) -> list[tuple[Paragraph, str]]:
    """Delimiters outside any tag: half a tag, a closing one without an opening one, full-width braces."""
    text, starts = _joined(paragraphs)
    blanked = _TAG.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return [(paragraphs[_paragraph_at(starts, m.start())], m.group(0)) for m in _STRAY.finditer(blanked)]
