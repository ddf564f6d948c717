"""draft init: answers typed as people type them, checked one at a time, written as a commented case file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from toolkit.case import typed_input as typed
from toolkit.case.interview import Interviewer, interview
from toolkit.case.load import case_from_text, load_case
from toolkit.case.text import text_problem
from toolkit.case.typed_input import AnswerError, Choice
from toolkit.case.writer import case_text
from toolkit.cli import main
from toolkit.law.compute import compute_figures

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "case.yaml"

# ID 110101199005201222: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 11010119900520122 give
# 7+9+0+5+0+4+2+9+54+0+0+45+20+0+8+8+4 = 175; 175 mod 11 = 10 → "10X98765432"[10] = "2"; digit 17 = 2 (even) → 女.
GOOD_ID = "110101199005201222"
# Credit code 91110108055193381T: weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 over 91110108055193381
# give 9+3+9+27+0+26+0+136+0+145+125+13+72+72+30+240+28 = 935; 935 mod 31 = 5; 31 − 5 = 26 → "T".
GOOD_CODE = "91110108055193381T"


@dataclass(frozen=True)
class Run:
    exit_code: int
    output: str  # stdout and stderr as the user sees them


def run(args: list[str], answers: list[str] | None = None) -> Run:
    """``draft ARGS`` as the user runs it (errors become a message and an exit code), typing ``answers``."""
    text = None if answers is None else "\n".join(answers) + "\n"
    with CliRunner().isolation(input=text) as (_, _, output):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        return Run(code, output.getvalue().decode("utf-8"))


# --- typed input -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.8万", "18000.00"),
        ("18,000", "18000.00"),
        ("１８０００", "18000.00"),
        ("18000元", "18000.00"),
        ("¥18,000.5", "18000.50"),
        ("人民币 2,650.58 元", "2650.58"),
        ("0.05万", "500.00"),
        ("721.37", "721.37"),
    ],
)
def test_amounts_as_people_type_them(text: str, expected: str) -> None:
    value = typed.parse_amount(text)
    assert value == Decimal(expected) and str(value) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [("一万八", "不是金额"), ("18,00", "不是金额"), ("-5", "负数"), ("18000.005", "两位小数"), ("", "不是金额")],
)
def test_bad_amounts_say_why(text: str, reason: str) -> None:
    with pytest.raises(AnswerError, match=reason):
        typed.parse_amount(text)


@pytest.mark.parametrize(
    "text",
    ["2026年3月10日", "2026-03-10", "2026/3/10", "2026.3.10", "20260310", "２０２６年３月１０日", " 2026年 3 月10日 "],
)
def test_dates_as_people_type_them(text: str) -> None:
    assert typed.parse_date(text) == date(2026, 3, 10)


@pytest.mark.parametrize(
    ("text", "reason"), [("2026-02-30", "不存在"), ("3月10日", "不是日期"), ("2026-3", "不是日期")]
)
def test_bad_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(AnswerError, match=reason):
        typed.parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("23.98%", "0.2398"), ("0.2398", "0.2398"), ("２４％", "0.24"), ("年利率35.97%", "0.3597"), ("0", "0")],
)
def test_rates_as_people_type_them(text: str, expected: str) -> None:
    assert typed.parse_rate(text) == Decimal(expected)


def test_a_bare_rate_above_one_is_asked_again_as_percent_or_fraction() -> None:
    with pytest.raises(AnswerError, match=r"23\.98% 或 0\.2398"):
        typed.parse_rate("23.98")
    with pytest.raises(AnswerError, match="年利率"):
        typed.parse_rate("日0.05%")


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_shown_amounts_read_back(value: Decimal) -> None:
    assert typed.parse_amount(typed.show_amount(value)) == value
    assert typed.parse_amount(f"{value:,.2f}") == value


@given(st.decimals(min_value=0, max_value=5, places=6))
def test_shown_rates_read_back(value: Decimal) -> None:
    assert typed.parse_rate(typed.show_rate(value)) == value


def test_counts_choices_and_yes_no() -> None:
    kinds = [Choice("bank", "银行"), Choice("microfinance", "小额贷款公司")]
    assert typed.parse_count("１２期", 1, 60) == 12
    with pytest.raises(AnswerError, match="1 到 60"):
        typed.parse_count("61", 1, 60)
    assert typed.parse_choice("2", kinds) == "microfinance"
    assert typed.parse_choice("银行", kinds) == "bank"
    assert typed.parse_choices("2，1、2", kinds) == ["microfinance", "bank"]
    assert typed.parse_choices("无", kinds) == []
    with pytest.raises(AnswerError, match="1 到 2"):
        typed.parse_choice("3", kinds)
    assert typed.parse_yes_no("是") and not typed.parse_yes_no("N")


def test_identifiers_are_verified_and_never_echoed_in_full() -> None:
    assert typed.parse_id_number("110101199005201222 ", date(1990, 5, 20), "女") == GOOD_ID
    with pytest.raises(AnswerError) as caught:
        typed.parse_id_number("110101199005201223", date(1990, 5, 20), "女")
    assert "校验码" in str(caught.value) and GOOD_ID[:-1] not in str(caught.value)
    with pytest.raises(AnswerError, match="出生日期"):
        typed.parse_id_number(GOOD_ID, date(1990, 5, 21), "女")
    with pytest.raises(AnswerError, match="性别"):
        typed.parse_id_number(GOOD_ID, date(1990, 5, 20), "男")
    assert typed.parse_credit_code(GOOD_CODE.lower()) == GOOD_CODE
    with pytest.raises(AnswerError, match="校验码"):
        typed.parse_credit_code(GOOD_CODE[:-1] + "A")
    assert typed.parse_case_number("（2026）京0491民初31875号") == "（2026）京0491民初31875号"
    with pytest.raises(AnswerError, match="案号"):
        typed.parse_case_number("京0491民初31875号")
    assert typed.parse_phone("１３９００１３９０００") == "13900139000"


# --- the interview ---------------------------------------------------------------------------------------


def test_init_yes_from_the_sample_writes_a_valid_case_with_its_facts(tmp_path: Path) -> None:
    target = tmp_path / "case.yaml"
    result = run(["init", str(target), "--from", str(SAMPLE), "--yes"])
    assert result.exit_code == 0, result.output
    case = load_case(target)
    figures = compute_figures(case)
    sample = load_case(SAMPLE)
    assert case.client == sample.client and case.loan == sample.loan and case.claims == sample.claims
    # law.md §4 worked example: 18,000.00 × 0.2398 × 61/365 = 721.3709… → 721.37 and 18,000.00 × 0.24 × 163/365 =
    # 1,929.2054… → 1,929.20, each booked rounded down (§4.4): 18,000.00 + 2,650.57 = 20,650.57
    assert figures.supportable_total == Decimal("20650.57")
    checked = run(["check", "--case", str(target)])
    assert checked.exit_code == 0 and "错误 0 项" in checked.output, checked.output


def test_written_file_is_commented_quoted_and_starts_with_the_schema_line(tmp_path: Path) -> None:
    target = tmp_path / "case.yaml"
    assert run(["init", str(target), "--from", str(SAMPLE), "--yes"]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=") and lines[0].endswith("schema/case.schema.json")
    assert (tmp_path / lines[0].split("=", 1)[1]).resolve() == ROOT / "schema" / "case.schema.json"
    assert 'id_number: "410105199403012319"' in text and 'phone: "13800138000"' in text
    assert 'case_number: "（2026）京0491民初31875号"' in text
    assert "  principal: 18000.00" in text and "annual_rate: 0.2398" in text
    assert "# 出借人类型" in text and "# 约定期内年利率" in text


def test_writer_round_trips_the_sample() -> None:
    sample = load_case(SAMPLE)
    assert case_from_text(case_text(sample, "case.schema.json", "case.yaml"), "case.yaml") == sample


_ACCEPTED = st.characters(blacklist_categories=("Cs",)).filter(lambda char: text_problem(char) is None)


@given(st.text(_ACCEPTED, min_size=1, max_size=40).map(str.strip).filter(bool))
def test_any_text_the_format_accepts_survives_writing_and_reading(text: str) -> None:
    sample = load_case(SAMPLE)
    case = sample.model_copy(update={"client": sample.client.model_copy(update={"address": text, "occupation": text})})
    assert case_from_text(case_text(case, "case.schema.json", "case.yaml"), "case.yaml").client.address == text


def test_no_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "case.yaml"
    target.write_text("old", encoding="utf-8")
    result = run(["init", str(target), "--yes"])
    assert result.exit_code == 1 and "已存在" in result.output and "--force" in result.output
    assert target.read_text(encoding="utf-8") == "old"
    assert run(["init", str(target), "--from", str(SAMPLE), "--yes", "--force"]).exit_code == 0
    assert load_case(target).client.name == "李明"


def test_default_file_is_case_yaml_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["init", "--yes"]).exit_code == 0
    assert (tmp_path / "case.yaml").is_file()
    assert not list(tmp_path.glob(".draft-*"))  # no temporary file left behind


def test_from_an_existing_case_keeps_its_facts(tmp_path: Path) -> None:
    source = tmp_path / "old.yaml"
    text = SAMPLE.read_text(encoding="utf-8").replace("name: 李明", "name: 李明明")
    text = text.replace("  fees: 1387.23", "  fees: 0")
    source.write_text(text.replace("total: 23000.00", "total: 21612.77"), encoding="utf-8")
    target = tmp_path / "new.yaml"
    assert run(["init", str(target), "--from", str(source), "--yes"]).exit_code == 0
    old, new = load_case(source), load_case(target)
    assert new.client.name == "李明明" and new.claims == old.claims
    assert new.model_dump(exclude={"proposal"}) == old.model_dump(exclude={"proposal"})
    assert new.proposal is not None and old.proposal is not None
    # a down payment date without a down payment says nothing, and is not asked for
    assert new.proposal.down_payment_date is None
    assert new.proposal.model_dump(exclude={"down_payment_date"}) == old.proposal.model_dump(
        exclude={"down_payment_date"}
    )


def test_pressing_enter_throughout_keeps_the_edited_case_and_masks_the_id(tmp_path: Path) -> None:
    target = tmp_path / "case.yaml"
    result = run(["init", str(target), "--from", str(SAMPLE)], [""] * 200)
    assert result.exit_code == 0, result.output
    assert "410105199403012319" not in result.output and "4101************19" in result.output
    assert load_case(target).client.id_number == "410105199403012319"


# (the question, what the person types) in the order the questions come; "" takes the default, which for a
# new case is only the format's own (a 15-day answer period, 365-day years, claims of 0, the items' sum).
SCRIPT: list[tuple[str, str]] = [
    ("姓名", "张三"),
    ("性别", "2"),
    ("出生日期", "1990年5月20日"),
    ("民族", "汉族"),
    ("公民身份号码", "110101199005201223"),  # wrong check digit → asked again
    ("公民身份号码", "410105199403012319"),  # a valid ID, but of a man born 1994-03-01 → asked again
    ("公民身份号码", GOOD_ID),
    ("职业", "教师"),
    ("住所地", "北京市东城区某某路1号"),
    ("联系电话", "１３９００１３９０００"),
    ("名称或姓名", "某某消费金融有限公司"),
    ("出借人类型", "2"),
    ("统一社会信用代码", GOOD_CODE[:-1] + "A"),  # wrong check character → asked again
    ("统一社会信用代码", GOOD_CODE),
    ("法定代表人", "无"),
    ("原债权人", ""),
    ("住所地", "北京市海淀区某某大街2号"),
    ("有委托诉讼代理人吗", "否"),
    ("已经被起诉", "是"),
    ("受理法院全称", "北京市东城区"),  # not a court's full name → asked again
    ("受理法院全称", "北京市东城区人民法院"),
    ("案号", "无"),
    ("案由", "金融借款合同纠纷"),
    ("审理程序", "无"),
    ("起诉日", ""),
    ("立案日", "2026年9月1日"),
    ("收到起诉状副本之日", "2026/9/10"),
    ("答辩期", ""),
    ("合同编号", "无"),
    ("合同签订日", "2026年3月10日"),
    ("合同本金", "1.8万"),
    ("实际到账金额", "17,000"),
    ("放款日", "2026.3.10"),
    ("约定年利率", "18%"),
    ("约定逾期（罚息）年利率", "0.24"),
    ("借款期限", "12"),
    ("还款方式", "2"),
    ("首期还款日", "2026-04-10"),
    ("最后还款日", "2027-03-10"),
    ("起诉状所称的逾期起算日", ""),
    ("计息天数基准", ""),
    ("利率上限依据", ""),
    ("借款人已还款记录", "1"),
    ("第1笔还款日期", "2026年4月10日"),
    ("第1笔还款金额", "1,600元"),
    ("诉讼时效中断事由", "0"),
    ("填写原告的诉讼请求吗", "是"),
    ("利息主张计算至之日", "2026-09-01"),
    ("主张的本金", "16,500"),
    ("主张的期内利息", "1200"),
    ("主张的罚息", "300"),
    ("主张的复利", ""),
    ("主张的违约金", ""),
    ("主张的服务费等其他费用", "0"),
    ("主张的实现债权的费用", ""),
    ("诉请总额", "18,100"),  # not the sum of the items → asked again
    ("诉请总额", ""),  # Enter takes the sum
    ("原告请求由我方承担诉讼费吗", ""),
    ("填写困难情况", "否"),
    ("提出分期还款和解方案吗", "否"),
    ("起草民事答辩状吗", "是"),
    ("答辩状样式", "2"),
    ("认可的诉讼请求项目", "1"),
    ("明知风险、按原告主张数额认可的项目", ""),
    ("有异议的诉讼请求项目", "1,2"),  # 本金 is admitted already → asked again
    ("有异议的诉讼请求项目", "2,3"),
    ("附加答辩理由", "0"),
    ("请求法院主持调解吗", ""),
    ("答辩证据清单", "0"),
    ("落款日期", "2026年9月15日"),
    ("落款地点", "北京"),
]


def test_each_scripted_answer_goes_to_its_question(tmp_path: Path) -> None:
    result = run(["init", str(tmp_path / "case.yaml")], [answer for _, answer in SCRIPT])
    transcript = result.output.split("已写入")[0].splitlines()
    prompts = [line for line in transcript if "：" in line and not line.startswith(" ")]  # "question [default]：answer"
    assert len(prompts) == len(SCRIPT)
    for (question, answer), line in zip(SCRIPT, prompts, strict=True):
        assert line.startswith(question) and line.rsplit("：", 1)[1] == answer, (question, answer, line)


def test_scripted_interview_writes_the_expected_case(tmp_path: Path) -> None:
    target = tmp_path / "张三.yaml"
    result = run(["init", str(target)], [answer for _, answer in SCRIPT])
    assert result.exit_code == 0, result.output
    reasons = ["校验码不符", "出生日期", "统一社会信用代码校验码不符", "以“法院”结尾", "上面已经选过"]
    for reason in [*reasons, "与总额 18100.00 不一致"]:
        assert reason in result.output
    case = load_case(target)
    client, lender, court, loan = case.client, case.lender, case.court, case.loan
    assert (client.name, client.gender, client.birth_date) == ("张三", "女", date(1990, 5, 20))
    assert client.id_number == GOOD_ID
    assert client.ethnicity == "汉族" and client.phone == "13900139000"
    assert (lender.kind, lender.credit_code, lender.representative) == ("consumer_finance", GOOD_CODE, None)
    assert case.agent is None
    assert court is not None and court.name == "北京市东城区人民法院" and court.case_number is None
    assert (court.procedure, court.filed_on, court.served_on) == (None, date(2026, 9, 1), date(2026, 9, 10))
    # the submission date left out (filed_on stands in, law.md §5); no procedure and no period given, so none
    # is written: the 15-day default applies with a warning to confirm it (law.md §5)
    assert court.submitted_on is None and court.answer_period_days is None
    assert loan.contract_number is None and loan.contract_date == date(2026, 3, 10)
    assert (loan.principal, loan.disbursed) == (Decimal("18000"), Decimal("17000"))  # 1.8万, 17,000
    assert loan.disbursed_on == date(2026, 3, 10)
    assert (loan.annual_rate, loan.overdue_rate, loan.term_months) == (Decimal("0.18"), Decimal("0.24"), 12)
    assert (loan.repayment, loan.first_due_date, loan.final_due_date) == (
        "equal_installments",
        date(2026, 4, 10),
        date(2027, 3, 10),
    )
    assert [(r.date, r.amount) for r in loan.repayments] == [(date(2026, 4, 10), Decimal("1600"))]
    assert loan.interruptions == [] and loan.day_count == 365 and loan.rate_cap_basis == "auto"
    claims = case.claims
    assert claims is not None and claims.as_of == date(2026, 9, 1)
    assert (claims.principal, claims.interest, claims.penalty, claims.fees) == (
        Decimal("16500"),
        Decimal("1200"),
        Decimal("300"),
        Decimal("0"),
    )
    assert claims.total == Decimal("18000")  # 16,500 + 1,200 + 300
    assert case.hardship is None and case.proposal is None
    answer = case.answer
    assert answer is not None and answer.style == "elements"
    assert (answer.admitted, answer.contested) == (["principal"], ["interest", "penalty"])
    assert answer.evidence is None and answer.request_installments is False and answer.request_mediation is True
    assert (case.signing.date, case.signing.place) == (date(2026, 9, 15), "北京")
    compute_figures(case)  # the written case computes
    checked = run(["check", "--case", str(target)])
    assert checked.exit_code == 0 and "错误 0 项" in checked.output, checked.output


def test_running_out_of_answers_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "case.yaml"
    result = run(["init", str(target)], ["张三", "2"])
    assert result.exit_code != 0 and not target.exists()


def test_yes_with_a_default_that_does_not_fit_explains_instead_of_looping(tmp_path: Path) -> None:
    source = tmp_path / "old.yaml"
    text = SAMPLE.read_text(encoding="utf-8").replace("birth_date: 1994-03-01", "birth_date: 1994-03-02")
    source.write_text(text, encoding="utf-8")
    result = run(["init", str(tmp_path / "new.yaml"), "--from", str(source), "--yes"])
    assert result.exit_code == 1 and "公民身份号码：默认值不能使用" in result.output
    assert "410105199403012319" not in result.output


def test_interview_runs_without_a_terminal() -> None:
    told: list[str] = []
    case = interview(load_case(SAMPLE), Interviewer(None, told.append))
    assert case.client.name == "李明" and told == []


def test_answers_beyond_the_case_format_bounds_are_asked_again() -> None:
    # the same bounds as the case file (toolkit.case.models): below 10^12 yuan; years 1900–2100; no control characters
    with pytest.raises(AnswerError, match="金额过大"):
        typed.parse_amount("1000000000000")
    assert typed.parse_amount("999999999999.99") == Decimal("999999999999.99")
    with pytest.raises(AnswerError, match="年份 2101 不合理"):
        typed.parse_date("2101-01-01")
    assert typed.parse_date("2100-12-31") == date(2100, 12, 31)
    with pytest.raises(AnswerError, match="U\\+0008"):
        typed.parse_text("李\b明")
