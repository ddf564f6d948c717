"""Hostile values in a case file: each is refused when the case is loaded, by one message that names the
file, the line and the field, with exit code 1, no traceback, and no document written.

Every input is made here from the sample by changing one line; the bounds come from the issue and the
case format (amounts ≥ 0, below 10^12 yuan, in cents; dates 1990-01-01 … 2100-12-31, births from 1900).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from support import run_cli

from toolkit.case.load import case_from_text
from toolkit.case.text import RAW_CONTROL, control_character
from toolkit.errors import CaseFileError

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "case.yaml"
PRINCIPAL = "  principal: 18000.00   "  # the loan's (the claim's has no comment after it)
SERVED = "  served_on: 2026-11-20"
NAME = "  name: 李明"


def _line_of(text: str, written: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if written in line)


def _sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def _refusal(old: str, new: str) -> tuple[str, int]:
    """The message for the sample with ``old`` replaced once by ``new``, and the line ``new`` is on."""
    text = _sample()
    assert old in text, old
    edited = text.replace(old, new, 1)
    with pytest.raises(CaseFileError) as caught:
        case_from_text(edited, "case.yaml")
    return str(caught.value), _line_of(edited, new.splitlines()[0])


# (what is written, the field, words the message must hold)
AMOUNTS = [
    ("1e30", "金额过大"),  # a string to YAML (no dot), a number to Decimal: 10^30
    ("1e400", "金额过大"),  # beyond any float, still a finite Decimal
    ("1.0e+30", "金额过大"),  # a YAML float
    ("1000000000000", "金额过大"),  # exactly 10^12: the bound is exclusive
    ("10**30", "应为数字"),
    ("18000.005", "超过两位的小数"),
    (".inf", "有限的数字"),
    ("-1", "数值太小"),
]


@pytest.mark.parametrize(("written", "words"), AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_amounts_out_of_bounds_are_refused_with_file_line_and_field(written: str, words: str) -> None:
    message, line = _refusal(PRINCIPAL, f"  principal: {written} ")
    assert message.startswith(f"case.yaml:{line}: loan.principal: ")
    assert words in message


def test_the_largest_amount_below_the_bound_loads() -> None:
    text = _sample().replace(PRINCIPAL, "  principal: 999999999999.99", 1)
    assert case_from_text(text, "case.yaml").loan.principal == Decimal("999999999999.99")


def test_amount_bounds_hold_in_lists_and_mappings() -> None:
    message, line = _refusal("    房租: 1800.00", "    房租: 1e30")
    assert f"case.yaml:{line}: hardship.monthly_expenses.房租: 金额过大" in message
    message, line = _refusal("  repayments: []", "  repayments: [{date: 2026-04-10, amount: 0.001}]")
    assert f"case.yaml:{line}: loan.repayments[0].amount: " in message and "两位" in message


DATES = [
    ("9999-12-31", "court.served_on"),
    ("2101-01-01", "court.served_on"),
    ("1989-12-31", "court.served_on"),
    ("0001-01-01", "court.served_on"),
]


@pytest.mark.parametrize(("written", "field"), DATES, ids=[d[0] for d in DATES])
def test_dates_out_of_range_are_refused(written: str, field: str) -> None:
    message, line = _refusal(SERVED, f"  served_on: {written}")
    assert message.startswith(f"case.yaml:{line}: {field}: 日期 {written} 不在合理范围内（1990-01-01 至 2100-12-31）")


def test_date_bounds_are_inclusive_and_births_reach_back_to_1900() -> None:
    text = _sample().replace(SERVED, "  served_on: 2100-12-31", 1)
    assert case_from_text(text, "case.yaml").court is not None
    text = _sample().replace("  birth_date: 1994-03-01", "  birth_date: 1920-03-01", 1)
    assert case_from_text(text, "case.yaml").client.birth_date.year == 1920
    message, _ = _refusal("  birth_date: 1994-03-01", "  birth_date: 1899-12-31")
    assert "client.birth_date: 日期 1899-12-31 不在合理范围内（1900-01-01 至 2100-12-31）" in message


def test_date_bounds_hold_in_every_section() -> None:
    message, line = _refusal("  repayments: []", "  repayments: [{date: 9999-12-31, amount: 1.00}]")
    assert f"case.yaml:{line}: loan.repayments[0].date: 日期 9999-12-31" in message


# Control characters, non-characters and invisible formatting characters, written as YAML escapes (a
# double-quoted "\x01" reaches the models) and raw in the file (PyYAML refuses most of those itself).
ESCAPED = [
    ("\\x01", "U+0001"),
    ("\\b", "U+0008"),
    ("\\0", "U+0000"),
    ("\\uFFFE", "U+FFFE"),
    ("\\u200B", "U+200B"),
    ("\\u202E", "U+202E"),
    ("\\x85", "U+0085"),
    ("\\uFDD0", "U+FDD0"),
    ("\\U0001FFFE", "U+1FFFE"),
    ("\\U0010FFFF", "U+10FFFF"),
]


@pytest.mark.parametrize(("escape", "code"), ESCAPED, ids=[e[1] for e in ESCAPED])
def test_control_and_invisible_characters_are_refused_naming_the_field(escape: str, code: str) -> None:
    message, line = _refusal(NAME, f'  name: "李{escape}明"')
    assert message.startswith(f"case.yaml:{line}: client.name: 第 2 个字符是")
    assert code in message


RAW = ["\x01", "\x08", "\x00", "\ufffe", "\x7f", "\x9f"]


@pytest.mark.parametrize("char", RAW, ids=[f"U+{ord(c):04X}" for c in RAW])
def test_raw_control_characters_name_line_and_field(char: str) -> None:
    message, line = _refusal(NAME, f"  name: 李{char}明")
    assert message.startswith(f"case.yaml:{line}: client.name: 该行第 ")
    assert f"U+{ord(char):04X}" in message


def test_every_character_refused_by_the_fast_search_is_one_the_rule_refuses() -> None:
    """The search the loader runs on a whole file refuses, of every code point, exactly what the rule says
    (text.py's docstring: C0 controls but tab and line breaks, C1 controls and DEL, surrogates, U+FDD0–U+FDEF
    and the last two code points of every plane), as the rule's own pattern does."""
    for code in range(0x110000):
        refused = (
            (code < 0x20 and code not in (0x09, 0x0A, 0x0D))
            or 0x7F <= code <= 0x9F
            or 0xD800 <= code <= 0xDFFF
            or 0xFDD0 <= code <= 0xFDEF
            or code & 0xFFFE == 0xFFFE
        )
        found = control_character(f"甲{chr(code)}")
        assert (found is not None) == refused == (RAW_CONTROL.search(chr(code)) is not None), f"U+{code:04X}"
        assert found is None or found.start() == 1
    assert control_character("李\U0001f600明\U0001ffff") is not None  # past an emoji, to the non-character
    assert control_character("李\U0001f600明") is None


def test_characters_are_checked_in_lists_and_keys() -> None:
    message, line = _refusal("  arguments: []", '  arguments: ["正常的一段", "第二段\\u200B"]')
    assert f"case.yaml:{line}: answer.arguments[1]: 第 4 个字符是不可见的格式字符（U+200B" in message
    message, line = _refusal("    房租: 1800.00", '    "房\\x07租": 1800.00')
    assert "hardship.monthly_expenses" in message and "U+0007" in message


def test_tabs_and_line_breaks_in_free_text_are_kept() -> None:
    text = _sample().replace("  arguments: []", '  arguments: ["第一行\\n第二行\\t完"]', 1)
    case = case_from_text(text, "case.yaml")
    assert case.answer is not None and case.answer.arguments == ["第一行\n第二行\t完"]


HOSTILE_LINES = [
    (PRINCIPAL, "  principal: 1e400 "),
    (SERVED, "  served_on: 9999-12-31"),
    (NAME, '  name: "李\\x01明"'),
    (NAME, "  name: 李\x08明"),
    ("  contract_date: 2026-03-10", "  contract_date: 0001-01-01"),
]


@pytest.mark.parametrize(("old", "new"), HOSTILE_LINES, ids=[n for _, n in HOSTILE_LINES])
def test_cli_refuses_with_one_message_exit_1_and_writes_nothing(
    old: str, new: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(_sample().replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(["all", "--case", str(case), "--out", str(out), "--force"], capsys)
    assert code == 1
    line = _line_of(case.read_text(encoding="utf-8"), new)
    assert stderr.startswith(f"错误：{case}:{line}: ")
    assert "Traceback" not in stderr + stdout and "Error" not in stderr
    assert not out.exists()


def test_sums_stay_below_the_bound_too() -> None:
    # two expenses of 600,000,000,000.00 each: each below 10^12, together 1.2 × 10^12
    message, _ = _refusal("    房租: 1800.00", "    房租: 600000000000.00\n    车贷: 600000000000.00")
    assert "hardship: 每月支出合计过大（应小于一万亿元）" in message
    message, _ = _refusal("  fees: 1387.23", "  fees: 999999999999.00")  # with the sample's 21,612.77 of others
    assert "claims: 诉请各项合计过大" in message
