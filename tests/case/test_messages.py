"""One translator of validation errors to ``file:line: field: message`` for the three kinds of file the
toolkit reads: a case file, a legal data file (``DRAFT_LAW_DIR``) and a template folder's manifest.

Each expected line is written out by hand: the file and the line where the wrong value stands (counted in
the text below), the dotted field, and the Chinese message of the wording for that kind of file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.case.datafiles import WORDING as DATA_WORDING
from toolkit.case.load import WORDING as CASE_WORDING
from toolkit.case.load import case_from_text
from toolkit.case.messages import Wording, message
from toolkit.errors import CaseFileError, LegalDataError, TemplateError
from toolkit.law.lpr import lpr_table
from toolkit.render.templates import MANIFEST_WORDING, read_manifest

MANIFEST = """\
version: 1
templates:
  answer:
    file: answer.docx
    document: answer
    colour: red
"""


def test_a_case_file_problem_names_its_file_line_and_field(sample_text: str) -> None:
    text = sample_text.replace("  term_months: 2 ", "  term_months: 两个月 ", 1)
    line = text.splitlines().index(next(t for t in text.splitlines() if t.startswith("  term_months: 两个月"))) + 1
    with pytest.raises(CaseFileError) as caught:
        case_from_text(text, "case.yaml")
    assert f"case.yaml:{line}: loan.term_months: 应为整数：请去掉单位、小数点和引号，如 12" in str(caught.value)


def test_a_legal_data_problem_names_its_file_line_and_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "values:\n  2027-01-20:\n    value: 三厘\n    reference: 公告\n"
    (tmp_path / "lpr.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    with pytest.raises(LegalDataError) as caught:
        lpr_table()
    expected = f"{tmp_path / 'lpr.yaml'}:3: values.2027-01-20.value: 应为数字：利率写成小数，如 0.0300 表示 3.00%"
    assert expected in caught.value.message


def test_a_manifest_problem_names_its_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        read_manifest(tmp_path)
    expected = f"{tmp_path / 'manifest.yaml'}:6: templates.answer.colour: 不认识的字段：可能是拼写错误"
    assert expected in caught.value.message
    assert caught.value.hint == "请对照内置的 templates/manifest.yaml 改正"


def test_a_manifest_with_a_key_written_twice_is_refused_on_that_line(tmp_path: Path) -> None:
    # two entries named answer: YAML would silently keep the second; the strict reader refuses it
    text = MANIFEST.replace("    colour: red\n", "  answer:\n    file: other.docx\n    document: answer\n")
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        read_manifest(tmp_path)
    assert caught.value.message.startswith(f"{tmp_path / 'manifest.yaml'}:6: ")
    assert "answer" in caught.value.message


def test_a_manifest_that_is_not_yaml_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "manifest.yaml").write_bytes(b"version: 1\ntemplates: \xff\n")
    with pytest.raises(TemplateError) as caught:
        read_manifest(tmp_path)
    assert caught.value.message == f"{tmp_path / 'manifest.yaml'}: 模板清单不是 UTF-8 编码"


@pytest.mark.parametrize(
    ("wording", "kind", "expected"),
    [
        (CASE_WORDING, "int_parsing", "应为整数：请去掉单位、小数点和引号，如 12"),
        (DATA_WORDING, "int_parsing", "应为数字：利率写成小数，如 0.0300 表示 3.00%"),
        (MANIFEST_WORDING, "int_parsing", "应为整数，如 1"),
        (CASE_WORDING, "dict_type", "应为“键: 值”的映射：请参照 samples/case.yaml 的写法"),
        (DATA_WORDING, "dict_type", "应为“键: 值”的映射：请参照内置数据文件的写法"),
        (CASE_WORDING, "extra_forbidden", f"不认识的字段 x：{CASE_WORDING.unknown_field}"),
        (DATA_WORDING, "extra_forbidden", "不认识的字段：可能是拼写错误，请改正或删除"),
        (DATA_WORDING, "list_type", "应为列表（每项以 - 开头，或写成 [甲, 乙]）"),
        (CASE_WORDING, "list_type", "应为列表（每项以 - 开头）"),
    ],
)
def test_each_kind_of_file_has_its_own_words(wording: Wording, kind: str, expected: str) -> None:
    error = {"type": kind, "loc": ("a", "x"), "msg": "", "input": None}
    assert message(error, ("a", "x"), wording) == expected  # type: ignore[arg-type]
