"""Batches that are interrupted, rerun, raced and given a full disk keep their promises.

A batch is killed (SIGINT as Ctrl+C sends it, SIGTERM as a scheduler does, SIGKILL as the OOM killer
does) once a random number of its documents are on disk, then the same command is run again. Whatever
the moment, the documents must be those of an uninterrupted run, byte for byte, each written once, and
there must be one valid report listing every case once.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from batch_support import case_ids, csv_files
from support import ROOT as PROJECT

from toolkit import files as output
from toolkit.batch.batch import Request, draft_batch
from toolkit.batch.lock import BatchLocked, acquire

CASES = 10


def _files(folder: Path) -> dict[str, bytes]:
    found = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in found if not p.name.startswith("report")}


def _report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data


def _start(path: Path, out: Path) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "toolkit",
        "batch",
        str(path),
        "--out",
        str(out),
        "--docs",
        "answer",
        "--jobs",
        "2",
    ]
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


@pytest.fixture(scope="module")
def spreadsheet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    folder = tmp_path_factory.mktemp("resume")
    path = csv_files(folder / "clients.csv", CASES)
    assert draft_batch(Request((path,), folder / "reference", documents=("answer",), jobs=1)).ok
    return path, _files(folder / "reference")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_batch_killed_at_a_random_point_resumes_to_the_same_documents(
    spreadsheet: tuple[Path, dict[str, bytes]], tmp_path: Path, signum: int
) -> None:
    path, expected = spreadsheet
    out = tmp_path / "out"
    wanted = random.randint(1, CASES - 1)  # documents on disk when the signal comes
    batch = _start(path, out)
    deadline = time.monotonic() + 120
    while batch.poll() is None and len(list(out.glob("*/*.docx"))) < wanted and time.monotonic() < deadline:
        time.sleep(0.01)
    batch.send_signal(signum)
    _, err = batch.communicate(timeout=120)
    if batch.returncode not in (0, -signum):  # 0: it had finished before the signal
        assert batch.returncode == 128 + signum, err
        assert "已完成" in err and "重新运行同一条命令即可继续" in err
    assert "Traceback" not in err and "BrokenPipeError" not in err
    if (out / "report.json").exists():
        assert _report(out)["state"] in ("running", "interrupted", "complete")  # valid JSON at every moment
    time.sleep(0.2)  # a killed batch's workers die with it (PDEATHSIG); give them the moment to go
    assert draft_batch(Request((path,), out, documents=("answer",), jobs=1)).ok  # the same command, again
    assert _files(out) == expected
    report = _report(out)
    assert report["state"] == "complete"
    assert [case["case_id"] for case in report["cases"]] == case_ids(CASES)
    assert report["summary"]["written"] + report["summary"]["unchanged"] == CASES
    assert not list(out.rglob("*.partial")) and not list(out.rglob(".draft-*.tmp"))


def test_a_rerun_skips_what_is_unchanged_and_update_redrafts_only_what_changed(tmp_path: Path) -> None:
    path = csv_files(tmp_path / "clients.csv", 3)
    out = tmp_path / "out"
    assert draft_batch(Request((path,), out, documents=("answer",), jobs=1)).ok
    first = _files(out)
    again = draft_batch(Request((path,), out, documents=("answer",), jobs=1))
    assert again.ok and again.summary.unchanged == 3 and again.summary.written == 0
    assert {d["status"] for c in _report(out)["cases"] for d in c["documents"]} == {"unchanged"}
    csv_files(path, 3, {1: {"client.occupation": "教师"}})  # one row corrected
    refused = draft_batch(Request((path,), out, documents=("answer",), jobs=1))
    assert not refused.ok and refused.summary.unchanged == 2 and _files(out) == first
    message = next(c for c in _report(out)["cases"] if c["case_id"] == "C001")["documents"][0]["message"]
    assert "输入已改变" in message and "--update" in message
    updated = draft_batch(Request((path,), out, documents=("answer",), jobs=1, update=True))
    assert updated.ok and updated.summary.unchanged == 2 and updated.summary.written == 1
    changed = [name for name, data in _files(out).items() if first[name] != data]
    assert changed == ["C001-当事人001/当事人001-民事答辩状.docx"]


def test_a_second_batch_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    path = csv_files(tmp_path / "clients.csv", 2)
    holder = acquire(tmp_path / "out", "report")
    try:
        with pytest.raises(BatchLocked, match=f"PID {os.getpid()}"):
            draft_batch(Request((path,), tmp_path / "out", documents=("answer",), jobs=1))
    finally:
        holder.release()
    notes: list[str] = []
    (tmp_path / "out" / ".report.lock").write_text('{"pid": 999999, "host": "x", "started": "2026-12-01T09:00:00"}')
    assert draft_batch(Request((path,), tmp_path / "out", documents=("answer",), jobs=1), on_note=notes.append).ok
    assert any("没有正常结束" in note for note in notes)  # a dead batch's lock is stale, not a refusal


def test_two_batches_racing_on_one_folder_leave_one_valid_report(tmp_path: Path) -> None:
    path = csv_files(tmp_path / "clients.csv", 8)
    out = tmp_path / "out"
    racers = [_start(path, out), _start(path, out)]
    results = [(racer.wait(timeout=300), racer.communicate()[1]) for racer in racers]
    assert sorted(code for code, _ in results)[0] == 0
    for code, err in results:
        assert code == 0 or (code == 1 and "另一个批次" in err and "正在向" in err), err
    report = _report(out)
    assert [case["case_id"] for case in report["cases"]] == case_ids(8)
    with (out / "report.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert len(rows) == 9 and {len(row) for row in rows} == {13}
    assert len(list(out.glob("*/*.docx"))) == 8


def test_a_full_disk_names_the_file_and_leaves_no_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = csv_files(tmp_path / "clients.csv", 2)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "link", full)  # the document's bytes cannot reach the disk
    outcome = draft_batch(Request((path,), tmp_path / "out", documents=("answer",), jobs=1))
    assert not outcome.ok
    message = _report(tmp_path / "out")["cases"][0]["documents"][0]["message"]
    assert "磁盘空间不足" in message and "C000-当事人000/当事人000-民事答辩状.docx" in message
    assert [p.name for p in (tmp_path / "out").iterdir() if p.is_dir()] == []


def test_jobs_beyond_a_multiple_of_the_cores_are_capped_with_a_note(tmp_path: Path) -> None:
    path = csv_files(tmp_path / "clients.csv", 1)
    notes: list[str] = []
    outcome = draft_batch(Request((path,), tmp_path / "out", documents=("answer",), jobs=1500), on_note=notes.append)
    assert outcome.ok
    cores = os.cpu_count() or 1
    assert notes == [f"--jobs 1500 超过上限，已改为 {4 * cores}（CPU 核心数 {cores} 的 4 倍）：更多进程不会更快"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_asks_to_die_with_its_batch() -> None:
    """A worker asks the kernel for SIGTERM when the batch dies: read back with PR_GET_PDEATHSIG (2)."""
    probe = (
        "import ctypes, signal\n"
        "from toolkit.batch.stopping import worker_started\n"
        "libc = ctypes.CDLL(None)\n"
        "asked = ctypes.c_int(-1)\n"
        "libc.prctl(2, ctypes.byref(asked))\n"
        "before = asked.value\n"
        "worker_started(None)\n"
        "libc.prctl(2, ctypes.byref(asked))\n"
        "print(before, asked.value, signal.getsignal(signal.SIGINT) is signal.SIG_IGN)\n"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PROJECT)
    assert found.stdout.split() == ["0", str(int(signal.SIGTERM)), "True"]
