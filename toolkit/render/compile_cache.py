"""A per-user cache of prepared templates, so that a command does not redo, at every start, what only
changes with the template or the toolkit.

Preparing a template (its package normalised, docxtpl's cleaning of the XML, the other parts compressed)
costs about a tenth of a second and the import of docxtpl and python-docx; ``draft answer`` on one case
would spend a third of its time there. The result is kept in ``DRAFT_CACHE_DIR`` (by default
``$XDG_CACHE_HOME/draft`` or ``~/.cache/draft``; ``%LOCALAPPDATA%\\draft`` on Windows), one file per
template and toolkit, named by the SHA-256 of both.

The cache holds data, template text and compressed parts copied into the documents, and one kind of
code: what the sandbox generated from a template's text (:mod:`toolkit.render.compiled_code`), which a
command then runs instead of compiling the text again. A file is used only if it is the current user's, in a
folder no one else may write to, within its size budget, and its own SHA-256 checks; otherwise, or when
the folder cannot be written, the template is prepared again as if there were no cache. A file is written
beside its final name and renamed into place, so a reader never sees half of one.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

CACHE_VAR = "DRAFT_CACHE_DIR"
MAX_CACHE_BYTES = 64_000_000  # a prepared template is about the size of its package
_MAGIC = b"draft-prepared-template 1\n"


def cache_folder() -> Path | None:
    """Where prepared templates are kept; None when no folder can be named (no home directory)."""
    if named := os.environ.get(CACHE_VAR):
        return Path(named)
    if sys.platform == "win32":  # pragma: no cover - Windows
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "draft" if base else None
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "draft"
    try:
        return Path.home() / ".cache" / "draft"
    except RuntimeError:
        return None


def read(key: str) -> tuple[dict[str, Any], bytes] | None:
    """The index and the data stored under ``key``, or None (absent, not the user's, damaged)."""
    folder = cache_folder()
    if folder is None or not _private(folder):
        return None
    try:
        with open(folder / f"{key}.prepared", "rb") as stream:
            info = os.fstat(stream.fileno())
            if not _owned(info) or info.st_size > MAX_CACHE_BYTES:
                return None
            content = stream.read(MAX_CACHE_BYTES + 1)
    except OSError:
        return None
    rest = content[len(_MAGIC) :]
    if not content.startswith(_MAGIC) or len(rest) < 65:
        return None
    digest, payload = rest[:64], rest[65:]
    if hashlib.sha256(payload).hexdigest().encode() != digest or b"\n" not in payload:
        return None
    index, _, data = payload.partition(b"\n")
    try:
        found = json.loads(index)
    except ValueError:
        return None
    return (found, data) if isinstance(found, dict) else None


def write(key: str, index: dict[str, Any], data: bytes) -> None:
    """Store ``index`` (JSON) and ``data`` under ``key``; a folder that cannot be written is passed over."""
    folder = cache_folder()
    if folder is None:
        return
    payload = json.dumps(index, ensure_ascii=False).encode("utf-8") + b"\n" + data
    content = _MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        descriptor, temp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".partial")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
        os.replace(temp, folder / f"{key}.prepared")
    except OSError:
        Path(temp).unlink(missing_ok=True)


def _private(folder: Path) -> bool:
    """The folder is a real folder of the current user that no one else may write to."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _owned(info) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _owned(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()
