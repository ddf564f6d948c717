"""Reading a spreadsheet row by row: an .xlsx workbook (openpyxl, read-only) or CSV files (UTF-8).

An .xlsx holds the ``cases`` sheet and the list sheets. A CSV holds one sheet: ``clients.csv`` is the
``cases`` sheet and ``clients.repayments.csv``, ``clients.events.csv`` … beside it are the list sheets.
Rows are streamed, never all in memory; each comes with its row number as the spreadsheet shows it
(the header is row 1), so a message can point at ``clients.xlsx[cases]!R5``.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from toolkit.batch.layout import LIST_SHEETS, MAIN_SHEET, NOTES_SHEET
from toolkit.errors import CaseFileError

SPREADSHEET_SUFFIXES = (".xlsx", ".csv")
Row = tuple[int, tuple[Any, ...]]


@dataclass
class Sheet:
    """One sheet: its name for messages (``clients.xlsx[cases]`` or ``clients.csv``), header and rows."""

    label: str
    header: tuple[str, ...]
    rows: Iterator[Row]
    size: int | None  # rows below the header, when the file says (for the progress bar)

    def where(self, row: int, column: str | None = None) -> str:
        return f"{self.label}!R{row}" + (f" C({column})" if column else "")


@dataclass
class Workbook:
    main: Sheet
    lists: dict[str, Sheet]


@contextmanager
def open_workbook(path: Path) -> Iterator[Workbook]:
    """The spreadsheet at ``path``, open for streaming; closed when the block ends."""
    if path.suffix.lower() == ".csv":
        with _csv_workbook(path) as book:
            yield book
    else:
        with _xlsx_workbook(path) as book:
            yield book


def _header(label: str, values: tuple[Any, ...]) -> tuple[str, ...]:
    header = tuple("" if value is None else str(value).strip() for value in values)
    while header and not header[-1]:
        header = header[:-1]
    seen: set[str] = set()
    for number, name in enumerate(header, start=1):
        if not name:
            raise CaseFileError(label, [f"{label}!R1: 第 {number} 列没有列名：请填写列名或删除该列"])
        if name in seen:
            raise CaseFileError(label, [f"{label}!R1 C({name}): 列名重复：请删除多余的一列"])
        seen.add(name)
    return header


def _numbered(rows: Iterator[tuple[Any, ...]], width: int) -> Iterator[Row]:
    """Rows from row 2 on, cut or padded to the header's width, blank rows skipped."""
    for number, values in enumerate(rows, start=2):
        cells = tuple(values[:width]) + (None,) * (width - len(values))
        if any(cell is not None and not (isinstance(cell, str) and not cell.strip()) for cell in cells):
            yield number, cells


@contextmanager
def _xlsx_workbook(path: Path) -> Iterator[Workbook]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CaseFileError(path, [f"{path}: 不是可读取的 Excel 工作簿（{exc}）：请在 Excel 中另存为 .xlsx"]) from None
    try:
        names = list(book.sheetnames)
        if MAIN_SHEET not in names:
            shown = "、".join(names)
            problem = f"{path}: 没有名为 {MAIN_SHEET} 的工作表（现有：{shown}）：请把案件表命名为 {MAIN_SHEET}"
            raise CaseFileError(path, [problem])
        known = {MAIN_SHEET, NOTES_SHEET} | {sheet.name for sheet in LIST_SHEETS}
        unknown = [name for name in names if name not in known]
        if unknown:
            listed = "、".join(sheet.name for sheet in LIST_SHEETS)
            raise CaseFileError(path, [f"{path}: 不认识的工作表 {'、'.join(unknown)}：可用的列表工作表有 {listed}"])
        sheets = {name: _xlsx_sheet(path, book[name], name) for name in names if name != NOTES_SHEET}
        yield Workbook(sheets.pop(MAIN_SHEET), sheets)
    finally:
        book.close()


def _xlsx_sheet(path: Path, worksheet: Any, name: str) -> Sheet:
    label = f"{path.name}[{name}]"
    rows = worksheet.iter_rows(values_only=True)
    first = next(rows, None)
    header = _header(label, tuple(first or ()))
    size = worksheet.max_row - 1 if isinstance(worksheet.max_row, int) else None
    return Sheet(label, header, _numbered(rows, len(header)), size)


@contextmanager
def _csv_workbook(path: Path) -> Iterator[Workbook]:
    handles: list[IO[str]] = []
    try:
        main = _csv_sheet(path, handles)
        lists: dict[str, Sheet] = {}
        for spec in LIST_SHEETS:
            companion = path.with_name(f"{path.stem}.{spec.name}.csv")
            if companion.is_file():
                lists[spec.name] = _csv_sheet(companion, handles)
        yield Workbook(main, lists)
    finally:
        for handle in handles:
            handle.close()


def _csv_sheet(path: Path, handles: list[IO[str]]) -> Sheet:
    try:
        size = sum(1 for _ in path.open("rb")) - 1
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise CaseFileError(path, [f"{path}: 无法读取（{exc.strerror}）：请检查路径和权限"]) from None
    handles.append(handle)
    reader = csv.reader(handle)
    rows = _decoded(path, reader)
    header = _header(path.name, tuple(next(rows, ())))
    return Sheet(path.name, header, _numbered(rows, len(header)), max(size, 0))


def _decoded(path: Path, reader: Iterator[list[str]]) -> Iterator[tuple[str, ...]]:
    try:
        for row in reader:
            yield tuple(row)
    except UnicodeDecodeError:
        raise CaseFileError(
            path, [f"{path}: 文件不是 UTF-8 编码：请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后重试"]
        ) from None
    except csv.Error as exc:
        raise CaseFileError(path, [f"{path}: CSV 格式错误（{exc}）：请检查引号是否成对"]) from None
