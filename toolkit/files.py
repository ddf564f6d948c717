"""Files written from case data: a safe name inside the output folder, written atomically.

A name is one path component: no separator, control or invisible character, nor a character Windows
forbids (``<>:"/\\|?*``); no leading or trailing dot or space (Windows drops them); never a Windows device
name (CON, PRN, AUX, NUL, COM0–9, LPT0–9 and their superscript forms, CONIN$, CONOUT$), whatever the
extension or the case, since ``NUL.docx`` opens the device, not a file; and at most :data:`MAX_NAME_BYTES`
bytes in UTF-8 (file systems allow 255), shortened in the part that came from the data so that the fixed
``tail`` — the document's title and suffix — is never cut away, and two documents of one client never
share a name. A name from the case file (the client's) never leaves the output folder.

A file is written to a temporary file in the same folder and renamed into place, so a reader never sees
half a document; an existing file is replaced only when the user asked for it (``--force``). A new file
gets the mode the umask gives (0644 under 022, so colleagues on a shared folder can open it); a replaced
file keeps its own.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import sys
import unicodedata
from pathlib import Path

from toolkit.errors import OutputError

MAX_NAME_BYTES = 200
FALLBACK = "文书"

_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]')
_DIGITS = "0123456789¹²³"
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{device}{digit}" for device in ("COM", "LPT") for digit in _DIGITS}
)


def safe_file_name(name: str, tail: str = "") -> str:
    """``name`` + ``tail`` as one safe file name; ``name`` (from the data) is what gets shortened or replaced.

    ``tail`` is the fixed end, such as ``"-民事答辩状.docx"``; a name that is empty once cleaned becomes
    :data:`FALLBACK`. Without a tail, the last suffix of ``name`` (``.docx``) is kept whole instead."""
    if not tail:
        stem, dot, suffix = _clean(name).rpartition(".")
        name, tail = (stem, f".{suffix}") if dot and stem and _is_suffix(suffix) else (name, "")
    tail = _UNSAFE.sub("_", unicodedata.normalize("NFC", tail)).rstrip(". ")
    room = MAX_NAME_BYTES - len(tail.encode("utf-8"))
    head = _clean(name)
    while len(head.encode("utf-8")) > room:
        head = head[:-1].rstrip("._ ")
    if not head:
        head = FALLBACK
    result = f"{head}{tail}"
    first, dot, rest = result.partition(".")
    if first.rstrip(" ").upper() in _RESERVED:  # Windows reads the part before the first dot
        result = f"{first.rstrip(' ')}_{dot}{rest}"
    return result


def same_name_key(name: str) -> str:
    """What two names share when a case-insensitive file system (Windows, macOS) would take them as one."""
    return unicodedata.normalize("NFC", name).casefold()


def _clean(text: str) -> str:
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", text))
    cleaned = re.sub(r"_+", "_", re.sub(r"\.{2,}", "_", cleaned))
    return cleaned.strip("._ ")


def _is_suffix(suffix: str) -> bool:
    return 0 < len(suffix) <= 5 and suffix.isascii() and suffix.isalnum()


def resolve_output(out: Path | None, default_name: str) -> Path:
    """The file to write: ``out`` as a folder (default the current one) or as a ``.docx`` path."""
    if out is not None and out.suffix.lower() in (".docx", ".pdf") and not out.is_dir():
        return out
    folder = out or Path.cwd()
    target = folder / safe_file_name(default_name)
    if target.resolve().parent != folder.resolve():
        raise OutputError(f"文件名 {default_name} 会写到输出文件夹之外，已拒绝", "请检查当事人姓名中的特殊字符")
    return target


def write_atomic(path: Path, data: bytes, *, force: bool, sync: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder; never half a file.

    ``sync`` flushes the file to disk before it is renamed into place; a batch that writes many files
    passes ``False`` and flushes the output folder's file system before each report instead (see
    :func:`sync_file_system`)."""
    if path.exists() and not force:
        raise OutputError(f"{path} 已存在，未覆盖", "如确需覆盖，请加 --force；或用 --out 指定其他位置")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = _temporary_file(folder)
    except OSError as exc:
        raise OutputError(f"无法在 {folder} 中写入（{exc.strerror}）", "请检查文件夹是否存在、是否有写入权限") from None
    try:
        _write_all(handle, data, sync)
        if force:
            _keep_mode(path, temp)
            os.replace(temp, path)
        else:
            os.link(temp, path)  # fails if the file appeared meanwhile: never replace without --force
            os.unlink(temp)
    except FileExistsError:
        os.unlink(temp)
        raise OutputError(f"{path} 已存在，未覆盖", "如确需覆盖，请加 --force") from None
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise OutputError(f"磁盘空间不足，{path} 未写入", "请清理磁盘后重试；已有文件未被改动") from None
        raise OutputError(f"无法写入 {path}（{exc.strerror}）", "请检查磁盘空间和写入权限") from None
    except BaseException:  # Ctrl+C while writing: no temporary file is left behind
        Path(temp).unlink(missing_ok=True)
        raise


def _write_all(handle: int, data: bytes, sync: bool) -> None:
    """Write ``data`` to the open file ``handle`` (flushed to disk with ``sync``), then close it."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
        if sync:
            os.fsync(handle)
    finally:
        os.close(handle)


def _temporary_file(folder: Path) -> tuple[int, str]:
    """A new file in ``folder``, opened for writing with mode 0666 less the umask (mkstemp's would be 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = str(folder / f".draft-{secrets.token_hex(8)}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue


def _keep_mode(path: Path, temp: str) -> None:
    """Give ``temp`` the permission bits of the file it is about to replace, if there is one."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return
    os.chmod(temp, mode)


def sync_file_system(folder: Path) -> None:
    """Flush everything written so far on the file system of ``folder`` (Linux ``syncfs``): one call for
    all the files of a batch, and no other disk is touched. Elsewhere, or if it fails, ``os.sync``."""
    if sys.platform == "linux":
        import ctypes

        fd = os.open(folder, os.O_RDONLY)
        try:
            if ctypes.CDLL(None, use_errno=True).syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    os.sync()


def file_in_the_way(folder: Path) -> Path | None:
    """The file standing where ``folder`` or one of its parents should be, so nothing can be written there."""
    for place in (folder, *folder.parents):
        if place.exists():
            return None if place.is_dir() else place
    return None
