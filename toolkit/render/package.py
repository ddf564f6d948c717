"""Inspecting a .docx package before it is used as a template: refuse what is hostile or not a document.

A template comes from a firm's folder, from e-mail, from a colleague: it is opened by python-docx and
lxml, rendered, and its parts are copied into every document drafted from it. So before any of that a
template must be a plain Word document (not .doc, .docm, .dotx, or another Office file), hold no macros
or ActiveX controls, fetch nothing from outside when the drafted document is opened (attached
templates, linked pictures, OLE links, sub-documents, frames, DDE/INCLUDE fields — hyperlinks are
plain clickable text and allowed), declare no DTD or entity (XML bombs, external entities), and be no
zip bomb (sizes and compression ratios from the zip directory, which Python's reader enforces) and
hold no path that climbs out of the package. Only the zip directory and the XML parts are read: it runs
on every template load.
"""

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from toolkit.bounded import ReadRefused, read_bounded
from toolkit.errors import TemplateError

MAX_FILE = 20 * 2**20  # bytes of the .docx file itself, checked before it is read
MAX_TOTAL = 50 * 2**20  # uncompressed bytes of the whole package
MAX_PART = 20 * 2**20  # uncompressed bytes of one part
MAX_RATIO = 100  # uncompressed / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 2**20
MAX_ENTRIES = 2000

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([^\"']+)", re.IGNORECASE)
_FIELD = re.compile(r"^\s*(DDEAUTO|DDE|INCLUDETEXT|INCLUDEPICTURE|IMPORT|LINK)\b", re.IGNORECASE)
_EXTERNAL: dict[str, str] = {
    "attachedTemplate": "引用了外部的附加模板，Word 打开文书时会从该地址读取",
    "image": "链接了外部图片，Word 打开文书时会从该地址下载",
    "oleObject": "链接了外部 OLE 对象",
    "subDocument": "引用了外部子文档",
    "frame": "引用了外部网页框架",
}
_SAVE_AS = "请在 Word 中打开后“另存为”Word 文档（*.docx）再使用"


@dataclass(frozen=True)
class PackageProblem:
    """One reason a package cannot be used: the part it is in ("" for the whole file), what, and what to do."""

    part: str
    message: str
    hint: str = _SAVE_AS


def read_package(path: Path) -> bytes:
    """The bytes of the template at ``path``: a regular file within :data:`MAX_FILE` (see toolkit.bounded)."""
    try:
        return read_bounded(path, MAX_FILE, "模板")
    except ReadRefused as exc:
        raise TemplateError(f"模板不能使用：{exc}", "模板应是 Word 另存的 .docx 文件") from None


def inspect_package(source: bytes, name: str) -> None:
    """Raise :class:`TemplateError` naming the first problem of ``source`` (the bytes of template ``name``)."""
    problems = package_problems(source)
    if problems:
        first = problems[0]
        where = f"（部件 {first.part}）" if first.part else ""
        raise TemplateError(f"模板 {name} 不能使用{where}：{first.message}", first.hint)


def package_problems(source: bytes) -> list[PackageProblem]:
    """Every problem found, in the order they are checked; structural ones stop the inspection early."""
    if source.startswith(_OLE_MAGIC):
        return [PackageProblem("", "这是旧版 .doc 文档，或设置了打开密码的文档", f"{_SAVE_AS}；如有密码请先取消")]
    try:
        archive = zipfile.ZipFile(io.BytesIO(source))
    except (zipfile.BadZipFile, ValueError, OSError):
        return [PackageProblem("", "不是 Word 文档（.docx 应是一个 zip 压缩包）")]
    with archive:
        problems = _directory_problems(archive.infolist())
        if problems:
            return problems
        return _content_problems(archive)


def _directory_problems(entries: list[zipfile.ZipInfo]) -> list[PackageProblem]:
    if len(entries) > MAX_ENTRIES:
        return [PackageProblem("", f"压缩包内有 {len(entries)} 个文件，超过 {MAX_ENTRIES} 个，不像 Word 文档")]
    problems: list[PackageProblem] = []
    seen: set[str] = set()
    total = 0
    for info in entries:
        name = info.filename
        if _unsafe_name(name):
            problems.append(PackageProblem(name, "文件名指向压缩包之外（路径穿越），已拒绝"))
        if name.lower() in seen:
            problems.append(PackageProblem(name, "压缩包内有重名的部件"))
        seen.add(name.lower())
        if info.flag_bits & 0x1:
            problems.append(PackageProblem(name, "部件被加密", "请取消文档密码后另存为 .docx"))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            problems.append(PackageProblem(name, "使用了 Word 不会使用的压缩方式"))
        total += info.file_size
        if info.file_size > MAX_PART:
            problems.append(PackageProblem(name, f"解压后 {_mb(info.file_size)}，超过单个部件 {_mb(MAX_PART)} 的上限"))
        elif info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            problems.append(PackageProblem(name, f"压缩比 {ratio}:1 异常（压缩炸弹）", "请不要使用来历不明的模板"))
    if total > MAX_TOTAL:
        problems.append(PackageProblem("", f"解压后共 {_mb(total)}，超过 {_mb(MAX_TOTAL)} 的上限"))
    return problems


def _unsafe_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    return any(segment in ("..", ".") for segment in name.split("/"))


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def _content_problems(archive: zipfile.ZipFile) -> list[PackageProblem]:
    names = archive.namelist()
    if "[Content_Types].xml" not in names:
        return [PackageProblem("", "缺少 [Content_Types].xml，不是 Word 文档")]
    problems: list[PackageProblem] = []
    xml: dict[str, bytes] = {}
    types = _content_types(archive, problems, xml)
    for name in names:
        kind = types.get(name, "")
        lowered = name.lower()
        if posixpath.basename(lowered) in ("vbaproject.bin", "vbadata.xml") or "vbaproject" in kind.lower():
            problems.append(PackageProblem(name, "含有宏（VBA），已拒绝", "请另存为不含宏的 Word 文档（*.docx）"))
        elif "activex" in lowered or "activex" in kind.lower():
            problems.append(PackageProblem(name, "含有 ActiveX 控件，已拒绝", "请删除控件后另存为 .docx"))
        if (lowered.endswith((".xml", ".rels")) or "xml" in kind) and name not in xml:
            xml[name] = archive.read(name)
            problems += _xml_problems(name, xml[name])
    unreadable = {problem.part for problem in problems}
    main = types.get("word/document.xml")
    if main is None:
        problems.append(PackageProblem("word/document.xml", "缺少文档正文部件，不是 Word 文档"))
    elif main != DOCX_MAIN and "macroenabled" not in main.lower():
        problems.append(_main_type_problem(main))
    for name, data in xml.items():
        if name in unreadable:
            continue
        if name.endswith(".rels"):
            problems += _relationship_problems(name, data)
        elif "wordprocessingml" in types.get(name, "") and (b"instrText" in data or b"instr=" in data):
            problems += _field_problems(name, data)
    return problems


def _content_types(archive: zipfile.ZipFile, problems: list[PackageProblem], xml: dict[str, bytes]) -> dict[str, str]:
    """Each part's content type, from [Content_Types].xml (overrides first, then defaults by extension)."""
    data = xml["[Content_Types].xml"] = archive.read("[Content_Types].xml")
    problems += _xml_problems("[Content_Types].xml", data)
    if problems:
        return {}
    root = etree.fromstring(data, _PARSER)
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in root.iter(f"{_CT}Default")}
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in root.iter(f"{_CT}Override")}
    types = {}
    for name in archive.namelist():
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        types[name] = overrides.get(name) or defaults.get(extension, "")
    for part, kind in overrides.items():
        if "macroenabled" in kind.lower() and kind.endswith("main+xml"):
            problems.append(_main_type_problem(kind))
        elif "macroenabled" in kind.lower():
            problems.append(PackageProblem(part, f"是启用宏的内容（{kind}），已拒绝"))
    for extension, kind in defaults.items():
        if "macroenabled" in kind.lower():
            problems.append(PackageProblem("[Content_Types].xml", f"声明了启用宏的 .{extension} 内容，已拒绝"))
    return types


def _main_type_problem(kind: str) -> PackageProblem:
    if "macroEnabled" in kind:
        return PackageProblem("word/document.xml", "这是启用宏的 Word 文档（.docm/.dotm），已拒绝", _SAVE_AS)
    if "template.main" in kind:
        return PackageProblem("word/document.xml", "这是 Word 模板文件（.dotx），不是 .docx 文档")
    return PackageProblem("word/document.xml", f"不是 Word 文档（内容类型为 {kind}）")


def _xml_problems(name: str, data: bytes) -> list[PackageProblem]:
    """A DTD or entity declaration anywhere; text in an encoding other than UTF-8 or UTF-16 is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return [PackageProblem(name, "XML 编码错误")]
        encodings: tuple[bytes, ...] = (b"utf-16", b"utf-16le", b"utf-16be")
    else:
        data = data.removeprefix(b"\xef\xbb\xbf")
        encodings = (b"utf-8", b"utf8")
    declared = _ENCODING.match(data)
    if not data.lstrip().startswith(b"<") or (declared and declared.group(1).lower() not in encodings):
        return [PackageProblem(name, "XML 的编码不是 UTF-8，Word 不会这样保存")]
    found = _DECLARATION.search(data)
    if found:
        what = found.group(1).decode().upper()
        return [PackageProblem(name, f"XML 中有 {what} 声明（可用于 XML 炸弹或读取外部文件），已拒绝")]
    return []


def _relationship_problems(name: str, data: bytes) -> list[PackageProblem]:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return [PackageProblem(name, "关系文件不是有效的 XML")]
    source_dir = posixpath.dirname(posixpath.dirname(name))
    problems = []
    for rel in root.iter(f"{_REL}Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if rel.get("TargetMode", "Internal") == "External":
            if kind != "hyperlink":
                what = _EXTERNAL.get(kind, f"引用了外部资源（{kind}）")
                problems.append(
                    PackageProblem(name, f"{what}：{target[:80]}", "请在 Word 中删除该链接或改为嵌入后另存")
                )
        elif not target.startswith("/") and posixpath.normpath(posixpath.join(source_dir, target)).startswith(".."):
            problems.append(PackageProblem(name, f"关系指向压缩包之外：{target[:80]}"))
    return problems


def _field_problems(name: str, data: bytes) -> list[PackageProblem]:
    """Fields that read from outside (DDE, INCLUDETEXT, INCLUDEPICTURE, LINK) when Word updates them."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return [PackageProblem(name, "XML 格式错误")]
    instructions = [node.get(f"{_W}instr", "") for node in root.iter(f"{_W}fldSimple")]
    current: list[str] = []
    for node in root.iter(f"{_W}fldChar", f"{_W}instrText"):
        if node.tag == f"{_W}instrText":
            current.append(node.text or "")
        elif node.get(f"{_W}fldCharType") in ("separate", "end") and current:
            instructions.append("".join(current))
            current = []
    instructions.append("".join(current))
    problems = []
    for instruction in instructions:
        found = _FIELD.match(instruction)
        if found:
            field = found.group(1).upper()
            problems.append(
                PackageProblem(
                    name, f"含有 {field} 域，Word 更新域时会从外部读取内容", "请在 Word 中删除该域后另存为 .docx"
                )
            )
    return problems
