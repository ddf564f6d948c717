"""``draft explain``: the arithmetic behind every figure of a case, step by step, in Chinese."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.case.load import load_case
from toolkit.cli.output import say
from toolkit.explain import explain as explain_lines
from toolkit.law.compute import compute_figures


@click.command("explain")
@click.option(
    "--case",
    "case_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="案件文件（YAML）。",
)
def explain(case_path: Path) -> None:
    """逐步说明每个数额是如何算出的：LPR、利率上限、利息计算表、答辩期限、诉讼时效、分期计划。

    \b
    示例：
      draft explain --case samples/case.yaml
    """
    case = load_case(case_path)
    say(f"案件文件：{case_path}（{case.client.name} 与 {case.lender.name}）")
    for line in explain_lines(case, compute_figures(case)):
        say(line)
