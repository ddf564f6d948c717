"""Legal data and missing inputs: a figure resting on data that may be out of date, or that could not be
computed, says so (law.md §1). The engine records each gap in ``figures.gaps`` and each figure left
``None`` in ``figures.missing``; these checks report the ones that can change what the documents say. A
last day in a year without holiday data is reported by the check of the period it ends
(DEADLINE-HOLIDAYS-UNKNOWN, LIMITATION-ARGUABLE, LIMITATION-NEAR).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from toolkit.checks.base import Facts, Problem, check
from toolkit.law.figures import DataGap


def _details(gaps: Iterable[DataGap], kind: str) -> list[str]:
    """What the gaps of one kind say, each told once."""
    return list(dict.fromkeys(gap.detail for gap in gaps if gap.kind == kind))


def _lpr_sets_the_cap(facts: Facts) -> bool:
    """Only a 4 × LPR cap rests on the LPR; under the 24 % cap it feeds just the informative alternative."""
    return facts.figures.rate_cap_basis == "lpr4x"


@check("DATA-LPR-STALE", "warning", "LPR数据可能已过时", "loan.contract_date")
def lpr_stale(facts: Facts) -> Iterator[Problem]:
    """A date after the LPR table's last review gets the last value, with this warning (law.md §1), where
    the LPR sets the cap (under the 24 % cap it feeds only the informative 4 × LPR figure)."""
    if _lpr_sets_the_cap(facts):
        for detail in _details(facts.figures.gaps, "lpr_stale"):
            yield Problem(f"{detail}。四倍LPR利率上限和利息计算表按此计算")


@check("DATA-LPR-MISSING", "warning", "该日期没有LPR", "loan.contract_date")
def lpr_missing(facts: Facts) -> Iterator[Problem]:
    """LPR is published from 2019-08-20; a 4 × LPR cap for an earlier day cannot be computed (law.md §1)."""
    if _lpr_sets_the_cap(facts):
        for detail in _details(facts.figures.gaps, "lpr_missing"):
            yield Problem(f"{detail}：利息计算表无法按上限计算，请律师核对适用的利率上限")


@check("DATA-INPUT-MISSING", "warning", "缺少计算所需的事实，数额未能计算", "court.filed_on")
def input_missing(facts: Facts) -> Iterator[Problem]:
    """A figure left ``None`` for want of a fact: the documents cannot print it until the fact is given.
    (A schedule that cannot be laid out is reported by SCHED-DOWN-PAYMENT.)"""
    for missing in dict.fromkeys(facts.figures.missing):
        if missing.figure != "schedule":
            yield Problem(missing.detail, missing.field)


CHECKS = (lpr_stale, lpr_missing, input_missing)
