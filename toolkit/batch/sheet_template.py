"""``draft batch --sheet-template FILE.xlsx``: an empty workbook to fill in, with one sample row.

The ``cases`` sheet has ``case_id`` and every column of the case format; the list sheets have their
columns; both carry the bundled sample case (李明) as their one row, so the workbook drafts as it is and
shows how each cell is written. Identifier columns are formatted as text before anything is typed (a
number format would drop an ID number's leading zeros and, past 15 digits, its last digits). The
``说明`` sheet explains every column in Chinese, in the models' own words.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from toolkit.batch.layout import CASE_ID, KIND_NAMES, LIST_SHEETS, MAIN_SHEET, NOTES_SHEET, Column, columns
from toolkit.case.load import sample_case
from toolkit.case.models import Case
from toolkit.errors import UsageError
from toolkit.render.output import write_atomic

SAMPLE_ID = "2026-001"
_FORMATS = {"money": "0.00", "rate": "0.0000", "date": "yyyy-mm-dd", "id": "@", "text": "@", "items": "@"}
_INTRO = (
    "每个案件占 cases 工作表的一行；列名是案件文件中字段的路径（如 loan.principal），不要改动列名。",
    "case_id 是案件编号（如 2026-001），须唯一；输出文件夹名为“案件编号-当事人姓名”。",
    "还款记录、困难事由、每月支出、家属、证据、附加答辩理由等列表，写在同名的工作表中，每项一行，用 case_id 对应案件。",
    "金额写数字（元，最多两位小数）；日期用日期格式或写成 2026-11-20；身份证号、电话等编号列须为“文本”格式。",
    "不需要的段落（如 agent 代理人、proposal 和解方案）整段留空即可；该段落有任何一格填写，该段落的必填项都要填。",
    "第 2 行是示例案件（李明），可以照着填写，正式使用前请删除或改写。",
)


def write_sheet_template(path: Path, *, force: bool = False) -> None:
    if path.suffix.lower() != ".xlsx":
        raise UsageError(f"{path} 不是 .xlsx 文件名", "例如 --sheet-template 案件表.xlsx")
    book = Workbook()
    main = book.active
    main.title = MAIN_SHEET
    sample = sample_case()
    header = [CASE_ID, *(column.path for column in columns())]
    _fill(main, header, [[SAMPLE_ID, *(_value(sample, column) for column in columns())]], [None, *columns()])
    for spec in LIST_SHEETS:
        sheet = book.create_sheet(spec.name)
        rows = [[SAMPLE_ID, *row] for row in _list_rows(sample, spec.name)]
        _fill(sheet, [CASE_ID, *(c.path for c in spec.columns)], rows, [None, *spec.columns])
    _notes(book.create_sheet(NOTES_SHEET))
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(path, buffer.getvalue(), force=force)


def _fill(sheet: Any, header: list[str], rows: list[list[Any]], kinds: list[Column | None]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for number, column in enumerate(kinds, start=1):
        letter = get_column_letter(number)
        style = _FORMATS.get(column.kind, "General") if column else "@"
        dimension = sheet.column_dimensions[letter]
        dimension.width = max(12, min(40, len(header[number - 1]) + 4))
        dimension.number_format = style  # the whole column: what is typed later keeps the format
        for row_number in range(2, len(rows) + 2):
            sheet.cell(row=row_number, column=number).number_format = style
    sheet.freeze_panes = "B2"


def _value(case: Case, column: Column) -> Any:
    value: Any = case
    for part in column.path.split("."):
        value = getattr(value, part, None) if value is not None else None
    if isinstance(value, list):
        return ",".join(value)
    return value


def _list_rows(case: Case, sheet: str) -> Iterator[list[Any]]:
    loan, hardship, answer = case.loan, case.hardship, case.answer
    if sheet == "repayments":
        yield from ([r.date, r.amount] for r in loan.repayments)
    elif sheet == "interruptions":
        yield from ([i.date, i.kind, i.note] for i in loan.interruptions)
    elif sheet == "events" and hardship:
        yield from ([e.date, e.description, e.amount] for e in hardship.events)
    elif sheet == "expenses" and hardship:
        yield from ([name, amount] for name, amount in hardship.monthly_expenses.items())
    elif sheet == "dependents" and hardship:
        yield from ([d.relation, d.note] for d in hardship.dependents)
    elif sheet == "evidence":
        yield from (["hardship", item] for item in (hardship.evidence if hardship else []))
        yield from (["answer", item] for item in (answer.evidence or [] if answer else []))
    elif sheet == "arguments" and answer:
        yield from ([text] for text in answer.arguments)


def _notes(sheet: Any) -> None:
    for line in _INTRO:
        sheet.append([line])
    sheet.append([])
    sheet.append(["工作表", "列名", "填写内容", "格式", "可选值", "必填"])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.append([MAIN_SHEET, CASE_ID, "案件编号，须唯一，只用文字、数字和 - _ .", KIND_NAMES["id"], "", "是"])
    for column in columns():
        sheet.append(_note_row(MAIN_SHEET, column))
    for spec in LIST_SHEETS:
        sheet.append([spec.name, CASE_ID, f"{spec.note}；此列写所属案件的 case_id", KIND_NAMES["id"], "", "是"])
        for column in spec.columns:
            sheet.append(_note_row(spec.name, column))
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 36
    sheet.column_dimensions["C"].width = 70
    sheet.column_dimensions["D"].width = 30


def _note_row(sheet: str, column: Column) -> list[str]:
    section = Case.model_fields.get(column.path.split(".")[0])
    optional_section = sheet == MAIN_SHEET and section is not None and not section.is_required()
    required = ("是（该段落填写时）" if optional_section else "是") if column.required else ""
    return [sheet, column.path, column.note, KIND_NAMES[column.kind], " | ".join(column.choices), required]
