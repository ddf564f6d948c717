"""The compiled fast path renders the same document text as docxtpl's own loop, for every template."""

from __future__ import annotations

import io
import zipfile

import pytest
from docxtpl import DocxTemplate

from toolkit.case.load import sample_case
from toolkit.documents import kinds
from toolkit.law.compute import compute_figures
from toolkit.render import templates
from toolkit.render.compiled import CompiledTemplate
from toolkit.render.environment import environment
from toolkit.render.xmltext import paragraphs


def _body(docx: bytes) -> tuple[str, ...]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return paragraphs(package.read("word/document.xml"))


VARIANTS = [("answer", "elements"), *((name, "narrative") for name in kinds())]  # the answer has two templates


@pytest.mark.parametrize(("name", "style"), VARIANTS)
def test_fast_path_text_equals_docxtpl(name: str, style: str) -> None:
    case = sample_case()
    assert case.answer is not None
    case = case.model_copy(update={"answer": case.answer.model_copy(update={"style": style})})
    kind = kinds()[name]
    ref = templates.find(kind.template(case))
    context = kind.context(case, compute_figures(case))
    reference = DocxTemplate(str(ref.path))
    reference.render(context, jinja_env=environment(), autoescape=True)
    saved = io.BytesIO()
    reference.save(saved)
    fast, body, _ = CompiledTemplate(ref.path).render(context, title=kind.title)
    text = body.paragraphs
    assert _body(fast) == _body(saved.getvalue())
    assert text == _body(fast)
    assert len(text) > 10


def test_rendering_twice_gives_the_same_bytes_and_a_sound_zip() -> None:
    case = sample_case()
    kind = kinds()["answer"]
    context = kind.context(case, compute_figures(case))
    template = CompiledTemplate(templates.find("answer").path)
    first = template.render(context, title=kind.title).docx
    second = template.render(context, title=kind.title).docx
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert package.testzip() is None
        assert {info.date_time for info in package.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        with zipfile.ZipFile(templates.find("answer").path) as original:
            assert package.namelist() == original.namelist()
            assert package.read("word/styles.xml") == original.read("word/styles.xml")
