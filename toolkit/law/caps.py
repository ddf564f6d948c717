"""Which rate cap applies to a loan, and its value day by day (law.md §2), from ``data/caps.yaml``.

- Financial lenders (banks, consumer finance companies, and the local financial organisations of 法释〔2020〕
  27号 such as microfinance companies): 24 %/year (法发〔2017〕22号 第二条).
- Private lenders: 4 × the one-year LPR in force on the contract date (民间借贷规定 第二十五条、第二十八条、
  第二十九条); for a private loan made before 2020-08-20, 24 % up to 2020-08-19 and 4 × the LPR in force on
  the filing date from 2020-08-20 on (第三十一条第二款).
- ``loan.rate_cap_basis`` overrides the lender kind's basis; with ``auto`` and a microfinance lender the
  4 × LPR figure is given too, so the lawyer sees both.
"""

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from toolkit.case.datafiles import DataModel, IsoDate, Text, load_table
from toolkit.case.lender_kinds import CapBasis, LenderKindRow, lender_kind
from toolkit.case.models import Loan, disbursement_date
from toolkit.law.citations import unknown_keys
from toolkit.law.figures import CapPeriod, DataGap, MissingInput
from toolkit.law.lpr import LprValue, find_lpr, missing_lpr_gap

AnnualRate = Annotated[Decimal, Field(gt=0, lt=1)]
References = Annotated[list[Text], Field(min_length=1)]


class RateRule(DataModel):
    description: Text
    rate: AnnualRate
    references: References


class MultipleRule(DataModel):
    description: Text
    multiplier: Annotated[Decimal, Field(gt=0)]
    references: References


class TransitionRule(DataModel):
    description: Text
    new_rules_from: IsoDate
    rate_before: AnnualRate
    references: References
    not_modelled: Text


class FeeRule(DataModel):
    description: Text
    names: Annotated[list[Text], Field(min_length=1)]
    references: References


class CapTable(DataModel):
    description: Text
    last_reviewed: IsoDate
    note: Text | None = None
    financial24: RateRule
    lpr4x: MultipleRule
    transition: TransitionRule
    lender_kinds: dict[str, LenderKindRow]  # checked here (the citations); read through toolkit.case.lender_kinds
    disguised_interest_fees: FeeRule

    @model_validator(mode="after")
    def _complete(self) -> "CapTable":
        rules: list[RateRule | MultipleRule | TransitionRule | LenderKindRow | FeeRule] = [
            self.financial24,
            self.lpr4x,
            self.transition,
            self.disguised_interest_fees,
            *self.lender_kinds.values(),
        ]
        scopes = [row.scope for row in self.lender_kinds.values() if row.scope is not None]
        if problem := unknown_keys([*(r for rule in rules for r in rule.references), *scopes]):
            raise ValueError(f"references 中{problem}")
        return self


@functools.cache
def cap_table() -> CapTable:
    """The cap rules, loaded once per process (built-in data merged with ``DRAFT_LAW_DIR``)."""
    return load_table("caps.yaml", CapTable)


@dataclass(frozen=True)
class CapResult:
    """The caps of one loan: the periods in date order and what could not be determined."""

    basis: CapBasis
    periods: tuple[CapPeriod, ...]
    covered_until: dt.date | None  # the periods give a cap for days before this; None: every day
    rate_cap: Decimal | None  # the cap from 2020-08-20 on for a transition loan
    transition: bool
    lpr_at_contract: Decimal | None
    alternative_lpr4x: Decimal | None
    gaps: tuple[DataGap, ...]
    missing: tuple[MissingInput, ...]


def cap_basis(kind: str, override: Literal["auto", "lpr4x", "financial24"]) -> CapBasis:
    """The basis for ``kind`` unless ``loan.rate_cap_basis`` names one (law.md §2)."""
    if override != "auto":
        return override
    return lender_kind(kind).basis


def loan_caps(loan: Loan, kind: str, filed_on: dt.date | None) -> CapResult:
    """The caps of ``loan`` made with a lender of ``kind``; ``filed_on`` serves the transition rule."""
    table = cap_table()
    basis = cap_basis(kind, loan.rate_cap_basis)
    kind_rule = lender_kind(kind)
    start = disbursement_date(loan)
    at_contract = find_lpr(loan.contract_date)
    gaps: list[DataGap] = [g for g in [at_contract.gap() if at_contract else None] if g]
    lpr_value = at_contract.value if at_contract else None
    alternative = None
    if kind_rule.show_lpr4x_too and loan.rate_cap_basis == "auto":
        alternative = _times_multiplier(at_contract)
        if at_contract is None:
            gaps.append(missing_lpr_gap(loan.contract_date, "合同成立日"))
    references = kind_rule.references if kind_rule.basis == basis else None

    if basis == "financial24":
        period = CapPeriod(
            start,
            table.financial24.rate,
            basis,
            None,
            None,
            tuple(references or table.financial24.references),
        )
        return CapResult(basis, (period,), None, period.rate, False, lpr_value, alternative, tuple(gaps), ())

    if not kind_rule.licensed and loan.contract_date < table.transition.new_rules_from:
        return _transition(loan, start, filed_on, lpr_value, gaps)

    refs = references or table.lpr4x.references
    if at_contract is None:
        gaps.append(missing_lpr_gap(loan.contract_date, "合同成立日"))
        return CapResult(basis, (), start, None, False, None, alternative, tuple(gaps), ())
    rate = at_contract.value * table.lpr4x.multiplier
    period = CapPeriod(start, rate, basis, at_contract.value, at_contract.published, tuple(refs))
    return CapResult(basis, (period,), None, rate, False, lpr_value, alternative, tuple(gaps), ())


def _transition(
    loan: Loan, start: dt.date, filed_on: dt.date | None, lpr_value: Decimal | None, gaps: list[DataGap]
) -> CapResult:
    table = cap_table()
    rule = table.transition
    new_from = rule.new_rules_from
    periods: list[CapPeriod] = []
    if start < new_from:
        periods.append(CapPeriod(start, rule.rate_before, "lpr4x", None, None, tuple(rule.references), transition=True))
    missing: tuple[MissingInput, ...] = ()
    at_filing = find_lpr(filed_on) if filed_on else None
    if filed_on is None:
        detail = (
            f"{loan.contract_date.isoformat()} 成立的民间借贷适用过渡规则：自 {new_from.isoformat()} 起的"
            "利率上限为起诉时（立案日）一年期LPR的四倍，缺少立案日无法计算：请填写 court.filed_on"
        )
        missing = (MissingInput("rate_cap", "court.filed_on", detail),)
    elif at_filing is None:
        gaps.append(missing_lpr_gap(filed_on, "立案日"))
    elif (gap := at_filing.gap()) is not None:
        gaps.append(gap)
    rate = _times_multiplier(at_filing)
    if at_filing is not None and rate is not None:
        periods.append(
            CapPeriod(
                new_from,
                rate,
                "lpr4x",
                at_filing.value,
                at_filing.published,
                (*rule.references, *table.lpr4x.references),
            )
        )
    covered = None if rate is not None else max(new_from, start)
    return CapResult("lpr4x", tuple(periods), covered, rate, True, lpr_value, None, tuple(gaps), missing)


def _times_multiplier(lpr: LprValue | None) -> Decimal | None:
    return None if lpr is None else lpr.value * cap_table().lpr4x.multiplier


def cap_on(periods: Sequence[CapPeriod], day: dt.date) -> Decimal:
    """The cap in force on ``day``: the latest period starting on or before it (the first one before all)."""
    if not periods:
        raise ValueError("no cap periods")
    current = periods[0]
    for period in periods:
        if period.start <= day:
            current = period
    return current.rate
