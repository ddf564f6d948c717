"""The cases of a batch, as a stream of jobs: case files, folders of them, and spreadsheets.

INPUT may be a case file (``.yaml``/``.yml``), a folder (its case files, sorted by name, not descending
into sub-folders), or a spreadsheet (``.xlsx``, or ``.csv`` with its list files beside it). A case file's
id is its file name without the suffix; a spreadsheet row's is its ``case_id`` cell. Ids must be unique
in a batch (compared without regard to case, as on Windows and macOS disks): a repeat is reported as a
failed case, never drafted over the first. Nothing is read ahead: a job is made when a worker is ready.
The spreadsheet readers (and the column layout they derive from the case models) are loaded only when
a spreadsheet is among the inputs: a folder of case files starts its workers without them.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from toolkit.batch.jobs import Job, case_id_problem
from toolkit.batch.shards import Shard
from toolkit.errors import UsageError

CASE_SUFFIXES = (".yaml", ".yml")
SPREADSHEET_SUFFIXES = (".xlsx", ".csv")


def sources(inputs: Iterable[Path]) -> list[Path]:
    """The files named by INPUT arguments, in order; a folder gives its case files sorted by name."""
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found += [path / name for name in _case_file_names(path)]
        elif path.is_file() and path.suffix.lower() in CASE_SUFFIXES + SPREADSHEET_SUFFIXES:
            found.append(path)
        elif not path.exists():
            raise UsageError(f"找不到 {path}", "请检查路径；INPUT 可以是案件文件、文件夹或表格（.xlsx / .csv）")
        else:
            raise UsageError(f"{path} 不是案件文件或表格", "INPUT 须是 .yaml/.yml 案件文件、文件夹，或 .xlsx/.csv 表格")
    return found


def _case_file_names(folder: Path) -> list[str]:
    """The names of the case files in ``folder``, sorted (a folder's entries say what they are: no stat
    for each, except for a link)."""
    with os.scandir(folder) as entries:
        names = [e.name for e in entries if os.path.splitext(e.name)[1].lower() in CASE_SUFFIXES and e.is_file()]
    return sorted(names)


def estimate(files: list[Path]) -> int | None:
    """The number of cases, as far as it can be known cheaply (None when a workbook does not say)."""
    total = 0
    for path in files:
        if path.suffix.lower() == ".csv":
            with path.open("rb") as stream:
                total += max(sum(1 for _ in stream) - 1, 0)
        elif path.suffix.lower() == ".xlsx":
            rows = _xlsx_rows(path)
            if rows is None:
                return None
            total += rows
        else:
            total += 1
    return total


def _xlsx_rows(path: Path) -> int | None:
    """Rows below the header of the ``cases`` sheet, as the workbook declares them (None if it does not)."""
    import openpyxl

    from toolkit.batch.layout import MAIN_SHEET

    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):  # reported when the cases are read
        return None
    try:
        sheet = book[MAIN_SHEET] if MAIN_SHEET in book.sheetnames else None
        return sheet.max_row - 1 if sheet is not None and isinstance(sheet.max_row, int) else None
    finally:
        book.close()


def jobs(files: list[Path], shard: Shard | None = None) -> Iterator[Job]:
    """One job per case of ``files`` (in this shard), in input order."""
    index = 0
    seen: dict[str, str] = {}  # case id, folded → where it was first used
    for path in files:
        if path.suffix.lower() in CASE_SUFFIXES:
            job = Job(index, path.stem, str(path), path=path)
            index += 1
            if shard is None or shard.selects(job.case_id):
                yield _checked(job, seen)
            continue
        from toolkit.batch.spreadsheet import spreadsheet_rows

        for rows in spreadsheet_rows(path):
            ids: set[str] = set()
            for candidate in rows.candidates():
                ids.add(candidate.case_id)
                position, index = index, index + 1
                if shard is None or shard.selects(candidate.case_id or candidate.source):
                    yield _checked(rows.job(candidate, position), seen)
            for case_id, message in rows.orphans(ids):
                position, index = index, index + 1
                if shard is None or shard.selects(case_id):
                    yield Job(position, case_id, f"{path}（列表工作表）", problems=(message,))


def _checked(job: Job, seen: dict[str, str]) -> Job:
    if job.path is not None and (problem := case_id_problem(job.case_id)):
        return replace(job, problems=(f"{job.source}: 文件名不能作为案件编号：{problem}",))
    if not job.case_id:
        return job
    key = job.case_id.casefold()
    first = seen.setdefault(key, job.source)
    if first != job.source:
        problem = f"{job.source}: case_id “{job.case_id}” 与 {first} 重复：每个案件的编号须唯一，请改名"
        return replace(job, problems=(*job.problems, problem), data=None)
    return job
