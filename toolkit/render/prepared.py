"""A template prepared for compiling: what only changes with the template, done once per user.

Preparing is the costly part of compiling a .docx template: the package normalised (schema order, see
:mod:`toolkit.render.normalize`), docxtpl's own cleaning of the tags in the body, headers and footers, and
every other part (styles alone are close to 1 MB of XML) compressed once, at the strongest level. The
result is kept in the per-user cache (:mod:`toolkit.render.compile_cache`), keyed by the template's
SHA-256, the toolkit's version, docxtpl's code (its version and its cleaning of the tags), lxml's version
and the code of this module, of the normaliser and of the package inspection (a package found in the cache
passed it when it was prepared, so it is not inspected again); a command then starts without importing
docxtpl or python-docx. It is data only: the parts' text is compiled by the sandbox like any template (see
:class:`toolkit.render.compiled.CompiledTemplate`; the code compiled is cached on its own terms, see
:mod:`toolkit.render.compiled_code`).
"""

import contextlib
import hashlib
import importlib.util
import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from toolkit import __version__
from toolkit.render import compile_cache
from toolkit.render.normalize import __file__ as normalize_file
from toolkit.render.normalize import normalize_package
from toolkit.render.package import __file__ as package_file
from toolkit.render.xmltext import PartShape, is_xml_part, part_shape

MAIN = "word/document.xml"
CORE = "docProps/core.xml"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_STATIC_LEVEL = 9  # the template's own parts: compressed once, so spend the time
_PARAGRAPH_START = re.compile(r"<w:p([ >])")


def _read_zip(source: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@dataclass(frozen=True)
class Entry:
    """One member of the package, compressed: the template's own parts are compressed once, at compile.

    A template's own XML part also carries its shape, read when the template was prepared from the same
    bytes (styles.xml alone takes some 10 ms to parse): the package check of every document reads it from
    here. ``None``: not XML, not well-formed (the check parses it and says why), or a rendered part."""

    name: bytes
    crc: int
    size: int
    data: bytes
    shape: PartShape | None = None

    @classmethod
    def deflated(cls, name: str, content: bytes, level: int, shape: PartShape | None = None) -> "Entry":
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        data = compressor.compress(content) + compressor.flush()
        return cls(name.encode("utf-8"), zlib.crc32(content), len(content), data, shape)


@dataclass(frozen=True)
class Prepared:
    """A template ready to compile: its parts in zip order, the parts it shares with every document
    (compressed), and each templated part as (name, XML before the templated text, after it, the text)."""

    order: tuple[str, ...]
    static: dict[str, Entry]
    parts: tuple[tuple[str, str, str, str], ...]


def prepared_template(source: bytes, sha256: str, inspect: Callable[[], None]) -> Prepared:
    """The template (its bytes and their SHA-256) prepared, from the per-user cache when it holds it.

    ``inspect`` refuses a hostile or non-Word package before docxtpl or lxml reads it; a package the cache
    holds passed it when it was prepared (the key holds the package's SHA-256 and the inspection's code)."""
    key = _cache_key(sha256)
    found = compile_cache.read(key)
    if found is not None:
        with contextlib.suppress(KeyError, TypeError, ValueError):  # a cache of another shape: prepare again
            return _from_cache(*found)
    inspect()
    prepared = _prepare(source)
    compile_cache.write(key, *_to_cache(prepared))
    return prepared


def _cache_key(sha256: str) -> str:
    """The template's and everything that shapes its preparation: this toolkit and docxtpl."""
    recipe = hashlib.sha256(f"{sha256} draft {__version__} lxml {etree.__version__}".encode())
    for module in (__file__, normalize_file, package_file, *_docxtpl_files()):
        recipe.update(Path(module).read_bytes())
    return recipe.hexdigest()


def _docxtpl_files() -> tuple[str, ...]:
    """docxtpl's ``__init__`` (it holds the version) and its ``template`` module (the cleaning of the XML),
    found without importing docxtpl or reading the installed packages' metadata, which costs a start more."""
    spec = importlib.util.find_spec("docxtpl")
    if spec is None or spec.origin is None:
        return ()
    return (spec.origin, str(Path(spec.origin).with_name("template.py")))


def _prepare(source: bytes) -> Prepared:
    from docxtpl import DocxTemplate  # imported only when a template is prepared, not at every start

    source = normalize_package(source)  # schema order, no stylesWithEffects.xml: Word opens it clean
    entries = _read_zip(source)
    helper = DocxTemplate(io.BytesIO(source))
    helper.init_docx()
    document = entries[MAIN].decode("utf-8")
    start = re.search(r"<w:body\b[^>]*>", document)
    end = document.rfind("</w:body>")
    if start is None or end < 0:
        raise ValueError("document.xml 中没有正文")
    head, tail = document[: start.start()], document[end + len("</w:body>") :]
    parts = [(MAIN, head, tail, _patched(helper, helper.get_xml()))]
    for uri in (helper.HEADER_URI, helper.FOOTER_URI):
        for _, part in helper.get_headers_footers(uri):
            name = str(part.partname).lstrip("/")
            parts.append((name, _XML_DECLARATION, "", _patched(helper, helper.get_part_xml(part))))
    templated = {name for name, _, _, _ in parts} | {CORE}
    static = {
        name: Entry.deflated(name, data, _STATIC_LEVEL, _shape(name, data))
        for name, data in entries.items()
        if name not in templated
    }
    return Prepared(tuple(entries), static, tuple(parts))


def _shape(name: str, data: bytes) -> PartShape | None:
    if not is_xml_part(name):
        return None
    try:
        return part_shape(data)
    except etree.XMLSyntaxError:
        return None  # the package check parses it again and says what is wrong


def _patched(helper: Any, xml: str) -> str:
    """docxtpl's cleaning of the XML, and a line break before each paragraph: Jinja then reports an
    error's line as its paragraph."""
    return str(_PARAGRAPH_START.sub(r"\n<w:p\1", helper.patch_xml(xml)))


def _to_cache(prepared: Prepared) -> tuple[dict[str, Any], bytes]:
    entries = prepared.static.values()
    static = [
        [entry.name.decode("utf-8"), entry.crc, entry.size, len(entry.data), _shape_json(entry)] for entry in entries
    ]
    index = {"order": list(prepared.order), "static": static, "parts": [list(part) for part in prepared.parts]}
    return index, b"".join(entry.data for entry in entries)


def _from_cache(index: dict[str, Any], data: bytes) -> Prepared:
    static: dict[str, Entry] = {}
    offset = 0
    for name, crc, size, length, shape in index["static"]:
        part = data[offset : offset + int(length)]
        static[name] = Entry(name.encode("utf-8"), int(crc), int(size), part, _shape_from_json(shape))
        offset += int(length)
    if offset != len(data):
        raise ValueError("cached data of another length")
    parts = tuple((str(n), str(h), str(t), str(x)) for n, h, t, x in index["parts"])
    return Prepared(tuple(str(name) for name in index["order"]), static, parts)


def _shape_json(entry: Entry) -> list[Any] | None:
    return None if entry.shape is None else [list(entry.shape.drawing_ids), entry.shape.empty_cells]


def _shape_from_json(shape: Any) -> PartShape | None:
    if shape is None:
        return None
    ids, cells = shape
    return PartShape(tuple(str(drawing) for drawing in ids), int(cells))
