"""``draft <kind>`` and ``draft all``: draft documents from one case file.

One command per registered document kind (:func:`toolkit.documents.kinds`), made here from the kind's
declaration: its title, its help line and its own options (the answer's ``--style``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from toolkit.cli.output import say
from toolkit.documents.base import DocumentKind, KindOption


def _drafting_options() -> list[click.Parameter]:
    """The options every drafting command shares."""
    return [
        click.Option(["--case", "case_path"], required=True, type=click.Path(path_type=Path), help="案件文件（YAML）"),
        click.Option(
            ["--out"],
            type=click.Path(path_type=Path),
            default=None,
            help="输出文件夹（默认当前文件夹），或以 .docx 结尾的文件路径（以 .pdf 结尾则只生成 PDF）",
        ),
        click.Option(["--force"], is_flag=True, help="覆盖已存在的同名文件"),
        click.Option(["--strict"], is_flag=True, help="警告也阻止生成文书"),
        click.Option(
            ["--allow"],
            multiple=True,
            metavar="CHECK-ID",
            help="明确放行某项错误（如 LIMITATION-GIVEAWAY），会记录在报告中；可多次使用",
        ),
        click.Option(
            ["--templates", "templates_dir"],
            type=click.Path(path_type=Path, file_okay=False),
            default=None,
            help="自己的模板文件夹（优先于内置模板；也可用环境变量 DRAFT_TEMPLATES）",
        ),
        click.Option(["--pdf"], is_flag=True, help="同时用 LibreOffice 转换为 PDF"),
    ]


def _run(
    names: list[str],
    case_path: Path,
    out: Path | None,
    *,
    choices: dict[str, str | None],
    requested_only: bool = False,
    force: bool,
    strict: bool,
    allow: tuple[str, ...],
    templates_dir: Path | None,
    pdf: bool,
) -> None:
    from toolkit.case.load import load_located
    from toolkit.documents import with_options
    from toolkit.drafting import Options
    from toolkit.law.compute import compute_figures
    from toolkit.writing import draft_and_write

    case, located = load_located(case_path)
    case = with_options(case, choices)
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


def kind_command(kind: DocumentKind) -> click.Command:
    """``draft <kind>``: the shared drafting options and the kind's own (the answer's ``--style``)."""
    examples = [f"draft {kind.name} --case samples/case.yaml --out out/"]
    examples += [f"draft {kind.name} --case case.yaml --{option.name} {option.choices[-1]}" for option in kind.options]
    note = "诉讼时效已届满时会阻止生成（见 LIMITATION-GIVEAWAY）。" if kind.acknowledges_debt else ""
    epilog = "\b\n示例：" + "\n      ".join(examples)
    return _command(kind.name, f"起草{kind.title}。{note}", epilog, [kind.name], kind.options)


def all_command() -> click.Command:
    """``draft all``: every document the case file has the sections for, with every kind's own options."""
    from toolkit.documents import kinds

    options = {option.name: option for kind in kinds().values() for option in kind.options}
    sections = "，".join(f"有 {kind.requested_by} 段落即起草{kind.title}" for kind in kinds().values())
    help_text = f"起草案件文件所能支持的全部文书（{sections}）。"
    epilog = "示例：draft all --case samples/case.yaml --out out/"
    return _command("all", help_text, epilog, list(kinds()), tuple(options.values()), requested_only=True)


def _command(
    name: str,
    help_text: str,
    epilog: str,
    names: list[str],
    options: tuple[KindOption, ...],
    *,
    requested_only: bool = False,
) -> click.Command:
    def run(case_path: Path, out: Path | None, **flags: Any) -> None:
        choices = {option.name: flags.pop(option.name) for option in options}
        _run(names, case_path, out, choices=choices, requested_only=requested_only, **flags)

    kind_options: list[click.Parameter] = [
        click.Option([f"--{option.name}"], type=click.Choice(list(option.choices)), default=None, help=option.help)
        for option in options
    ]
    return click.Command(name, callback=run, params=_drafting_options() + kind_options, help=help_text, epilog=epilog)
