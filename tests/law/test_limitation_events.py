"""Properties of the limitation period over any events (law.md §5): events are taken in date order, an
event restarts the three years only while the period runs, and once it has run out nothing revives it."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from toolkit.case.models import Loan
from toolkit.law.deadlines import limitation, period_end

days = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2022, 12, 31))  # years chinese-calendar covers
kinds = st.sampled_from(["repayment", "demand", "acknowledgment"])
events = st.lists(st.tuples(days, kinds, st.booleans()), max_size=6)


def _loan(due: dt.date, items: list[tuple[dt.date, str, bool]]) -> Loan:
    return Loan.model_validate(
        {
            "contract_date": dt.date(2009, 1, 1),
            "principal": "1000",
            "annual_rate": "0.1",
            "term_months": 1,
            "repayment": "bullet",
            "final_due_date": due,
            "repayments": [{"date": day, "amount": "1"} for day, kind, _ in items if kind == "repayment"],
            "interruptions": [
                {"date": day, "kind": kind, "disputed": flag} for day, kind, flag in items if kind != "repayment"
            ],
        }
    )


@given(days, events)
def test_events_restart_only_a_running_period(due: dt.date, items: list[tuple[dt.date, str, bool]]) -> None:
    period = limitation(_loan(due, items), due, None)
    assert [e.date for e in period.events] == sorted(e.date for e in period.events)
    start, expires = due, period_end(due, years=3).day
    for event in period.events:
        assert event.expires_before == expires
        if event.effect == "restart":
            assert start < event.date <= expires
            start, expires = event.date, period_end(event.date, years=3).day
        elif event.effect == "after_expiry":
            assert event.date > expires  # and it changes nothing: the next event still sees this expiry
        elif event.effect == "before_start":
            assert event.date <= start
    assert (period.start, period.expires.day) == (start, expires)
    disputed = [e for e in period.events if e.effect == "disputed"]
    assert len(disputed) == sum(1 for _, kind, flag in items if kind != "repayment" and flag)
