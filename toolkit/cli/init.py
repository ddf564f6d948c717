"""``draft init``: a new case file from questions asked one at a time, in Chinese."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.bundled import bundled_sample
from toolkit.case.interview import Interviewer, interview
from toolkit.case.load import load_case
from toolkit.case.models import Case
from toolkit.case.writer import write_case, write_skeleton
from toolkit.cli.output import say, writable_folder
from toolkit.errors import OutputError


def _ask(prompt: str) -> str:
    answer: str = click.prompt(prompt, default="", show_default=False, prompt_suffix="：")
    return answer


def _defaults(source: Path | None) -> Case | None:
    """The case to start from: ``--from`` (a file, or a bundled sample by name), or none for a new case."""
    if source is None:
        return None
    if not source.exists() and (sample := bundled_sample(source.name)) is not None:
        say(f"使用随 draft 安装的示例案件 {sample.name} 作为默认值。")
        source = sample
    return load_case(source)


@click.command("init")
@click.argument("file", required=False, default="case.yaml", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--from",
    "source",
    type=click.Path(dir_okay=False, path_type=Path),
    help="以已有的案件文件为起点，其中的内容作为各题的默认值；示例案件可直接写 samples/case.yaml。",
)
@click.option("--yes", is_flag=True, help="不提问：有 --from 时全部采用其内容，否则写出一份待填写的空白案件。")
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
def init(file: Path, source: Path | None, yes: bool, force: bool) -> None:
    """逐项提问，生成一份新的案件文件（默认 ./case.yaml）。

    每题方括号里是默认值，直接回车即采用；可选的项填“无”表示没有。
    金额可写 18000、18,000、1.8万；日期可写 2026-03-10、2026年3月10日、2026/3/10；
    利率可写 23.98% 或 0.2398。新案件没有默认值：只有 --from 指定的案件文件才提供默认值。

    \b
    示例：
      draft init 张三.yaml
      draft init 示例.yaml --from samples/case.yaml --yes
      draft init --yes      （空白案件：标有“待填写”的各项填好之前，draft check 会拒绝）
    """
    if file.exists() and not force:
        hint = "如确需覆盖，请加 --force；或指定另一个文件名，如 draft init 新案件.yaml"
        raise OutputError(f"{file} 已存在，未覆盖", hint)
    writable_folder(file.parent, "案件文件的位置")
    defaults = _defaults(source)
    if yes and defaults is None:
        write_skeleton(file, force=force)
        say(f"已写入空白案件 {file}：请填写标有“待填写”的各项（每项的说明在行末注释中）。")
        say(f"下一步：draft check --case {file}    （列出尚未填写的各项；填好后核对数额、期限和诉讼时效）")
        return
    if not yes:
        say("逐项回答；方括号里是默认值，直接回车即采用；按 Ctrl+C 可随时退出（不写入任何文件）。")
    case = interview(defaults, Interviewer(None if yes else _ask, say))
    write_case(case, file, force=force)
    say(f"已写入 {file}。")
    say(f"下一步：draft check --case {file}    （核对数额、利率上限、期限和诉讼时效）")
    say(f"        draft explain --case {file}  （逐步说明每个数额的算法）")
