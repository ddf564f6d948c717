"""Files are written with the mode the umask gives (colleagues on a shared folder can open them), atomically,
and a file replaced with --force keeps its own mode.

The expected modes are the POSIX rule: a new file asks for 0666 and the umask clears bits (022 → 0644,
077 → 0600); mkstemp's 0600 would ignore the umask.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import run_cli

from toolkit.files import write_atomic

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "case.yaml"


@pytest.fixture
def umask() -> Iterator[object]:
    old = os.umask(0o022)
    try:
        yield os.umask
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_files_get_the_umask_mode(tmp_path: Path, umask: object) -> None:
    write_atomic(tmp_path / "a.docx", b"x", force=False)
    assert _mode(tmp_path / "a.docx") == 0o644
    os.umask(0o077)
    write_atomic(tmp_path / "b.docx", b"x", force=False)
    assert _mode(tmp_path / "b.docx") == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.docx"]  # no temporary file left


def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path, umask: object) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new" and _mode(target) == 0o640


def test_documents_case_files_and_exported_templates_are_0644_under_022(
    tmp_path: Path, umask: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(["answer", "--case", str(SAMPLE), "--out", str(tmp_path / "out")], capsys)[0] == 0
    assert run_cli(["init", str(tmp_path / "new.yaml"), "--yes"], capsys)[0] == 0
    assert run_cli(["templates", "export", "answer", str(tmp_path / "tpl")], capsys)[0] == 0
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) == 3 and all(_mode(p) == 0o644 for p in written), [(p, oct(_mode(p))) for p in written]
