"""Document checks fed deliberately broken renderings: each break must be caught, a sound one passes."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Callable

import docx
import pytest
from checks_support import SAMPLE, SAMPLE_FIGURES, variant

from toolkit.case.load import load_case
from toolkit.checks import Finding, check_document
from toolkit.documents import kind as document_kind
from toolkit.documents.base import Part
from toolkit.drafting import Options, draft
from toolkit.law.compute import compute_figures
from toolkit.render.document import RenderedDocument
from toolkit.render.prepared import Entry
from toolkit.render.xmltext import PartShape, paragraphs

SOUND = [
    "民事答辩状",
    "答辩人：李明，男，1994年3月1日出生，汉族，住河南省郑州市金水区文化路100号。",
    "对北京互联网法院（2026）京0491民初31875号原告重庆市小米小额贷款有限公司与答辩人李明小额借款合同纠纷一案的起诉，答辩如下：",
    "答辩请求",
    "原告主张本金18,000.00元（人民币壹万捌仟元整），依法最多可主张20,650.58元（人民币贰万零陆佰伍拾元伍角捌分）。",
    "超出部分2,349.42元（人民币贰仟叁佰肆拾玖元肆角贰分）不应支持。",
    "事实和理由",
    "Financial 24% cap, no value missing here.",
    "证据清单",
    "此致",
    "北京互联网法院",
    "附：本答辩状副本1份",
]
PARTS = [
    Part.text("标题", "民事答辩状"),
    Part.text("答辩请求"),
    Part.text("事实和理由"),
    Part.text("证据清单"),
    Part.text("此致"),
    Part.regex("附：本答辩状副本", r"附：本答辩状副本\d+份"),
]


def _docx(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rendered(lines: list[str], data: bytes | None = None) -> RenderedDocument:
    """The rendering of ``lines``: their text as the renderer extracts it, and ``data`` as the .docx when a
    test supplies a broken one."""
    sound = _docx(lines)
    with zipfile.ZipFile(io.BytesIO(sound)) as package:
        texts = paragraphs(package.read("word/document.xml"))
    return RenderedDocument(kind="answer", template="answer", docx=data or sound, paragraphs=texts)


def _check(lines: list[str], data: bytes | None = None, parts: list[Part] | None = None) -> list[Finding]:
    return check_document(variant(), SAMPLE_FIGURES, parts or PARTS, _rendered(lines, data))


def _ids(found: list[Finding]) -> list[str]:
    return [f.id for f in found]


def test_a_sound_document_passes() -> None:
    assert _check(SOUND) == []


def test_missing_part_is_named() -> None:
    lines = [line for line in SOUND if line != "证据清单"]
    (finding,) = _check(lines)
    assert finding.id == "DOC-PARTS" and "证据清单" in finding.message and "缺少" in finding.message


def test_misplaced_part_is_named() -> None:
    lines = SOUND.copy()
    lines.remove("答辩请求")
    lines.insert(lines.index("证据清单") + 1, "答辩请求")
    found = [f for f in _check(lines) if f.id == "DOC-PARTS"]
    assert len(found) == 1 and "答辩请求" in found[0].message and "位置不对" in found[0].message


@pytest.mark.parametrize(
    "leftover",
    [
        "答辩人：{{ client.name }}",
        "{% if x %}答辩如下",
        "{# note #}",
        "出生日期：None",
        "利率nan%",
        "金额 NaN 元",
        "民族：Undefined",
        "案号（）",
        "联系电话：。",
        "对××人民法院",
    ],
)
def test_leftover_template_text_is_caught(leftover: str) -> None:
    found = _check([*SOUND, leftover])
    assert _ids(found) == ["DOC-LEFTOVER"], leftover


def test_leftover_message_masks_an_id_number() -> None:
    (finding,) = _check([*SOUND, "答辩人李明，身份证号410105199403012319，民族：None"])
    assert "410105199403012319" not in finding.message and "None" in finding.message


def test_wrong_uppercase_amount_is_caught() -> None:
    wrong = "原告主张本金18,000.00元（人民币壹万柒仟元整）。"  # 壹万柒仟 is 17,000.00
    (finding,) = _check([*SOUND, wrong])
    assert finding.id == "DOC-AMOUNT-WORDS" and "18,000.00" in finding.message and "17,000.00" in finding.message


def test_uppercase_that_does_not_parse_is_caught() -> None:
    for broken in ("共计18,000.00元（人民币壹万捌仟元）", "另付人民币壹万捌仟元", "合计人民币贰万陆佰伍拾元伍角捌分"):
        found = _check([*SOUND, broken])
        assert _ids(found) == ["DOC-AMOUNT-WORDS"], broken


def test_uppercase_with_cents_and_zeros_passes() -> None:
    # 325.04 → 人民币叁佰贰拾伍元零肆分 (law.md §7); 10.50 → 人民币壹拾元伍角
    assert _check([*SOUND, "计325.04元（人民币叁佰贰拾伍元零肆分）及10.50元（人民币壹拾元伍角）"]) == []


def test_uppercase_followed_by_a_remark_is_still_compared() -> None:
    assert _check([*SOUND, "本金18,000.00元（人民币壹万捌仟元整，下同）"]) == []
    (finding,) = _check([*SOUND, "本金18,000.00元（人民币壹万柒仟元整，下同）"])
    assert finding.id == "DOC-AMOUNT-WORDS" and "17,000.00" in finding.message


def test_wrong_court_after_zhici_is_caught() -> None:
    lines = [("北京市朝阳区人民法院" if line == "北京互联网法院" else line) for line in SOUND]
    (finding,) = _check(lines)
    assert finding.id == "DOC-COURT" and "北京互联网法院" in finding.message


def test_nothing_after_zhici_is_caught() -> None:
    lines = SOUND[: SOUND.index("此致") + 1]
    found = _check(lines, parts=[Part.text("此致")])
    assert _ids(found) == ["DOC-COURT"]


def _with_part(data: bytes, name: str, transform: re.Pattern[str], replacement: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == name:
                content = transform.sub(replacement, content.decode("utf-8"), count=1).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def test_empty_table_cell_is_caught() -> None:
    data = _docx(SOUND, table=[["项目", "金额"], ["本金", "18,000.00"]])
    broken = _with_part(data, "word/document.xml", re.compile(r"(<w:tc>.*?</w:tcPr>).*?(</w:tc>)", re.S), r"\1\2")
    found = _check(SOUND, broken)
    assert _ids(found) == ["DOC-DOCX"] and "单元格" in found[0].message


def test_a_table_with_filled_cells_passes() -> None:
    assert _check(SOUND, _docx(SOUND, table=[["项目", "金额"], ["本金", "18,000.00"]])) == []


def test_not_a_zip_is_caught() -> None:
    found = _check(SOUND, b"PK\x03\x04 truncated")
    assert _ids(found) == ["DOC-DOCX"]


def test_broken_xml_part_is_caught() -> None:
    broken = _with_part(_docx(SOUND), "word/styles.xml", re.compile(r"</w:styles>"), "</w:style>")
    found = _check(SOUND, broken)
    assert _ids(found) == ["DOC-DOCX"] and "word/styles.xml" in found[0].message


def test_repeated_drawing_ids_are_caught() -> None:
    drawing = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:docPr id="7" name="图片"/></wp:inline></w:drawing></w:r></w:p>'
    )
    broken = _with_part(_docx(SOUND), "word/document.xml", re.compile(r"<w:sectPr"), drawing * 2 + "<w:sectPr")
    found = _check(SOUND, broken)
    assert _ids(found) == ["DOC-DOCX"] and "7" in found[0].message


def _members(data: bytes) -> tuple[Entry, ...]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return tuple(Entry.deflated(info.filename, package.read(info), 6) for info in package.infolist())


@pytest.mark.parametrize(
    "broken",
    [
        lambda: _with_part(
            _docx(SOUND, table=[["项目", "金额"]]),
            "word/document.xml",
            re.compile(r"(<w:tc>.*?</w:tcPr>).*?(</w:tc>)", re.S),
            r"\1\2",
        ),
        lambda: _with_part(_docx(SOUND), "word/styles.xml", re.compile(r"</w:styles>"), "</w:style>"),
        lambda: _with_part(
            _docx(SOUND),
            "word/document.xml",
            re.compile(r"<w:sectPr"),
            '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
            'wordprocessingDrawing"><wp:docPr id="9"/><wp:docPr id="9"/></wp:inline></w:drawing></w:r></w:p><w:sectPr',
        ),
        None,  # the sound one
    ],
)
def test_the_members_the_renderer_wrote_are_checked_as_the_zip_would_be(broken: Callable[[], bytes] | None) -> None:
    """The renderer hands the check the members it zipped: the findings are those of reading the zip."""
    data = broken() if broken is not None else _docx(SOUND)
    from_zip = check_document(variant(), SAMPLE_FIGURES, PARTS, _rendered(SOUND, data))
    members = dataclasses.replace(_rendered(SOUND, data), members=_members(data))
    assert check_document(variant(), SAMPLE_FIGURES, PARTS, members) == from_zip
    assert [f.id for f in from_zip] == ([] if broken is None else ["DOC-DOCX"])


@pytest.mark.parametrize(
    ("name", "changes"),
    [("answer", {}), ("answer", {"answer.style": "elements"}), ("hardship", {}), ("settlement", {})],
)
def test_the_bundled_templates_on_the_sample_give_no_document_finding(name: str, changes: dict[str, str]) -> None:
    """No false alarm on the real renderings of the sample (every kind, both answer styles)."""
    case = variant(changes)
    drafted = draft(case, compute_figures(case), name, Options())
    assert [f.id for f in drafted.findings if f.id.startswith("DOC-")] == []


def test_a_tampered_real_answer_is_caught() -> None:
    """The sample's rendered answer with the court after 此致 and one uppercase amount altered."""
    case = load_case(SAMPLE)
    figures = compute_figures(case)
    drafted = draft(case, figures, "answer", Options())
    parts = document_kind("answer").parts(case, figures)
    tampered = tuple(
        "北京市海淀区人民法院" if text == "北京互联网法院" else text.replace("人民币壹万捌仟元整", "人民币壹万伍仟元整")
        for text in drafted.document.paragraphs
    )
    rendered = dataclasses.replace(drafted.document, paragraphs=tampered)
    ids = {f.id for f in check_document(case, figures, parts, rendered)}
    assert {"DOC-COURT", "DOC-AMOUNT-WORDS"} <= ids


def test_the_shape_a_templates_preparation_read_is_what_the_check_goes_by() -> None:
    """A template's own part comes with the shape its preparation read from the same bytes (not parsed
    again): an empty table cell or a repeated drawing id in it is reported as a parse would report it."""
    members = _members(_docx(SOUND))
    styles = next(i for i, entry in enumerate(members) if entry.name == b"word/styles.xml")
    shaped = dataclasses.replace(members[styles], shape=PartShape(("4", "4"), 2))
    rendered = dataclasses.replace(
        _rendered(SOUND, _docx(SOUND)), members=(*members[:styles], shaped, *members[styles + 1 :])
    )
    found = check_document(variant(), SAMPLE_FIGURES, PARTS, rendered)
    assert [f.id for f in found] == ["DOC-DOCX", "DOC-DOCX"]
    assert "word/styles.xml 中有 2 个表格单元格没有段落" in found[0].message and "4" in found[1].message
