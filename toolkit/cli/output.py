"""How the CLI speaks: one clear paragraph per error on stderr, masked, and the exit code it deserves."""

from __future__ import annotations

import errno
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from toolkit.errors import DraftError, UsageError
from toolkit.files import file_in_the_way
from toolkit.privacy import mask

# what the operating system's (English) reason means, for the errors that reach the user unexplained
REASONS = {
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许的操作",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一段是文件，不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.EEXIST: "已存在",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘是只读的",
}

INTERRUPTED = "已中断：写到一半的文件都已删除，此前已写完的文件保留。"


def say(text: str = "", *, err: bool = False) -> None:
    """Print text for the user, with ID numbers masked."""
    click.echo(mask(text), err=err)


def writable_folder(folder: Path, what: str) -> None:
    """A usage error when a file stands where ``folder`` (``what`` names it) or one of its parents should be."""
    if blocker := file_in_the_way(folder):
        hint = "请指定一个文件夹（不存在会自动创建），或先把该文件移走"
        raise UsageError(f"{what}：{blocker} 是一个文件，不是文件夹，无法在其中写入", hint)


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
        reason = REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        say(f"错误：{where}{reason}（请检查路径、磁盘空间和文件权限）", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        say(INTERRUPTED, err=True)
        sys.exit(130)
