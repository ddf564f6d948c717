"""Every printed table of every document reconciles, over random repayments (hypothesis): drafting runs the
reconciliation checks of law.md §4.4 and refuses a document whose figures do not add up as printed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from checks_support import variant
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import kind_names

from toolkit.drafting import Options, draft
from toolkit.errors import DraftError
from toolkit.law.compute import compute_figures


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    repayments=st.lists(
        st.tuples(st.integers(min_value=0, max_value=220), st.integers(min_value=1, max_value=2_500_000)),
        max_size=4,
    ),
    style=st.sampled_from(["narrative", "elements"]),
)
def test_every_printed_table_of_every_document_reconciles(repayments: list[tuple[int, int]], style: str) -> None:
    """The sample with random repayments before 2026-10-20: drafting runs the reconciliation checks and
    raises on any table, total, difference or per-period line that does not add up as printed."""
    listed = [
        {"date": (dt.date(2026, 3, 10) + dt.timedelta(days=d)).isoformat(), "amount": f"{Decimal(a) / 100:.2f}"}
        for d, a in repayments
    ]
    case = variant({"loan.repayments": listed, "answer.style": style})
    figures = compute_figures(case)
    allow = frozenset({"SCHED-UNAFFORDABLE", "SCHED-ABOVE-CLAIM", "OVERPAID-OFFER"})
    for name in kind_names():
        try:
            drafted = draft(case, figures, name, Options(allow=allow))
        except DraftError as exc:  # a refusal for another reason (a finding on the facts) is not this test's
            assert "DOC-RECONCILE" not in str(exc), exc
            continue
        assert not [f for f in drafted.findings if f.id.startswith("DOC-RECONCILE")]
