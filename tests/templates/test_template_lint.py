"""The linter, rule by rule: a template edited the way Word and its users edit it, and the finding it gets.

Each case is a copy of templates/answer.docx with one paragraph (or cell, or the footer) rewritten.
Expected: the rule id, the severity, where it is (paragraph, table cell, part), the paragraph's text as
context, and a fix a Word user can apply. Templates that Word leaves renderable are also drafted, to
show that they really render.
"""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from docx.document import Document
from templates_support import (
    ANSWER,
    BUILTIN,
    Piece,
    draft_answer,
    edited,
    paragraph_starting,
    part,
    repackaged,
    set_runs,
    with_paragraph,
    write_template,
)

from toolkit.lint import Finding, lint_template
from toolkit.render.templates import builtin_manifest

CLIENT = "答辩人："  # the paragraph that introduces the client, second of the body


def lint(path: Path, document: str | None = None) -> list[Finding]:
    return list(lint_template(path, document).findings)


def only(findings: list[Finding], rule: str) -> Finding:
    chosen = [f for f in findings if f.id == rule]
    assert len(chosen) == 1, [(f.id, f.message) for f in findings]
    return chosen[0]


def drafted_text(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    out = tmp_path / "out"
    code, _, err = draft_answer(folder, out, capsys)
    assert code == 0, err
    (written,) = out.iterdir()
    return "\n".join(p.text for p in docx.Document(str(written)).paragraphs)


@pytest.mark.parametrize("key", list(builtin_manifest().templates))
def test_every_builtin_template_passes_the_linter(key: str) -> None:
    entry = builtin_manifest().templates[key]
    assert (BUILTIN / entry.file).is_file(), f"templates/manifest.yaml lists {entry.file}, which is missing"
    report = lint_template(BUILTIN / entry.file)
    assert (report.key, report.document) == (key, entry.document)
    assert [f for f in report.findings if f.severity == "error"] == []


# What Word does to tags


def test_a_tag_split_into_runs_of_different_formatting_renders_and_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "t"
    path = with_paragraph(
        folder, CLIENT, "答辩人：{{ cli", Piece("ent.na", bold=True), Piece("me }}，住所地见卷宗。", italic=True)
    )
    finding = only(lint(path), "TAG-SPLIT-FORMATTING")
    assert finding.severity == "warning"
    assert "{{ client.name }}" in finding.message and "仍能生成" in finding.message
    assert "选中整个标签" in finding.hint and "清除格式" in finding.hint
    assert finding.location.describe() == "正文第 2 段"
    assert finding.context.startswith("答辩人：{{ client.name }}")
    assert "答辩人：李明，住所地见卷宗。" in drafted_text(folder, tmp_path, capsys)


def test_a_change_of_font_in_the_middle_of_a_tag_is_a_formatting_split(tmp_path: Path) -> None:
    path = with_paragraph(tmp_path, CLIENT, "答辩人：{{ client.", Piece("name }}", font="黑体"))
    assert only(lint(path), "TAG-SPLIT-FORMATTING").severity == "warning"


def test_runs_split_by_spell_check_or_language_alone_are_harmless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "t"
    path = with_paragraph(folder, CLIENT, "答辩人：{{ cl", Piece("ient.", lang="zh-CN"), "name }}。")
    assert lint(path) == []
    assert "答辩人：李明。" in drafted_text(folder, tmp_path, capsys)


def test_curly_quotes_in_a_tag_render_and_are_warned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "t"
    path = with_paragraph(folder, CLIENT, "答辩人：{{ client.name }}{% if client.gender == “男” %}（男）{% endif %}。")
    finding = only(lint(path), "TAG-CURLY-QUOTES")
    assert finding.severity == "warning" and "直引号" in finding.message and "自动更正" in finding.hint
    assert "答辩人：李明（男）。" in drafted_text(folder, tmp_path, capsys)


def test_a_tag_broken_by_a_paragraph_break_is_an_error(tmp_path: Path) -> None:
    def change(document: Document) -> None:
        paragraph = paragraph_starting(document, CLIENT)
        paragraph.insert_paragraph_before("答辩人：{{ client.")
        set_runs(paragraph, ["name }}，住所地见卷宗。"])

    finding = only(lint(edited(tmp_path, change)), "TAG-SPLIT-PARAGRAPH")
    assert finding.severity == "error" and "换段" in finding.hint
    assert finding.location.paragraph == 2


def test_a_tag_half_inside_a_hyperlink_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def change(document: Document) -> None:
        paragraph = paragraph_starting(document, CLIENT)
        set_runs(paragraph, ["答辩人：{{ cli"])
        tail = copy.deepcopy(paragraph.runs[0]._r)
        tail.find(docx.oxml.ns.qn("w:t")).text = "ent.name }}。"
        link = paragraph._p.makeelement(docx.oxml.ns.qn("w:hyperlink"), {docx.oxml.ns.qn("w:anchor"): "x"})
        link.append(tail)
        paragraph._p.append(link)

    folder = edited(tmp_path, change).parent
    finding = only(lint(folder / "answer.docx"), "TAG-SPLIT-STRUCTURE")
    assert finding.severity == "error" and "超链接" in finding.message
    out = tmp_path / "out"
    code, _, err = draft_answer(folder, out, capsys)
    assert code == 1 and "不是有效的 XML" in err and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def test_full_width_punctuation_typed_in_a_tag_is_an_error_with_the_replacement(tmp_path: Path) -> None:
    path = with_paragraph(tmp_path, CLIENT, "答辩人：{{ client.name｜upper }}，{{ loan.principal｜money }}。")
    findings = [f for f in lint(path) if f.id == "TAG-FULL-WIDTH"]
    assert len(findings) == 2 and all(f.severity == "error" for f in findings)
    assert "“｜”应为“|”" in findings[0].message and "英文输入法" in findings[0].hint


def test_a_tag_typed_with_full_width_braces_is_found(tmp_path: Path) -> None:
    path = with_paragraph(tmp_path, CLIENT, "答辩人：｛｛ client.name ｝｝。")
    finding = next(f for f in lint(path) if f.id == "TAG-FULL-WIDTH")
    assert "全角" in finding.message and finding.severity == "error"


def test_a_stray_closing_brace_would_print_as_text(tmp_path: Path) -> None:
    path = with_paragraph(tmp_path, CLIENT, "答辩人：{{ client.name }} }}。")
    assert only(lint(path), "TAG-STRAY").severity == "error"


# Blocks and docxtpl's paragraph and row tags


def test_text_sharing_a_paragraph_with_a_paragraph_tag_would_disappear(tmp_path: Path) -> None:
    path = with_paragraph(tmp_path, "{%p if agent %}", "{%p if agent %}委托诉讼代理人信息如下")
    finding = only(lint(path), "BLOCK-SHARED-PARAGRAPH")
    assert "委托诉讼代理人信息如下" in finding.message and "单独放在一个段落" in finding.hint


def test_a_paragraph_block_closed_by_an_inline_tag_is_a_level_mismatch(tmp_path: Path) -> None:
    def change(document: Document) -> None:
        agent = paragraph_starting(document, "委托诉讼代理人：")
        closing = next(p for p in document.paragraphs if p._p is agent._p.getnext())
        set_runs(closing, ["{% endif %}"])

    finding = only(lint(edited(tmp_path, change)), "BLOCK-LEVEL")
    assert "{%p endif %}" in finding.hint and finding.severity == "error"


def test_a_missing_endif_names_the_opening_tag(tmp_path: Path) -> None:
    def change(document: Document) -> None:
        agent = paragraph_starting(document, "委托诉讼代理人：")
        closing = next(p for p in document.paragraphs if p._p is agent._p.getnext())
        set_runs(closing, [""])

    finding = only(lint(edited(tmp_path, change)), "BLOCK-UNBALANCED")
    assert "{%p if agent %}" in finding.message and "{%p endif %}" in finding.message


def test_a_row_loop_outside_a_table_is_an_error(tmp_path: Path) -> None:
    def change(document: Document) -> None:
        set_runs(paragraph_starting(document, "{%p if agent %}"), ["{%tr for e in answer.evidence %}"])
        closing = next(p for p in document.paragraphs if p.text == "{%p endif %}")
        set_runs(closing, ["{%tr endfor %}"])

    findings = [f for f in lint(edited(tmp_path, change)) if f.id == "BLOCK-OUTSIDE-TABLE"]
    assert len(findings) == 2 and "表格" in findings[0].message


def test_an_inline_if_across_paragraphs_is_warned(tmp_path: Path) -> None:
    def change(document: Document) -> None:
        set_runs(paragraph_starting(document, "{%p if agent %}"), ["{% if agent %}"])
        closing = next(p for p in document.paragraphs if p.text == "{%p endif %}")
        set_runs(closing, ["{% endif %}"])

    finding = only(lint(edited(tmp_path, change)), "BLOCK-ACROSS-PARAGRAPHS")
    assert finding.severity == "warning" and "{%p" in finding.hint


def test_a_space_between_percent_and_p_is_explained(tmp_path: Path) -> None:
    path = with_paragraph(tmp_path, "{%p if agent %}", "{% p if agent %}")
    findings = [f for f in lint(path) if f.id == "TAG-SYNTAX"]
    assert findings and "不能有空格" in findings[0].hint


def test_a_syntax_error_is_placed_at_its_paragraph(tmp_path: Path) -> None:
    path = with_paragraph(tmp_path, CLIENT, "答辩人：{{ client.name | }}。")
    finding = only(lint(path), "TAG-SYNTAX")
    assert finding.location.describe() == "正文第 2 段" and "{{ client.name | }}" in finding.message


# Variables and filters against the real context


def test_a_misspelt_attribute_suggests_the_right_one(tmp_path: Path) -> None:
    finding = only(lint(with_paragraph(tmp_path, CLIENT, "答辩人：{{ client.nme }}。")), "TAG-UNKNOWN-VARIABLE")
    assert finding.message == "client.nme 不存在" and finding.hint == "是否想写 client.name？"
    assert finding.context == "答辩人：{{ client.nme }}。"


def test_a_misspelt_variable_suggests_the_right_one(tmp_path: Path) -> None:
    finding = only(lint(with_paragraph(tmp_path, CLIENT, "答辩人：{{ clinet.name }}。")), "TAG-UNKNOWN-VARIABLE")
    assert finding.message == "变量 clinet 不存在" and finding.hint == "是否想写 client？"


def test_a_loop_variable_has_the_keys_of_a_row_and_its_cell_is_named(tmp_path: Path) -> None:
    def change(document: Document) -> None:
        row = document.tables[0].rows[2]
        set_runs(row.cells[1].paragraphs[0], ["{{ s.dayz }}"])

    finding = only(lint(edited(tmp_path, change)), "TAG-UNKNOWN-VARIABLE")
    assert "s.dayz" in finding.message and "figures.ledger.rows 的一项" in finding.message
    assert finding.hint == "是否想写 s.days？"
    location = finding.location
    assert (location.table, location.row, location.cell) == (1, 3, 2)
    assert "表格 1 第 3 行第 2 列" in location.describe()


def test_a_loop_variable_does_not_outlive_its_loop(tmp_path: Path) -> None:
    text = "答辩人：{% for e in answer.evidence %}{{ e }}{% endfor %}{{ e }}。"
    finding = only(lint(with_paragraph(tmp_path, CLIENT, text)), "TAG-UNKNOWN-VARIABLE")
    assert finding.message == "变量 e 不存在"


def test_a_checked_optional_name_is_not_reported(tmp_path: Path) -> None:
    text = "答辩人：{% if client.nickname is defined %}{{ client.nickname }}{% endif %}{{ client.alias|default('') }}。"
    found = [f.id for f in lint(with_paragraph(tmp_path, CLIENT, text))]
    assert found == ["TAG-UNKNOWN-VARIABLE", "LINT-INCOMPLETE"]  # only the print without a check


def test_a_dict_method_used_as_a_list_is_explained(tmp_path: Path) -> None:
    text = "答辩人：{% for c in claims.items %}{{ c.name }}{% endfor %}。"
    finding = only(lint(with_paragraph(tmp_path, CLIENT, text)), "RENDER-FAILED")
    assert "{% for c in claims.items %}" in finding.message


@pytest.mark.parametrize(
    ("tag", "hint"),
    [("{{ loan.principal|moneyy }}", "是否想写 money？"), ("{{ loan.principal|float }}", "float 会产生误差")],
)
def test_an_unknown_filter_is_named_with_a_suggestion(tmp_path: Path, tag: str, hint: str) -> None:
    finding = only(lint(with_paragraph(tmp_path, CLIENT, f"答辩人：{tag}。")), "TAG-UNKNOWN-FILTER")
    assert hint in finding.hint


def test_a_variable_in_the_footer_is_placed_in_the_footer(tmp_path: Path) -> None:
    def change(document: Document) -> None:
        set_runs(document.sections[0].footer.paragraphs[0], ["{{ client.nme }}"])

    finding = only(lint(edited(tmp_path, change)), "TAG-UNKNOWN-VARIABLE")
    assert finding.location.part == "word/footer1.xml" and finding.location.describe().startswith("页脚")


# Rendering the complete sample case


def test_a_filter_on_the_wrong_kind_of_value_fails_at_its_paragraph(tmp_path: Path) -> None:
    finding = only(lint(with_paragraph(tmp_path, CLIENT, "答辩人：{{ client.name|money }}。")), "RENDER-FAILED")
    assert "过滤器 money 需要金额" in finding.message and finding.location.paragraph == 2


def test_a_required_part_removed_from_the_template_is_an_error(tmp_path: Path) -> None:
    finding = only(lint(with_paragraph(tmp_path, "证据清单", "材料")), "RENDER-CHECK")
    assert "证据清单" in finding.message and finding.severity == "error"


def test_a_hostile_package_is_reported_not_opened(tmp_path: Path) -> None:
    path = write_template(tmp_path, repackaged(ANSWER.read_bytes(), add={"word/vbaProject.bin": b"x"}))
    finding = only(lint(path), "TEMPLATE-PACKAGE")
    assert finding.location.part == "word/vbaProject.bin" and "宏" in finding.message


def test_a_template_of_unknown_kind_is_checked_once_its_document_is_given(tmp_path: Path) -> None:
    path = with_paragraph(tmp_path, CLIENT, "答辩人：{{ client.nme }}。", name="我的答辩状.docx")
    assert [f.id for f in lint(path)] == ["TEMPLATE-UNKNOWN-DOCUMENT"]
    assert only(lint(path, "answer"), "TAG-UNKNOWN-VARIABLE").hint == "是否想写 client.name？"


def test_tracked_changes_are_warned(tmp_path: Path) -> None:
    source = ANSWER.read_bytes()
    body = part("word/document.xml")
    insertion = b'<w:p><w:ins w:id="1" w:author="x" w:date="2026-01-01T00:00:00Z"><w:r><w:t>x</w:t></w:r></w:ins></w:p>'
    body = body.replace(b"<w:body>", b"<w:body>" + insertion, 1)
    path = write_template(tmp_path, repackaged(source, replace={"word/document.xml": body}))
    assert only(lint(path), "WORD-TRACKED-CHANGES").severity == "warning"
