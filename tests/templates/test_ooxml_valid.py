"""Word opens every template and every document without repair: each validates against the Office Open
XML schema (Office 2016) with zero errors (openxml-audit, a pure-Python port of the Open XML SDK checks)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator
from support import kind_names

from toolkit.bundled import templates_folder
from toolkit.case.load import load_case
from toolkit.documents import kind
from toolkit.drafting import Options, draft
from toolkit.law.compute import compute_figures
from toolkit.render.normalize import normalize_package
from toolkit.render.templates import compiled

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = templates_folder()
TEMPLATES = sorted(BUILTIN.glob("*.docx"))
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
VALIDATOR = OpenXmlValidator(file_format=FileFormat.OFFICE_2016, max_errors=0)


def errors(path: Path) -> list[str]:
    return [str(error) for error in VALIDATOR.validate(path).errors]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_every_builtin_template_validates(template: Path) -> None:
    assert errors(template) == []


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_generated_document_validates(sample: Path, tmp_path: Path) -> None:
    case = load_case(sample)
    figures = compute_figures(case)
    styles = ["narrative", "elements"]
    for name in kind_names():
        for style in styles if name == "answer" else [None]:
            drafted_case = case
            if style and case.answer is not None:
                drafted_case = case.model_copy(update={"answer": case.answer.model_copy(update={"style": style})})
            if getattr(case, kind(name).requested_by, None) is None:
                continue
            allow = frozenset({"LIMITATION-GIVEAWAY", "SCHED-UNAFFORDABLE"})
            document = draft(drafted_case, figures, name, Options(allow=allow)).document
            path = tmp_path / f"{name}-{style}.docx"
            path.write_bytes(document.docx)
            assert errors(path) == [], f"{sample.stem} {name} {style}"


def _hand_edited(tmp_path: Path) -> Path:
    """The built-in answer as a firm might save it from another editor: jc before ind and spacing, keepNext
    last (CT_PPr is a sequence), and Word 2010's stylesWithEffects.xml part."""
    source = (BUILTIN / "answer.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as package, zipfile.ZipFile(out, "w") as edited:
        styles = package.read("word/styles.xml")
        for info in package.infolist():
            data = package.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = re.sub(r"<w:pPr>(<w:keepNext/>)(.*?)</w:pPr>", r"<w:pPr>\2\1</w:pPr>", text)
                text = re.sub(r"<w:pPr>(<w:spacing [^>]*/>)(<w:jc [^>]*/>)", r"<w:pPr>\2\1", text)
                data = text.encode("utf-8")
            elif info.filename == "[Content_Types].xml":
                effects = (
                    '<Override PartName="/word/stylesWithEffects.xml" '
                    'ContentType="application/vnd.ms-word.stylesWithEffects+xml"/>'
                )
                data = data.replace(b"</Types>", effects.encode() + b"</Types>")
            elif info.filename == "word/_rels/document.xml.rels":
                rel = (
                    '<Relationship Id="rId99" Target="stylesWithEffects.xml" '
                    'Type="http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"/>'
                )
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            edited.writestr(info, data)
        edited.writestr("word/stylesWithEffects.xml", styles.replace(b"Footer", b"Fuss"))
    path = tmp_path / "answer.docx"
    path.write_bytes(out.getvalue())
    return path


def test_a_hand_edited_template_is_put_in_schema_order_when_compiled(tmp_path: Path) -> None:
    edited = _hand_edited(tmp_path)
    assert errors(edited), "the edit should break the schema order"
    normalized = tmp_path / "normalized.docx"
    normalized.write_bytes(normalize_package(edited.read_bytes()))
    assert errors(normalized) == []
    # and what the compiled template renders is valid too
    case = load_case(ROOT / "samples" / "case.yaml")
    figures = compute_figures(case)
    data = compiled(edited, edited.stat().st_mtime_ns).render(kind("answer").context(case, figures)).docx
    rendered = tmp_path / "rendered.docx"
    rendered.write_bytes(data)
    assert errors(rendered) == []


def test_styles_with_effects_is_dropped(tmp_path: Path) -> None:
    edited = _hand_edited(tmp_path).read_bytes()
    assert b"stylesWithEffects" in edited
    with zipfile.ZipFile(io.BytesIO(normalize_package(edited))) as package:
        names = package.namelist()
        assert "word/stylesWithEffects.xml" not in names
        assert b"stylesWithEffects" not in package.read("[Content_Types].xml")
        assert b"stylesWithEffects" not in package.read("word/_rels/document.xml.rels")
