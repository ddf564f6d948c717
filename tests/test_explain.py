"""draft explain: every figure's arithmetic, step by step, as law.md works it out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.case.load import case_from_text
from toolkit.cli import main
from toolkit.explain import explain
from toolkit.law.compute import compute_figures

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "case.yaml"


def explained(old_new: list[tuple[str, str]] | None = None) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in old_new or []:
        assert old in text, old
        text = text.replace(old, new)
    case = case_from_text(text, "case.yaml")
    return "\n".join(explain(case, compute_figures(case)))


def line_with(text: str, *parts: str) -> str:
    """The one line holding every part (fails when none does)."""
    lines = [line for line in text.splitlines() if all(part in line for part in parts)]
    assert lines, f"no line holds {parts}"
    return lines[0]


def test_draft_explain_prints_the_worked_example(capsys: pytest.CaptureFixture[str]) -> None:
    main(["explain", "--case", str(SAMPLE)])
    out = capsys.readouterr().out
    # law.md §4: 18,000.00 × 0.2398 × 61 / 365 = 721.3709… booked rounded down → 721.37 (2026-03-10 to the
    # due date 2026-05-10)
    assert "61天" in line_with(out, "18,000.00 × 23.98% × 61 ÷ 365 = 721.3709…，向下舍入到分记 721.37 元")
    # 18,000.00 × 0.24 × 163 / 365 = 1,929.2054… → 1,929.20 (2026-05-10 to 2026-10-20, 35.97 % capped at 24 %)
    assert "163天" in line_with(out, "18,000.00 × 24% × 163 ÷ 365 = 1,929.2054…，向下舍入到分记 1,929.20 元")
    assert "35.97%" in line_with(out, "1,929.20 元") and "按上限" in line_with(out, "1,929.20 元")
    # the booked rows add up: 721.37 + 1,929.20 = 2,650.57 (law.md §4.4)
    line_with(out, "721.37 + 1,929.20 = 2,650.57 元", "向下舍入")
    # supportable 18,000.00 + 2,650.57 = 20,650.57; claimed 18,000 + 721.37 + 2,891.40 + 1,387.23 = 23,000.00
    line_with(out, "18,000.00", "2,650.57", "= 20,650.57 元")
    line_with(out, "= 23,000.00 元")
    # excess 23,000.00 − 20,650.57 = 2,349.43
    line_with(out, "20,650.57", "= 2,349.43 元")
    # answer deadline: 2026-11-20 + 15 days = 2026-12-05, a Saturday → Monday 2026-12-07 (民事诉讼法 第一百二十八条)
    line_with(out, "2026年11月20日", "15 日", "2026年12月5日（星期六）", "第一百二十八条")
    moved = line_with(out, "顺延", "落在 2026年12月7日（星期一，工作日")
    # each day moved over names the source that says it is a rest day (law.md §5)
    assert "2026年12月5日（星期六，周末，据 chinese-calendar" in moved
    assert "2026年12月6日（星期日，周末，据 chinese-calendar" in moved
    assert "第八十五条" in moved
    line_with(out, "答辩期限：2026年12月7日")


def test_lpr_cap_and_citations_of_the_sample() -> None:
    out = explained()
    # law.md §1: the 3.00 % published 2025-05-20 is in force on 2026-03-10 (no later change in the table)
    line_with(out, "2026年3月10日", "3%", "2025年5月20日 公布", "下一次发布之前有效")
    # law.md §2: microfinance → financial24, 24 %, 法释〔2020〕27号 and 法发〔2017〕22号 第二条
    line_with(out, "24%", "法释〔2020〕27号", "法发〔2017〕22号）第二条")
    # microfinance with auto: the 4 × LPR figure too, 4 × 3 % = 12 %
    line_with(out, "4 × 3% = 12%", "第二十五条")


def test_limitation_schedule_and_disposable_income_of_the_sample() -> None:
    out = explained()
    # law.md §5: from the due date 2026-05-10, + 3 years = 2029-05-10; the demand of 2026-08-01 falls within
    # that period and restarts it: + 3 years = 2029-08-01, a Wednesday of 2029, a year no holiday data covers,
    # so taken as it is (if a rest day: Thursday 2029-08-02); filed 2026-10-20, no submission date given
    line_with(out, "诉讼时效自最后还款日 2026年5月10日 起算", "第一百八十八条")
    line_with(out, "按日期先后", "第一百九十五条")
    line_with(out, "2026年8月1日 催收", "至 2029年5月10日", "重新计算三年")
    line_with(out, "最后一次起算 2026年8月1日", "加三年：2029年8月1日（星期三）")
    line_with(out, "2029 年的放假安排不在节假日数据中", "按该日本身计算", "顺延至 2029年8月2日（星期四")
    line_with(out, "立案日", "2026年10月20日 不晚于 2029年8月1日", "未届满", "第十条")
    # law.md §6: 18,000.00 ÷ 12 = 1,500.00; last = 18,000.00 − 11 × 1,500.00 = 1,500.00
    line_with(out, "18,000.00 ÷ 12 = 1,500.00", "向下取整")
    line_with(out, "18,000.00 − 11 × 1,500.00 = 1,500.00")
    line_with(out, "第12期", "2027年12月15日", "1,500.00 元")
    # 8,500.00 − (1,800 + 2,200 + 2,000 + 500) = 2,000.00
    line_with(out, "8,500.00", "房租 1,800.00", "= 2,000.00 元")


def test_a_remainder_goes_to_the_last_instalment() -> None:
    out = explained([("  installments: 12                      # 期数", "  installments: 7")])
    # 18,000.00 ÷ 7 = 2,571.428571… → 2,571.42 (down); last = 18,000.00 − 6 × 2,571.42 = 2,571.48
    line_with(out, "18,000.00 ÷ 7 = 2,571.4285…", "2,571.42 元")
    line_with(out, "18,000.00 − 6 × 2,571.42 = 2,571.48 元")


def test_repayment_pays_interest_first_then_principal() -> None:
    out = explained([("  repayments: []", "  repayments: [{date: 2026-04-10, amount: 500.00}]")])
    # 2026-03-10 → 2026-04-10 = 31 days: 18,000.00 × 0.2398 × 31 / 365 = 366.5983…, booked 366.59 (law.md §4.4);
    # 500.00 pays the booked 366.59 of interest and 500.00 − 366.59 = 133.41 of principal (民法典 第五百六十一条)
    paid = line_with(out, "2026年4月10日 还款 500.00 元")
    assert "先抵充利息等 366.59 元" in paid and "再抵充本金 133.41 元" in paid and "第五百六十一条" in paid
    assert "31天" in line_with(out, "2026年3月10日至2026年4月10日")
    # principal after: 18,000.00 − 133.41 = 17,866.59, whole cents; the next run starts from it
    line_with(out, "2026年4月10日至2026年5月10日", "17,866.59 × 23.98% × 30 ÷ 365")


def test_deadline_moved_past_national_day_names_the_holiday() -> None:
    # 2026-09-20 + 15 days = 2026-10-05 (Monday), inside the National Day holiday of 10-01 … 10-07
    # (国务院办公厅 2026 年部分节假日安排); the next working day is Thursday 2026-10-08.
    out = explained([("served_on: 2026-11-20", "served_on: 2026-09-20"), ("date: 2026-11-29", "date: 2026-09-25")])
    moved = line_with(out, "顺延", "落在 2026年10月8日（星期四")
    for day in ("10月5日（星期一", "10月6日（星期二", "10月7日（星期三"):
        assert f"2026年{day}，国庆节假期，据 chinese-calendar" in moved


def test_a_working_last_day_is_not_moved() -> None:
    # 2026-11-18 + 15 days = 2026-12-03, a Thursday
    out = explained([("served_on: 2026-11-20", "served_on: 2026-11-18")])
    line_with(out, "2026年12月3日（星期四）是工作日，不顺延")


def test_private_loan_uses_four_times_the_lpr_in_force_on_the_contract_date() -> None:
    out = explained(
        [
            ("kind: microfinance", "kind: private"),
            ("contract_date: 2026-03-10", "contract_date: 2021-03-10"),
            ("disbursed_on: 2026-03-10", "disbursed_on: 2021-03-10"),
        ]
    )
    # law.md §1: 3.85 % published 2020-04-20, in force until the 3.80 % of 2021-12-20; 4 × 3.85 % = 15.4 %
    line_with(out, "2021年3月10日", "3.85%", "2020年4月20日 公布", "至 2021年12月19日 为止")
    line_with(out, "4 × 合同成立时一年期LPR 3.85% = 15.4%", "第二十五条")


def test_private_loan_before_2020_08_20_shows_the_transition_rule() -> None:
    out = explained(
        [
            ("kind: microfinance", "kind: private"),
            ("contract_date: 2026-03-10", "contract_date: 2019-10-10"),
            ("disbursed_on: 2026-03-10", "disbursed_on: 2019-10-10"),
            ("first_due_date: 2026-05-10", "first_due_date: 2019-12-10"),
            ("final_due_date: 2026-05-10", "final_due_date: 2019-12-10"),
            ("{date: 2026-08-01, kind: demand", "{date: 2022-08-01, kind: demand"),
        ]
    )
    # law.md §2: 24 % up to 2020-08-19; from 2020-08-20 4 × the LPR on the filing date 2026-10-20 (3.00 %) = 12 %
    line_with(out, "2019年10月10日起至2020年8月19日", "24%", "第三十一条第二款")
    line_with(out, "自2020年8月20日起", "4 × 立案日一年期LPR 3% = 12%")
    line_with(out, "立案日 2026年10月20日 适用的一年期LPR为 3%")
    line_with(out, "未纳入计算")
    # the ledger changes rate on 2020-08-20
    line_with(out, "2020年8月20日至", "上限 12%")


def test_expired_limitation_must_be_raised() -> None:
    out = explained(
        [
            ("contract_date: 2026-03-10", "contract_date: 2022-03-10"),
            ("disbursed_on: 2026-03-10", "disbursed_on: 2022-03-10"),
            ("first_due_date: 2026-05-10", "first_due_date: 2022-05-10"),
            ("final_due_date: 2026-05-10", "final_due_date: 2022-05-10"),
            ("    - {date: 2026-08-01, kind: demand, note: 平台催收短信}\n", ""),
            ("  interruptions:                        # 诉讼时效中断事由（催收、承认债务）\n", "  interruptions: []\n"),
        ]
    )
    # law.md §5: 2022-05-10 + 3 years = 2025-05-10, a Saturday → Monday 2025-05-12; filed 2026-10-20 is later
    line_with(out, "加三年：2025年5月10日（星期六）")
    line_with(out, "顺延", "落在 2025年5月12日（星期一", "第二百零三条")
    line_with(out, "诉讼时效已届满", "第一百九十三条", "第三条")


def test_principal_deducted_in_advance_is_not_principal() -> None:
    out = explained([("disbursed: 18000.00", "disbursed: 16200.00")])
    # law.md §3: 18,000.00 written, 16,200.00 received → 1,800.00 deducted, principal 16,200.00
    line_with(out, "1,800.00 元是预扣的利息", "16,200.00 元认定", "第六百七十条", "第二十六条")


def test_explain_of_a_missing_file_is_one_clear_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["explain", "--case", str(tmp_path / "none.yaml")])
    assert stopped.value.code == 1 and "找不到该文件" in capsys.readouterr().err


def test_a_cap_that_needs_an_lpr_before_the_first_one_says_so() -> None:
    # law.md §1: no LPR before 2019-08-20, so 4 × LPR cannot be computed for a contract of 2019-03-10
    out = explained(
        [
            ("rate_cap_basis: auto", "rate_cap_basis: lpr4x"),
            ("contract_date: 2026-03-10", "contract_date: 2019-03-10"),
            ("disbursed_on: 2026-03-10", "disbursed_on: 2019-03-10"),
        ]
    )
    line_with(out, "2019年3月10日 早于LPR首次公布之日（2019年8月20日）")
    line_with(out, "利率上限无法确定")
    line_with(out, "不计算利息计算表")
    assert "超出部分" not in out


def test_overdue_day_and_why() -> None:
    """law.md §9.7: a bullet loan is overdue from its final due date (2026-05-10); a day the complaint gives is
    taken as given; an instalment loan gets none, since which instalment a payment cleared is unknowable."""
    assert "逾期自最后还款日 2026年5月10日 起算" in explained()
    given = explained([("  final_due_date: 2026-05-10 ", "  overdue_since: 2026-05-11\n  final_due_date: 2026-05-10 ")])
    assert "逾期起算日 2026年5月11日：取案件文件 loan.overdue_since" in given
    instalments = explained([("repayment: bullet", "repayment: equal_installments")])
    assert "不推算逾期起算日" in line_with(instalments, "分期还款：尚未还款")
