"""Reading an input file within a size budget, before a byte of it is trusted.

Every file the toolkit reads from the user (case files, templates and their manifest, legal data, and
spreadsheets) comes through :func:`read_bounded`, so that:

- only a regular file is read, after links are resolved: a folder, a device (``/dev/zero``,
  ``/dev/urandom``), a FIFO or a socket is refused at once, never waited on;
- its size is checked before it is read;
- the read itself stops at the limit, so a file that grows while it is read, or a special file that
  reports a size of zero, cannot take more memory than the limit.

The open is non-blocking (opening a FIFO would otherwise wait for a writer), and the type is checked
again on the open descriptor, so a file swapped for a FIFO between the two checks is refused too.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_CHUNK = 1 << 16


class ReadRefused(Exception):
    """Why a file was not read, in words for the lawyer; callers raise it as their own error."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def read_bounded(path: Path, limit: int, what: str = "文件") -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes; anything else is :class:`ReadRefused`.

    ``what`` names the expected kind of file in messages (案件文件, 模板, 法律数据文件)."""
    try:
        _require_regular(path, os.stat(path), limit, what)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ReadRefused(path, "找不到该文件：请检查路径是否正确") from None
    except PermissionError:
        raise ReadRefused(path, "没有读取权限：请检查文件权限") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadRefused(path, "是循环的链接（链接最终指回自己）：请指定实际的文件") from None
        raise ReadRefused(path, f"无法读取（{exc.strerror}）：请检查路径和文件权限") from None
    try:
        _require_regular(path, os.fstat(fd), limit, what)
        return _read_at_most(fd, path, limit, what)
    except OSError as exc:
        raise ReadRefused(path, f"读取失败（{exc.strerror}）：请检查文件是否完好") from None
    finally:
        os.close(fd)


def is_regular(path: Path) -> bool:
    """Whether ``path`` (links resolved) is a regular file; a missing path is not."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _require_regular(path: Path, info: os.stat_result, limit: int, what: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ReadRefused(path, f"这是一个文件夹，不是{what}：请指定文件")
    if not stat.S_ISREG(info.st_mode):
        raise ReadRefused(path, f"这不是普通文件（可能是设备、管道或套接字），不能作为{what}读取：请指定普通文件")
    if info.st_size > limit:
        raise ReadRefused(path, _too_large(limit, what))


def _read_at_most(fd: int, path: Path, limit: int, what: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while chunk := os.read(fd, min(_CHUNK, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise ReadRefused(path, _too_large(limit, what))
    return b"".join(chunks)


def _too_large(limit: int, what: str) -> str:
    size = f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} KB"
    return f"文件过大（超过 {size}），不像{what}：请检查是否选错了文件"
