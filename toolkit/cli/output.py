"""How the CLI speaks: one clear paragraph per error on stderr, masked, and the exit code it deserves."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from toolkit.errors import DraftError
from toolkit.privacy import mask

INTERRUPTED = "已中断：写到一半的文件都已删除，此前已写完的文件保留。"


def say(text: str = "", *, err: bool = False) -> None:
    """Print text for the user, with ID numbers masked."""
    click.echo(mask(text), err=err)


def run_guarded(command: click.Command, argv: Sequence[str]) -> Any:
    """Run ``command``; a toolkit error prints one message and exits 1 (2 for usage errors)."""
    try:
        return command.main(list(argv), prog_name="draft", standalone_mode=False)
    except DraftError as exc:
        say(f"错误：{exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):  # click turns Ctrl+C inside a command into Abort
            say(INTERRUPTED, err=True)
            sys.exit(130)
        say("已取消。", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        say(f"错误：{where}{exc.strerror or exc}（请检查磁盘空间和文件权限）", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        say(INTERRUPTED, err=True)
        sys.exit(130)
