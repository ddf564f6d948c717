"""inspect_package: a template that is not a plain, self-contained Word document is refused, naming the part."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from templates_support import ANSWER, BUILTIN, declare, document_type, part, repackaged

from toolkit.errors import TemplateError
from toolkit.render import package
from toolkit.render.package import inspect_package, package_problems
from toolkit.render.templates import builtin_manifest

SOURCE = ANSWER.read_bytes()
CONTENT_TYPES = part("[Content_Types].xml")
DOCUMENT = part("word/document.xml")
RELS = part("word/_rels/document.xml.rels")
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def refused(data: bytes) -> str:
    with pytest.raises(TemplateError) as caught:
        inspect_package(data, "模板.docx")
    return str(caught.value)


def with_relationship(kind: str, target: str, mode: str = "External") -> bytes:
    rel = f'<Relationship Id="rId99" Type="{R}/{kind}" Target="{target}" TargetMode="{mode}"/>'.encode()
    return repackaged(
        SOURCE, replace={"word/_rels/document.xml.rels": RELS.replace(b"</Relationships>", rel + b"</Relationships>")}
    )


@pytest.mark.parametrize("key", list(builtin_manifest().templates))
def test_every_builtin_template_is_accepted(key: str) -> None:
    inspect_package((BUILTIN / builtin_manifest().templates[key].file).read_bytes(), key)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"not a zip at all", "不是 Word 文档"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "旧版 .doc"),
        (repackaged(SOURCE, drop=["[Content_Types].xml"]), "缺少 [Content_Types].xml"),
        (repackaged(SOURCE, drop=["word/document.xml"]), "缺少文档正文部件"),
    ],
    ids=["text", "doc-or-encrypted", "no-content-types", "no-body"],
)
def test_what_is_not_a_docx_is_refused(data: bytes, expected: str) -> None:
    message = refused(data)
    assert expected in message and "模板.docx" in message
    assert "另存为" in message  # the hint says what to do


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("application/vnd.ms-word.document.macroEnabled.main+xml", "启用宏的 Word 文档"),
        ("application/vnd.ms-word.template.macroEnabledTemplate.main+xml", "启用宏的 Word 文档"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", "模板文件（.dotx）"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "不是 Word 文档"),
    ],
    ids=["docm", "dotm", "dotx", "xlsx"],
)
def test_the_main_part_must_be_a_plain_word_document(content_type: str, expected: str) -> None:
    data = repackaged(SOURCE, replace={"[Content_Types].xml": document_type(CONTENT_TYPES, content_type)})
    assert expected in refused(data)


def test_a_vba_project_is_refused_and_named() -> None:
    data = repackaged(SOURCE, add={"word/vbaProject.bin": b"\x00VBA"})
    message = refused(data)
    assert "word/vbaProject.bin" in message and "宏" in message


def test_a_macro_enabled_embedded_workbook_is_refused() -> None:
    types = declare(CONTENT_TYPES, "word/embeddings/book1.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12")
    data = repackaged(SOURCE, replace={"[Content_Types].xml": types}, add={"word/embeddings/book1.xlsm": b"PK"})
    assert "word/embeddings/book1.xlsm" in refused(data)


def test_activex_controls_are_refused() -> None:
    data = repackaged(SOURCE, add={"word/activeX/activeX1.xml": b"<ax/>"})
    assert "ActiveX" in refused(data)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("attachedTemplate", "附加模板"),
        ("image", "外部图片"),
        ("oleObject", "OLE"),
        ("subDocument", "子文档"),
        ("frame", "网页框架"),
    ],
)
def test_content_fetched_from_outside_is_refused(kind: str, expected: str) -> None:
    message = refused(with_relationship(kind, "http://attacker.example/x"))
    assert expected in message and "word/_rels/document.xml.rels" in message and "attacker.example" in message


def test_a_hyperlink_is_plain_text_and_allowed() -> None:
    assert package_problems(with_relationship("hyperlink", "https://www.court.gov.cn/")) == []


def test_an_internal_relationship_may_not_climb_out_of_the_package() -> None:
    message = refused(with_relationship("image", "../../../etc/passwd", mode="Internal"))
    assert "压缩包之外" in message


BILLION_LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
)


@pytest.mark.parametrize("name", ["word/document.xml", "customXml/item1.xml", "[Content_Types].xml", "_rels/.rels"])
def test_a_dtd_or_entity_declaration_in_any_xml_part_is_refused(name: str) -> None:
    original = part(name)
    body = original.split(b"?>", 1)[1] if original.startswith(b"<?xml") else original
    message = refused(repackaged(SOURCE, replace={name: BILLION_LAUGHS + body}))
    assert "DOCTYPE" in message and name in message


def test_an_external_entity_without_doctype_keyword_case_is_still_found() -> None:
    xxe = b'<?xml version="1.0"?><!doctype x [<!entity e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    assert "DOCTYPE" in refused(repackaged(SOURCE, replace={"customXml/item1.xml": xxe}))


def test_xml_in_a_legacy_encoding_is_refused() -> None:
    latin = b'<?xml version="1.0" encoding="ISO-8859-1"?><x/>'
    assert "UTF-8" in refused(repackaged(SOURCE, replace={"customXml/item1.xml": latin}))


def test_a_zip_bomb_part_is_refused_by_its_compression_ratio() -> None:
    bomb = repackaged(SOURCE, add={"word/media/image9.png": b"\0" * (21 * 2**20)})
    message = refused(bomb)
    assert "word/media/image9.png" in message
    assert "上限" in message or "压缩比" in message


def test_a_part_too_large_and_a_package_too_large_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_PART", 20_000)  # word/document.xml is about 27 kB
    assert "word/document.xml" in refused(SOURCE) and "单个部件" in refused(SOURCE)
    monkeypatch.setattr(package, "MAX_PART", 20 * 2**20)
    monkeypatch.setattr(package, "MAX_TOTAL", 100_000)
    assert "解压后共" in refused(SOURCE)


def test_a_high_ratio_on_a_small_part_is_normal_and_allowed() -> None:
    # Word's styles.xml compresses about 30:1; a 1 MB part of spaces (ratio ~1000:1) is below the floor
    assert package_problems(repackaged(SOURCE, add={"word/padding.xml": b"<x>" + b" " * 500_000 + b"</x>"})) == []


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/cron.d/x", "word/../../x.xml", "word\\..\\x.xml", "C:/x.xml"])
def test_path_traversal_names_are_refused(name: str) -> None:
    buffer = io.BytesIO(SOURCE)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(zipfile.ZipInfo(name), b"<x/>")
    message = refused(buffer.getvalue())
    assert "路径穿越" in message and name in message


def test_duplicate_parts_are_refused() -> None:
    buffer = io.BytesIO(SOURCE)
    with pytest.warns(UserWarning), zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/document.xml", DOCUMENT)
    assert "重名" in refused(buffer.getvalue())


def _with_field(runs: str) -> bytes:
    paragraph = f"<w:p>{runs}</w:p>".encode()
    return repackaged(SOURCE, replace={"word/document.xml": DOCUMENT.replace(b"<w:body>", b"<w:body>" + paragraph, 1)})


@pytest.mark.parametrize(
    ("runs", "field"),
    [
        (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DDE</w:instrText></w:r>'
            '<w:r><w:instrText>AUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c calc"</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            "DDEAUTO",
        ),
        ('<w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://attacker.example/p.png&quot; \\d"/>', "INCLUDEPICTURE"),
        ('<w:fldSimple w:instr="INCLUDETEXT &quot;\\\\\\\\server\\\\share\\\\x.docx&quot;"/>', "INCLUDETEXT"),
    ],
    ids=["dde-split-over-runs", "includepicture", "includetext"],
)
def test_fields_that_read_from_outside_are_refused(runs: str, field: str) -> None:
    message = refused(_with_field(runs))
    assert field in message and "word/document.xml" in message


def test_ordinary_fields_are_allowed() -> None:
    page = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    assert package_problems(_with_field(page)) == []


def test_every_problem_is_listed_for_the_linter(tmp_path: Path) -> None:
    data = repackaged(
        with_relationship("attachedTemplate", "http://x.example/t.dotm"), add={"word/vbaProject.bin": b"x"}
    )
    parts = {problem.part for problem in package_problems(data)}
    assert {"word/vbaProject.bin", "word/_rels/document.xml.rels"} <= parts
