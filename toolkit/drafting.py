"""Drafting documents: checks on the facts, the context, the render, checks on the document.

case → figures → fact checks → context → rendered document → document checks → bytes. Nothing is
written here: the caller writes the bytes only when this returns, so a refused document leaves no file.
:func:`draft_each` is the one per-case loop of ``draft all`` and of the batch; :func:`render_checked` is
the render-and-check step the template linter shares.
"""

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from toolkit.case.models import Case
from toolkit.checks import Finding, blocking, check_document, run_fact_checks
from toolkit.documents import kind as document_kind
from toolkit.documents.base import DocumentKind
from toolkit.errors import ChecksFailed, DraftError
from toolkit.law.figures import Figures
from toolkit.render import templates
from toolkit.render.compiled import CompiledTemplate
from toolkit.render.document import RenderedDocument


@dataclass(frozen=True)
class Options:
    """How a document is drafted: ``--strict``, the errors let through, the lawyer's own templates."""

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
    rendered, document = render_checked(case, figures, kind, ref.key, template)
    _stop_if_blocked(kind.title, document, options)
    return Drafted(rendered, tuple(facts) + tuple(document), template.sha256)


def draft_each(case: Case, figures: Figures, names: Iterable[str], options: Options) -> list[Drafted | DraftError]:
    """Every document ``names`` asks for, in order, each on its own: a refused one does not stop the next."""
    outcomes: list[Drafted | DraftError] = []
    for name in names:
        try:
            outcomes.append(draft(case, figures, name, options))
        except DraftError as error:
            outcomes.append(error)
    return outcomes


def render_checked(
    case: Case, figures: Figures, kind: DocumentKind, key: str, template: CompiledTemplate
) -> tuple[RenderedDocument, list[Finding]]:
    """``kind``'s document for ``case`` rendered with ``template`` (manifest key ``key``), and every document
    check's findings on it. Render errors are raised as they come (the linter places them in the template)."""
    docx, body, members = template.render(kind.context(case, figures), title=kind.title)
    rendered = RenderedDocument(kind.name, key, docx, body.paragraphs, body, members)
    return rendered, check_document(case, figures, kind.parts(case, figures), rendered)


def _stop_if_blocked(title: str, findings: Collection[Finding], options: Options) -> None:
    stopped = blocking(findings, strict=options.strict, allow=options.allow)
    if stopped:
        lines = [f"  [{f.id}] {options.locate(f.field)}: {f.message}" for f in stopped]
        hint = "改正案件文件后重试；确需保留某项错误时，用 --allow 检查编号 明确放行（会记录在报告中）"
        if options.strict and all(f.severity == "warning" for f in stopped):
            hint = "这些是警告，因使用了 --strict 而阻止输出；去掉 --strict 或改正后重试"
        raise ChecksFailed(f"{title}未生成，检查发现以下问题：\n" + "\n".join(lines), hint, tuple(stopped))
