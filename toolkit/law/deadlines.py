"""The dates of the case: final due date, answer deadline, limitation (law.md §5).

- Final due date: ``loan.final_due_date``; else for a bullet loan ``disbursed_on`` + ``term_months``
  months; for instalments ``first_due_date`` + (``term_months`` − 1) months (民法典 第二百零二条).
- Answer deadline: ``served_on`` + the answer period, the day of service not counted (民事诉讼法 第一百二十八条,
  第八十五条第二款). The period is ``answer_period_days``; without it 15 days in 普通程序, 15 days to be
  confirmed when the procedure is not given, and none in 简易程序/小额诉讼程序 (the court sets it, 民诉法解释
  第二百六十六条): the deadline is then unknown.
- Limitation: three years (民法典 第一百八十八条) from the final due date; the events (repayments, which
  acknowledge the debt, and interruptions) in date order, each restarting the three years only when it
  falls within the period then running (第一百九十五条: an interruption cannot revive a period that has run
  out). A disputed event is left out. The suit interrupts on the day the complaint was submitted
  (诉讼时效规定 第十条): ``court.submitted_on``, else ``court.filed_on``.

Every last day moves past non-working days and stops on a day no holiday data covers (see
:func:`toolkit.law.calendar.period_last_day`): the earliest day the law may give.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from toolkit.case.models import Court, Loan, disbursement_date
from toolkit.law.calendar import add_months, add_years, period_last_day
from toolkit.law.figures import LimitationEffect, LimitationEvent, PeriodEnd

LIMITATION_YEARS = 3
DEFAULT_ANSWER_PERIOD = 15
COURT_SET_PERIOD = ("简易程序", "小额诉讼程序")  # no default: 民诉法解释 第二百六十六条、第二百七十五条
EVENT_NAMES = {"repayment": "还款", "demand": "催收", "acknowledgment": "借款人承认债务"}  # as printed


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


def period_end(start: dt.date, days: int = 0, years: int = 0) -> PeriodEnd:
    """``start`` + ``years`` years + ``days`` days, moved past non-working days (the start not counted)."""
    return period_last_day(add_years(start, years) + dt.timedelta(days=days))


@dataclass(frozen=True)
class AnswerDeadline:
    """The answer period in days (``None``: the court sets it and the case does not say), whether it is
    the unconfirmed default, and its end (``None`` without a period or a service date)."""

    period_days: int | None
    assumed: bool
    end: PeriodEnd | None


def answer_period(court: Court) -> tuple[int | None, bool]:
    """(days, assumed): the given period, else 15 — assumed when the procedure is not given — except in
    简易程序 and 小额诉讼程序, where there is no default (law.md §5)."""
    if court.answer_period_days is not None:
        return court.answer_period_days, False
    if court.procedure in COURT_SET_PERIOD:
        return None, False
    return DEFAULT_ANSWER_PERIOD, court.procedure is None


def answer_deadline(court: Court) -> AnswerDeadline:
    """The last day to file the answer, and the period it rests on."""
    days, assumed = answer_period(court)
    end = None if court.served_on is None or days is None else period_end(court.served_on, days=days)
    return AnswerDeadline(days, assumed, end)


@dataclass(frozen=True)
class Limitation:
    """The limitation period (law.md §5): where it runs from, when it ends, and what restarted it."""

    start: dt.date  # the final due date or the last restart
    expires: PeriodEnd
    events: tuple[LimitationEvent, ...]
    suit_day: dt.date | None  # submitted_on, else filed_on
    expired: bool | None  # None without a suit day


def suit_day(court: Court | None) -> dt.date | None:
    """The day the suit interrupted limitation: the complaint's submission, else its registration."""
    return None if court is None else court.submitted_on or court.filed_on


def limitation(loan: Loan, final_due: dt.date, court: Court | None) -> Limitation:
    """The three-year period, its events taken in date order, and whether it had run on the suit day."""
    start, expires = final_due, period_end(final_due, years=LIMITATION_YEARS)
    taken: list[LimitationEvent] = []
    for day, kind, field, disputed, amount, note in sorted(_events(loan), key=lambda event: event[0]):
        effect: LimitationEffect
        if disputed:
            effect = "disputed"
        elif day > expires.day:
            effect = "after_expiry"
        elif day <= start:
            effect = "before_start"
        else:
            effect = "restart"
        taken.append(LimitationEvent(day, kind, field, effect, expires.day, amount, note))
        if effect == "restart":
            start, expires = day, period_end(day, years=LIMITATION_YEARS)
    suit = suit_day(court)
    return Limitation(start, expires, tuple(taken), suit, None if suit is None else suit > expires.day)


RawEvent = tuple[dt.date, Literal["repayment", "demand", "acknowledgment"], str, bool, Decimal | None, str | None]


def _events(loan: Loan) -> list[RawEvent]:
    """(date, kind, field, disputed, amount, note) of each repayment and interruption, unsorted."""
    events: list[RawEvent] = [
        (r.date, "repayment", f"loan.repayments[{i}]", False, r.amount, None) for i, r in enumerate(loan.repayments)
    ]
    events += [
        (e.date, e.kind, f"loan.interruptions[{i}]", e.disputed, None, e.note) for i, e in enumerate(loan.interruptions)
    ]
    return events
