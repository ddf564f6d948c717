"""Files that are not what they claim: devices, FIFOs, links to them, folders, files that lie about their
size. Each is refused at once with one message (a hang fails the test through the subprocess timeout),
for case files, templates, the template manifest and legal data alike.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import run_cli, run_draft

from toolkit.bounded import ReadRefused, read_bounded

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "case.yaml"
NOT_REGULAR = "这不是普通文件"
QUICK = 30  # seconds: a refusal is immediate; this only turns a hang into a failure

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="devices and FIFOs are POSIX")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "case.yaml"
    os.mkfifo(path)
    return path


def _draft(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    if env is None:
        return run_draft(*args, cwd=cwd, timeout=QUICK)
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=QUICK,
        env={**os.environ, "PYTHONPATH": str(root), **env},
    )


def _refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr + result.stdout


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_case_file_is_refused_at_once(device: str, tmp_path: Path) -> None:
    _refused(_draft("check", "--case", device, cwd=tmp_path), f"错误：{device}: {NOT_REGULAR}", "案件文件")


@posix_only
def test_a_fifo_or_a_link_to_a_device_as_case_file_is_refused(fifo: Path, tmp_path: Path) -> None:
    _refused(_draft("answer", "--case", fifo, "--out", tmp_path / "out", cwd=tmp_path), NOT_REGULAR)
    link = tmp_path / "link.yaml"
    link.symlink_to("/dev/zero")
    _refused(_draft("answer", "--case", link, "--out", tmp_path / "out", cwd=tmp_path), f"{link}: {NOT_REGULAR}")
    assert not (tmp_path / "out").exists()


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    with pytest.raises(ReadRefused, match="循环的链接"):
        read_bounded(tmp_path / "a.yaml", 1000)


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    link = tmp_path / "case.yaml"
    link.symlink_to(SAMPLE)
    assert read_bounded(link, 1_000_000).startswith(b"# yaml-language-server")


def test_the_size_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:  # sparse: 2 GB announced, nothing written
        stream.truncate(2 * 10**9)
    with pytest.raises(ReadRefused, match="文件过大（超过 1 MB）"):
        read_bounded(big, 1_000_000, "案件文件")


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")
def test_the_limit_holds_for_a_file_that_says_it_is_empty() -> None:
    # /proc files are regular files that report a size of 0 and then give their content when read
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(ReadRefused, match="文件过大"):
        read_bounded(Path("/proc/self/maps"), 100)


def test_exactly_the_limit_is_read_one_byte_more_is_not(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 1000)
    assert len(read_bounded(path, 1000)) == 1000
    with pytest.raises(ReadRefused):
        read_bounded(path, 999)


@posix_only
def test_templates_check_refuses_a_link_to_dev_zero(tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "answer.docx").symlink_to("/dev/zero")
    _refused(_draft("templates", "check", folder, cwd=tmp_path), "TEMPLATE-PACKAGE", NOT_REGULAR)


@posix_only
@pytest.mark.parametrize("kind", ["folder", "fifo", "device-link", "broken-link"])
def test_a_templates_entry_of_the_wrong_type_is_an_error(kind: str, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    entry = folder / "answer.docx"
    if kind == "folder":
        entry.mkdir()
    elif kind == "fifo":
        os.mkfifo(entry)
    elif kind == "device-link":
        entry.symlink_to("/dev/zero")
    else:
        entry.symlink_to(folder / "missing.docx")
    out = tmp_path / "out"
    result = _draft("answer", "--case", SAMPLE, "--templates", folder, "--out", out, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{entry} 不是普通文件" in result.stderr
    assert not out.exists()


@posix_only
def test_a_manifest_that_is_a_fifo_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    os.mkfifo(folder / "manifest.yaml")
    code, _, stderr = run_cli(
        ["answer", "--case", str(SAMPLE), "--templates", str(folder), "--out", str(tmp_path / "out")], capsys
    )
    assert code == 1 and "manifest.yaml" in stderr and NOT_REGULAR in stderr


def test_templates_given_as_a_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run_cli(
        ["answer", "--case", str(SAMPLE), "--templates", str(SAMPLE), "--out", str(tmp_path / "out")], capsys
    )
    assert code == 2 and "不是文件夹" in stderr


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "device-link"])
def test_legal_data_of_the_wrong_type_is_refused(kind: str, tmp_path: Path) -> None:
    folder = tmp_path / "law"
    folder.mkdir()
    if kind == "fifo":
        os.mkfifo(folder / "lpr.yaml")
    else:
        (folder / "lpr.yaml").symlink_to("/dev/zero")
    result = _draft("check", "--case", SAMPLE, cwd=tmp_path, env={"DRAFT_LAW_DIR": str(folder)})
    _refused(result, "lpr.yaml", NOT_REGULAR, "法律数据文件")


@posix_only
def test_a_law_folder_that_is_not_a_folder_is_refused(tmp_path: Path) -> None:
    result = _draft("check", "--case", SAMPLE, cwd=tmp_path, env={"DRAFT_LAW_DIR": "/dev/zero"})
    _refused(result, "DRAFT_LAW_DIR 不是文件夹：/dev/zero")
