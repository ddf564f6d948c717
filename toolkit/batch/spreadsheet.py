"""A spreadsheet's rows made into case data: one job per row of the ``cases`` sheet, its list items
fetched from the list sheets, every message pointing at the sheet, row and column.

Header mistakes (an unknown column, a missing ``case_id``) stop the whole spreadsheet before anything is
drafted: a misspelt column would drop a fact from every case. A bad cell fails only its own case.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.batch.cells import CellError, convert, is_blank
from toolkit.batch.jobs import Job, canonical_sha256, case_id_problem
from toolkit.batch.layout import CASE_ID, LIST_SHEETS, Column, ListSheet, column_index, list_sheet
from toolkit.batch.liststore import ListStore, list_store
from toolkit.batch.tables import Sheet, open_workbook
from toolkit.case.load import dotted
from toolkit.errors import CaseFileError

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Candidate:
    """A row before it is converted: enough to pick its shard and to spot a repeated id."""

    case_id: str
    source: str
    row: int
    cells: tuple[Any, ...]


@dataclass(frozen=True, eq=False)  # compared as a mapping
class Cells(Mapping[str, str]):
    """Where each field of a row was written (dotted path → ``clients.xlsx[cases]!R5 C(loan.principal)``):
    the row's own columns by name, their place spelt out only when a message asks for it; list items by
    their dotted path."""

    sheet: str
    row: int
    columns: frozenset[str]
    listed: dict[str, str]  # the list sheets' cells

    def __getitem__(self, key: str) -> str:
        if key in self.columns:
            return f"{self.sheet}!R{self.row} C({key})"
        return self.listed[key]

    def __iter__(self) -> Iterator[str]:
        yield from self.columns
        yield from self.listed

    def __len__(self) -> int:
        return len(self.columns) + len(self.listed)


class Rows:
    """The rows of one spreadsheet, read lazily; ``job`` converts one candidate row."""

    def __init__(self, main: Sheet, store: ListStore, labels: Mapping[str, str]) -> None:
        self.main = main
        self.store = store
        self.labels = labels
        self.size = main.size
        _check_main_header(main)
        self._key = main.header.index(CASE_ID)
        version = Column("version", "int", True, "")
        # each column's model path and kind, found once for every row
        self._columns = tuple(
            (name, tuple(name.split(".")), column_index().get(name) or version) for name in main.header
        )
        self._list_columns: dict[str, tuple[Column, ...]] = {}

    def candidates(self) -> Iterator[Candidate]:
        for number, cells in self.main.rows:
            raw = cells[self._key]
            case_id = "" if raw is None else str(raw).strip()
            yield Candidate(case_id, self.main.where(number), number, cells)

    def orphans(self, seen: set[str]) -> Iterator[tuple[str, str]]:
        """(case id, message) for list rows whose ``case_id`` is not in the ``cases`` sheet."""
        for case_id in sorted(self.store.case_ids() - seen):
            rows = [f"{self.labels[sheet]}!R{row}" for sheet, row, _ in self.store.rows(case_id)]
            shown = "、".join(rows[:5]) + ("等" if len(rows) > 5 else "")
            yield (
                case_id,
                (
                    f"{shown}: case_id “{case_id}” 在 cases 工作表中没有，这些行未被使用："
                    "请改正 case_id，或在 cases 工作表中补上该案件"
                ),
            )

    def job(self, candidate: Candidate, index: int) -> Job:
        where: dict[str, str] = {}
        problems: list[str] = []
        raw_id = candidate.cells[self._key]
        if isinstance(raw_id, int | float) and not isinstance(raw_id, bool):
            here = self.main.where(candidate.row, CASE_ID)
            problems.append(f"{here}: case_id 是数字格式：请把该列设为“文本”格式（set the column to text）后重新输入")
        elif problem := case_id_problem(candidate.case_id):
            problems.append(f"{self.main.where(candidate.row, CASE_ID)}: {problem}")
        data: dict[str, Any] = {"version": 1}
        written: list[str] = []
        for (name, path, column), value in zip(self._columns, candidate.cells, strict=True):
            if name == CASE_ID or is_blank(value):
                continue
            try:
                _put(data, path, convert(column, value))
                written.append(name)
            except CellError as exc:
                problems.append(f"{self.main.where(candidate.row, name)}: {exc}")
        self._add_lists(candidate.case_id, data, where, problems)
        cells = Cells(self.main.label, candidate.row, frozenset(written), where)
        if problems:  # the rest of the row is still checked, so that every problem is reported at once
            return Job(index, candidate.case_id, candidate.source, data=data, cells=cells, problems=tuple(problems))
        sha = canonical_sha256({CASE_ID: candidate.case_id, **data})
        return Job(index, candidate.case_id, candidate.source, data=data, cells=cells, input_sha256=sha)

    def _add_lists(self, case_id: str, data: dict[str, Any], where: dict[str, str], problems: list[str]) -> None:
        if not case_id:
            return
        counts: dict[str, int] = {}
        for sheet_name, row, cells in self.store.rows(case_id):
            spec = list_sheet(sheet_name)
            assert spec is not None
            label = f"{self.labels[sheet_name]}!R{row}"
            item: dict[str, Any] = {}
            for name, column, value in zip(self.store.headers[sheet_name], self._of(spec), cells, strict=True):
                if is_blank(value):
                    continue
                try:
                    item[name] = convert(column, value)
                except CellError as exc:
                    problems.append(f"{label} C({name}): {exc}")
            try:
                target = _target(spec, item)
            except CellError as exc:
                problems.append(f"{label}: {exc}")
                continue
            position = counts.get(target, 0)
            counts[target] = position + 1
            _place(spec, target, item, position, label, data, where, problems)

    def _of(self, spec: ListSheet) -> tuple[Column, ...]:
        """The column of each header of ``spec``'s sheet, found once for every row."""
        known = self._list_columns.get(spec.name)
        if known is None:
            headers = self.store.headers[spec.name]
            known = tuple(next(c for c in spec.columns if c.path == name) for name in headers)
            self._list_columns[spec.name] = known
        return known


def _target(spec: ListSheet, item: Mapping[str, Any]) -> str:
    if not spec.by_section:
        return spec.target
    section = item.get("section")
    if section not in ("hardship", "answer"):
        raise CellError("“证据用于”（section）一列应为 困难情况说明 或 答辩状")
    return f"{section}.evidence"


def _place(
    spec: ListSheet,
    target: str,
    item: dict[str, Any],
    position: int,
    label: str,
    data: dict[str, Any],
    where: dict[str, str],
    problems: list[str],
) -> None:
    path: Path_ = tuple(target.split("."))
    if spec.mapping:
        name = item.get("name")
        mapping = _get(data, path, {})
        if name in mapping:
            problems.append(f"{label} C(name): 支出名称“{name}”在本案件中写了两次：请合并为一行")
            return
        mapping[name] = item.get("amount")
        where[dotted((*path, str(name)))] = f"{label} C(amount)"
        return
    values = _get(data, path, [])
    if spec.by_section:
        values.append(item.get("item"))
        where[dotted((*path, position))] = f"{label} C(item)"
        return
    values.append(item)
    where[dotted((*path, position))] = label
    for name in item:
        where[dotted((*path, position, name))] = f"{label} C({name})"


def _put(data: dict[str, Any], path: Path_, value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(str(key), {})
    data[str(path[-1])] = value


def _get(data: dict[str, Any], path: Path_, empty: Any) -> Any:
    for key in path[:-1]:
        data = data.setdefault(str(key), {})
    return data.setdefault(str(path[-1]), empty)


def _check_main_header(sheet: Sheet) -> None:
    if CASE_ID not in sheet.header:
        problem = f"{sheet.label}!R1: 缺少 {CASE_ID} 列：请在第一列写 {CASE_ID}，每行一个案件编号"
        raise CaseFileError(sheet.label, [problem])
    unknown = [name for name in sheet.header if name not in column_index() and name not in (CASE_ID, "version")]
    if unknown:
        problems = [
            f"{sheet.label}!R1 C({name}): 不认识的列名：请对照 draft batch --sheet-template 生成的模板改正"
            "（第一行可以是中文列名或字段路径）"
            + ("（列表请放在单独的工作表中）" if any(s.target == name for s in LIST_SHEETS) else "")
            for name in unknown
        ]
        raise CaseFileError(sheet.label, problems)


def _check_list_header(name: str, sheet: Sheet) -> None:
    spec = list_sheet(name)
    assert spec is not None
    allowed = {CASE_ID} | {column.path for column in spec.columns}
    unknown = [column for column in sheet.header if column not in allowed]
    if unknown:
        expected = "、".join([CASE_ID, *(f"{c.title}（{c.path}）" for c in spec.columns)])
        raise CaseFileError(
            sheet.label, [f"{sheet.label}!R1 C({column}): 不认识的列名：这张表的列是 {expected}" for column in unknown]
        )


def spreadsheet_rows(path: Path) -> Iterator[Rows]:
    """Open the spreadsheet and its list sheets; yields one :class:`Rows` while they are open."""
    with open_workbook(path) as book:
        for name, sheet in book.lists.items():
            _check_list_header(name, sheet)
        with list_store(book.lists) as store:
            yield Rows(book.main, store, {name: sheet.label for name, sheet in book.lists.items()})
