"""``draft init``: a new case file from questions asked one at a time, in Chinese."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.case.interview import Interviewer, interview, sample_case
from toolkit.case.load import load_case
from toolkit.case.writer import write_case
from toolkit.cli.output import say
from toolkit.errors import OutputError


def _ask(prompt: str) -> str:
    answer: str = click.prompt(prompt, default="", show_default=False, prompt_suffix="：")
    return answer


@click.command("init")
@click.argument("file", required=False, default="case.yaml", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--from",
    "source",
    type=click.Path(dir_okay=False, path_type=Path),
    help="以已有的案件文件为起点，其中的内容作为各题的默认值。",
)
@click.option("--yes", is_flag=True, help="不提问，全部采用默认值（用于脚本和测试）。")
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
def init(file: Path, source: Path | None, yes: bool, force: bool) -> None:
    """逐项提问，生成一份新的案件文件（默认 ./case.yaml）。

    每题方括号里是默认值，直接回车即采用；可选的项填“无”表示没有。
    金额可写 18000、18,000、1.8万；日期可写 2026-03-10、2026年3月10日、2026/3/10；
    利率可写 23.98% 或 0.2398。没有 --from 时，默认值取自示例案件。

    \b
    示例：
      draft init
      draft init 张三.yaml --from samples/case.yaml
      draft init --yes --force
    """
    if file.exists() and not force:
        hint = "如确需覆盖，请加 --force；或指定另一个文件名，如 draft init 新案件.yaml"
        raise OutputError(f"{file} 已存在，未覆盖", hint)
    defaults = load_case(source) if source is not None else sample_case()
    if not yes:
        say("逐项回答；方括号里是默认值，直接回车即采用；按 Ctrl+C 可随时退出（不写入任何文件）。")
    case = interview(defaults, Interviewer(None if yes else _ask, say))
    write_case(case, file, force=force)
    say(f"已写入 {file}。")
    say(f"下一步：draft check --case {file}    （核对数额、利率上限、期限和诉讼时效）")
    say(f"        draft explain --case {file}  （逐步说明每个数额的算法）")
