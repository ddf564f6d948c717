"""The figures the toolkit computes for a case (law.md §2–§7), as immutable values.

The ledger books every charge to the cent as it is added (rounded down, law.md §4.4), so its amounts and
everything derived from them are whole cents; the claimed amounts are as the case file gives them. A
figure whose inputs are absent is ``None``, never a made-up value.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from toolkit.case.lender_kinds import CapBasis
from toolkit.law.holidays import DayStatus


@dataclass(frozen=True)
class CapPeriod:
    """One cap in force from ``start`` (inclusive) until the next period starts."""

    start: dt.date
    rate: Decimal
    basis: CapBasis
    lpr: Decimal | None  # the LPR multiplied (lpr4x), else None
    lpr_published: dt.date | None  # publication date of that LPR value
    references: tuple[str, ...]  # citation keys of the provisions the cap rests on
    transition: bool = False  # the 24 % up to 2020-08-19 of a private loan made before 2020-08-20

    @property
    def citation(self) -> str:
        """The printed provisions, e.g. 《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条."""
        from toolkit.law.citations import cite_all

        return cite_all(self.references)


@dataclass(frozen=True)
class LedgerSegment:
    """A run of days at one rate: the charge principal × rate × days / day_count, booked rounded down to the
    cent (law.md §4.4)."""

    start: dt.date  # counted
    end: dt.date  # not counted
    days: int
    principal: Decimal
    agreed_rate: Decimal
    cap_rate: Decimal
    rate: Decimal  # min(agreed, cap)
    phase: Literal["in_term", "overdue"]
    interest: Decimal  # the booked charge: ``exact`` rounded down to the cent
    exact: Decimal  # principal × rate × days / day_count, unrounded (shown by ``draft explain``)


@dataclass(frozen=True)
class LedgerPayment:
    """A repayment applied interest before principal (民法典 第五百六十一条)."""

    date: dt.date
    amount: Decimal
    to_charges: Decimal
    to_principal: Decimal
    overpaid: Decimal
    principal_after: Decimal
    charges_after: Decimal


@dataclass(frozen=True)
class Ledger:
    """The capped ledger on ``as_of`` (law.md §4)."""

    as_of: dt.date
    start: dt.date
    day_count: int
    principal_outstanding: Decimal
    charges_outstanding: Decimal
    overpaid: Decimal
    segments: tuple[LedgerSegment, ...]
    payments: tuple[LedgerPayment, ...]
    ignored_payments: tuple[dt.date, ...]  # repayments dated after as_of (outside the ledger)

    @property
    def accrued(self) -> Decimal:
        """The charges booked, the sum of the rows (law.md §4.4): what the 利息计算表 totals."""
        return sum((segment.interest for segment in self.segments), Decimal(0))

    @property
    def paid_to_charges(self) -> Decimal:
        """What the repayments paid of the charges; ``accrued`` less this is ``charges_outstanding``."""
        return sum((payment.to_charges for payment in self.payments), Decimal(0))


@dataclass(frozen=True)
class Installment:
    """One payment of the settlement plan (law.md §6): the down payment (``n`` 0) or an instalment."""

    n: int  # 0 is the down payment
    due_date: dt.date | None  # None: the down payment with no date, due within 7 days of acceptance (law.md §6)
    amount: Decimal


@dataclass(frozen=True)
class DataGap:
    """Legal data that did not cover a date the case needed (a warning, never silent)."""

    kind: Literal["lpr_stale", "lpr_missing", "holidays_missing"]
    day: dt.date
    detail: str  # Chinese, for the finding's message


@dataclass(frozen=True)
class PeriodEnd:
    """A period's last day as counted, the day it ends on, and the days it moved over (law.md §5).

    ``day`` moves past each known rest day (``moved_over``, each with the source that says so) and stops on
    the first day no holiday data covers: the earliest the period can end. ``if_rest_day`` is then the day
    it would move to were that day a rest day (weekends only); ``None`` when every day was known."""

    unadjusted: dt.date
    day: dt.date
    if_rest_day: dt.date | None
    moved_over: tuple[DayStatus, ...]
    gaps: tuple[DataGap, ...]


LimitationEffect = Literal["restart", "before_start", "after_expiry", "disputed"]


@dataclass(frozen=True)
class LimitationEvent:
    """A repayment or interruption, and what it did to the limitation period (law.md §5)."""

    date: dt.date
    kind: Literal["repayment", "demand", "acknowledgment"]
    field: str  # loan.repayments[0] or loan.interruptions[1]
    effect: LimitationEffect
    expires_before: dt.date  # the expiry running when the event came
    amount: Decimal | None = None  # a repayment's amount
    note: str | None = None


@dataclass(frozen=True)
class MissingInput:
    """A figure left ``None`` because the case lacks a fact it needs (so a finding can say which)."""

    figure: str  # e.g. "rate_cap"
    field: str  # the case field that would supply it, e.g. "court.filed_on"
    detail: str  # Chinese, for the finding's message


@dataclass(frozen=True)
class Figures:
    """Everything the toolkit computes for one case, from the amount recognised to the limitation period."""

    principal_recognized: Decimal
    lpr_at_contract: Decimal | None
    rate_cap: Decimal | None  # the cap from 2020-08-20 on for a transition loan
    rate_cap_basis: CapBasis
    caps: tuple[CapPeriod, ...]  # piecewise caps, in date order
    alternative_lpr4x_cap: Decimal | None  # microfinance + auto: the 4 × LPR figure, for an info finding
    final_due_date: dt.date
    ledger: Ledger | None
    supportable_total: Decimal | None
    claimed_principal: Decimal | None
    claimed_charges: Decimal | None
    claimed_total: Decimal | None
    excess: Decimal | None
    answer_deadline: dt.date | None
    answer_deadline_unadjusted: dt.date | None  # served_on + period, before moving off a non-working day
    limitation_start: dt.date
    limitation_expires: dt.date
    limitation_expired: bool | None  # None without court.submitted_on or court.filed_on
    schedule: tuple[Installment, ...] | None
    schedule_total: Decimal | None
    monthly_disposable: Decimal | None
    gaps: tuple[DataGap, ...]
    missing: tuple[MissingInput, ...] = ()  # figures left None for want of an input, and why
    transition_rule: bool = False  # private loan made before 2020-08-20 (民间借贷规定 第三十一条第二款)
    overdue_since: dt.date | None = None  # law.md §9.7: given, or a bullet loan's final due date, else None
    answer_period_days: int | None = None  # given, or 15 by default (普通程序 or procedure absent)
    answer_deadline_end: PeriodEnd | None = None  # how the answer deadline was moved, day by day
    limitation_end: PeriodEnd | None = None  # how the limitation expiry was moved, day by day
    limitation_events: tuple[LimitationEvent, ...] = ()  # in date order, each with its effect
    limitation_suit_day: dt.date | None = None  # court.submitted_on, else court.filed_on (诉讼时效规定 第十条)

    def cap_citation(self, *, latest_only: bool = False) -> str | None:
        """The provisions the caps rest on, each once, articles of one instrument together, in date order:
        《…规定》第三十一条第二款、第二十五条、第二十八条、第二十九条 (``None`` without a cap)."""
        from toolkit.law.citations import cite_all

        caps = self.caps[-1:] if latest_only else self.caps
        return cite_all(key for cap in caps for key in cap.references) or None
