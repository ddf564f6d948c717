"""A .docx template compiled once and rendered many times.

docxtpl loads the .docx with python-docx, cleans the XML and compiles it with Jinja on every render, then
saves the whole package: about 90 ms a document. Here the same cleaning (docxtpl's own ``patch_xml``) is
done once per template and user (:mod:`toolkit.render.prepared`) and the compilation once per process; a
render only runs the compiled Jinja code on the body, headers and footers, compresses what it rendered
(a header or footer that renders the same text as in an earlier document is parsed and compressed only
that first time), and writes a new zip with the template's other parts, which were compressed when the template was
prepared (styles alone are close to 1 MB of XML). The documents are the same as docxtpl's (a parity test
compares their text); they are also reproducible: fixed zip timestamps and fixed core properties, so the
same case gives the same bytes."""

from __future__ import annotations

import hashlib
import re
import struct
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import Any, NamedTuple, cast

from jinja2 import TemplateError as JinjaError
from jinja2 import nodes
from lxml import etree

from toolkit.errors import DraftError, RenderedXmlError, TemplateError
from toolkit.render.compiled_code import cached_code
from toolkit.render.environment import BudgetedTemplate, DraftEnvironment, environment
from toolkit.render.package import inspect_package, read_package
from toolkit.render.prepared import CORE, MAIN, Entry, prepared_template
from toolkit.render.skeleton import Proofs
from toolkit.render.xmlscan import escaped
from toolkit.render.xmltext import PartText, read_part

_FIXED_TIME = (2026, 1, 1, 0, 0, 0)
_CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:creator>draft</dc:creator>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>'
    "</cp:coreProperties>"
)
_UTF8_FLAG = 0x800
_RENDERED_LEVEL = 3  # each document's own parts: as fast as level 1 and smaller; level 6 takes twice as long
_SEEN_LIMIT = 64  # distinct header, footer and core texts remembered per template
_DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\bid=")(\d+)(")')
# A date is never broken over two lines: Word and LibreOffice may break between a digit and 年/月/日, so a
# WORD JOINER (U+2060, invisible) is set at each of those places; the text readers drop it again.
# A date is found from its 年 (a literal, which the regex engine searches fast) and the four digits before it.
_DATE_TAIL = re.compile(r"年(\d{1,2})月(\d{1,2})日")


class Rendered(NamedTuple):
    """A rendered document: the .docx's bytes, its body as read by the one parse, and the zip's members."""

    docx: bytes
    body: PartText
    members: tuple[Entry, ...]


@dataclass(frozen=True)
class _Part:
    """One XML part that holds template tags: its name in the zip and its compiled body."""

    name: str
    head: str  # XML before the templated element
    tail: str  # XML after it
    template: BudgetedTemplate


class CompiledTemplate:
    """A .docx template whose Jinja code is compiled once; ``render`` gives a new document's bytes."""

    def __init__(self, path: Path, env: DraftEnvironment | None = None) -> None:
        self.path = path
        self.env = env or environment()
        source = read_package(path)
        self.sha256 = hashlib.sha256(source).hexdigest()
        try:  # a hostile or non-Word package never reaches docxtpl or lxml: inspected before it is prepared
            prepared = prepared_template(source, self.sha256, lambda: inspect_package(source, path.name))
            self._order = prepared.order
            self._static = prepared.static
            self._parts = [_Part(name, head, tail, self._jinja(text)) for name, head, tail, text in prepared.parts]
            self._seen: dict[tuple[str, str], Entry] = {}  # (part, rendered text) → its entry, proven once
            self._proofs = Proofs(_as_written)  # the body's skeletons, each parsed once
        except JinjaError as exc:
            raise TemplateError(
                f"模板 {path.name} 有语法错误：{exc.message or exc}",
                f"请用 draft templates check {path} 查看出错的段落",
            ) from None
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as exc:
            raise TemplateError(
                f"模板 {path.name} 不是有效的 Word 文档（{exc}）", "请用 Word 另存为 .docx 后重试"
            ) from None

    def _jinja(self, text: str) -> BudgetedTemplate:
        """A part's text compiled, its code from the per-user cache when it holds it (compiled_code).

        Its globals are the environment's, set once when the environment is made, as a plain dict: Jinja's
        own (a ``ChainMap`` over them) is read key by key in Python at every render."""
        code = cached_code(self.env, text, self._code, __file__)
        return cast(BudgetedTemplate, self.env.template_class.from_code(self.env, code, dict(self.env.globals)))

    def _code(self, text: str) -> CodeType:
        """Compile a part's text. docxtpl's own passes over each render's output (the escaped braces
        ``{_{`` … made braces again, the line breaks added before each paragraph removed) are done here
        once, on the template's fixed text, which is the only place they can occur."""
        tree = self.env.parse(text)  # the sandbox's checks of the source apply as to any template
        for data in tree.find_all(nodes.TemplateData):
            data.data = _unescaped(data.data)
        code: CodeType = self.env.compile(tree)
        return code

    def render(self, context: Mapping[str, Any], title: str = "") -> Rendered:
        """The rendered document's bytes, its body's text and structure (read from one parse), and its parts."""
        budget = self.env.budget
        budget.start()
        rendered: dict[str, bytes | Entry] = {}
        body = PartText((), (), 0)
        try:
            for part in self._parts:
                pieces = part.template.pieces(context)
                if part.name == MAIN:
                    xml = _as_written("".join(pieces))
                    data = xml.encode("utf-8")
                    body = self._proofs.text(pieces, xml, data)
                    rendered[part.name] = b"".join((part.head.encode("utf-8"), data, part.tail.encode("utf-8")))
                else:
                    rendered[part.name] = self._repeated(part, join_dates("".join(pieces)))
        except DraftError:
            raise
        except UnicodeEncodeError as exc:  # a lone surrogate the template wrote itself (case text cannot hold one)
            raise TemplateError(
                f"模板 {self.path.name} 生成的内容含有不能写入文书的字符 U+{ord(exc.object[exc.start]):04X}",
                "请检查模板中带引号的文字（如 \\ud800 这样的转义）",
            ) from None
        except etree.XMLSyntaxError as exc:
            raise RenderedXmlError(
                f"模板 {self.path.name} 生成的内容不是有效的 XML，Word 无法打开（{exc}）",
                "标签可能跨越了超链接、域代码或修订标记：请用 draft templates check 查看并重新输入该标签",
            ) from None
        except JinjaError as exc:
            raise TemplateError(
                f"模板 {self.path.name} 渲染失败：{exc.message or exc}",
                "请检查模板，或运行 draft templates check",
            ) from None
        except (RecursionError, MemoryError):
            raise TemplateError(
                f"模板 {self.path.name} 渲染失败：递归过深或内存不足", "请检查模板中的宏和循环"
            ) from None
        finally:
            budget.deadline = 0.0
        if CORE in self._order:
            rendered[CORE] = self._remembered(CORE, _CORE_XML.format(title=escaped(title)))
        entries = tuple(self._entry(name, rendered) for name in self._order)
        return Rendered(_write_zip(entries), body, entries)

    def _repeated(self, part: _Part, xml: str) -> Entry:
        """A header or footer, parsed (a part that does not parse is an error) and compressed once for all
        the documents it renders the same in: the same text parses, and compresses, the same every time."""
        if (part.name, xml) not in self._seen:
            read_part(xml)  # a header or footer must parse too
        return self._remembered(part.name, xml, part.head, part.tail)

    def _remembered(self, name: str, xml: str, head: str = "", tail: str = "") -> Entry:
        """The compressed entry of a part whose text repeats from document to document (bounded memory)."""
        known = self._seen.get((name, xml))
        if known is None:
            known = Entry.deflated(name, (head + xml + tail).encode("utf-8"), _RENDERED_LEVEL)
            if len(self._seen) >= _SEEN_LIMIT:
                self._seen.clear()
            self._seen[name, xml] = known
        return known

    def _entry(self, name: str, rendered: Mapping[str, bytes | Entry]) -> Entry:
        static = self._static.get(name)
        if static is not None:
            return static
        content = rendered[name]
        return content if isinstance(content, Entry) else Entry.deflated(name, content, _RENDERED_LEVEL)


def _unescaped(text: str) -> str:
    text = text.replace("\n<w:p", "<w:p")  # the line breaks added before each paragraph (see prepared)
    return text.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")


def _as_written(body: str) -> str:
    """The rendered body as it is written: its dates joined, its drawings numbered."""
    return _renumber_drawings(join_dates(body))


def join_dates(xml: str) -> str:
    """Every date ``2026年1月5日`` (four digits before 年) with a WORD JOINER at each place it may break."""
    pieces: list[str] = []
    last = 0
    for match in _DATE_TAIL.finditer(xml):
        start = match.start() - 4
        if start < last or not xml[start : match.start()].isdecimal():  # what \d matches
            continue
        year, month, day = xml[start : match.start()], match[1], match[2]
        pieces += (xml[last:start], f"{year}\u2060年\u2060{month}\u2060月\u2060{day}\u2060日")
        last = match.end()
    if not pieces:
        return xml
    pieces.append(xml[last:])
    return "".join(pieces)


def _renumber_drawings(xml: str) -> str:
    """Give every drawing a unique id, as docxtpl does: loops may repeat a picture."""
    if "<wp:docPr" not in xml:  # no drawing: the text is left as it is, without a search by the pattern
        return xml
    counter = iter(range(1001, 1_000_000))
    return _DOCPR_ID.sub(lambda m: f"{m.group(1)}{next(counter)}{m.group(3)}", xml)


def _write_zip(entries: tuple[Entry, ...]) -> bytes:
    """A zip of ``entries`` in order, every field fixed (DOS time 2026-01-01 00:00, no extras): the same
    entries always give the same bytes. Parts are far below 4 GiB, so no zip64 record is needed."""
    year, month, day, hour, minute, second = _FIXED_TIME
    dos_time = hour << 11 | minute << 5 | second // 2
    dos_date = (year - 1980) << 9 | month << 5 | day
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for entry in entries:
        flags = 0 if entry.name.isascii() else _UTF8_FLAG
        # version needed, flags, method (8 = deflate), time, date, crc, sizes, name length
        sizes = (entry.crc, len(entry.data), entry.size, len(entry.name))
        common = struct.pack("<HHHHHIIIH", 20, flags, 8, dos_time, dos_date, *sizes)
        local = b"PK\x03\x04" + common + b"\x00\x00" + entry.name
        # version made by, the common fields, then extra/comment lengths, disk, attributes, local offset
        tail = struct.pack("<HHHHII", 0, 0, 0, 0, 0, offset)
        directory.append(b"PK\x01\x02" + struct.pack("<H", 20) + common + tail + entry.name)
        chunks += (local, entry.data)
        offset += len(local) + len(entry.data)
    central = b"".join(directory)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(central), offset, 0)
    return b"".join((*chunks, central, end))
