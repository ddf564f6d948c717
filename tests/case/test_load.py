"""Case files: the sample loads as the contract describes; every malformed file gives one clear message."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from toolkit.case.load import case_from_text, load_case
from toolkit.errors import CaseFileError

HERE = Path(__file__).parent
SAMPLE = HERE.parents[1] / "samples" / "case.yaml"


def test_sample_loads_with_decimal_money_and_dates() -> None:
    case = load_case(SAMPLE)
    assert case.loan.principal == Decimal("18000.00")
    assert isinstance(case.loan.annual_rate, Decimal) and case.loan.annual_rate == Decimal("0.2398")
    assert case.court is not None and case.court.served_on == date(2026, 11, 20)
    assert case.client.id_number == "410105199403012319"
    assert case.hardship is not None and case.hardship.monthly_expenses["房租"] == Decimal("1800.00")
    assert case.loan.interruptions[0].kind == "demand"


def _error(text: str) -> str:
    with pytest.raises(CaseFileError) as caught:
        case_from_text(text, "case.yaml")
    return str(caught.value)


def test_unknown_key_names_file_line_and_path(sample_text: str) -> None:
    message = _error(sample_text.replace("  term_months: 2", "  term_month: 2"))
    line = next(n for n, text in enumerate(sample_text.splitlines(), 1) if text.startswith("  term_months"))
    assert f"case.yaml:{line}: loan.term_month: 不认识的字段" in message


def test_wrong_type_is_explained(sample_text: str) -> None:
    message = _error(sample_text.replace("principal: 18000.00                   #", "principal: 一万八 #"))
    assert "loan.principal" in message and "应为数字" in message


def test_unquoted_id_number_says_quote_it_and_never_echoes_it(sample_text: str) -> None:
    message = _error(sample_text.replace('"410105199403012319"', "410105199403012319"))
    assert "client.id_number" in message and "加引号" in message
    assert "410105199403012319" not in message and "0105199403" not in message


def test_impossible_date(sample_text: str) -> None:
    message = _error(sample_text.replace("served_on: 2026-11-20", "served_on: 2026-02-30"))
    assert "court.served_on" in message and "不是有效的日期" in message


def test_missing_required_section(sample_text: str) -> None:
    start = sample_text.index("loan:\n")
    end = sample_text.index("claims:")
    message = _error(sample_text[:start] + sample_text[end:])
    assert "loan: 缺少必填项" in message


def test_duplicate_key_is_refused(sample_text: str) -> None:
    message = _error(sample_text.replace("  term_months: 2", "  term_months: 2\n  term_months: 3"))
    assert "term_months 写了两次" in message


@pytest.mark.parametrize("written", ["待填写", '"\\u5f85\\u586b\\u5199"'])
def test_a_field_still_marked_to_fill_is_refused_even_when_escaped(sample_text: str, written: str) -> None:
    # '"\u5f85\u586b\u5199"' is YAML's double-quoted escape of 待填写 (U+5F85 U+586B U+5199)
    message = _error(sample_text.replace("address: 河南省郑州市金水区文化路100号", f"address: {written}", 1))
    assert "client.address: 尚未填写" in message


def test_money_is_never_float(sample_text: str) -> None:
    case = case_from_text(sample_text.replace("fees: 1387.23  ", "fees: 0.1      "), "case.yaml")
    assert case.claims is not None and case.claims.fees == Decimal("0.1")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.yaml", "文件是空的"),
        ("not-utf8.yaml", "不是 UTF-8 编码"),
        ("list.yaml", "顶层必须是"),
        ("python-tag.yaml", "不接受的 YAML 标签"),
        ("billion-laughs.yaml", "锚点/别名"),
        ("syntax.yaml", "YAML 语法错误"),
        ("negative.yaml", "loan.principal"),
        ("nan.yaml", "有限的数字"),
    ],
)
def test_malformed_files(name: str, expected: str) -> None:
    with pytest.raises(CaseFileError) as caught:
        load_case(HERE / "bad" / name)
    assert expected in str(caught.value)
    assert str(HERE / "bad" / name) in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="找不到该文件"):
        load_case(tmp_path / "nope.yaml")
    with pytest.raises(CaseFileError, match="文件夹"):
        load_case(tmp_path)


# One bad case file per friendly message of the loader: each is samples/case.yaml with one line changed,
# and the message names that line, the field and what to type instead.
MAPPING = "应为“键: 值”的映射：请参照 samples/case.yaml 的写法"
FRIENDLY = [
    ("rate-as-percent.yaml", "loan.annual_rate", "数值太大：应不大于 10（利率请写成小数，如 0.2398）"),
    (
        "lender-kind.yaml",
        "lender.kind",
        "取值不在可选范围内：可选 bank、consumer_finance、microfinance、other_licensed、private",
    ),
    ("day-count.yaml", "loan.day_count", "取值不在可选范围内：可选 365、360"),
    ("repayments-not-list.yaml", "loan.repayments", "应为列表（每项以 - 开头）"),
    ("bool-as-word.yaml", "claims.litigation_costs_on_client", "应为 true 或 false"),
    ("expenses-not-mapping.yaml", "hardship.monthly_expenses", MAPPING),
    ("lender-not-mapping.yaml", "lender", MAPPING),
    ("empty-name.yaml", "client.name", "应为一段文字，不能为空"),
    ("term-fraction.yaml", "loan.term_months", "应为整数：请去掉单位、小数点和引号，如 12"),
    ("term-zero.yaml", "loan.term_months", "数值太小：应不小于 1"),
    ("negative.yaml", "loan.principal", "数值太小：应大于 0"),
    ("nan.yaml", "loan.principal", "金额必须是有限的数字：请写成如 18000.00 的数字"),
    ("phone-number.yaml", "client.phone", "像数字的编号必须加引号写成字符串"),
]


@pytest.mark.parametrize(("name", "field", "message"), FRIENDLY, ids=[row[0] for row in FRIENDLY])
def test_each_friendly_message_names_line_field_and_remedy(name: str, field: str, message: str) -> None:
    path = HERE / "bad" / name
    sample, bad = (p.read_text(encoding="utf-8").splitlines() for p in (SAMPLE, path))
    line = next(n for n, (a, b) in enumerate(zip(sample, bad, strict=False), 1) if a != b)  # the changed line
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    problems = str(caught.value).splitlines()
    assert [p for p in problems if f"{path}:{line}: {field}: {message}" in p], problems
    assert "13800138000" not in str(caught.value)
