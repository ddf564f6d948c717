"""One batch per output folder (per report, for shards) at a time: a lock file the system releases.

The lock is an advisory lock (``flock``; ``msvcrt.locking`` on Windows) on ``.<report>.lock`` in the
output folder, holding the PID and start time of the batch that took it. The system drops it when that
process ends, however it ends (Ctrl+C, SIGKILL, a crash), so a lock left behind by a dead batch is stale
by construction: the next batch takes it and says so. A second batch while the first is alive refuses,
naming the holder. The lock file is never deleted: deleting it would let a third batch lock a new file
while a second still holds the old one.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import DraftError, OutputError


class BatchLocked(DraftError):
    """Another batch is writing into the same output folder."""


@dataclass
class Lock:
    path: Path
    fd: int
    stale: str | None  # the holder a dead batch left in the lock file, if any

    def release(self) -> None:
        """Clear the holder (a batch that ended normally leaves no stale record) and unlock."""
        if self.fd >= 0:
            os.ftruncate(self.fd, 0)
            os.close(self.fd)
            self.fd = -1


def acquire(folder: Path, stem: str) -> Lock:
    """Lock ``folder`` for the report ``stem``, or raise :class:`BatchLocked` naming the batch holding it."""
    path = folder / f".{stem}.lock"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"无法在 {folder} 中建立批次锁文件（{exc.strerror}）", "请检查输出文件夹的写入权限") from None
    if not _try_lock(fd):
        holder = _read(fd) or "未知的批次"
        os.close(fd)
        raise BatchLocked(
            f"另一个批次（{holder}）正在向 {folder} 写入，本批次未开始",
            "请等它结束后再运行，或用 --out 指定另一个输出文件夹；同一文件夹同时只能运行一个批次",
        )
    previous = _read(fd)
    me = {"pid": os.getpid(), "host": socket.gethostname(), "started": dt.datetime.now().astimezone().isoformat()}
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(me).encode("utf-8"))
    return Lock(path, fd, previous)


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            msvcrt = importlib.import_module("msvcrt")
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl = importlib.import_module("fcntl")
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read(fd: int) -> str | None:
    """The holder recorded in the lock file, as a person reads it (None when it is empty)."""
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096)
    if not raw:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
        return f"PID {int(data['pid'])}，{data.get('host', '')} 上，开始于 {data['started'][:19].replace('T', ' ')}"
    except (OSError, ValueError, KeyError, TypeError):
        return "未知的批次"
