"""``draft check`` and ``draft checks``: the check report of a case, and the list of every check."""

from __future__ import annotations

import json
from pathlib import Path

import click

from toolkit.case.load import load_located
from toolkit.checks import blocking, report, run_fact_checks
from toolkit.checks.registry import catalogue
from toolkit.checks.summary import checks_table, text_report
from toolkit.cli.output import say
from toolkit.documents import requested
from toolkit.law.compute import compute_figures


@click.command("check")
@click.option("--case", "case_path", required=True, type=click.Path(path_type=Path), help="案件文件（YAML）")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON 报告（字段见 case-format）")
@click.option("--strict", is_flag=True, help="警告也视为不通过（退出码 1）")
@click.option("--allow", multiple=True, metavar="编号", help="明确放行某个检查项，可重复；放行记录在报告中")
@click.pass_context
def check(ctx: click.Context, case_path: Path, as_json: bool, strict: bool, allow: tuple[str, ...]) -> None:
    """核对案件：计算各项数额，列出检查结果。

    退出码：0 通过；1 有错误（或 --strict 下有警告）；2 用法错误。
    """
    case, located = load_located(case_path)
    figures = compute_figures(case)
    findings = run_fact_checks(case, figures, requested(case))
    stopped = blocking(findings, strict=strict, allow=allow)
    if as_json:
        result = report(case_path, findings, figures, allow, strict=strict)
        say(json.dumps(result, ensure_ascii=False, indent=2))
    else:

        def line_of(field: str) -> int | None:
            return located.line_of_field(field)

        say(text_report(case_path, findings, figures, stopped=stopped, allowed=allow, line_of=line_of))
    ctx.exit(1 if stopped else 0)


@click.command("checks")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def checks(as_json: bool) -> None:
    """列出全部检查项：编号、严重程度、名称、涉及字段、法律依据。"""
    rows = catalogue()
    say(json.dumps(rows, ensure_ascii=False, indent=2) if as_json else checks_table(rows))
