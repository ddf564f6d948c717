"""A .docx template compiled once and rendered many times.

docxtpl loads the .docx with python-docx, cleans the XML and compiles it with Jinja on every render, then
saves the whole package: about 90 ms a document. Here the same cleaning (docxtpl's own ``patch_xml``) and
compilation happen once per template; a render only runs the compiled Jinja code on the body, headers
and footers, compresses what it rendered, and writes a new zip with the template's other parts, which
were compressed once when the template was compiled (styles alone are close to 1 MB of XML). The
documents are the same as docxtpl's (a parity test compares their text); they are also reproducible:
fixed zip timestamps and fixed core properties, so the same case gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Template
from jinja2 import TemplateError as JinjaError
from lxml import etree

from toolkit.errors import DraftError, RenderedXmlError, TemplateError
from toolkit.render.environment import DraftEnvironment, environment
from toolkit.render.normalize import normalize_package
from toolkit.render.package import inspect_package, read_package
from toolkit.render.xmltext import PartText, read_part

_FIXED_TIME = (2026, 1, 1, 0, 0, 0)
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "word/document.xml"
_CORE = "docProps/core.xml"
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
_STATIC_LEVEL = 9  # the template's own parts: compressed once, so spend the time
_RENDERED_LEVEL = 6
_DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\bid=")(\d+)(")')
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
# A date is never broken over two lines: Word and LibreOffice may break between a digit and 年/月/日, so a
# WORD JOINER (U+2060, invisible) is set at each of those places; the text readers drop it again.
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_JOINED_DATE = "\\1\u2060年\u2060\\2\u2060月\u2060\\3\u2060日"


@dataclass(frozen=True)
class _Part:
    """One XML part that holds template tags: its name in the zip and its compiled body."""

    name: str
    head: str  # XML before the templated element
    tail: str  # XML after it
    template: Template


class CompiledTemplate:
    """A .docx template whose Jinja code is compiled once; ``render`` gives a new document's bytes."""

    def __init__(self, path: Path, env: DraftEnvironment | None = None) -> None:
        self.path = path
        self.env = env or environment()
        source = read_package(path)
        self.sha256 = hashlib.sha256(source).hexdigest()
        inspect_package(source, path.name)  # hostile or non-Word packages never reach docxtpl or lxml
        try:
            source = normalize_package(source)  # schema order, no stylesWithEffects.xml: Word opens it clean
            self._entries = _read_zip(source)
            self._parts = self._compile(source)
            templated = {part.name for part in self._parts} | {_CORE}
            self._static = {
                name: _Entry.deflated(name, content, _STATIC_LEVEL)
                for name, content in self._entries.items()
                if name not in templated
            }
        except JinjaError as exc:
            raise TemplateError(
                f"模板 {path.name} 有语法错误：{exc.message or exc}",
                f"请用 draft templates check {path} 查看出错的段落",
            ) from None
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as exc:
            raise TemplateError(
                f"模板 {path.name} 不是有效的 Word 文档（{exc}）", "请用 Word 另存为 .docx 后重试"
            ) from None

    def _compile(self, source: bytes) -> list[_Part]:
        helper = DocxTemplate(io.BytesIO(source))
        helper.init_docx()
        parts = [self._compile_body(helper)]
        for uri in (helper.HEADER_URI, helper.FOOTER_URI):
            for _, part in helper.get_headers_footers(uri):
                xml = helper.get_part_xml(part)
                name = str(part.partname).lstrip("/")
                parts.append(_Part(name, _XML_DECLARATION, "", self._jinja(helper, xml)))
        return parts

    def _compile_body(self, helper: DocxTemplate) -> _Part:
        document = self._entries[_MAIN].decode("utf-8")
        start = re.search(r"<w:body\b[^>]*>", document)
        end = document.rfind("</w:body>")
        if start is None or end < 0:
            raise ValueError("document.xml 中没有正文")
        head, tail = document[: start.start()], document[end + len("</w:body>") :]
        return _Part(_MAIN, head, tail, self._jinja(helper, helper.get_xml()))

    def _jinja(self, helper: DocxTemplate, xml: str) -> Template:
        patched = helper.patch_xml(xml)
        # a line break before each paragraph: Jinja then reports an error's line as its paragraph
        return self.env.from_string(_PARAGRAPH_START.sub(r"\n<w:p\1", patched))

    def render(self, context: Mapping[str, Any], title: str = "") -> tuple[bytes, PartText]:
        """The rendered document's bytes, and its body's text and structure (read from one parse)."""
        budget = self.env.budget
        budget.start()
        rendered: dict[str, bytes] = {}
        body = PartText((), (), 0)
        try:
            for part in self._parts:
                xml = budget.output(part.template.generate(context))
                xml = xml.replace("\n<w:p", "<w:p")  # the line breaks added at compile (one per paragraph)
                xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
                xml = _DATE.sub(_JOINED_DATE, xml)
                if part.name == _MAIN:
                    xml = _renumber_drawings(xml)
                    body = read_part(xml)
                else:
                    read_part(xml)  # a header or footer must parse too
                rendered[part.name] = (part.head + xml + part.tail).encode("utf-8")
        except DraftError:
            raise
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
        if _CORE in self._entries:
            rendered[_CORE] = _CORE_XML.format(title=_xml_text(title)).encode("utf-8")
        return _write_zip([self._entry(name, rendered) for name in self._entries]), body

    def _entry(self, name: str, rendered: Mapping[str, bytes]) -> _Entry:
        static = self._static.get(name)
        if static is not None:
            return static
        return _Entry.deflated(name, rendered.get(name, self._entries[name]), _RENDERED_LEVEL)


def _renumber_drawings(xml: str) -> str:
    """Give every drawing a unique id, as docxtpl does: loops may repeat a picture."""
    counter = iter(range(1001, 1_000_000))
    return _DOCPR_ID.sub(lambda m: f"{m.group(1)}{next(counter)}{m.group(3)}", xml)


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _read_zip(source: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@dataclass(frozen=True)
class _Entry:
    """One member of the package, compressed: the template's own parts are compressed once, at compile."""

    name: bytes
    crc: int
    size: int
    data: bytes

    @classmethod
    def deflated(cls, name: str, content: bytes, level: int) -> _Entry:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        data = compressor.compress(content) + compressor.flush()
        return cls(name.encode("utf-8"), zlib.crc32(content), len(content), data)


def _write_zip(entries: list[_Entry]) -> bytes:
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
