"""``draft batch --sheet-template FILE.xlsx``: an empty workbook to fill in, with one sample row.

The ``cases`` sheet has ``case_id`` and every column of the case format; the list sheets have their
columns. Row 1 holds the Chinese column titles (each with a comment: the model's description and how to
write the cell), row 2 the dotted paths a tool reads; both carry the bundled sample case (李明) as their
first row, written as a person would (Chinese names of choices, 是/否, date cells), so the workbook drafts
as it is and shows how each cell is written. Every choice and yes/no column has a drop-down list.
Identifier columns are formatted as text before anything is typed (a number format would drop an ID
number's leading zeros and, past 15 digits, its last digits). The ``说明`` sheet explains every column.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from toolkit.batch.layout import (
    CASE_ID,
    CASE_ID_TITLE,
    KIND_NAMES,
    LIST_SHEETS,
    MAIN_SHEET,
    NOTES_SHEET,
    Column,
    ListSheet,
    columns,
)
from toolkit.case.load import sample_case
from toolkit.case.models import Case
from toolkit.errors import UsageError
from toolkit.files import write_atomic

SAMPLE_ID = "2026-001"
HEADER_ROWS = 2  # Chinese titles, then the dotted paths (which a tool, or ``draft batch`` itself, reads)
_FORMATS = {"money": "#,##0.00", "rate": "0.00%", "date": "yyyy-mm-dd", "id": "@", "text": "@", "items": "@"}
_YES_NO = "是,否"
_PATH_FONT = Font(color="808080", italic=True, size=9)
_INTRO = (
    "每个案件占 cases 工作表的一行，从第 3 行起填写。第 1 行是中文列名，第 2 行（灰色）是程序读取的字段路径，"
    "两行都不要改动；不需要的列可以整列删除。",
    "案件编号（case_id）须唯一，只用文字、数字和 - _ .；输出文件夹名为“案件编号-当事人姓名”。",
    "还款记录、困难事由、每月支出、家属、证据、附加答辩理由等列表，写在同名的工作表中，每项一行，用案件编号对应案件。",
    "金额写 18000、18,000.00、1.8万 或 18000元 均可；日期用日期格式，或写 2026-03-10、2026/3/10、2026年3月10日；"
    "利率写 23.98% 或 0.2398。",
    "带下拉箭头的列从列表中选择（中文名称，英文代码也认）；是/否列选 是 或 否。",
    "身份证号、电话、统一社会信用代码、案号、合同编号等编号列已设为“文本”格式，照原样输入即可，不要加引号或撇号；"
    "如果从别处粘贴后变成了数字（如 4.10105E+17），请先把该列设为“文本”格式再重新输入。",
    "不需要的段落（如代理人、和解方案）整段留空即可；该段落有任何一格填写，该段落的必填项都要填。",
    "第 3 行是示例案件（李明），可以照着填写，正式使用前请删除或改写。把鼠标移到列名上可以看到该列的说明。",
)


def write_sheet_template(path: Path, *, force: bool = False) -> None:
    if path.suffix.lower() != ".xlsx":
        raise UsageError(f"{path} 不是 .xlsx 文件名", "例如 --sheet-template 案件表.xlsx")
    book = Workbook()
    main = book.active
    main.title = MAIN_SHEET
    sample = sample_case()
    _fill(main, [_CASE_ID, *columns()], [[SAMPLE_ID, *(_value(sample, column) for column in columns())]])
    for spec in LIST_SHEETS:
        sheet = book.create_sheet(spec.name)
        rows = [[SAMPLE_ID, *row] for row in _list_rows(sample, spec)]
        _fill(sheet, [_CASE_ID, *spec.columns], rows)
    _notes(book.create_sheet(NOTES_SHEET))
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(path, buffer.getvalue(), force=force)


_CASE_ID = Column(CASE_ID, "id", True, "案件编号，须唯一，只用文字、数字和 - _ .，如 2026-001")


def _title(column: Column) -> str:
    return CASE_ID_TITLE if column.path == CASE_ID else column.title


def _fill(sheet: Any, header: list[Column], rows: list[list[Any]]) -> None:
    sheet.append([_title(column) for column in header])
    sheet.append([column.path for column in header])
    for number, column in enumerate(header, start=1):
        title, path = sheet.cell(row=1, column=number), sheet.cell(row=2, column=number)
        title.font = Font(bold=True)
        title.comment = Comment(f"{column.note}\n格式：{KIND_NAMES[column.kind]}", "draft")
        path.font = _PATH_FONT
    for row in rows:
        sheet.append(row)
    first = HEADER_ROWS + 1
    for number, column in enumerate(header, start=1):
        letter = get_column_letter(number)
        style = _FORMATS.get(column.kind, "General")
        dimension = sheet.column_dimensions[letter]
        dimension.width = max(12, min(40, 2 * len(_title(column)) + 2))
        dimension.number_format = style  # the whole column: what is typed later keeps the format
        for row_number in range(first, len(rows) + first):
            sheet.cell(row=row_number, column=number).number_format = style
        if (options := _options(column)) is not None:
            rule = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True, showErrorMessage=True)
            rule.error = f"请从下拉列表中选择：{options.replace(',', '、')}"
            rule.errorTitle = _title(column)
            rule.add(f"{letter}{first}:{letter}{MAX_ROW}")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = f"B{first}"


MAX_ROW = 1_048_576  # the last row of a worksheet


def _options(column: Column) -> str | None:
    """A drop-down list's options (Excel allows 255 characters), or None for a column without one."""
    if column.kind == "bool":
        return _YES_NO
    if column.kind != "choice":
        return None
    return ",".join(choice.label for choice in column.choices)


def _shown(column: Column, value: Any) -> Any:
    """A case value as a person types it in the sheet: Chinese names, 是/否."""
    if isinstance(value, bool):
        return "是" if value else "否"
    labels = {choice.value: choice.label for choice in column.choices}
    if isinstance(value, list):
        return "、".join(labels.get(str(item), str(item)) for item in value)
    if column.kind == "choice" and value is not None:
        return labels.get(str(value), str(value))
    return value


def _value(case: Case, column: Column) -> Any:
    return _shown(column, _at(case, column.path))


def _list_rows(case: Case, spec: ListSheet) -> Iterator[list[Any]]:
    """The sample's items of ``spec``, one row each, in the order of the sheet's columns."""
    if spec.by_section:  # evidence: the hardship statement's, then the answer's
        for section in ("hardship", "answer"):
            for item in _at(case, f"{section}.evidence") or ():
                # the sheet holds each item's name (a case file may give {name, source, purpose, pages})
                yield [_shown(spec.columns[0], section), item if isinstance(item, str) else item.name]
        return
    found: Any = _at(case, spec.target) or ()
    if spec.mapping:
        yield from ([name, amount] for name, amount in dict(found).items())
        return
    for item in found:
        values = [item] if isinstance(item, str) else [getattr(item, c.path) for c in spec.columns]
        yield [_shown(column, value) for column, value in zip(spec.columns, values, strict=True)]


def _at(case: Case, path: str) -> Any:
    value: Any = case
    for part in path.split("."):
        value = getattr(value, part, None) if value is not None else None
    return value


def _notes(sheet: Any) -> None:
    for line in _INTRO:
        sheet.append([line])
    sheet.append([])
    sheet.append(["工作表", "列名", "字段路径", "填写内容", "格式", "可选值", "必填"])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.append([MAIN_SHEET, *_note_row(MAIN_SHEET, _CASE_ID)])
    for column in columns():
        sheet.append([MAIN_SHEET, *_note_row(MAIN_SHEET, column)])
    for spec in LIST_SHEETS:
        owner = replace(_CASE_ID, note=f"{spec.note}；此列写所属案件的案件编号")
        sheet.append([spec.name, *_note_row(spec.name, owner)])
        for column in spec.columns:
            sheet.append([spec.name, *_note_row(spec.name, column)])
    for letter, width in zip("ABCDEFG", (14, 30, 30, 60, 40, 40, 16), strict=True):
        sheet.column_dimensions[letter].width = width


def _note_row(sheet: str, column: Column) -> list[str]:
    section = Case.model_fields.get(column.path.split(".")[0])
    optional_section = sheet == MAIN_SHEET and section is not None and not section.is_required()
    required = ("是（该段落填写时）" if optional_section else "是") if column.required else ""
    note = column.note.replace("，须加引号", "").replace("须加引号", "")  # YAML advice; a text cell needs none
    options = "、".join(choice.label for choice in column.choices)
    return [_title(column), column.path, note, KIND_NAMES[column.kind], options, required]
