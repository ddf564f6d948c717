"""A whole batch: inputs in, a folder per case and a report out.

``draft_batch`` checks the request once (documents, allowed check ids, template folder), streams the
jobs through the workers, writes each result to the report as it comes, and returns the summary. One
case failing never stops the others; the caller decides the exit code from the summary.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.batch import inputs
from toolkit.batch.jobs import CaseResult
from toolkit.batch.lock import acquire
from toolkit.batch.report import ReportWriter, Summary
from toolkit.batch.resume import clean, priors
from toolkit.batch.runner import run, warm_up
from toolkit.batch.shards import Shard
from toolkit.batch.stopping import SIGNAL_NAMES, Stopped, stop_on_signals
from toolkit.batch.worker import Settings
from toolkit.checks import get as check
from toolkit.documents import kind as document_kind
from toolkit.drafting import Options
from toolkit.errors import CaseFileError, DraftError, UsageError
from toolkit.privacy import mask
from toolkit.render.templates import pinned, search_path

MAX_JOBS_PER_CORE = 4


@dataclass(frozen=True)
class Request:
    inputs: tuple[Path, ...]
    out: Path
    documents: tuple[str, ...] | None = None  # None: what each case file has the sections for
    options: Options = field(default_factory=Options)
    jobs: int = 1
    force: bool = False
    pdf: bool = False
    shard: Shard | None = None
    update: bool = False


@dataclass(frozen=True)
class Outcome:
    summary: Summary
    report_json: Path
    report_csv: Path

    @property
    def ok(self) -> bool:
        return self.summary.failed == 0


def report_stem(shard: Shard | None) -> str:
    return "report" if shard is None else f"report.shard-{shard.k}-of-{shard.n}"


class BatchInterrupted(DraftError):
    """The batch was stopped by Ctrl+C or SIGTERM; the report lists the cases finished so far."""


@pinned()  # every case of the batch uses the templates found when it started
def draft_batch(
    request: Request,
    *,
    on_start: Callable[[int | None], None] | None = None,
    on_result: Callable[[CaseResult], None] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> Outcome:
    """Draft every case of ``request``; ``on_start`` gets the expected number of cases (when known),
    ``on_note`` what the user should know before the batch starts (a stale lock, --jobs lowered)."""
    _validate(request)
    note = on_note or (lambda _: None)
    files = inputs.sources(request.inputs)
    if not files:
        hint = "INPUT 可以是 .yaml 案件文件、含案件文件的文件夹，或 .xlsx/.csv 表格"
        raise UsageError("没有找到任何案件文件或表格", hint)
    workers = _workers(request.jobs, note)
    stem = report_stem(request.shard)
    lock = acquire(request.out, stem)
    try:
        if lock.stale:
            note(mask(f"上一个批次（{lock.stale}）没有正常结束：本次从它停下的地方继续"))
        clean(request.out, stem, documents=request.shard is None)
        header = _header(request, files)
        known = priors(request.out / f"{stem}.json", header)
        if on_start is not None:
            on_start(inputs.estimate(files) if request.shard is None else None)
        settings = Settings(request.out, request.documents, request.options, request.force, request.pdf, request.update)
        settings = replace(settings, templates=warm_up(settings))
        writer = ReportWriter(request.out, stem, header)

        def record(result: CaseResult) -> None:
            writer.add(result)
            if on_result is not None:
                on_result(result)

        jobs = (replace(job, prior=known.get(mask(job.case_id))) for job in inputs.jobs(files, request.shard))
        with stop_on_signals() as stopper:
            try:
                run(jobs, settings, workers, record, stopper, lock.fd)
                stopper.ignore_more()  # every case is reported: a stop from here on changes nothing
            except Stopped as stop:
                stopper.ignore_more()
                writer.publish("interrupted")
                raise _interrupted(stop.signum, writer) from None
            except BaseException:
                stopper.ignore_more()
                with suppress(DraftError):  # the report may be what could not be written
                    writer.publish("interrupted")
                raise
            writer.close()
    finally:
        lock.release()
    return Outcome(writer.summary, writer.json_path, writer.csv_path)


def _interrupted(signum: int, writer: ReportWriter) -> BatchInterrupted:
    done = writer.summary.cases
    error = BatchInterrupted(
        f"批次已按 {SIGNAL_NAMES.get(signal.Signals(signum), str(signum))} 停止：已完成 {done} 件案件，"
        f"报告已保存到 {writer.json_path}",
        "重新运行同一条命令即可继续：已生成且输入未变的文书不会重做，只起草余下的案件",
    )
    error.exit_code = 128 + signum
    return error


def _workers(asked: int, note: Callable[[str], None]) -> int:
    cores = os.cpu_count() or 1
    limit = MAX_JOBS_PER_CORE * cores
    if asked > limit:
        times = f"CPU 核心数 {cores} 的 {MAX_JOBS_PER_CORE} 倍"
        note(f"--jobs {asked} 超过上限，已改为 {limit}（{times}）：更多进程不会更快")
        return limit
    return asked


def _validate(request: Request) -> None:
    for name in request.documents or ():
        document_kind(name)
    for check_id in request.options.allow:
        check(check_id)
    search_path(request.options.templates)
    if request.out.exists() and not request.out.is_dir():
        raise UsageError(f"--out {request.out} 是一个文件", "--out 须是文件夹（不存在时会新建）")
    if request.jobs < 1:
        raise UsageError("--jobs 至少为 1", "不写 --jobs 时使用全部 CPU 核心")


def _header(request: Request, files: list[Path]) -> dict[str, Any]:
    return {
        "tool": f"draft {__version__}",
        "inputs": [mask(str(path)) for path in files],
        "documents": list(request.documents) if request.documents else "requested",
        "options": {
            "strict": request.options.strict,
            "allow": sorted(request.options.allow),
            "templates": str(request.options.templates) if request.options.templates else None,
            "pdf": request.pdf,
            "force": request.force,
            "update": request.update,
        },
        "shard": str(request.shard) if request.shard else None,
        "encodings": _encodings(files),
    }


def _encodings(files: list[Path]) -> dict[str, str]:
    """How each CSV file is encoded (UTF-8 or GB18030/GBK), as it was detected."""
    found: dict[str, str] = {}
    for path in files:
        if path.suffix.lower() == ".csv":
            from toolkit.batch.tables import ENCODING_NAMES, csv_encoding, csv_files

            for part in csv_files(path):
                with suppress(CaseFileError):  # reported when the file is read
                    found[mask(str(part))] = ENCODING_NAMES[csv_encoding(part)]
    return found
