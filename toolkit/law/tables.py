"""Every legal table the figures rest on, with its source and how far it was checked (``draft data``).

A lawyer must see at a glance what is current: the LPR table only to its last publication checked (law.md
§1), the cap rules, citations and arguments to the day their provisions were checked against the text, the holidays
year by year from ``holidays.yaml`` or the ``chinese-calendar`` package. A table's ``last_reviewed`` never
claims more than was checked; this listing repeats it and says what lies beyond it.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from toolkit.case.datafiles import table_sources
from toolkit.law.arguments import argument_table
from toolkit.law.caps import cap_table
from toolkit.law.citations import citation_table
from toolkit.law.holidays import PACKAGE, covered_years, holiday_table
from toolkit.law.lpr import lpr_table
from toolkit.law.money import rate_percent


@dataclass(frozen=True)
class LegalTable:
    name: str  # the file name, as in DRAFT_LAW_DIR
    title: str
    sources: tuple[str, ...]
    last_reviewed: dt.date
    covers: str  # what the table holds, in a line
    note: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "title": self.title,
            "sources": list(self.sources),
            "last_reviewed": self.last_reviewed.isoformat(),
            "covers": self.covers,
            "note": self.note,
        }


class _Reviewed(Protocol):
    """What every legal data file says of itself."""

    @property
    def description(self) -> str: ...
    @property
    def last_reviewed(self) -> dt.date: ...
    @property
    def note(self) -> str | None: ...


def _listed(name: str, table: _Reviewed, covers: str, sources: tuple[str, ...] = ()) -> LegalTable:
    """``name``'s table as listed: ``sources`` before the file's own."""
    return LegalTable(
        name, table.description, (*sources, *table_sources(name)), table.last_reviewed, covers, table.note
    )


def legal_tables() -> list[LegalTable]:
    """The five tables, each read as the figures read it (built-in data merged with ``DRAFT_LAW_DIR``)."""
    return [_lpr(), _caps(), _citations(), _arguments(), _holidays()]


def _lpr() -> LegalTable:
    table = lpr_table()
    first, last = min(table.values), max(table.values)
    covers = (
        f"{len(table.values)} 次变动，{first.isoformat()} 至 {last.isoformat()}；最后一项 "
        f"{rate_percent(table.values[last].value)}（{last.isoformat()} 公布），只核对到 "
        f"{table.last_reviewed.isoformat()} 的公布，之后的日期取最后一项并提示可能过时"
    )
    return _listed("lpr.yaml", table, covers)


def _caps() -> LegalTable:
    table = cap_table()
    covers = (
        f"出借人类型 {len(table.lender_kinds)} 种；金融借款年利率 {rate_percent(table.financial24.rate)}、"
        f"民间借贷 {table.lpr4x.multiplier} 倍LPR、{table.transition.new_rules_from.isoformat()} 的过渡规则"
    )
    return _listed("caps.yaml", table, covers)


def _citations() -> LegalTable:
    table = citation_table()
    unverified = sum(1 for entry in table.citations.values() if entry.verify)
    covers = f"法律文件 {len(table.laws)} 部，条款 {len(table.citations)} 条，其中待律师核对 {unverified} 条"
    return _listed("citations.yaml", table, covers)


def _arguments() -> LegalTable:
    table = argument_table()
    covers = f"答辩理由 {len(table.arguments)} 项，每项引用的条文（citations.yaml 中的键）"
    return _listed("arguments.yaml", table, covers)


def _holidays() -> LegalTable:
    table = holiday_table()
    runs = "；".join(
        (f"{first} 年" if first == last else f"{first}—{last} 年")
        + (f"：{source}" if source == PACKAGE else "：holidays.yaml")
        for first, last, source in covered_years()
    )
    covers = f"{runs}；其他年份没有数据，期间最后一日按当日本身计算并提示"
    return _listed("holidays.yaml", table, covers, (PACKAGE,))
