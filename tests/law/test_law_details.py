"""The words beside the figures: what a gap, a missing input or a refused value tells the lawyer, word for
word, and the JSON report's shape (case-format.md, "The check report"). Dates and rates from law.md §1–§2."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from scenario_support import HERE, read_scenario, scenario_case

from toolkit.case.identity import credit_code_check_char, credit_code_problems, id_check_digit, id_number_problems
from toolkit.errors import LegalDataError
from toolkit.law.calendar import add_months
from toolkit.law.caps import cap_on
from toolkit.law.compute import compute_figures, lpr4x_ledger
from toolkit.law.deadlines import answer_period, period_end
from toolkit.law.lpr import find_lpr, lpr_on, lpr_table
from toolkit.law.report import amount, day, figures_json, rate

SCENARIO_DIR = HERE / "scenarios"
PRIVATE_2019 = {  # a private loan made before the transition day (law.md §2)
    "lender": {"name": "张三", "kind": "private"},
    "loan": {
        "contract_date": "2019-10-10",
        "disbursed_on": "2019-10-10",
        "final_due_date": None,
        "first_due_date": None,
        "term_months": 12,
        "interruptions": [],
    },
    "claims": {"as_of": "2020-10-10"},
}


def _figures(changes: dict[str, Any]) -> Any:
    return compute_figures(scenario_case({"case": changes}, Path("details.yaml")))


def _private_2019(court: dict[str, Any]) -> Any:
    return _figures({**PRIVATE_2019, "court": court})


def test_lpr_before_its_first_publication_is_refused() -> None:
    with pytest.raises(LegalDataError) as caught:
        lpr_on(dt.date(2019, 8, 19))
    assert caught.value.message == "一年期贷款市场报价利率（LPR）在 2019-08-19 没有数值：LPR 自 2019-08-20 起才公布"
    assert caught.value.hint == "需要 LPR 的规则不能适用于这一天，请核对日期"


def test_transition_loan_without_filing_date_says_which_field() -> None:
    figures = _private_2019({"filed_on": None, "served_on": None})
    assert [(m.figure, m.field) for m in figures.missing] == [
        ("rate_cap", "court.filed_on"),
        ("ledger", "court.filed_on"),
    ]
    assert figures.missing[0].detail == (
        "2019-10-10 成立的民间借贷适用过渡规则：自 2020-08-20 起的利率上限为起诉时（立案日）一年期LPR的四倍，"
        "缺少立案日无法计算：请填写 court.filed_on"
    )


def test_transition_loan_filed_before_the_first_lpr() -> None:
    # Filed 2019-08-01 (a made-up date, before 2019-08-20): no LPR for the cap from 2020-08-20 on.
    figures = _private_2019({"filed_on": "2019-08-01", "served_on": "2019-08-05"})
    assert [(g.kind, g.day) for g in figures.gaps if g.kind != "holidays_missing"] == [
        ("lpr_missing", dt.date(2019, 8, 1))
    ]
    gap = next(g for g in figures.gaps if g.kind == "lpr_missing")
    assert gap.detail == (
        "立案日 2019-08-01 早于 LPR 首次公布之日（2019-08-20），没有可用的 LPR，依赖 LPR 的上限无法计算"
    )
    assert figures.rate_cap is None and [p.start for p in figures.caps] == [dt.date(2019, 10, 10)]


def test_transition_loan_filed_after_the_lpr_table_was_last_reviewed() -> None:
    # A filing after the table's last_reviewed takes the last value, 3.00 % (law.md §1), with a warning.
    reviewed = lpr_table().last_reviewed
    filed = reviewed + dt.timedelta(days=10)
    figures = _private_2019({"filed_on": filed.isoformat(), "served_on": (filed + dt.timedelta(days=5)).isoformat()})
    stale = [g for g in figures.gaps if g.kind == "lpr_stale"]
    assert [g.day for g in stale] == [filed]
    assert reviewed.isoformat() in stale[0].detail and "3%" in stale[0].detail
    assert figures.rate_cap == Decimal("0.12")  # 4 × 3.00 %


def test_transition_loan_disbursed_on_the_transition_day_has_no_24_percent_period() -> None:
    # Contract 2020-08-19 (transition rule), money paid out 2020-08-20: no day falls under the old 24 %.
    changes = {**PRIVATE_2019, "court": {"filed_on": "2022-03-01", "served_on": "2022-03-10"}}
    changes["loan"] = {**changes["loan"], "contract_date": "2020-08-19", "disbursed_on": "2020-08-20"}
    caps = figures_json(_figures(changes))["caps"]
    assert [(c["start"], c["rate"], c["basis"], c["lpr"]) for c in caps] == [
        ("2020-08-20", "0.1480", "lpr4x", "0.0370")  # 4 × 3.70 %, the LPR in force on 2022-03-01
    ]


def test_report_lists_gaps_and_missing_inputs_with_their_words() -> None:
    report = figures_json(_private_2019({"filed_on": None, "served_on": None}))
    assert [set(m) for m in report["missing"]] == [{"figure", "field", "detail"}] * 2
    assert [(m["figure"], m["field"]) for m in report["missing"]] == [
        ("rate_cap", "court.filed_on"),
        ("ledger", "court.filed_on"),
    ]
    assert report["missing"][0]["detail"].endswith("请填写 court.filed_on")
    report = figures_json(_private_2019({"filed_on": "2019-08-01", "served_on": "2019-08-05"}))
    gaps = [g for g in report["gaps"] if g["kind"] == "lpr_missing"]
    assert gaps == [{"kind": "lpr_missing", "day": "2019-08-01", "detail": gaps[0]["detail"]}]
    assert gaps[0]["detail"].startswith("立案日 2019-08-01")


def test_report_without_a_proposal_has_no_schedule() -> None:
    report = figures_json(_figures({"proposal": None}))
    assert report["schedule"] is None and report["schedule_total"] is None
    assert report["ledger"]["start"] == "2026-03-10"


def test_report_formats() -> None:
    assert rate(Decimal("0.12345")) == "0.1235"  # four places, half up
    assert rate(Decimal("0.12355")) == "0.1236"
    assert amount(Decimal("0.125")) == "0.13" and amount(None) is None
    assert day(dt.date(2026, 3, 1)) == "2026-03-01" and day(None) is None


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("91350100m000100Y43", "统一社会信用代码中的字母应大写：请改为大写"),
        ("91350100O000100S43", "统一社会信用代码含有不使用的字符 O、S（代码不用 I、O、S、V、Z）：请对照营业执照核对"),
        (
            "91350100M000100Y44",
            "统一社会信用代码校验码不符（按 GB 32100-2015 应为 3，实为 4）：很可能有一位抄错，请对照营业执照核对",
        ),
    ],
)
def test_credit_code_problems_word_for_word(code: str, problem: str) -> None:
    assert credit_code_problems(code) == [problem]


@pytest.mark.parametrize("first17", ["91350100M000100Y", "91350100M000100Y4X", "91350100O000100Y4"])
def test_credit_code_check_char_needs_17_valid_characters(first17: str) -> None:
    with pytest.raises(ValueError) as caught:
        credit_code_check_char(first17)
    assert str(caught.value) == "需要统一社会信用代码的前17位（数字或大写字母，不含 I、O、S、V、Z）"


# The sample's ID number 410105199403012319 (born 1994-03-01, 男), checked by hand in test_law_identity.py.
BORN, MAN = dt.date(1994, 3, 1), "男"


@pytest.mark.parametrize(
    ("id_number", "problems"),
    [
        ("41010519940301231x", []),  # replaced below: the check digit of this one is 9, not X
        ("4101051994030123１9", ["身份证号前17位应全是数字：请对照身份证核对"]),  # a full-width digit
        # 02-30; check digit by hand: weighted sum 217, mod 11 = 8 → "4"
        ("410105199402302314", ["身份证号第7—14位不是有效的出生日期：请对照身份证核对"]),
        (
            "410105199403022314",  # 03-02; sum 206, mod 11 = 8 → 4
            ["身份证号中的出生日期 1994-03-02 与 client.birth_date（1994-03-01）不一致：请核对"],
        ),
    ],
)
def test_id_number_problems_word_for_word(id_number: str, problems: list[str]) -> None:
    if id_number.endswith("x"):
        problems = [
            "身份证号最后一位应写大写 X，不是小写 x",
            "身份证号校验码不符（按 GB 11643-1999 应为 9，实为 x）：很可能有一位抄错，请对照身份证核对",
        ]
    assert id_number_problems(id_number, BORN, MAN) == problems


def test_a_lowercase_x_that_is_the_right_check_digit() -> None:
    # 11010519491231002X (a published example of GB 11643-1999): the check digit is X; born 1949-12-31, 女.
    assert id_number_problems("11010519491231002X", dt.date(1949, 12, 31), "女") == []
    assert id_number_problems("11010519491231002x", dt.date(1949, 12, 31), "女") == [
        "身份证号最后一位应写大写 X，不是小写 x"
    ]


@pytest.mark.parametrize("first17", ["4101051994030123", "4101051994030123１", "41010519940301231X"])
def test_id_check_digit_needs_17_ascii_digits(first17: str) -> None:
    with pytest.raises(ValueError) as caught:
        id_check_digit(first17)
    assert str(caught.value) == "需要身份证号的前17位数字"


def test_cap_citation_names_the_provisions_of_every_period() -> None:
    sample = _figures({})
    assert sample.cap_citation(latest_only=True) == sample.cap_citation() is not None
    assert "法释〔2020〕27号" in (sample.cap_citation() or "")  # microfinance: law.md §2
    transition = _private_2019({"filed_on": "2022-03-01", "served_on": "2022-03-10"})
    # The later period rests on 第三十一条第二款 and on the 4 × LPR articles (law.md §2): both name all of them.
    latest = transition.cap_citation(latest_only=True) or ""
    assert latest == transition.cap_citation()
    assert all(article in latest for article in ("第三十一条第二款", "第二十五条", "第二十八条", "第二十九条"))


def test_uncovered_friday_would_move_to_monday() -> None:
    # 2098-12-18 + 15 days = 2099-01-02, a Friday in a year no data covers: the deadline is that day, and
    # were it a rest day the next possible working day is Monday 2099-01-05 (Saturday and Sunday skipped).
    end = period_end(dt.date(2098, 12, 18), days=15)
    assert (end.day, end.if_rest_day) == (dt.date(2099, 1, 2), dt.date(2099, 1, 5))


def test_uncovered_last_day_before_a_covered_holiday(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 2099 uncovered, 2100 given by the lawyer with 2100-01-01 (a Friday) a holiday: from Thursday
    # 2099-12-31 the next working day would be Monday 2100-01-04 (the holiday, then the weekend).
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    (tmp_path / "holidays.yaml").write_text(
        "last_reviewed: 2099-12-01\nyears:\n  2100: {reference: 某通知, holidays: [2100-01-01]}\n", encoding="utf-8"
    )
    end = period_end(dt.date(2099, 12, 1), days=30)
    assert (end.day, end.if_rest_day) == (dt.date(2099, 12, 31), dt.date(2100, 1, 4))


@pytest.mark.parametrize(
    ("court", "period"),
    [
        ({"answer_period_days": 10}, (10, False)),  # as the 应诉通知书 gives it
        ({"answer_period_days": None, "procedure": "普通程序"}, (15, False)),  # 民事诉讼法 第一百二十八条
        ({"answer_period_days": None, "procedure": None}, (15, True)),  # the default, to be confirmed
        ({"answer_period_days": None, "procedure": "简易程序"}, (None, False)),  # the court sets it (law.md §5)
        ({"answer_period_days": None, "procedure": "小额诉讼程序"}, (None, False)),
    ],
)
def test_answer_period(court: dict[str, Any], period: tuple[int | None, bool]) -> None:
    case = scenario_case({"case": {"court": court}}, Path("details.yaml"))
    assert case.court is not None and answer_period(case.court) == period


def test_a_bullet_loan_falls_due_term_months_after_disbursement() -> None:
    # disbursed 2026-01-10, 6 months, bullet: 2026-07-10, whatever first_due_date says (law.md §5)
    loan = {
        "disbursed_on": "2026-01-10",
        "contract_date": "2026-01-10",
        "term_months": 6,
        "repayment": "bullet",
        "first_due_date": "2026-04-10",
        "final_due_date": None,
    }
    assert _figures({"loan": loan}).final_due_date == dt.date(2026, 7, 10)


def test_gap_details_word_for_word() -> None:
    before = _figures({"loan": {"contract_date": "2019-01-01", "disbursed_on": "2019-01-01"}})
    assert [g.detail for g in before.gaps if g.kind == "lpr_missing"] == [
        "合同成立日 2019-01-01 早于 LPR 首次公布之日（2019-08-20），没有可用的 LPR，依赖 LPR 的上限无法计算"
    ]
    assert period_end(dt.date(2098, 12, 18), days=15).gaps[0].detail == (
        "2099 年的放假安排不在节假日数据中（chinese-calendar 与 holidays.yaml 均未覆盖），无法确认 2099-01-02 "
        "是否为工作日：按该日本身计算（最早可能的届满日）；如该日为休息日，顺延至 2099-01-05（只按周末推算，"
        "放假安排可能使其更晚）。请按国务院办公厅公布的 2099 年放假安排在 DRAFT_LAW_DIR 的 holidays.yaml 中"
        "补充该年（见 docs/legal-data.md）"
    )
    stale = _figures({"loan": {"contract_date": "2026-03-01", "disbursed_on": "2026-03-01"}})
    assert [g.detail for g in stale.gaps if g.kind == "lpr_stale"] == [
        "LPR 表只核对到 2026-02-20 的公布（最后核对的一次），2026-03-01 取用的是 2025-05-20 公布的 3%；"
        "2026-02-20 之后的公布未经核对，可能已有新的报价。请到全国银行间同业拆借中心（中国货币网）核对 "
        "2026-03-01 之前最近一次公布的一年期LPR；如有变动，在 DRAFT_LAW_DIR 的 lpr.yaml 中增加该项，"
        "并把 last_reviewed 改为核对到的那次公布的日期（见 docs/legal-data.md）"
    ]


def test_a_down_payment_above_the_settlement_names_the_field_to_check() -> None:
    # law.md §6: the base to split is settlement_amount − down_payment = 18,000.00 − 18,000.01 < 0
    figures = _figures({"proposal": {"down_payment": "18000.01"}})
    assert figures.schedule is None and figures.schedule_total is None
    assert [(m.figure, m.field, m.detail) for m in figures.missing] == [
        ("schedule", "proposal.down_payment", "首付款大于和解总额，无法排出分期：请核对金额")
    ]


def test_the_4x_lpr_ledger_of_a_transition_loan_needs_the_filing_date() -> None:
    # transition_private_before_2020.yaml works this loan by hand: 2,071.23 + 215.17 + 658.19 = 2,944.59 of
    # charges on 10,000.00, 4 × the LPR on the filing day from 2020-08-20 on
    path = SCENARIO_DIR / "transition_private_before_2020.yaml"
    found = lpr4x_ledger(scenario_case(read_scenario(path), path))
    assert found is not None and found[1] == Decimal("12944.59")
    # without a filing day the cap from 2020-08-20 on is unknown: no ledger, and no error
    path = SCENARIO_DIR / "transition_without_filing_date.yaml"
    assert lpr4x_ledger(scenario_case(read_scenario(path), path)) is None


def test_a_licensed_lender_under_the_4x_lpr_override_cites_the_private_lending_articles() -> None:
    # law.md §9.4: with rate_cap_basis lpr4x the cap is 4 × LPR by analogy, citing 民间借贷规定 第二十五条…
    caps = figures_json(_figures({"loan": {"rate_cap_basis": "lpr4x"}}))["caps"]
    assert len(caps) == 1 and "第二十五条" in caps[0]["citation"] and "法释〔2020〕27号" not in caps[0]["citation"]


def test_cap_periods_name_their_basis() -> None:
    sample = figures_json(_figures({}))  # microfinance: 24 % (law.md §2)
    assert (sample["transition_rule"], [c["basis"] for c in sample["caps"]]) == (False, ["financial24"])
    private = figures_json(_figures({"lender": {"name": "张三", "kind": "private"}}))  # made 2026-03-10
    assert (private["transition_rule"], private["rate_cap_basis"]) == (False, "lpr4x")
    assert [(c["basis"], c["rate"], c["lpr"]) for c in private["caps"]] == [("lpr4x", "0.1200", "0.0300")]


def test_4x_lpr_override_before_the_first_lpr() -> None:
    # A bank loan of 2019-01-01 under rate_cap_basis lpr4x: no LPR yet (law.md §1), so no cap and a gap.
    figures = _figures(
        {
            "lender": {"name": "某银行", "kind": "bank"},
            "loan": {"contract_date": "2019-01-01", "disbursed_on": "2019-01-01", "rate_cap_basis": "lpr4x"},
        }
    )
    report = figures_json(figures)
    assert (report["rate_cap_basis"], report["rate_cap"], report["transition_rule"], report["caps"]) == (
        "lpr4x",
        None,
        False,
        [],
    )
    assert [g.detail for g in figures.gaps if g.kind == "lpr_missing"] == [
        "合同成立日 2019-01-01 早于 LPR 首次公布之日（2019-08-20），没有可用的 LPR，依赖 LPR 的上限无法计算"
    ]


def test_an_lpr_value_carries_its_publication_reference() -> None:
    data = yaml.safe_load((Path(__file__).resolve().parents[2] / "toolkit/law/data/lpr.yaml").read_text("utf-8"))
    found = find_lpr(dt.date(2026, 3, 10))
    assert found is not None and found.published == dt.date(2025, 5, 20)
    assert found.reference == data["values"][dt.date(2025, 5, 20)]["reference"]


def test_limitation_events_in_date_order_with_their_effects() -> None:
    # Final due date 2026-05-10 (the sample): expiry 2029-05-10 (a Thursday in a year no data covers, so
    # unmoved). A repayment before the due date does not restart (before_start); a demand and a repayment on
    # the same day: the first listed restarts, the other falls on the new start; a demand on the expiry day
    # itself still restarts (law.md §5: "on or before the expiry then running").
    figures = _figures(
        {
            "loan": {
                "repayments": [{"date": "2026-04-01", "amount": 100.00}, {"date": "2027-01-05", "amount": 50.00}],
                "interruptions": [
                    {"date": "2027-01-05", "kind": "demand", "note": "短信催收"},
                    {"date": "2030-01-05", "kind": "demand", "note": "上门催收"},
                ],
            }
        }
    )
    events = [(e.date.isoformat(), e.kind, e.field, e.effect, e.amount, e.note) for e in figures.limitation_events]
    assert events == [
        ("2026-04-01", "repayment", "loan.repayments[0]", "before_start", Decimal("100.00"), None),
        ("2027-01-05", "repayment", "loan.repayments[1]", "restart", Decimal("50.00"), None),
        ("2027-01-05", "demand", "loan.interruptions[0]", "before_start", None, "短信催收"),
        ("2030-01-05", "demand", "loan.interruptions[1]", "restart", None, "上门催收"),  # 2027-01-05 + 3 years
    ]
    assert figures.limitation_expires == dt.date(2033, 1, 5)
    report = figures_json(figures)["limitation_events"]
    assert report[0] == {
        "date": "2026-04-01",
        "kind": "repayment",
        "field": "loan.repayments[0]",
        "effect": "before_start",
        "expires_before": "2029-05-10",
        "amount": "100.00",
    }


def test_cap_on_a_day_before_every_period_is_the_first_period_s() -> None:
    periods = _private_2019({"filed_on": "2022-03-01", "served_on": "2022-03-10"}).caps
    assert cap_on(periods, dt.date(2019, 1, 1)) == Decimal("0.24")  # before 2019-10-10: the first period
    assert cap_on(periods, dt.date(2020, 8, 20)) == Decimal("0.148")
    with pytest.raises(ValueError) as caught:
        cap_on((), dt.date(2020, 1, 1))
    assert str(caught.value) == "no cap periods"


@pytest.mark.parametrize("anchor", [0, 32])
def test_add_months_refuses_an_anchor_day_outside_1_to_31(anchor: int) -> None:
    with pytest.raises(ValueError) as caught:
        add_months(dt.date(2026, 1, 31), 1, anchor_day=anchor)
    assert str(caught.value) == f"anchor_day must be 1..31, not {anchor}"
