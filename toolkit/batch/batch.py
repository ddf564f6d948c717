"""A whole batch: inputs in, a folder per case and a report out.

``draft_batch`` checks the request once (documents, allowed check ids, template folder), streams the
jobs through the workers, writes each result to the report as it comes, and returns the summary. One
case failing never stops the others; the caller decides the exit code from the summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.batch import inputs
from toolkit.batch.jobs import CaseResult
from toolkit.batch.report import ReportWriter, Summary
from toolkit.batch.runner import run
from toolkit.batch.shards import Shard
from toolkit.batch.worker import Settings
from toolkit.checks import get as check
from toolkit.documents import kind as document_kind
from toolkit.drafting import Options
from toolkit.errors import UsageError
from toolkit.render.templates import search_path


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


def draft_batch(
    request: Request,
    *,
    on_start: Callable[[int | None], None] | None = None,
    on_result: Callable[[CaseResult], None] | None = None,
) -> Outcome:
    """Draft every case of ``request``; ``on_start`` gets the expected number of cases (when known)."""
    _validate(request)
    files = inputs.sources(request.inputs)
    if not files:
        hint = "INPUT 可以是 .yaml 案件文件、含案件文件的文件夹，或 .xlsx/.csv 表格"
        raise UsageError("没有找到任何案件文件或表格", hint)
    if on_start is not None:
        on_start(inputs.estimate(files) if request.shard is None else None)
    settings = Settings(request.out, request.documents, request.options, request.force, request.pdf)
    writer = ReportWriter(request.out, report_stem(request.shard), _header(request, files))

    def record(result: CaseResult) -> None:
        writer.add(result)
        if on_result is not None:
            on_result(result)

    try:
        run(inputs.jobs(files, request.shard), settings, request.jobs, record)
    except BaseException:
        writer.abandon()
        raise
    writer.close()
    return Outcome(writer.summary, writer.json_path, writer.csv_path)


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
        "inputs": [str(path) for path in files],
        "documents": list(request.documents) if request.documents else "requested",
        "options": {
            "strict": request.options.strict,
            "allow": sorted(request.options.allow),
            "templates": str(request.options.templates) if request.options.templates else None,
            "pdf": request.pdf,
            "force": request.force,
        },
        "shard": str(request.shard) if request.shard else None,
    }
