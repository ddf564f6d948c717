"""Every printed table of every document reconciles, over random repayments (hypothesis): drafting runs the
reconciliation checks of law.md §4.4 and refuses a document whose figures do not add up as printed."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from checks_support import variant
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import kind_names

from toolkit.checks.reconcile import _LIST_START, _LIST_TOTAL
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


# The list-and-total pattern, searched from every position: what the anchored search must find, no more, no less.
_UNANCHORED = re.compile(_LIST_TOTAL.pattern.removeprefix(_LIST_START))
_PIECES = (
    "本金",
    "利息",
    "罚息",
    "（逾期利息）",
    "（2026）",
    "18,000.00元",
    "1.00元",
    "2.50元",
    "7",
    "0.5",
    "元",
    "、",
    "，",
)
_TEXT = st.lists(
    st.sampled_from((*_PIECES, "。", "；", "：", "合计", "（", "）", "（人民币壹元整）")), max_size=14
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(text=_TEXT)
def test_the_anchored_list_search_finds_what_a_search_from_every_position_finds(text: str) -> None:
    """The anchor only skips positions inside a label (reconcile.py says why no match can start there)."""
    found = [(m.span(), m.groupdict()) for m in _LIST_TOTAL.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in _UNANCHORED.finditer(text)]


def test_the_anchored_list_search_finds_the_sample_lists() -> None:
    """A list at the start of a sentence, and one after a number in parentheses: a label is any run of
    characters but 、，。；：, digits and （ (so the second one's label begins at the ）), as unanchored."""
    text = "原告主张本金18,000.00元、利息721.37元，合计18,721.37元；其中（2026）借款本金1.00元、费用2.00元合计3.00元"
    found = [m.group(0) for m in _LIST_TOTAL.finditer(text)]
    assert found == ["原告主张本金18,000.00元、利息721.37元，合计18,721.37元", "）借款本金1.00元、费用2.00元合计3.00元"]
    assert found == [m.group(0) for m in _UNANCHORED.finditer(text)]
    for before in "、，。；：（7":  # a label never takes these in: the list starts right after each
        found = [m.group(0) for m in _LIST_TOTAL.finditer(f"共{before}本金1.00元、利息2.00元合计3.00元")]
        assert found == ["本金1.00元、利息2.00元合计3.00元"], before
