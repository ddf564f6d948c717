"""Writing fails the way disks fail: full, a file that appears meanwhile, no permission, Ctrl+C.

Each failure gives one clear message and a non-zero exit, leaves no half-written or temporary file, and
never touches a file that was already there. The failures are simulated where the writer meets the
operating system (``os`` and the temporary file as ``toolkit.files`` makes them): tests run as any user,
root included, for whom a read-only folder is no obstacle.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, run_cli

from toolkit import files as output
from toolkit.errors import OutputError
from toolkit.files import write_atomic

SAMPLE = str(ROOT / "samples" / "case.yaml")
ANSWER = "李明-民事答辩状.docx"


def _raise(exc: BaseException) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise exc

    return fail


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output.os, "fsync", _raise(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))


def _no_permission(monkeypatch: pytest.MonkeyPatch) -> None:
    denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    monkeypatch.setattr(output, "_temporary_file", _raise(denied))


def _racer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program creates the file between the writer's check and its rename."""
    real_link = os.link

    def link(source: str, target: str) -> None:
        Path(target).write_bytes(b"written by another program")
        real_link(source, target)

    monkeypatch.setattr(output.os, "link", link)


def _left_behind(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_disk_full_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _disk_full(monkeypatch)
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "a.docx", b"data", force=False)
    assert "磁盘空间不足" in str(caught.value) and "已有文件未被改动" in str(caught.value)
    assert _left_behind(tmp_path) == []


def test_disk_full_keeps_the_file_it_was_to_replace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"the lawyer's edited answer")
    _disk_full(monkeypatch)
    with pytest.raises(OutputError, match="磁盘空间不足"):
        write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"the lawyer's edited answer"
    assert _left_behind(tmp_path) == ["a.docx"]


def test_file_appearing_meanwhile_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _racer(monkeypatch)
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "a.docx", b"ours", force=False)
    assert "已存在，未覆盖" in str(caught.value) and "--force" in str(caught.value)
    assert (tmp_path / "a.docx").read_bytes() == b"written by another program"
    assert _left_behind(tmp_path) == ["a.docx"]


def test_no_permission_names_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_permission(monkeypatch)
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "a.docx", b"data", force=False)
    assert str(tmp_path) in str(caught.value) and "写入权限" in str(caught.value)
    assert _left_behind(tmp_path) == []


def test_replace_refused_by_the_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    monkeypatch.setattr(output.os, "replace", _raise(PermissionError(errno.EACCES, os.strerror(errno.EACCES))))
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"new", force=True)
    assert f"无法写入 {target}" in str(caught.value) and "写入权限" in str(caught.value)
    assert target.read_bytes() == b"old" and _left_behind(tmp_path) == ["a.docx"]


def test_ctrl_c_while_writing_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output.os, "fsync", _raise(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "a.docx", b"data", force=False)
    assert _left_behind(tmp_path) == []


@pytest.mark.parametrize(
    ("simulate", "message"),
    [
        (_disk_full, "磁盘空间不足"),
        (_no_permission, "写入权限"),
        (_racer, "已存在，未覆盖"),
    ],
    ids=["ENOSPC", "EACCES", "EEXIST"],
)
def test_cli_write_failure_is_one_message_and_exit_1(
    simulate: Callable[[pytest.MonkeyPatch], None],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    simulate(monkeypatch)
    code, out, err = run_cli(["answer", "--case", SAMPLE, "--out", str(tmp_path)], capsys)
    assert code == 1, (out, err)
    assert err.startswith("错误：") and message in err and "Traceback" not in err + out
    assert len([line for line in err.splitlines() if line.startswith("错误：")]) == 1
    assert [n for n in _left_behind(tmp_path) if n != ANSWER] == []
    if simulate is _racer:
        assert (tmp_path / ANSWER).read_bytes() == b"written by another program"
    else:
        assert not (tmp_path / ANSWER).exists()


def test_cli_unexpected_file_system_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    failure = OSError(errno.EIO, os.strerror(errno.EIO), str(tmp_path / ANSWER))
    monkeypatch.setattr("toolkit.writing.write_atomic", _raise(failure))
    code, _, err = run_cli(["answer", "--case", SAMPLE, "--out", str(tmp_path)], capsys)
    assert code == 1
    assert err == f"错误：{tmp_path / ANSWER}: {os.strerror(errno.EIO)}（请检查路径、磁盘空间和文件权限）\n"
    assert _left_behind(tmp_path) == []


def test_cli_ctrl_c(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(output.os, "fsync", _raise(KeyboardInterrupt()))
    code, _, err = run_cli(["answer", "--case", SAMPLE, "--out", str(tmp_path)], capsys)
    assert code == 130
    assert err.strip() == "已中断：写到一半的文件都已删除，此前已写完的文件保留。"
    assert _left_behind(tmp_path) == []
