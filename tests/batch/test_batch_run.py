"""The batch's promises, in process: same bytes every run, no overwrite, safe CSV, shards that cover the
batch exactly once, and inputs read as they are needed, not all ahead."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_support import case_ids, csv_files, workbook

from toolkit.batch import processes, runner
from toolkit.batch.batch import Request, draft_batch
from toolkit.batch.inputs import jobs
from toolkit.batch.jobs import CaseResult, Job
from toolkit.batch.merge import MergeError, merge_reports
from toolkit.batch.report import csv_safe
from toolkit.batch.shards import Shard
from toolkit.batch.worker import Settings, draft_chunk
from toolkit.drafting import Options

ROOT = Path(__file__).resolve().parents[2]


def _files(folder: Path) -> dict[str, bytes]:
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}


def test_two_runs_give_byte_identical_documents_and_reports(tmp_path: Path) -> None:
    path = workbook(tmp_path / "clients.xlsx", 4)
    first = draft_batch(Request((path,), tmp_path / "one", jobs=2))
    second = draft_batch(Request((path,), tmp_path / "two", jobs=2))
    assert first.ok and second.ok and first.summary.written >= 4 * 2  # every document the sample has
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


def test_case_files_and_folders_are_inputs_too(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    for name in ("b-li", "a-li"):
        (cases / f"{name}.yaml").write_bytes((ROOT / "samples" / "case.yaml").read_bytes())
    outcome = draft_batch(Request((cases,), tmp_path / "out", documents=("answer",), jobs=1))
    report = json.loads(outcome.report_json.read_text(encoding="utf-8"))
    assert [case["case_id"] for case in report["cases"]] == ["a-li", "b-li"]  # sorted by file name
    assert (tmp_path / "out" / "a-li-李明" / "李明-民事答辩状.docx").is_file()
    assert report["cases"][0]["input_sha256"] == hashlib.sha256((cases / "a-li.yaml").read_bytes()).hexdigest()


def test_an_existing_document_is_kept_without_force(tmp_path: Path) -> None:
    path = workbook(tmp_path / "clients.xlsx", 1)
    request = Request((path,), tmp_path / "out", documents=("answer",), jobs=1)
    assert draft_batch(request).ok
    target = tmp_path / "out" / "C000-当事人000" / "当事人000-民事答辩状.docx"
    target.write_bytes(b"the lawyer's edits")
    again = draft_batch(request)
    assert not again.ok and target.read_bytes() == b"the lawyer's edits"
    report = json.loads(again.report_json.read_text(encoding="utf-8"))
    assert "已存在" in report["cases"][0]["documents"][0]["message"]
    forced = draft_batch(Request((path,), tmp_path / "out", documents=("answer",), jobs=1, force=True))
    assert forced.ok and target.read_bytes().startswith(b"PK")


def test_csv_report_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    name = '=HYPERLINK("http://example.invalid","点此")'
    path = csv_files(tmp_path / "clients.csv", 2, {1: {"client.name": name}})
    outcome = draft_batch(Request((path,), tmp_path / "out", documents=("answer",), jobs=1))
    with outcome.report_csv.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[2][2] == "'" + name
    assert not [cell for row in rows for cell in row if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert json.loads(outcome.report_json.read_text(encoding="utf-8"))["cases"][1]["client"] == name


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_safe_prefixes_formula_starts(cell: str) -> None:
    assert csv_safe(cell) == "'" + cell
    assert csv_safe("李明") == "李明"


def test_shards_cover_every_case_exactly_once(tmp_path: Path) -> None:
    path = csv_files(tmp_path / "clients.csv", 12)
    picked = [[job.case_id for job in jobs([path], Shard(k, 3))] for k in (1, 2, 3)]
    assert sorted(case for shard in picked for case in shard) == case_ids(12)
    assert all(picked)  # 12 ids over 3 shards: none empty for these ids
    out = tmp_path / "out"
    for k in (1, 2, 3):
        draft_batch(Request((path,), out, documents=("answer",), jobs=1, shard=Shard(k, 3)))
    merged = merge_reports(sorted(out.glob("report.shard-*.json")), tmp_path / "merged")
    report = json.loads(merged.json_path.read_text(encoding="utf-8"))
    assert [case["case_id"] for case in report["cases"]] == case_ids(12)
    assert report["summary"]["succeeded"] == 12 and report["summary"]["shards"] == 3
    whole = draft_batch(Request((path,), tmp_path / "whole", documents=("answer",), jobs=1))
    unsharded = json.loads(whole.report_json.read_text(encoding="utf-8"))
    assert report["cases"] == unsharded["cases"]


def test_merge_refuses_an_incomplete_set_of_shards(tmp_path: Path) -> None:
    path = csv_files(tmp_path / "clients.csv", 3)
    for k in (1, 3):
        draft_batch(Request((path,), tmp_path / "out", documents=("answer",), jobs=1, shard=Shard(k, 3)))
    with pytest.raises(MergeError, match="缺少分片 2/3"):
        merge_reports(sorted((tmp_path / "out").glob("report.shard-*.json")), tmp_path / "merged")


def test_inputs_are_read_as_workers_need_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a million cases queued, the runner holds only a few chunks: memory does not grow with the batch.

    In this process a chunk is read, drafted and reported before the next is read. With workers, a worker
    holds at most two chunks (one drafting, one queued); how many chunks a fast worker answers while an
    earlier chunk is still being drafted depends on the scheduler, so only the holding is counted exactly."""
    pulled = 0

    def endless() -> Iterator[Job]:
        nonlocal pulled
        for index in range(1_000_000):
            pulled += 1
            yield Job(index, f"X{index}", "generated", problems=("无数据",))

    seen: list[int] = []

    def stop_after_first(result: CaseResult) -> None:
        seen.append(pulled)
        if len(seen) == 1:
            raise StopIteration

    held: list[int] = []
    give = processes.Worker.give

    def counted_give(worker: processes.Worker, chunk: processes.Chunk) -> None:
        give(worker, chunk)
        held.append(len(worker.chunks))

    monkeypatch.setattr(processes.Worker, "give", counted_give)
    settings = Settings(tmp_path, ("answer",), Options())
    with pytest.raises(StopIteration):
        runner.run(endless(), settings, 1, stop_after_first)
    assert seen == [runner.CHUNK]
    pulled, seen = 0, []
    with pytest.raises(StopIteration):
        runner.run(endless(), settings, 2, stop_after_first)
    assert held and max(held) == 2
    assert seen[0] < 1_000_000


def test_a_worker_that_dies_fails_its_chunk_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed outright (as the OOM killer does) mid-batch: its chunk's cases are reported failed,
    saying so, a new worker drafts the rest, and every case is reported once, in input order."""

    def dies_on_the_second_chunk(settings: Settings, chunk: list[Job]) -> list[CaseResult]:
        if chunk[0].index == runner.CHUNK:
            os.kill(os.getpid(), signal.SIGKILL)
        return draft_chunk(settings, chunk)

    monkeypatch.setattr(processes, "draft_chunk", dies_on_the_second_chunk)  # the forked workers inherit it
    cases = [Job(index, f"X{index}", "generated", problems=("无数据",)) for index in range(5 * runner.CHUNK)]
    seen: list[CaseResult] = []
    runner.run(cases, Settings(tmp_path, ("answer",), Options()), 2, seen.append)
    assert [result.index for result in seen] == list(range(5 * runner.CHUNK))
    died = {result.index for result in seen if result.message == processes.DIED}
    assert died == set(range(runner.CHUNK, 2 * runner.CHUNK))
    assert all(result.status == "failed" and "无数据" in result.message for result in seen if result.index not in died)


def test_a_worker_that_dies_hands_the_chunk_it_had_not_started_to_its_replacement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker holds its next small chunk while it drafts one: when it dies, the cases of the chunk it was
    drafting are reported failed, and the new worker drafts the chunk it had not started."""

    def dies_on_the_first_chunk(settings: Settings, chunk: list[Job]) -> list[CaseResult]:
        if chunk[0].index == 0:
            os.kill(os.getpid(), signal.SIGKILL)
        return draft_chunk(settings, chunk)

    monkeypatch.setattr(processes, "draft_chunk", dies_on_the_first_chunk)  # the forked workers inherit it
    cases = [Job(index, f"X{index}", "generated", problems=("无数据",)) for index in range(2 * runner.CHUNK)]
    seen: list[CaseResult] = []
    with processes.Workers(1, Settings(tmp_path, ("answer",), Options()), None) as pool:
        processes.run_on(pool, runner.chunks(cases, runner.CHUNK), seen.extend)
    assert [result.index for result in seen] == list(range(2 * runner.CHUNK))
    died = {result.index for result in seen if result.message == processes.DIED}
    assert died == set(range(runner.CHUNK))


def test_chunks_and_results_larger_than_a_pipe_never_block_each_other(tmp_path: Path) -> None:
    """A chunk and a chunk's results here hold megabytes, far more than a pipe: the batch sends a worker its
    next chunk only once it has read the worker's results, so neither is ever blocked sending while the
    other is. The batch must end within a minute."""
    source = "x" * 300_000  # each case's source is in its job and in its result
    cases = [Job(index, f"X{index}", source, problems=("无数据",)) for index in range(6 * runner.CHUNK)]
    seen: list[CaseResult] = []

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("the batch and a worker block each other")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        runner.run(cases, Settings(tmp_path, ("answer",), Options()), 2, seen.append)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert [result.index for result in seen] == list(range(6 * runner.CHUNK))


def test_a_folder_of_case_files_is_drafted_without_loading_the_spreadsheet_readers(tmp_path: Path) -> None:
    """The spreadsheet readers and the column layout (derived from every model and interview question)
    are loaded only for a spreadsheet: a folder's batch starts its workers without them."""
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "A1.yaml").write_bytes((ROOT / "samples" / "case.yaml").read_bytes())
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from toolkit.batch.batch import Request, draft_batch\n"
        f"outcome = draft_batch(Request((Path({str(cases)!r}),), Path({str(tmp_path / 'out')!r}), jobs=1))\n"
        "print(outcome.summary.written, sorted(m for m in sys.modules if m.startswith('toolkit.batch.')))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    written, _, loaded = printed.partition(" ")
    assert int(written) >= 1  # the case was drafted
    for module in ("spreadsheet", "layout", "tables", "cells", "liststore"):
        assert f"'toolkit.batch.{module}'" not in loaded
    assert "'toolkit.batch.worker'" in loaded  # what it prints is the batch's modules
