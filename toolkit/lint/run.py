"""Linting a template file or a folder of them: every rule, in order, each finding placed in the document.

Order: the package first (a refused package is not opened further); then each templated part (body,
headers, footers): single tags, blocks, variables and filters; and, when none of that found an error,
a render of the complete sample case with the document checks.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError
from lxml import etree

from toolkit.documents import kind as document_kind
from toolkit.documents import names_text
from toolkit.errors import TemplateError, UsageError
from toolkit.lint.blocks import block_findings
from toolkit.lint.findings import Finding, Location
from toolkit.lint.names import name_problems, parse_tags
from toolkit.lint.rendered import render_findings
from toolkit.lint.sample import sample_context
from toolkit.lint.source import TemplatePart, templated_parts
from toolkit.lint.tagrules import explain_syntax, finding, stand_in, tag_findings
from toolkit.render import templates
from toolkit.render.environment import DraftEnvironment, environment
from toolkit.render.package import package_problems, read_package


@dataclass(frozen=True)
class Report:
    """The findings for one template file, and what it was checked as."""

    path: Path
    key: str | None  # manifest key (answer, answer-elements …), when known
    document: str | None  # document kind, when known
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


def lint_path(path: Path, document: str | None = None) -> list[Report]:
    """Lint ``path``: one .docx, or every .docx in a folder (Word's ``~$`` lock files skipped)."""
    if path.is_dir():
        files = sorted(p for p in path.glob("*.docx") if not p.name.startswith("~$"))
        if not files:
            raise UsageError(f"文件夹 {path} 中没有 .docx 模板", "请指定模板文件或存放模板的文件夹")
        return [lint_template(file, document) for file in files]
    if not os.path.lexists(path):
        raise UsageError(f"找不到 {path}", "请指定 .docx 模板文件或存放模板的文件夹")
    return [lint_template(path, document)]


def identify(path: Path) -> tuple[str | None, str | None, str | None]:
    """(manifest key, document kind, style) of a template file: its folder's manifest, else the built-in one."""
    manifests = [templates.read_manifest(path.parent.resolve()), templates.builtin_manifest()]
    for manifest in manifests:
        if manifest is None:
            continue
        for key, entry in manifest.templates.items():
            if entry.file == path.name:
                return key, entry.document, entry.style
    return None, None, None


def lint_template(path: Path, document: str | None = None) -> Report:
    key, kind_name, style = identify(path)
    try:
        source = read_package(path)
    except TemplateError as exc:
        unreadable = Finding("TEMPLATE-PACKAGE", "error", exc.message, Location(""), hint=exc.hint)
        return Report(path, key, kind_name, (unreadable,))
    if document is not None:
        document_kind(document)
        if document != kind_name:
            key, kind_name, style = _default_key(document), document, None
    problems = package_problems(source)
    if problems:
        found = [Finding("TEMPLATE-PACKAGE", "error", p.message, Location(p.part), hint=p.hint) for p in problems]
        return Report(path, key, kind_name, tuple(found))
    try:
        parts = templated_parts(source)
    except (etree.XMLSyntaxError, KeyError) as exc:
        found = [Finding("TEMPLATE-PACKAGE", "error", f"文档的 XML 无法读取（{exc}）", Location(""))]
        return Report(path, key, kind_name, tuple(found))
    env = environment()
    findings = _part_findings(source, parts, sample_context(kind_name, style) if kind_name else None, env)
    if kind_name is None:
        findings.append(
            Finding(
                "TEMPLATE-UNKNOWN-DOCUMENT",
                "warning",
                f"不知道模板 {path.name} 用于哪种文书，未检查变量和必需部分",
                Location(""),
                hint=f"请用 --document 指定（{names_text()}），或在模板文件夹的 manifest.yaml 中登记",
            )
        )
    elif any(f.severity == "error" for f in findings):
        findings.append(
            Finding(
                "LINT-INCOMPLETE",
                "warning",
                "因有上述错误，尚未用示例案件生成文书来检查必需部分",
                Location(""),
                hint="改正错误后请再运行一次 draft templates check",
            )
        )
    elif key is not None:
        findings += render_findings(path, key, kind_name, style, parts, env)
    ranks = {part.name: n for n, part in enumerate(parts)}
    ordered = sorted(_unique(findings), key=lambda f: _position(f, ranks))
    return Report(path, key, kind_name, tuple(ordered))


def _default_key(document: str) -> str | None:
    for key, entry in templates.builtin_manifest().templates.items():
        if entry.document == document:
            return key
    return None


def _part_findings(
    source: bytes, parts: list[TemplatePart], context: dict[str, Any] | None, env: DraftEnvironment
) -> list[Finding]:
    helper = DocxTemplate(io.BytesIO(source))
    findings: list[Finding] = []
    for part in parts:
        xml = part.xml.decode("utf-8")
        if "<w:ins " in xml or "<w:del " in xml:
            findings.append(
                Finding(
                    "WORD-TRACKED-CHANGES",
                    "warning",
                    "模板中有未处理的修订痕迹（修订模式下的插入或删除）",
                    Location(part.name),
                    hint="请在 Word 的“审阅”中“接受所有修订”并关闭修订后保存",
                )
            )
        own, unreadable = tag_findings(part, helper.patch_xml(xml), env)
        own += block_findings(part)
        sources = [stand_in(tag) if n in unreadable else tag.cleaned() for n, tag in enumerate(part.tags)]
        try:
            tree = parse_tags(env, sources)
        except TemplateSyntaxError as exc:
            if not any(f.severity == "error" for f in own):
                tag = part.tags[min(max(exc.lineno, 1), len(part.tags)) - 1]
                message, hint = explain_syntax(exc.message or "", tag)
                own.append(finding("TAG-SYNTAX", "error", f"模板结构有误：{message}", tag.paragraph, hint))
        else:
            if context is not None:
                for problem in name_problems(tree, context, env):
                    tag = part.tags[problem.line - 1]
                    own.append(finding(problem.rule, "error", problem.message, tag.paragraph, problem.hint))
        findings += own
    return findings


def _position(finding: Finding, ranks: dict[str, int]) -> tuple[int, int, int]:
    """Document order: by part, then paragraph; findings about a whole part or file come after."""
    location = finding.location
    return ranks.get(location.part, len(ranks)), 0 if location.paragraph else 1, location.paragraph


def _unique(findings: list[Finding]) -> list[Finding]:
    return list(dict.fromkeys(findings))
