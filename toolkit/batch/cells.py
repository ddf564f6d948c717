"""One spreadsheet cell turned into the value the case models expect, or a plain reason why not.

Text is read by the same reader as ``draft init``'s answers (:mod:`toolkit.case.typed_input`): amounts
as ``18000``, ``18,000.00``, ``1.8万``, ``18000元`` or in full-width digits, dates as ``2026-03-10``,
``2026/3/10`` or ``2026年3月10日``, rates as ``23.98%`` or ``0.2398``, choices by their Chinese name or
their code. This module adds what only a spreadsheet has: typed cells. openpyxl gives a numeric cell as
``int`` or ``float`` and a date cell as ``datetime``. A float is converted through its shortest text
(``Decimal(str(value))``: 18000.1 stays 18000.1), then an amount must have at most two decimals, so a
computed 0.30000000000000004 is refused rather than rounded. A number in a date column (a date typed into
a cell formatted as a number) is refused, as is an identifier in a numeric cell, which has already lost
its leading zeros or, past 15 digits, its last digits. Anything ambiguous is refused with the forms that
are accepted; the caller adds the sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from toolkit.batch.layout import Column
from toolkit.case import typed_input as typed
from toolkit.case.typed_input import AnswerError


class CellError(ValueError):
    """A cell that cannot be read as its column's kind; the message says what to do."""


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def convert(column: Column, value: Any) -> Any:
    """``value`` (not blank) as the model expects it for ``column``.

    A sheet repeats its values from row to row (the same lender, court, rate or date): each distinct
    (column, value) is read once per process and remembered; a value that cannot be read is not."""
    value = value.strip() if isinstance(value, str) else value
    key = (id(column), type(value), value)
    known = _READ.get(key)
    if known is None or known[0] is not column:
        try:
            known = (column, _read(column, value))
        except AnswerError as exc:
            raise CellError(str(exc)) from None
        if len(_READ) >= _READ_LIMIT:
            _READ.clear()
        _READ[key] = known
    result = known[1]
    return list(result) if isinstance(result, list) else result


_READ_LIMIT = 50_000
_READ: dict[tuple[int, type, Any], tuple[Column, Any]] = {}  # the column is kept, so its id stays its own


def _read(column: Column, value: Any) -> Any:
    kind = column.kind
    if isinstance(value, bool) and kind not in ("bool", "text"):
        raise CellError("这里应填写内容，不是 TRUE/FALSE")
    if isinstance(value, dt.date) and kind not in ("date", "text"):
        raise CellError("这里不应是日期：请把单元格设为“常规”或“文本”格式后重新填写")
    if kind == "money":
        return _money(value)
    if kind == "rate":
        return typed.parse_rate(_number_text(value))
    if kind == "date":
        return _date(value)
    if kind == "int":
        return typed.parse_count(_number_text(value), 0, 10**6)
    if kind == "bool":
        return value if isinstance(value, bool) else typed.parse_yes_no(str(value))
    if kind == "choice":
        code = typed.parse_choice_name(_number_text(value), column.choices)
        return int(code) if code.isdigit() else code
    if kind == "items":
        return typed.parse_choices(str(value), column.choices, numbered=False)
    if kind == "id":
        return _identifier(value)
    return _text(value)


def _number_text(value: Any) -> str:
    if isinstance(value, float):
        return f"{Decimal(str(value)).normalize():f}"
    return str(value)


def _money(value: Any) -> Decimal:
    if isinstance(value, int | float):
        number = Decimal(str(value))
        if not number.is_finite() or number != number.quantize(typed.CENT):
            raise CellError(f"金额最多两位小数（单元格里是 {value}）：请改为精确到分的数字")
        if number < 0:
            raise CellError("金额不能是负数")
        return number.quantize(typed.CENT)
    return typed.parse_amount(str(value))


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            raise CellError("日期不应带时刻：请只填日期，如 2026-03-10")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        forms = "或写成 2026-03-10、2026年3月10日"
        raise CellError(f"{_number_text(value)} 是数字而不是日期：请把单元格设为“日期”格式后重新输入，{forms}")
    return typed.parse_date(str(value))


def _identifier(value: Any) -> str:
    if isinstance(value, int | float):
        raise CellError(
            "编号是数字格式，前导零和末几位可能已经丢失：请把该列设为“文本”格式（set the column to text）后重新输入"
        )
    return str(value)


def _text(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, dt.date):
        raise CellError("应为文字，不是日期：请把单元格设为文本格式")
    return value
