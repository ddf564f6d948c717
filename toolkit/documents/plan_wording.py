"""The settlement plan in the words a person writes: how many payments, and when the down payment is due.

Counts of events and payments are written in words ("已还款一次", "分十二期"), as a lawyer writes them,
not as a form prints them. A down payment with no date is due within 7 days of the lender's written
acceptance (law.md §6): money paid before acceptance is a partial payment that acknowledges the debt
(诉讼时效规定 第十四条) and is lost if the offer is refused, so the documents never date it on signing.
"""

from __future__ import annotations

import datetime as dt

from toolkit.law.money import cn_date, number_words


def count_in_words(n: int) -> str:
    """1 → 一, 2 → 两, 12 → 十二, 22 → 二十二: a count before a measure word (次, 期, 笔); digits from 100 on."""
    return "两" if n == 2 else number_words(n)


def accepted_by(party: str) -> str:
    """The default due date of the down payment, as the documents print it (law.md §6)."""
    return f"{party}书面同意本方案之日起7日内"


def due_or_acceptance(due: dt.date | None, party: str) -> str:
    """A schedule row's due date as printed: 2026年12月15日, or (an undated down payment) within 7 days of
    ``party``'s written acceptance."""
    return cn_date(due) if due is not None else accepted_by(party)


def down_payment_due(due: dt.date | None, party: str) -> str:
    """于2026年12月15日 when the case gives a date; else 于被申请人书面同意本方案之日起7日内."""
    return f"于{cn_date(due)}" if due is not None else f"于{accepted_by(party)}"
