"""Since when the client is overdue (law.md §9.7): the day the answer's 是否逾期 row states.

Given as ``loan.overdue_since``, it is taken as written. Otherwise a bullet loan is overdue from its final
due date. For a loan repaid in instalments nothing is derived: which instalment a payment cleared is a
fact the lawyer cannot know (law.md §9.6), so the figure is ``None`` and the answer leaves the day to the
plaintiff's proof.
"""

from __future__ import annotations

import datetime as dt

from toolkit.case.models import Loan


def overdue_since(loan: Loan, final_due: dt.date) -> dt.date | None:
    """``loan.overdue_since``; else the final due date of a bullet loan; else ``None``."""
    if loan.overdue_since is not None:
        return loan.overdue_since
    return final_due if loan.repayment == "bullet" else None
