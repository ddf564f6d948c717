"""``draft answer | hardship | settlement | all``: draft documents from one case file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from toolkit.cli.output import say

_EXAMPLES = {
    "answer": "draft answer --case samples/case.yaml --out out/",
    "hardship": "draft hardship --case samples/case.yaml --out out/",
    "settlement": "draft settlement --case samples/case.yaml --out out/",
}


def drafting_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options every drafting command shares."""
    options = [
        click.option("--case", "case_path", required=True, type=click.Path(path_type=Path), help="案件文件（YAML）"),
        click.option(
            "--out",
            type=click.Path(path_type=Path),
            default=None,
            help="输出文件夹（默认当前文件夹），或以 .docx 结尾的文件路径（以 .pdf 结尾则只生成 PDF）",
        ),
        click.option("--force", is_flag=True, help="覆盖已存在的同名文件"),
        click.option("--strict", is_flag=True, help="警告也阻止生成文书"),
        click.option(
            "--allow",
            multiple=True,
            metavar="CHECK-ID",
            help="明确放行某项错误（如 LIMITATION-GIVEAWAY），会记录在报告中；可多次使用",
        ),
        click.option(
            "--templates",
            "templates_dir",
            type=click.Path(path_type=Path, file_okay=False),
            default=None,
            help="自己的模板文件夹（优先于内置模板；也可用环境变量 DRAFT_TEMPLATES）",
        ),
        click.option("--pdf", is_flag=True, help="同时用 LibreOffice 转换为 PDF"),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _run(
    names: list[str],
    case_path: Path,
    out: Path | None,
    *,
    style: str | None = None,
    requested_only: bool = False,
    force: bool,
    strict: bool,
    allow: tuple[str, ...],
    templates_dir: Path | None,
    pdf: bool,
) -> None:
    from toolkit.case.load import load_located
    from toolkit.drafting import Options
    from toolkit.law.compute import compute_figures
    from toolkit.writing import draft_and_write

    case, located = load_located(case_path)
    if style is not None and case.answer is not None:
        case = case.model_copy(update={"answer": case.answer.model_copy(update={"style": style})})
    options = Options(
        strict=strict,
        allow=frozenset(allow),
        templates=templates_dir,
        locate=lambda field: located.where(case_path, field),
    )
    outcome = draft_and_write(
        case, compute_figures(case), names, out, options, force=force, pdf=pdf, requested_only=requested_only
    )
    for line in outcome.notices:
        say(line, err=True)
    for path in outcome.written:
        say(f"已生成：{path}")
    outcome.raise_if_refused()


@click.command(epilog=f"\b\n示例：{_EXAMPLES['answer']}\n      draft answer --case case.yaml --style elements")
@drafting_options
@click.option(
    "--style",
    type=click.Choice(["narrative", "elements"]),
    default=None,
    help="narrative 叙述式（默认，或按案件文件 answer.style）| elements 要素式",
)
def answer(case_path: Path, out: Path | None, style: str | None, **flags: Any) -> None:
    """起草民事答辩状。"""
    _run(["answer"], case_path, out, style=style, **flags)


@click.command(epilog=f"示例：{_EXAMPLES['hardship']}")
@drafting_options
def hardship(case_path: Path, out: Path | None, **flags: Any) -> None:
    """起草困难情况说明。诉讼时效已届满时会阻止生成（见 LIMITATION-GIVEAWAY）。"""
    _run(["hardship"], case_path, out, **flags)


@click.command(epilog=f"示例：{_EXAMPLES['settlement']}")
@drafting_options
def settlement(case_path: Path, out: Path | None, **flags: Any) -> None:
    """起草分期还款和解方案。诉讼时效已届满时会阻止生成（见 LIMITATION-GIVEAWAY）。"""
    _run(["settlement"], case_path, out, **flags)


@click.command("all", epilog="示例：draft all --case samples/case.yaml --out out/")
@drafting_options
def all_documents(case_path: Path, out: Path | None, **flags: Any) -> None:
    """起草案件文件所能支持的全部文书（有 answer 段落即起草答辩状，依此类推）。"""
    from toolkit.documents import kinds

    _run(list(kinds()), case_path, out, requested_only=True, **flags)
