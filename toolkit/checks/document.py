"""Checks on a rendered document, after rendering and before writing (law.md §8): every required part in
order, nothing left of the template, every uppercase amount equal to its figure, the court after 此致, and
a .docx that Word opens. A document that fails is not written.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from lxml import etree

from toolkit.case.models import Case
from toolkit.checks.base import Problem, check
from toolkit.documents import kind
from toolkit.documents.base import Part
from toolkit.law.figures import Figures
from toolkit.law.money import parse_rmb_upper, yuan
from toolkit.render.document import RenderedDocument
from toolkit.render.prepared import Entry
from toolkit.render.xmltext import PartShape, PartText, is_xml_part, part_shape

_LEFTOVERS = re.compile(
    r"\{\{|\}\}|\{%|%\}|\{#|#\}"  # template tags
    r"|(?<![A-Za-z])(?:None|nan|NaN|Undefined)(?![A-Za-z])"  # a missing value printed as text
    r"|（\s*）|\(\s*\)|《\s*》|“\s*”|【\s*】|：\s*[。，；]|××"  # an empty placeholder
)
# A run of the characters an uppercase amount is written with; one holding a digit and 元/角/分 is an amount.
_UPPER_RUN = re.compile(r"[人民币零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整正]+")
_UPPER_DIGIT = re.compile(r"[零壹贰叁肆伍陆柒捌玖]")
# Our templates' convention: 18,000.00元（人民币壹万捌仟元整）
_FIGURE_AND_WORDS = re.compile(
    r"(?P<figure>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*元\s*[（(]\s*(?:大写[：:]\s*)?"
    r"(?P<words>人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整正]*)"
)
MAX_REPORTED = 10


@dataclass(frozen=True)
class CheckedDocument:
    """What a document check reads: the case and figures it was drawn from, its required parts, the render."""

    case: Case
    figures: Figures
    parts: tuple[Part, ...]
    document: RenderedDocument

    @property
    def title(self) -> str:
        return kind(self.document.kind).title


def _snippet(paragraph: str, start: int, end: int) -> str:
    left, right = max(0, start - 12), min(len(paragraph), end + 12)
    return ("…" if left else "") + paragraph[left:right] + ("…" if right < len(paragraph) else "")


@check("DOC-PARTS", "error", "文书必备部分齐全且顺序正确", "document", cites=("civil_document_styles",))
def parts_in_order(checked: CheckedDocument) -> Iterator[Problem]:
    """Each required part is found after the one before it; the first missing or misplaced one is named."""
    text = checked.document.text
    position, previous = 0, None
    for part in checked.parts:
        match = part.pattern.search(text, position)
        if match is not None:
            position, previous = match.end(), part
            continue
        if part.pattern.search(text) is None:
            yield Problem(f"{checked.title}缺少必备部分“{part.name}”：请检查模板是否删去了这一部分")
        else:
            after = f"“{previous.name}”之后" if previous else "开头"
            yield Problem(f"{checked.title}的“{part.name}”位置不对，应在{after}：请按文书样式调整模板中各部分的顺序")
        return


@check("DOC-LEFTOVER", "error", "没有残留的模板标记或空白占位", "document")
def leftovers(checked: CheckedDocument) -> Iterator[Problem]:
    """A template tag, None/nan or an empty （） means a value did not reach the document."""
    reported = 0
    for number, paragraph in enumerate(checked.document.paragraphs, start=1):
        hits = _leftovers_in(paragraph)
        if not hits:
            continue
        found = "、".join(dict.fromkeys(f"“{hit}”" for hit, _, _ in hits))
        where = _snippet(paragraph, hits[0][1], hits[0][2])
        yield Problem(
            f"{checked.title}第 {number} 段“{where}”中残留 {found}：某个数值没有填入，请检查案件文件相应字段和模板"
        )
        reported += 1
        if reported == MAX_REPORTED:
            return


@functools.lru_cache(maxsize=1024)
def _leftovers_in(paragraph: str) -> tuple[tuple[str, int, int], ...]:
    """(what, start, end) of each leftover in a paragraph (memoized, like every per-paragraph reading here:
    a template's fixed paragraphs repeat in every document of a batch)."""
    return tuple((hit.group(0), hit.start(), hit.end()) for hit in _LEFTOVERS.finditer(paragraph))


@functools.lru_cache(maxsize=1024)
def _parsed(words: str) -> Decimal | None:
    """What uppercase words read as (memoized: 人民币壹万捌仟元整 recurs in paragraphs that differ otherwise)."""
    try:
        return parse_rmb_upper(words)
    except ValueError:
        return None


def _unreadable(checked: CheckedDocument, number: int, words: str) -> Problem:
    return Problem(f"{checked.title}第 {number} 段的大写金额“{words}”写法不对，无法识别：请检查模板中的金额")


@check("DOC-AMOUNT-WORDS", "error", "大写金额与小写金额一致", "document", cites=("pboc_bill_rules",))
def amounts_in_words(checked: CheckedDocument) -> Iterator[Problem]:
    """Every uppercase amount reads back to the figure beside it, and every one reads back at all."""
    for number, paragraph in enumerate(checked.document.paragraphs, start=1):
        for figure, words, value in _uppercase_amounts(paragraph):
            if value is None:
                yield _unreadable(checked, number, words)
            elif figure is not None and value != figure:
                yield Problem(
                    f"{checked.title}第 {number} 段：小写 {yuan(figure)} 元与大写“{words}”"
                    f"（{yuan(value)} 元）不一致：请检查模板中这一金额"
                )


@functools.lru_cache(maxsize=1024)
def _uppercase_amounts(paragraph: str) -> tuple[tuple[Decimal | None, str, Decimal | None], ...]:
    """(the figure printed beside, the uppercase words, what they read as or None) of each uppercase amount of
    a paragraph: first those beside a figure, then the others (their figure None)."""
    found: list[tuple[Decimal | None, str, Decimal | None]] = []
    paired: set[int] = set()
    for match in _FIGURE_AND_WORDS.finditer(paragraph) if "人民币" in paragraph else ():  # every match holds it
        paired.add(match.start("words"))
        found.append((Decimal(match["figure"].replace(",", "")), match["words"], _parsed(match["words"])))
    for run in _UPPER_RUN.finditer(paragraph):
        words = run.group(0)
        if run.start() in paired or not _UPPER_DIGIT.search(words) or not re.search("[元角分]", words):
            continue
        found.append((None, words, _parsed(words)))
    return tuple(found)


@check("DOC-COURT", "error", "“此致”后的法院与案件文件一致", "court.name")
def court_after_zhici(checked: CheckedDocument) -> Iterator[Problem]:
    """The paragraph after the one that is exactly 此致 names ``court.name``."""
    court = checked.case.court
    if court is None:
        return
    paragraphs = [p.strip() for p in checked.document.paragraphs if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        if paragraph != "此致":
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if following != court.name:
            shown = f"“{following}”" if following else "空白"
            yield Problem(f"{checked.title}“此致”之后是{shown}，应为受理法院“{court.name}”：请检查模板")


# Parts a rendered document shares with its template (styles, numbering, settings…) are the same bytes in
# every document: each not shaped by the preparation is parsed once per process, keyed by its name, CRC-32
# and size in the zip directory.
_SHAPES: dict[tuple[str, int, int], PartShape] = {}


class _Member(NamedTuple):
    """One member of the package: its name, CRC-32 and size, how to read its bytes, and its shape when the
    template's preparation read it (see :class:`~toolkit.render.prepared.Entry`)."""

    name: str
    crc: int
    size: int
    read: Callable[[], bytes]
    shape: PartShape | None = None


def _shape(member: _Member) -> PartShape | str:
    """The member's shape, or why it is not XML."""
    if member.shape is not None:
        return member.shape
    key = (member.name, member.crc, member.size)
    known = _SHAPES.get(key)
    if known is None:
        try:
            known = part_shape(member.read())
        except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError) as exc:
            return f"{member.name} 不是合法的 XML（{exc}）"
        if len(_SHAPES) > 1024:
            _SHAPES.clear()
        _SHAPES[key] = known
    return known


def _written(entry: Entry) -> _Member:
    read = functools.partial(zlib.decompress, entry.data, -15)
    return _Member(entry.name.decode("utf-8"), entry.crc, entry.size, read, entry.shape)


def _docx_problems(document: RenderedDocument) -> Iterator[str]:
    """The members as the renderer wrote them, when it gives them (the zip is then the renderer's own,
    written from them), or as the zip lists them; the main part as the renderer already parsed it."""
    if document.members:
        yield from _package_problems([_written(entry) for entry in document.members], document.body)
        return
    try:
        package = zipfile.ZipFile(io.BytesIO(document.docx))
    except (zipfile.BadZipFile, ValueError):
        yield "文件不是有效的 .docx（无法作为 zip 打开）"
        return
    with package:
        members = [
            _Member(info.filename, info.CRC, info.file_size, functools.partial(package.read, info))
            for info in package.infolist()
        ]
        yield from _package_problems(members, document.body)


def _package_problems(members: list[_Member], body: PartText | None) -> Iterator[str]:
    if "word/document.xml" not in {member.name for member in members}:
        yield "缺少正文 word/document.xml"
    drawing_ids: Counter[str] = Counter()
    for member in members:
        if not is_xml_part(member.name):
            continue
        if body is not None and member.name == "word/document.xml":
            shape: PartShape | str = PartShape(body.drawing_ids, body.empty_cells)
        else:
            shape = _shape(member)
        if isinstance(shape, str):
            yield shape
            continue
        drawing_ids.update(shape.drawing_ids)
        if shape.empty_cells:
            yield f"{member.name} 中有 {shape.empty_cells} 个表格单元格没有段落（Word 会报告文件损坏）"
    repeated = sorted(key for key, count in drawing_ids.items() if count > 1)
    if repeated:
        yield f"图形编号 wp:docPr id 重复：{'、'.join(repeated)}（Word 会报告文件损坏）"


@check("DOC-DOCX", "error", ".docx 文件结构完好", "document")
def docx_sound(checked: CheckedDocument) -> Iterator[Problem]:
    """Word refuses a package with broken XML, a cell without a paragraph or a repeated drawing id."""
    for problem in _docx_problems(checked.document):
        yield Problem(f"{checked.title}：{problem}：请检查模板")


CHECKS = (parts_in_order, leftovers, amounts_in_words, court_after_zhici, docx_sound)
