"""Filters a template author uses to print facts the way a Chinese court document prints them.

    {{ claims.principal|yuan }}        18,000.00
    {{ claims.principal|rmb_upper }}   人民币壹万捌仟元整
    {{ claims.principal|money }}       18,000.00元（人民币壹万捌仟元整）
    {{ loan.contract_date|cn_date }}   2026年3月10日
    {{ loan.annual_rate|percent }}     23.98%
    {{ 'penalty'|item }}               罚息（逾期利息）
    {{ loop.index|cn_number }}         一
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from toolkit.documents.labels import CLAIM_ITEMS
from toolkit.law.money import cn_date as _cn_date
from toolkit.law.money import rate_percent, rmb_upper, yuan

_DIGITS = "零一二三四五六七八九"


def _amount(value: Any) -> Decimal:
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return Decimal(value)
    raise TypeError(f"金额过滤器需要数字，收到的是 {type(value).__name__}")


def money(value: Any) -> str:
    """Figure and uppercase together, the form the document check verifies: 18,000.00元（人民币壹万捌仟元整）."""
    amount = _amount(value)
    return f"{yuan(amount)}元（{rmb_upper(amount)}）"


def cn_date(value: Any) -> str:
    if not isinstance(value, dt.date):
        raise TypeError(f"日期过滤器需要日期，收到的是 {type(value).__name__}")
    return _cn_date(value)


def item(value: str) -> str:
    """A claim item's Chinese name (principal → 本金)."""
    return CLAIM_ITEMS[value]


def cn_number(value: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一: for numbering paragraphs and list items."""
    if not 0 < value < 100:
        return str(value)
    tens, ones = divmod(value, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


FILTERS: dict[str, Callable[..., str]] = {
    "yuan": lambda v: yuan(_amount(v)),
    "rmb_upper": lambda v: rmb_upper(_amount(v)),
    "money": money,
    "cn_date": cn_date,
    "percent": lambda v: rate_percent(Decimal(v)),
    "item": item,
    "cn_number": cn_number,
}
