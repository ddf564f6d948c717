"""The arithmetic behind every figure, step by step, in Chinese, for ``draft explain``.

A lawyer who signs a document must be able to follow each number to its rule: which LPR was in force and
why, which cap applies, each run of days of the capped ledger, how each repayment was applied, how the
answer deadline and the limitation period were counted and moved, how the settlement schedule was split.
The figures themselves come from :func:`toolkit.law.compute.compute_figures` (one place computes them);
this package only shows how they arise, citing the provision of each step, one module per topic. Each
ledger charge is shown as computed and as booked, rounded down to the cent (law.md §4.4).
"""

from __future__ import annotations

from toolkit.case.models import Case
from toolkit.explain.deadlines import answer_deadline_lines
from toolkit.explain.ledger import ledger_lines, principal_lines, totals_lines
from toolkit.explain.limitation import limitation_lines
from toolkit.explain.overdue import overdue_lines
from toolkit.explain.rates import cap_lines, lpr_lines
from toolkit.explain.schedule import disposable_lines, schedule_lines
from toolkit.law.figures import Figures

__all__ = ["explain"]

SECTION_NUMBERS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


def explain(case: Case, figures: Figures) -> list[str]:
    """Every step, as lines: numbered section headings followed by indented steps."""
    sections = [
        ("认定的本金", principal_lines(case, figures)),
        ("一年期贷款市场报价利率（LPR）", lpr_lines(case, figures)),
        ("利率上限", cap_lines(case, figures)),
        ("利息计算表（依法最多可主张的利息等）", ledger_lines(case, figures)),
        ("主张与依法最多可主张的比较", totals_lines(case, figures)),
        ("答辩期限", answer_deadline_lines(case, figures)),
        ("诉讼时效", limitation_lines(case, figures)),
        ("逾期起算日", overdue_lines(case, figures)),
        ("分期还款计划", schedule_lines(case, figures)),
        ("每月可支配收入", disposable_lines(case, figures)),
        ("数据与缺项提示", _gap_lines(figures)),
    ]
    lines = ["以下逐步说明每个数额的来历。所列为依法最多可主张的数额，供律师核对，不是法院的认定。"]
    shown = [(title, body) for title, body in sections if body]
    for number, (title, body) in zip(SECTION_NUMBERS, shown, strict=False):
        lines += ["", f"{number}、{title}", *(f"  {line}" for line in body)]
    return lines


def _gap_lines(figures: Figures) -> list[str]:
    """What could not be worked out and is not already said under its own section."""
    lines = [gap.detail for gap in figures.gaps if gap.kind != "holidays_missing"]  # told under their period
    return lines + [m.detail for m in figures.missing if m.figure not in ("rate_cap", "ledger", "schedule")]
