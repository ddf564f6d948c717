"""The ``draft`` command: a thin click layer over the toolkit.

Subcommands live in their own modules and are imported only when used. The drafting commands come first,
one per registered document kind (``draft answer`` …, made by :mod:`toolkit.cli.drafting`), then
``draft all``; every other command is one row of ``COMMANDS``. Every :class:`~toolkit.errors.DraftError`
becomes one clear paragraph on stderr and a non-zero exit code; click's own messages speak Chinese
(:mod:`toolkit.cli.chinese`).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import TYPE_CHECKING, Any

import click

from toolkit import __version__

if TYPE_CHECKING:
    from toolkit.documents.base import DocumentKind

OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."

# command name → (module, attribute, one-line help shown by `draft --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("toolkit.cli.check", "check", "核对案件：计算各项数额并列出检查结果"),
    "checks": ("toolkit.cli.check", "checks", "列出全部检查项及其严重程度和法律依据"),
    "data": ("toolkit.cli.data", "data", "列出全部法律数据及其来源和核对日期（LPR、利率上限、法律依据、节假日）"),
    "explain": ("toolkit.cli.explain", "explain", "逐步说明每个数额是如何算出的"),
    "init": ("toolkit.cli.init", "init", "逐项提问，生成一份新的案件文件"),
    "schema": ("toolkit.cli.schema", "schema", "输出案件文件的 JSON Schema，供编辑器补全和校验"),
    "context": ("toolkit.cli.templates", "context", "显示模板收到的全部变量"),
    "templates": ("toolkit.cli.templates", "templates", "列出、导出、检查文书模板"),
    "batch": ("toolkit.cli.batch", "batch", "批量起草：多个案件文件或一张表格，并行生成并出具报告"),
}


ALL = "all"
ALL_HELP = "起草案件文件所能支持的全部文书"


def _kinds() -> dict[str, DocumentKind]:
    """The registered document kinds (imported only when a drafting command or the help needs them)."""
    from toolkit.documents import kinds

    return kinds()


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use; the drafting commands come from the kinds."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        others = [name for name, (module, _, _) in COMMANDS.items() if _available(module)]
        return [*_kinds(), ALL, *others]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command: Any
        if cmd_name in COMMANDS:
            module, attribute, _ = COMMANDS[cmd_name]
            if not _available(module):
                return None
            command = getattr(importlib.import_module(module), attribute)
        elif cmd_name == ALL or cmd_name in _kinds():
            from toolkit.cli import drafting

            command = drafting.all_command() if cmd_name == ALL else drafting.kind_command(_kinds()[cmd_name])
        else:
            return None
        assert isinstance(command, click.Command)
        _speak_chinese(command)
        return command

    def _help_line(self, name: str) -> str:
        if name in COMMANDS:
            return COMMANDS[name][2]
        return ALL_HELP if name == ALL else _kinds()[name].command_help

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:  # offer the lazy commands for "did you mean"
            names = self.list_commands(ctx)
            raise click.exceptions.NoSuchCommand(exc.command_name, possibilities=names, ctx=ctx) from None

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The group's help, naming the documents the registered kinds draft."""
        titles = "、".join(kind.title for kind in _kinds().values())
        saved = self.help
        self.help = (saved or "").replace("{documents}", titles)
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = saved

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, self._help_line(name)) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("命令"):
                formatter.write_dl(rows)


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _speak_chinese(command: click.Command) -> None:
    """The usage line's placeholders in Chinese, for ``command`` and the subcommands of a group."""
    command.options_metavar = OPTIONS_METAVAR
    if isinstance(command, click.Group):
        command.subcommand_metavar = SUBCOMMAND_METAVAR
        for sub in command.commands.values():
            _speak_chinese(sub)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=SUBCOMMAND_METAVAR,
)
@click.version_option(
    __version__, "--version", "-V", prog_name="draft", message="%(prog)s %(version)s", help="显示版本并退出。"
)
def cli() -> None:
    """draft：消费借贷纠纷文书起草工具。

    从一份案件文件（YAML）起草{documents}，
    起草前核对金额、利率上限、期限和诉讼时效。

    \b
    示例：
      draft init 示例.yaml --from samples/case.yaml --yes   （复制一份随附的示例案件）
      draft check  --case 示例.yaml
      draft answer --case 示例.yaml --out out/
      draft all    --case 示例.yaml --out out/
      draft init 张三.yaml                                  （新案件：逐项提问）
    """


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the CLI, turning every toolkit error into a message and an exit code."""
    from toolkit.cli.chinese import install
    from toolkit.cli.output import run_guarded

    install()
    return run_guarded(cli, argv if argv is not None else sys.argv[1:])
