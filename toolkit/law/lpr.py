"""The one-year LPR (一年期贷款市场报价利率) in force on a day, from ``data/lpr.yaml`` (law.md §1).

Each value is in force from its publication date until the next change ("以上LPR在下一次发布LPR之前
有效"), so the lookup is the newest value dated on or before the day. A day before the first value has no
LPR; a day after the table's ``last_reviewed`` date gets the last value, flagged stale.
"""

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from toolkit.case.datafiles import DataModel, IsoDate, Text, load_table
from toolkit.errors import LegalDataError
from toolkit.law.figures import DataGap
from toolkit.law.money import rate_percent

PARAMETER = "一年期贷款市场报价利率（LPR）"


class LprEntry(DataModel):
    value: Annotated[Decimal, Field(gt=0, lt=1)]
    reference: Text
    note: Text | None = None


class LprTable(DataModel):
    description: Text
    unit: Literal["annual_rate"]
    last_reviewed: IsoDate
    note: Text | None = None
    values: Annotated[dict[IsoDate, LprEntry], Field(min_length=1)]


@dataclass(frozen=True)
class LprValue:
    """The LPR in force on ``day``: its value, the date it was published, and whether the table is stale."""

    day: dt.date
    value: Decimal
    published: dt.date
    reference: str
    last_reviewed: dt.date

    @property
    def stale(self) -> bool:
        """The day lies after the table was last reviewed: a newer value may have been published since."""
        return self.day > self.last_reviewed

    def gap(self) -> DataGap | None:
        """A ``lpr_stale`` gap for the findings when the value may be out of date."""
        if not self.stale:
            return None
        return DataGap(
            "lpr_stale",
            self.day,
            f"LPR 表只核对到 {self.last_reviewed.isoformat()} 的公布（最后核对的一次），"
            f"{self.day.isoformat()} 取用的是 {self.published.isoformat()} 公布的 {rate_percent(self.value)}；"
            f"{self.last_reviewed.isoformat()} 之后的公布未经核对，可能已有新的报价。请到全国银行间同业拆借中心"
            f"（中国货币网）核对 {self.day.isoformat()} 之前最近一次公布的一年期LPR；如有变动，在 DRAFT_LAW_DIR 的"
            " lpr.yaml 中增加该项，并把 last_reviewed 改为核对到的那次公布的日期（见 docs/legal-data.md）",
        )


@functools.cache
def lpr_table() -> LprTable:
    """The LPR table, loaded once per process (built-in data merged with ``DRAFT_LAW_DIR``)."""
    return load_table("lpr.yaml", LprTable)


def first_lpr_day() -> dt.date:
    """The first day with an LPR (2019-08-20 in the built-in table)."""
    return min(lpr_table().values)


def find_lpr(day: dt.date) -> LprValue | None:
    """The LPR in force on ``day``, or ``None`` before the first published value."""
    table = lpr_table()
    published = max((d for d in table.values if d <= day), default=None)
    if published is None:
        return None
    entry = table.values[published]
    return LprValue(day, entry.value, published, entry.reference, table.last_reviewed)


def lpr_on(day: dt.date) -> LprValue:
    """The LPR in force on ``day``; a day before the first value is a :class:`LegalDataError`."""
    found = find_lpr(day)
    if found is None:
        raise LegalDataError(
            f"{PARAMETER}在 {day.isoformat()} 没有数值：LPR 自 {first_lpr_day().isoformat()} 起才公布",
            "需要 LPR 的规则不能适用于这一天，请核对日期",
        )
    return found


def missing_lpr_gap(day: dt.date, purpose: str) -> DataGap:
    """A ``lpr_missing`` gap: ``purpose`` (e.g. 合同成立日) falls before the first LPR."""
    return DataGap(
        "lpr_missing",
        day,
        f"{purpose} {day.isoformat()} 早于 LPR 首次公布之日（{first_lpr_day().isoformat()}），"
        "没有可用的 LPR，依赖 LPR 的上限无法计算",
    )
