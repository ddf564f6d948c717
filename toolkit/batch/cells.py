"""One spreadsheet cell turned into the value the case models expect, or a plain reason why not.

openpyxl gives a numeric cell as ``int`` or ``float`` and a date cell as ``datetime``; a CSV gives text.
A float is converted through its shortest text (``Decimal(str(value))``: 18000.1 stays 18000.1, never
18000.1000000000004), then an amount must have at most two decimals, so a computed 0.30000000000000004 is
refused rather than rounded silently. An identifier in a numeric cell has already lost its leading zeros
(or, past 15 digits, its last digits): it is refused with "set the column to text". Text that is not yet
a valid value (``2026-02-30``, ``18,000``) is passed on unchanged, so the models give their usual message.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from toolkit.batch.layout import Column

CENT = Decimal("0.01")
_SEPARATORS = re.compile(r"[,，、;；\s]+")
_YES = {"true", "yes", "y", "1", "是", "对", "√"}
_NO = {"false", "no", "n", "0", "否", "不", "×"}


class CellError(ValueError):
    """A cell that cannot be read as its column's kind; the message says what to do."""


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def convert(column: Column, value: Any) -> Any:
    """``value`` (not blank) as the model expects it for ``column``."""
    if isinstance(value, str):
        value = value.strip()
    converter = _CONVERTERS[column.kind]
    return converter(value)


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        raise CellError("应为数字，不是 TRUE/FALSE")
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            return None
    return None


def _money(value: Any) -> Any:
    if isinstance(value, dt.date):
        raise CellError("应为金额，不是日期：请把单元格设为数字格式")
    number = _number(value)
    if number is None or not number.is_finite():
        return value
    try:
        cents = number.quantize(CENT)
    except InvalidOperation:
        return value
    if cents != number:
        raise CellError(f"金额最多两位小数（单元格里是 {number}）：请改为精确到分的数字")
    return cents


def _rate(value: Any) -> Any:
    if isinstance(value, dt.date):
        raise CellError("应为年利率小数（如 0.2398），不是日期")
    number = _number(value)
    return value if number is None else number


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            raise CellError("日期不应带时刻：请只填日期，如 2026-11-20")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError("这是一个数字而不是日期：请把单元格设为日期格式，或写成文本 YYYY-MM-DD")
    return value


def _int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value


def _bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError("应为 是/否（或 TRUE/FALSE）")


def _identifier(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError(
            "编号是数字格式，前导零和末几位可能已经丢失：请把该列设为“文本”格式（set the column to text）后重新输入"
        )
    return str(value)


def _text(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(Decimal(str(value)))
    if isinstance(value, dt.date):
        raise CellError("应为文字，不是日期：请把单元格设为文本格式")
    return value


def _items(value: Any) -> list[str]:
    return [item for item in _SEPARATORS.split(str(value)) if item]


_CONVERTERS = {
    "money": _money,
    "rate": _rate,
    "date": _date,
    "int": _int,
    "bool": _bool,
    "id": _identifier,
    "text": _text,
    "items": _items,
}
