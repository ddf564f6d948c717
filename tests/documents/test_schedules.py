"""The instalment plan is printed the same in every document, sums exactly, and equals ``draft check --json``.

Expected plans are worked out by hand from law.md §6 (base / n rounded down to the cent, the last instalment
takes the remainder; due dates anchored on the first date's day).
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from documents_support import paragraphs, run_draft, sample, sample_path, table_rows, with_style

# samples/case.yaml: 18,000.00 / 12 = 1,500.00 exactly, from 2027-01-15, on the 15th.
SAMPLE_PLAN = [(f"第{k}期", f"2027年{k}月15日", "1,500.00") for k in range(1, 13)]
# samples/private-downpayment.yaml: down payment 5,000.00 on 2026-12-20; base 40,000.00 − 5,000.00 =
# 35,000.00; 35,000.00 / 9 = 3,888.888… → 3,888.88; last = 35,000.00 − 8 × 3,888.88 = 35,000.00 −
# 31,111.04 = 3,888.96. First due 2027-01-31: the 31st, or the month's last day where it has none.
MONTH_ENDS = ["1月31日", "2月28日", "3月31日", "4月30日", "5月31日", "6月30日", "7月31日", "8月31日", "9月30日"]
PRIVATE_PLAN = [("首付", "2026年12月20日", "5,000.00")] + [
    (f"第{k}期", f"2027年{day}", "3,888.96" if k == 9 else "3,888.88") for k, day in enumerate(MONTH_ENDS, 1)
]
PLANS = {"case": (SAMPLE_PLAN, "18,000.00"), "private-downpayment": (PRIVATE_PLAN, "40,000.00")}


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _element_plan(lines: list[str]) -> list[tuple[str, str, str]]:
    """第1期：2027年1月15日，1,500.00元 → (第1期, 2027年1月15日, 1,500.00)."""
    rows = []
    for line in lines:
        label, sep, rest = line.partition("：")
        if sep and (label == "首付" or (label.startswith("第") and label.endswith("期"))):
            day, _, amount = rest.partition("，")
            rows.append((label, day, amount.removesuffix("元")))
    return rows


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_document_prints_the_same_plan_and_it_sums_exactly(name: str) -> None:
    plan, total = PLANS[name]
    case = sample(name)
    settlement = paragraphs(case, "settlement")
    narrative = paragraphs(with_style(case, "narrative"), "answer")
    elements = paragraphs(with_style(case, "elements"), "answer")
    assert table_rows(settlement, "分期还款计划", 3) == plan
    assert table_rows(narrative, "分期还款计划", 3) == plan
    assert _element_plan(elements) == plan
    assert sum(_amount(amount) for _, _, amount in plan) == _amount(total)
    # the 合计 rows print the same total
    assert settlement[settlement.index("合计", settlement.index("分期还款计划")) + 1] == total
    assert narrative[narrative.index("合计", narrative.index("分期还款计划")) + 1] == total
    assert f"合计：{total}元。" in elements


@pytest.mark.parametrize("name", sorted(PLANS))
def test_printed_plan_equals_the_check_report(name: str) -> None:
    result = run_draft("check", "--case", sample_path(name), "--json")
    report = json.loads(result.stdout)
    plan, total = PLANS[name]
    rows = report["figures"]["schedule"]
    assert report["figures"]["schedule_total"] == total.replace(",", "")
    assert [f"{Decimal(row['amount']):,.2f}" for row in rows] == [amount for _, _, amount in plan]
    year_month_day = [row["due_date"].split("-") for row in rows]
    assert [f"{y}年{int(m)}月{int(d)}日" for y, m, d in year_month_day] == [day for _, day, _ in plan]
    assert [row["n"] for row in rows] == [0 if label == "首付" else int(label[1:-1]) for label, _, _ in plan]


def test_hardship_requests_match_the_proposal() -> None:
    """The hardship statement asks for the plan the settlement proposes, in the same figures."""
    hardship = paragraphs(sample("private-downpayment"), "hardship")
    request = next(p for p in hardship if p.startswith("还款总额为"))
    assert request == (
        "还款总额为40,000.00元（人民币肆万元整），于2026年12月20日首付5,000.00元，余款35,000.00元"
        "自2027年1月31日起分九期按月偿还，每期3,888.88元，最后一期3,888.96元，至2027年9月30日还清。"
    )
    settlement = paragraphs(sample("private-downpayment"), "settlement")
    assert (
        "余款35,000.00元（人民币叁万伍仟元整）自2027年1月31日起分九期按月支付，每期3,888.88元，最后一期3,888.96元，"
        "至2027年9月30日付清。"
    ) in settlement
    # waivers: interest, liquidated damages and enforcement costs waived; litigation costs borne by the lender
    assert "免除利息、违约金、实现债权的费用；本案诉讼费由赵建国负担。" in hardship
    # 48,500.00 + 5,000.00 + 3,000.00 waived; the other 10,000.00 of the 66,500.00 reduction named as such
    asked = (
        "请求被申请人免除利息、违约金、实现债权的费用（共计56,500.00元），并就其余款项减免10,000.00元。"
        "本案诉讼费由被申请人负担。"
    )
    assert any(p.startswith(asked) for p in settlement)
