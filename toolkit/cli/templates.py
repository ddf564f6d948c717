"""``draft templates list | export | check`` and ``draft context``: working on templates in Word.

A lawyer exports a built-in template, edits it in Word, checks it, and uses it with ``--templates DIR``
(or the environment variable ``DRAFT_TEMPLATES``); ``draft context`` shows every variable a template
receives and the filters that print them.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from toolkit.cli.output import say, writable_folder
from toolkit.documents import names_text
from toolkit.lint.findings import SEVERITY_NAMES


@click.group("templates", epilog="示例：draft templates export answer my-templates/")
def templates() -> None:
    """列出、导出、检查文书模板（.docx）。"""


@templates.command("list")
@click.option(
    "--templates", "folder", type=click.Path(path_type=Path, file_okay=False), default=None, help="自己的模板文件夹"
)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def list_templates(folder: Path | None, as_json: bool) -> None:
    """列出每个模板：用于哪种文书、文件、来自内置模板还是自己的模板文件夹。"""
    from toolkit.errors import TemplateError
    from toolkit.render import templates as search

    keys = list(search.builtin_manifest().templates)
    for extra in search.search_path(folder):
        manifest = search.read_manifest(extra)
        keys += [key for key in (manifest.templates if manifest else {}) if key not in keys]
    rows = []
    for key in keys:
        try:
            ref = search.find(key, folder)
        except TemplateError:
            entry = search.builtin_manifest().templates.get(key)
            rows.append(_row(key, entry.document if entry else "", entry.style if entry else None, "", "缺失"))
            continue
        source = "内置" if ref.builtin else f"自己的模板文件夹 {ref.path.parent}"
        rows.append(_row(key, ref.entry.document, ref.entry.style, str(ref.path), source))
    if as_json:
        say(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        kind = f"{row['document']} ({row['style']})" if row["style"] else str(row["document"])
        say(f"{row['key']:<16} {kind:<22} {row['source']}\n{'':<17}{row['file']}")
        if row["forms"]:
            say(f"{'':<17}表格（按出借人类型选用，行名见数据文件）：{row['forms']}")


def _row(key: str, document: str, style: str | None, file: str, source: str) -> dict[str, str | None]:
    return {"key": key, "document": document, "style": style, "file": file, "source": source, "forms": _forms(style)}


def _forms(style: str | None) -> str | None:
    """The element forms an element-style template prints, each with its data file (law.md §8)."""
    if style != "elements":
        return None
    from toolkit.documents.answer_forms import FILES, element_form

    return "、".join(f"{element_form(name).cause}（{file}）" for name, file in FILES.items())


@templates.command("export", epilog="示例：draft templates export answer my-templates/")
@click.argument("name")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="覆盖文件夹中已有的同名模板")
def export(name: str, folder: Path, force: bool) -> None:
    """把内置模板 NAME（如 answer，或 all）复制到 FOLDER，供在 Word 中修改。"""
    from toolkit.bundled import templates_folder
    from toolkit.errors import TemplateError, UsageError
    from toolkit.files import write_atomic
    from toolkit.render import templates as search

    writable_folder(folder, "导出的文件夹")
    manifest = search.builtin_manifest()
    keys = list(manifest.templates) if name == "all" else [name]
    for key in keys:
        entry = manifest.templates.get(key)
        if entry is None:
            raise UsageError(f"没有名为 {key} 的内置模板", f"可选：{', '.join(manifest.templates)}，或 all")
        source = templates_folder() / entry.file
        if not source.is_file():
            raise TemplateError(f"内置模板文件 {source} 缺失", "请重新安装 draft")
        target = folder / entry.file
        write_atomic(target, source.read_bytes(), force=force)
        say(f"已导出：{target}")
    say(
        f"用 Word 修改后，检查：draft templates check {folder}\n"
        f"使用：draft answer --case 案件.yaml --templates {folder}（或设置环境变量 DRAFT_TEMPLATES={folder}）"
    )


@templates.command("check", epilog="示例：draft templates check my-templates/")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--document", default=None, help=f"模板用于哪种文书（{names_text()}）；默认按 manifest.yaml 判断")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@click.pass_context
def check(ctx: click.Context, path: Path, document: str | None, as_json: bool) -> None:
    """检查模板（.docx 文件或一个文件夹中的全部 .docx）：标签写法、变量、必需部分、安全。

    退出码：0 没有错误；1 有错误；2 用法错误。
    """
    from toolkit.lint import lint_path

    reports = lint_path(path, document)
    if as_json:
        result = {
            "ok": all(r.ok for r in reports),
            "templates": [
                {"file": str(r.path), "key": r.key, "document": r.document, "ok": r.ok,
                 "findings": [f.as_dict() for f in r.findings]}
                for r in reports
            ],
        }  # fmt: skip
        say(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            say(_report_text(report))
        errors, warnings = sum(r.errors for r in reports), sum(r.warnings for r in reports)
        say(f"\n共检查 {len(reports)} 个模板：{errors} 个错误，{warnings} 个警告。")
    ctx.exit(0 if all(r.ok for r in reports) else 1)


def _report_text(report: object) -> str:
    from toolkit.lint import Report

    assert isinstance(report, Report)
    what = f"（{report.key}，{report.document}）" if report.key else ""
    if not report.findings:
        return f"{report.path}{what}：没有发现问题"
    lines = [f"{report.path}{what}："]
    for f in report.findings:
        lines.append(f"  {SEVERITY_NAMES[f.severity]} [{f.id}] {f.location.describe()}：{f.message}")
        if f.context:
            lines.append(f"      段落：{f.context}")
        if f.hint:
            lines.append(f"      → {f.hint}")
    return "\n".join(lines)


@click.command("context", epilog="示例：draft context --case samples/case.yaml --doc answer")
@click.option("--case", "case_path", type=click.Path(path_type=Path), default=None, help="案件文件（YAML）")
@click.option("--sample", is_flag=True, help="用内置的完整示例案件（每个可选部分都有），显示全部变量")
@click.option("--doc", "doc", default="answer", show_default=True, help=f"文书：{names_text()}")
@click.option("--style", default=None, help="模板样式（如答辩状的 narrative、elements），同起草命令的 --style")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（金额为字符串，日期为 ISO 格式）")
def context(case_path: Path | None, sample: bool, doc: str, style: str | None, as_json: bool) -> None:
    """显示模板收到的全部变量（即模板中 {{ … }} 可以使用的内容），以及过滤器的用法。"""
    from toolkit.case.load import load_case
    from toolkit.documents import kind as document_kind
    from toolkit.errors import UsageError
    from toolkit.law.compute import compute_figures
    from toolkit.lint.context_view import filter_examples, filter_lines, to_json, tree
    from toolkit.lint.sample import sample_cases, styled
    from toolkit.render.environment import environment

    if (case_path is None) == (not sample):
        raise UsageError(
            "请用 --case 指定案件文件，或用 --sample 查看完整示例", "例如 draft context --case samples/case.yaml"
        )
    kind = document_kind(doc)
    case = styled(sample_cases()[0] if case_path is None else load_case(case_path), style)
    values = kind.context(case, compute_figures(case))
    env = environment()
    if as_json:
        say(json.dumps({"context": to_json(values), "filters": filter_examples(env)}, ensure_ascii=False, indent=2))
        return
    say(f"{kind.title}模板收到的变量（模板中写作 {{{{ client.name }}}} 等）：\n")
    say("\n".join(tree(values)))
    say("\n过滤器（写在变量后面，用 | 连接）：")
    say("\n".join(filter_lines(env)))
