"""Drafting one document: checks on the facts, the context, the render, checks on the document.

case → figures → fact checks → context → rendered document → document checks → bytes. Nothing is
written here: the caller writes the bytes only when this returns, so a refused document leaves no file.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from toolkit.case.models import Case
from toolkit.checks import Finding, blocking, check_document, run_fact_checks
from toolkit.documents import kind as document_kind
from toolkit.errors import ChecksFailed
from toolkit.law.figures import Figures
from toolkit.render import templates
from toolkit.render.document import RenderedDocument


@dataclass(frozen=True)
class Options:
    strict: bool = False
    allow: frozenset[str] = frozenset()
    templates: Path | None = None
    locate: Callable[[str], str] = str  # a finding's field as messages name it, e.g. case.yaml:29: client.name


@dataclass(frozen=True)
class Drafted:
    """A document ready to write, with every finding that was considered on the way."""

    document: RenderedDocument
    findings: tuple[Finding, ...]
    template_sha256: str


def draft(case: Case, figures: Figures, name: str, options: Options) -> Drafted:
    """Render document ``name`` for ``case``, or raise :class:`ChecksFailed` naming what to fix."""
    kind = document_kind(name)
    facts = run_fact_checks(case, figures, [name])
    _stop_if_blocked(kind.title, facts, options)
    ref, template = templates.load(kind.template(case), options.templates)
    docx, body = template.render(kind.context(case, figures), title=kind.title)
    rendered = RenderedDocument(kind=name, template=ref.key, docx=docx, paragraphs=body.paragraphs, body=body)
    document = check_document(case, figures, kind.parts(case, figures), rendered)
    _stop_if_blocked(kind.title, document, options)
    return Drafted(rendered, tuple(facts) + tuple(document), template.sha256)


def _stop_if_blocked(title: str, findings: Collection[Finding], options: Options) -> None:
    stopped = blocking(findings, strict=options.strict, allow=options.allow)
    if stopped:
        lines = [f"  [{f.id}] {options.locate(f.field)}: {f.message}" for f in stopped]
        hint = "改正案件文件后重试；确需保留某项错误时，用 --allow 检查编号 明确放行（会记录在报告中）"
        if options.strict and all(f.severity == "warning" for f in stopped):
            hint = "这些是警告，因使用了 --strict 而阻止输出；去掉 --strict 或改正后重试"
        raise ChecksFailed(f"{title}未生成，检查发现以下问题：\n" + "\n".join(lines), hint, tuple(stopped))
