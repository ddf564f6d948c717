"""Spreadsheets of many cases for the batch tests: the sample case's row repeated, with changes per row.

The rows come from the sheet template's own sample row (``draft batch --sheet-template``), so the tests
also hold the template to its promise that its sample drafts as it is.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl

from toolkit.batch.sheet_template import write_sheet_template

Changes = Mapping[int, Mapping[str, Any]]  # row number (0-based) → column → new cell value


def case_ids(count: int) -> list[str]:
    return [f"C{number:03d}" for number in range(count)]


def _template(folder: Path) -> tuple[dict[str, list[str]], dict[str, list[list[Any]]]]:
    path = folder / "template.xlsx"
    if not path.exists():
        write_sheet_template(path)
    book = openpyxl.load_workbook(path)
    headers: dict[str, list[str]] = {}
    rows: dict[str, list[list[Any]]] = {}
    for sheet in book.worksheets:
        if sheet.title == "说明":
            continue
        values = [list(row) for row in sheet.iter_rows(values_only=True) if any(v is not None for v in row)]
        headers[sheet.title] = [str(v) for v in values[1]]  # row 1: Chinese titles; row 2: the dotted paths
        rows[sheet.title] = values[2:]
    return headers, rows


def _sheets(folder: Path, count: int, changes: Changes) -> tuple[dict[str, list[str]], dict[str, list[list[Any]]]]:
    headers, samples = _template(folder)
    result: dict[str, list[list[Any]]] = {name: [] for name in headers}
    for number, case_id in enumerate(case_ids(count)):
        row = [case_id, *samples["cases"][0][1:]]
        row[headers["cases"].index("client.name")] = f"当事人{number:03d}"
        for column, value in changes.get(number, {}).items():
            row[headers["cases"].index(column)] = value
        result["cases"].append(row)
        for name in headers:
            if name != "cases":
                result[name] += [[case_id, *sample[1:]] for sample in samples[name]]
    return headers, result


def workbook(path: Path, count: int, changes: Changes | None = None) -> Path:
    """An .xlsx of ``count`` cases C000, C001 … (the sample, client 当事人000 …), with ``changes``."""
    headers, sheets = _sheets(path.parent, count, changes or {})
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, header in headers.items():
        sheet = book.create_sheet(name)
        sheet.append(header)
        for row in sheets[name]:
            sheet.append(row)
    book.save(path)
    return path


def csv_files(path: Path, count: int, changes: Changes | None = None) -> Path:
    """``path`` (the cases) and its list files beside it, as a spreadsheet program exports them."""
    headers, sheets = _sheets(path.parent, count, changes or {})
    for name, header in headers.items():
        target = path if name == "cases" else path.with_name(f"{path.stem}.{name}.csv")
        with target.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(header)
            writer.writerows([_text(value) for value in row] for row in sheets[name])
    return path


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
