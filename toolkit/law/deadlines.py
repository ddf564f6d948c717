"""The dates of the case: final due date, answer deadline, limitation (law.md §5).

- Final due date: ``loan.final_due_date``; else for a bullet loan ``disbursed_on`` + ``term_months``
  months; for instalments ``first_due_date`` + (``term_months`` − 1) months (民法典 第二百零二条).
- Answer deadline: ``served_on`` + ``answer_period_days``, the day of service not counted; a last day that
  is not a working day moves to the next working day (民事诉讼法 第一百二十八条 and its 期间 article).
- Limitation: three years (民法典 第一百八十八条) from the latest of the final due date, the last repayment
  (a partial payment acknowledges the debt) and the last interruption (第一百九十五条; 诉讼时效规定 第十四条),
  same day three years on (02-29 → 02-28), moved past a non-working last day (第二百零三条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from toolkit.case.models import Court, Loan, disbursement_date
from toolkit.law.calendar import add_months, add_years, holiday_gaps, next_working_day_on_or_after
from toolkit.law.figures import DataGap

LIMITATION_YEARS = 3


def first_due_date(loan: Loan) -> dt.date:
    """The first instalment's due date: ``loan.first_due_date``, by default ``disbursed_on`` + 1 month."""
    if loan.first_due_date is not None:
        return loan.first_due_date
    return add_months(disbursement_date(loan), 1)


def final_due_date(loan: Loan) -> dt.date:
    """The last day the loan falls due (law.md §5)."""
    if loan.final_due_date is not None:
        return loan.final_due_date
    if loan.repayment == "bullet":
        return add_months(disbursement_date(loan), loan.term_months)
    return add_months(first_due_date(loan), loan.term_months - 1)


@dataclass(frozen=True)
class MovedDate:
    """A period's last day as counted, and the working day it moves to (with any holiday-data gap)."""

    unadjusted: dt.date
    day: dt.date
    gaps: tuple[DataGap, ...]


def period_end(start: dt.date, days: int = 0, years: int = 0) -> MovedDate:
    """``start`` + ``days`` days + ``years`` years, moved to the next working day when it is not one."""
    unadjusted = add_years(start, years) + dt.timedelta(days=days)
    day = next_working_day_on_or_after(unadjusted)
    return MovedDate(unadjusted, day, holiday_gaps(unadjusted, day))


def answer_deadline(court: Court) -> MovedDate | None:
    """The last day to file the answer; ``None`` without ``court.served_on``."""
    if court.served_on is None:
        return None
    return period_end(court.served_on, days=court.answer_period_days)


@dataclass(frozen=True)
class Limitation:
    start: dt.date
    expires: MovedDate


def limitation(loan: Loan, final_due: dt.date) -> Limitation:
    """When the three-year limitation period started and when it ends."""
    start = max([final_due, *(r.date for r in loan.repayments), *(i.date for i in loan.interruptions)])
    return Limitation(start, period_end(start, years=LIMITATION_YEARS))


def limitation_expired(filed_on: dt.date | None, expires: dt.date) -> bool | None:
    """Whether the suit was filed after the limitation period ended; ``None`` without a filing date."""
    return None if filed_on is None else filed_on > expires
