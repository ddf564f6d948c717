"""Rules checked by rendering: the template drafts the complete sample case, and the document is checked.

A template whose tags are all well formed can still fail on a real case (a filter given the wrong kind
of value), lose a required part (证据清单, 此致 …), or produce XML that Word cannot open. Rendering it
with the complete sample case — once as it is, once with the limitation period expired — and running
the same document checks as ``draft answer`` finds these before a lawyer relies on the template.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from jinja2 import TemplateError as JinjaError
from lxml import etree

from toolkit.documents import kind as document_kind
from toolkit.drafting import render_checked
from toolkit.errors import DraftError, RenderedXmlError
from toolkit.law.compute import compute_figures
from toolkit.lint.findings import Finding, Location
from toolkit.lint.sample import sample_cases, styled
from toolkit.lint.source import TemplatePart
from toolkit.lint.tagrules import finding
from toolkit.render.compiled import CompiledTemplate
from toolkit.render.environment import DraftEnvironment

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
_VARIANTS = ("完整示例案件", "诉讼时效已届满的示例案件")


def render_findings(
    path: Path, key: str, kind_name: str, style: str | None, parts: Sequence[TemplatePart], env: DraftEnvironment
) -> Iterator[Finding]:
    kind = document_kind(kind_name)
    whole = Location("word/document.xml")
    try:
        template = CompiledTemplate(path, env)
    except DraftError as exc:
        yield Finding("TEMPLATE-COMPILE", "error", exc.message, whole, hint=exc.hint)
        return
    failed: dict[tuple[str, str], list[str]] = {}
    tried = 0
    for variant, case in zip(_VARIANTS, sample_cases(), strict=True):
        case = styled(case, style)
        if kind.template(case) != key:
            continue
        tried += 1
        figures = compute_figures(case)
        try:
            _, problems = render_checked(case, figures, kind, key, template)
        except RenderedXmlError as exc:
            hint = "通常是标签跨越了超链接、修订或表格单元格；请按其他提示改正后重新检查"
            yield Finding("RENDER-INVALID-XML", "error", f"用{variant}生成时：{exc.message}", whole, hint=hint)
            return
        except DraftError as exc:
            yield from _locate_failure(exc, parts, kind.context(case, figures), env, variant)
            return
        for problem in problems:
            if problem.severity == "error":
                failed.setdefault((problem.id, problem.message), []).append(variant)
    for (check_id, message), variants in failed.items():
        which = "示例案件" if len(variants) == tried else variants[0]
        yield Finding(
            "RENDER-CHECK",
            "error",
            f"用{which}生成的文书未通过检查 [{check_id}]：{message}",
            whole,
            hint="文书检查与 draft answer 等命令相同；请对照作者指南补全或改正模板",
        )


def _locate_failure(
    exc: DraftError, parts: Sequence[TemplatePart], context: Any, env: DraftEnvironment, variant: str
) -> Iterator[Finding]:
    """Render each part's tags alone (one per line) to find the tag that fails, and report it there."""
    for part in parts:
        if not part.tags:
            continue
        source = "\n".join(tag.cleaned() for tag in part.tags)
        try:
            env.from_string(source).render(context)
        except (JinjaError, DraftError) as failure:
            line = _template_line(failure)
            tag = part.tags[line - 1] if 0 < line <= len(part.tags) else part.tags[0]
            message = getattr(failure, "message", None) or str(failure)
            yield finding(
                "RENDER-FAILED",
                "error",
                f"用{variant}生成时，标签 {tag.raw.strip()[:40]} 出错：{message}",
                tag.paragraph,
                "请检查该标签中的变量和过滤器是否用在了合适的值上",
            )
            return
    yield Finding(
        "RENDER-FAILED", "error", f"用{variant}生成时出错：{exc.message}", Location(parts[0].name), hint=exc.hint
    )


def _template_line(exc: BaseException) -> int:
    """The template line a Jinja error happened on (Jinja rewrites tracebacks to name ``<template>``)."""
    for error in (exc, exc.__context__):
        if error is None:
            continue
        lineno = getattr(error, "lineno", None)
        if isinstance(lineno, int) and lineno > 0:
            return lineno
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
        if frames and frames[-1].lineno:
            return frames[-1].lineno
    return 0
