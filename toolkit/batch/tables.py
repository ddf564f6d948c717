"""Reading a spreadsheet row by row: an .xlsx workbook (openpyxl, read-only) or CSV files.

An .xlsx holds the ``cases`` sheet and the list sheets. A CSV holds one sheet: ``clients.csv`` is the
``cases`` sheet and ``clients.repayments.csv``, ``clients.events.csv`` … beside it are the list sheets.
Rows are streamed, never all in memory; each comes with its row number as the spreadsheet shows it
(the header is row 1), so a message can point at ``clients.xlsx[cases]!R5``. A header is the Chinese
column titles, the dotted paths, or both (titles in row 1, paths in row 2, as the sheet template writes
them). A CSV is UTF-8 (with or without BOM) or GB18030/GBK, as Excel saves it on Chinese Windows.

Everything is read within a budget: an .xlsx is refused before it is opened if its parts would inflate
past ``MAX_INFLATED`` (a zip bomb), and every sheet past ``MAX_CELLS`` cells or ``MAX_COLUMNS`` columns.
"""

from __future__ import annotations

import codecs
import csv
import functools
import itertools
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from toolkit.batch.layout import LIST_SHEETS, MAIN_SHEET, NOTES_SHEET, header_names
from toolkit.errors import CaseFileError

MAX_INFLATED = 256 * 2**20  # bytes an .xlsx may inflate to: some 20,000 full rows
MAX_MEMBERS = 1000  # files inside an .xlsx
MAX_CSV_BYTES = 256 * 2**20
MAX_CELLS = 5_000_000  # per sheet, header width × rows
MAX_COLUMNS = 1000
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


def _sheet(label: str, sheet: str, rows: Iterator[tuple[Any, ...]], size: int | None) -> Sheet:
    """A sheet whose header is one row (Chinese titles or dotted paths) or two (titles, then paths)."""
    names = header_names(sheet)
    first = _cells(next(rows, ()))
    if len(first) > MAX_COLUMNS:
        raise CaseFileError(label, [_too_big(label, f"{len(first)} 列，上限 {MAX_COLUMNS} 列")])
    second = next(rows, None)
    start = 2
    if second is not None and (paths := _cells(second)) and all(name in names for name in paths):
        first, start = paths, 3  # the second header row, with the paths, is the one a tool reads
    elif second is not None:
        rows = itertools.chain([second], rows)
    header = tuple(names.get(name, name) for name in first)
    seen: set[str] = set()
    for number, name in enumerate(header, start=1):
        if not name:
            raise CaseFileError(label, [f"{label}!R1: 第 {number} 列没有列名：请填写列名或删除该列"])
        if name in seen:
            raise CaseFileError(label, [f"{label}!R1 C({first[number - 1]}): 列名重复：请删除多余的一列"])
        seen.add(name)
    if size is not None:
        size -= start - 1
    return Sheet(label, header, _numbered(label, rows, len(header), start), size)


def _cells(values: tuple[Any, ...]) -> tuple[str, ...]:
    header = tuple("" if value is None else str(value).strip() for value in values)
    while header and not header[-1]:
        header = header[:-1]
    return header


def _numbered(label: str, rows: Iterator[tuple[Any, ...]], width: int, start: int) -> Iterator[Row]:
    """Rows from ``start`` on, cut or padded to the header's width, blank rows skipped; within budget."""
    budget = MAX_CELLS // max(width, 1)
    for number, values in enumerate(rows, start=start):
        if number - start >= budget or len(values) > MAX_COLUMNS:
            raise CaseFileError(label, [_too_big(label, f"超过 {MAX_CELLS:,} 个单元格或 {MAX_COLUMNS} 列")])
        cells = tuple(values[:width]) + (None,) * (width - len(values))
        if any(cell is not None and not (isinstance(cell, str) and not cell.strip()) for cell in cells):
            yield number, cells


def _too_big(label: str, what: str) -> str:
    return f"{label}: 表格过大（{what}）：请把案件分成几张表格，分批起草"


def _check_zip(path: Path) -> None:
    """Refuse a workbook that would inflate past the budget, before any of it is inflated."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise CaseFileError(path, [f"{path}: 不是可读取的 Excel 工作簿（{exc}）：请在 Excel 中另存为 .xlsx"]) from None
    inflated = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or inflated > MAX_INFLATED:
        what = f"解压后 {inflated / 2**20:,.0f} MB，上限 {MAX_INFLATED // 2**20} MB"
        raise CaseFileError(path, [_too_big(str(path), what)])


@contextmanager
def _xlsx_workbook(path: Path) -> Iterator[Workbook]:
    import openpyxl

    _check_zip(path)
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
    size = worksheet.max_row - 1 if isinstance(worksheet.max_row, int) else None
    return _sheet(f"{path.name}[{name}]", name, worksheet.iter_rows(values_only=True), size)


@contextmanager
def _csv_workbook(path: Path) -> Iterator[Workbook]:
    handles: list[IO[str]] = []
    try:
        main = _csv_sheet(path, MAIN_SHEET, handles)
        lists: dict[str, Sheet] = {}
        for spec in LIST_SHEETS:
            companion = path.with_name(f"{path.stem}.{spec.name}.csv")
            if companion.is_file():
                lists[spec.name] = _csv_sheet(companion, spec.name, handles)
        yield Workbook(main, lists)
    finally:
        for handle in handles:
            handle.close()


def csv_files(path: Path) -> list[Path]:
    """A CSV and the list files beside it."""
    companions = (path.with_name(f"{path.stem}.{spec.name}.csv") for spec in LIST_SHEETS)
    return [path, *(companion for companion in companions if companion.is_file())]


def csv_encoding(path: Path) -> str:
    """``utf-8-sig`` (UTF-8, with or without BOM) or ``gb18030`` (GBK and GB2312 are subsets of it).

    A text in GBK is almost never valid UTF-8 (its two-byte sequences do not follow UTF-8's rules), so
    the file is read as UTF-8 when every byte of it decodes as UTF-8, and as GB18030 otherwise."""
    try:
        found = path.stat()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    return _encoding(path, found.st_size, found.st_mtime_ns)


@functools.lru_cache(maxsize=64)  # the batch's report header asks, then the reading of the file: decoded once
def _encoding(path: Path, size: int, modified_ns: int) -> str:
    try:
        if size > MAX_CSV_BYTES:
            what = f"{size / 2**20:,.0f} MB，上限 {MAX_CSV_BYTES // 2**20} MB"
            raise CaseFileError(path, [_too_big(str(path), what)])
        for encoding in ("utf-8-sig", "gb18030"):
            decoder = codecs.getincrementaldecoder(encoding)()
            with path.open("rb") as stream:
                try:
                    while block := stream.read(1 << 20):
                        decoder.decode(block)
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    continue
            return encoding
    except OSError as exc:
        raise _unreadable(path, exc) from None
    hint = "请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后重试"
    raise CaseFileError(path, [f"{path}: 既不是 UTF-8 也不是 GBK/GB18030 编码的文字：{hint}"])


def _unreadable(path: Path, exc: OSError) -> CaseFileError:
    return CaseFileError(path, [f"{path}: 无法读取（{exc.strerror}）：请检查路径和权限"])


ENCODING_NAMES = {"utf-8-sig": "UTF-8", "gb18030": "GB18030（GBK）"}


def _csv_sheet(path: Path, sheet: str, handles: list[IO[str]]) -> Sheet:
    encoding = csv_encoding(path)
    try:
        with path.open("rb") as stream:
            size = sum(1 for _ in stream) - 1
        handle = path.open(encoding=encoding, newline="")
    except OSError as exc:
        raise _unreadable(path, exc) from None
    handles.append(handle)
    reader = csv.reader(handle)
    rows = _decoded(path, reader)
    return _sheet(path.name, sheet, rows, max(size, 0))


def _decoded(path: Path, reader: Iterator[list[str]]) -> Iterator[tuple[str, ...]]:
    try:
        for row in reader:
            yield tuple(row)
    except csv.Error as exc:
        raise CaseFileError(path, [f"{path}: CSV 格式错误（{exc}）：请检查引号是否成对"]) from None
