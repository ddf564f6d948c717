"""``draft batch INPUT... --out DIR`` and ``draft batch merge-reports REPORT... --out DIR``.

``batch`` is a click group that runs itself when its first argument is not a subcommand name: everything
after ``draft batch`` is INPUT paths and options, except ``draft batch merge-reports …``, which goes to
the subcommand (``make_context`` below hands it over before the group parses anything).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any

import click

from toolkit.cli.output import say
from toolkit.documents import names_text
from toolkit.errors import DraftError, UsageError


class BatchIncomplete(DraftError):
    """Some cases of a batch were not drafted in full (the report says which and why)."""


class _BatchGroup(click.Group):
    allow_interspersed_args = True  # options may come after the INPUT paths

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        if args and args[0] in self.commands:
            command = self.commands[args[0]]
            return command.make_context(f"{info_name} {args[0]}", args[1:], parent=parent, **extra)
        return super().make_context(info_name, args, parent=parent, **extra)


_EPILOG = """\b
示例：
  draft batch 案件表.xlsx --out out/
  draft batch cases/ --docs answer,hardship --out out/ --jobs 4 --pdf
  draft batch --sheet-template 案件表.xlsx
  draft batch 案件表.xlsx --out out/ --shard 2/8      # 集群上的第 2 份（共 8 份）
  draft batch merge-reports out/report.shard-*.json --out out/
详见 docs/batch.md。"""


@click.group(cls=_BatchGroup, invoke_without_command=True, subcommand_metavar="| merge-reports ...", epilog=_EPILOG)
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), help="输出文件夹：每个案件一个子文件夹及报告")
@click.option(
    "--docs",
    default=None,
    metavar="LIST",
    help=f"要起草的文书，逗号分隔：{names_text(',')}（默认：案件文件具备段落的全部文书）",
)
@click.option("--jobs", type=int, default=None, help="并行的进程数（默认：CPU 核心数）")
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 转换为 PDF")
@click.option("--strict", is_flag=True, help="警告也阻止生成文书")
@click.option("--allow", multiple=True, metavar="CHECK-ID", help="明确放行某项错误（记录在报告中）；可多次使用")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path, file_okay=False), help="自己的模板文件夹")
@click.option("--force", is_flag=True, help="全部重新起草，覆盖已存在的同名文书")
@click.option("--update", is_flag=True, help="只重新起草输入改变了的案件，替换它们的文书；其余不动")
@click.option("--shard", default=None, metavar="K/N", help="只起草第 K 份（共 N 份，按案件编号的哈希划分），供集群使用")
@click.option(
    "--sheet-template",
    type=click.Path(path_type=Path, dir_okay=False),
    help="生成一份空白案件表（.xlsx，含示例行和说明）后退出",
)
@click.pass_context
def batch(ctx: click.Context, /, inputs: tuple[Path, ...], out: Path | None, **flags: Any) -> None:
    """批量起草：多个案件文件、文件夹或一张表格（.xlsx / .csv），并行生成并出具报告。

    每个案件的文书写入 DIR/<案件编号>-<当事人姓名>/，报告写入 DIR/report.json 和 DIR/report.csv。
    一个案件出错不影响其他案件；全部成功时退出码为 0，否则为 1。重新运行同一条命令时，
    输入未变的文书记为“未改变”而不重做，所以中断（Ctrl+C）后再运行即可继续。
    """
    if ctx.invoked_subcommand is not None:
        return
    if flags["sheet_template"] is not None:
        from toolkit.batch.sheet_template import write_sheet_template

        write_sheet_template(flags["sheet_template"], force=flags["force"])
        say(f"已生成空白案件表：{flags['sheet_template']}（第 2 行是示例案件，说明见“说明”工作表）")
        return
    if not inputs:
        raise UsageError("缺少 INPUT：请指定案件文件、文件夹或表格", "例如 draft batch 案件表.xlsx --out out/")
    if out is None:
        raise UsageError("缺少 --out：请指定输出文件夹", "例如 draft batch 案件表.xlsx --out out/")
    _run(inputs, out, **flags)


def _run(
    inputs: tuple[Path, ...],
    out: Path,
    *,
    docs: str | None,
    jobs: int | None,
    pdf: bool,
    strict: bool,
    allow: tuple[str, ...],
    templates_dir: Path | None,
    force: bool,
    update: bool,
    shard: str | None,
    sheet_template: Path | None,
) -> None:
    from toolkit.batch.batch import Request, draft_batch
    from toolkit.batch.shards import Shard
    from toolkit.drafting import Options

    # off while a command starts (toolkit.__main__); thousands of documents need it on. What the start
    # made is frozen first: the first collection would otherwise walk every one of its objects (~25 ms)
    gc.freeze()
    gc.enable()

    documents = tuple(dict.fromkeys(name.strip() for name in docs.split(",") if name.strip())) if docs else None
    request = Request(
        inputs=inputs,
        out=out,
        documents=documents,
        options=Options(strict=strict, allow=frozenset(allow), templates=templates_dir),
        jobs=jobs if jobs is not None else (os.cpu_count() or 1),
        force=force,
        update=update,
        pdf=pdf,
        shard=Shard.parse(shard) if shard else None,
    )
    progress = _Progress()
    try:
        outcome = draft_batch(
            request,
            on_start=progress.start,
            on_result=lambda _: progress.step(),
            on_note=lambda text: say(f"注意：{text}", err=True),
        )
    finally:
        progress.finish()
    _summarize(outcome)


class _Progress:
    """A progress bar on stderr, only when stderr is a terminal (never in logs or pipes)."""

    def __init__(self) -> None:
        self._bar: Any = None

    def start(self, expected: int | None) -> None:
        if sys.stderr.isatty() and expected:
            self._bar = click.progressbar(length=expected, label="起草中", file=sys.stderr, show_pos=True)
            self._bar.__enter__()

    def step(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def _summarize(outcome: Any) -> None:
    summary = outcome.summary
    counts = [
        (summary.unchanged, "未改变（上次已生成）"),
        (summary.kept, "已有不同的文件而未覆盖"),
        (summary.refused, "被检查阻止"),
        (summary.document_failures, "出错"),
    ]
    documents = "，".join([f"生成文书 {summary.written} 份", *(f"{what} {n} 份" for n, what in counts if n)])
    say(f"共 {summary.cases} 件案件：{summary.succeeded} 件全部生成，{summary.failed} 件有问题；{documents}。")
    if summary.failures:
        say("有问题的案件（每件的第一个原因；全部原因见 report.csv）：")
        for case_id, problem in summary.failures:
            say(f"  ✗ {case_id}：{problem}")
        if summary.failed > len(summary.failures):
            say(f"  …… 另有 {summary.failed - len(summary.failures)} 件")
    say(f"报告：{outcome.report_json}、{outcome.report_csv}")
    if not outcome.ok:
        raise BatchIncomplete(
            f"{summary.failed} 件案件未能全部生成",
            f"原因见 {outcome.report_csv}；改正后重新运行同一条命令：未改变的文书不会重做，"
            "改正过的案件重新起草（其文书已存在时，加 --update 才会替换）",
        )


@batch.command("merge-reports", epilog="示例：draft batch merge-reports out/report.shard-*.json --out out/")
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--out", required=True, type=click.Path(path_type=Path, file_okay=False), help="合并后报告的输出文件夹")
def merge_reports(reports: tuple[Path, ...], out: Path) -> None:
    """把各分片（--shard K/N）的报告合并为一份 report.json 和 report.csv。"""
    from toolkit.batch.batch import Outcome
    from toolkit.batch.merge import merge_reports as merge

    writer = merge(list(reports), out)
    _summarize(Outcome(writer.summary, writer.json_path, writer.csv_path))
