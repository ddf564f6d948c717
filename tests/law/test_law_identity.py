"""ID numbers (GB 11643-1999), credit codes (GB 32100-2015) and case numbers (law.md §7)."""

from __future__ import annotations

import datetime as dt

import pytest

from toolkit.case.identity import (
    case_number_ok,
    credit_code_check_char,
    credit_code_problems,
    id_check_digit,
    id_number_problems,
)

SAMPLE_ID = "410105199403012319"


def test_sample_id_check_digit_by_hand() -> None:
    # 4×7 + 1×9 + 0×10 + 1×5 + 0×8 + 5×4 + 1×2 + 9×1 + 9×6 + 4×3 + 0×7 + 3×9 + 0×10 + 1×5 + 2×8 + 3×4 + 1×2
    # = 28 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 54 + 12 + 0 + 27 + 0 + 5 + 16 + 12 + 2 = 201; 201 mod 11 = 3;
    # "10X98765432"[3] = "9"
    assert id_check_digit(SAMPLE_ID[:17]) == "9"
    assert id_number_problems(SAMPLE_ID, dt.date(1994, 3, 1), "男") == []


def test_check_digit_x_by_hand() -> None:
    # 11010519491231002: 7 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 0 + 0 + 4 = 167;
    # 167 mod 11 = 2; "10X98765432"[2] = "X". 17th digit 2 is even: 女.
    assert id_check_digit("11010519491231002") == "X"
    assert id_number_problems("11010519491231002X", dt.date(1949, 12, 31), "女") == []


def test_wrong_check_digit_is_reported_without_the_number() -> None:
    problems = id_number_problems("410105199403012318", dt.date(1994, 3, 1), "男")
    assert len(problems) == 1
    assert "校验码" in problems[0]
    assert "410105199403012318" not in problems[0]
    assert "41010519940301231" not in problems[0]


def test_birth_date_and_gender_must_agree() -> None:
    problems = id_number_problems(SAMPLE_ID, dt.date(1994, 3, 2), "女")
    assert len(problems) == 2
    assert "出生日期" in problems[0]
    assert "性别" in problems[1]


@pytest.mark.parametrize(
    ("id_number", "fragment"),
    [
        ("41010519940301231", "18位"),
        ("4101051994030123199", "18位"),
        ("41010519940A012319", "前17位"),
        ("41010519940301231x", "大写"),
        ("410105199402302314", "出生日期"),
    ],
)
def test_malformed_ids(id_number: str, fragment: str) -> None:
    problems = id_number_problems(id_number, dt.date(1994, 3, 1), "男")
    assert any(fragment in p for p in problems)
    assert all(id_number not in p for p in problems)


def test_credit_code_check_by_hand() -> None:
    # 9 1 3 5 0 1 0 0 M 0 0 0 1 0 0 Y 4 → values 9 1 3 5 0 1 0 0 21 0 0 0 1 0 0 30 4
    # × weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    # = 9 + 3 + 27 + 135 + 0 + 26 + 0 + 0 + 420 + 0 + 0 + 0 + 8 + 0 + 0 + 900 + 112 = 1640;
    # 1640 mod 31 = 28 (31 × 52 = 1612); 31 − 28 = 3 → "3"
    assert credit_code_check_char("91350100M000100Y4") == "3"
    assert credit_code_problems("91350100M000100Y43") == []


def test_credit_code_check_31_becomes_0() -> None:
    # all zeros: sum 0, 31 − 0 = 31 → 0
    assert credit_code_check_char("0" * 17) == "0"
    assert credit_code_problems("0" * 18) == []


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("91350100M000100Y44", "校验码"),
        ("91350100M000100Y4", "18位"),
        ("91350100m000100Y43", "大写"),
        ("91350100O000100Y43", "不使用的字符"),
    ],
)
def test_bad_credit_codes(code: str, fragment: str) -> None:
    assert any(fragment in p for p in credit_code_problems(code))


@pytest.mark.parametrize(
    "text",
    ["（2026）京0491民初31875号", "(2026)京0491民初31875号", "（2020）最高法民终123号", "（2025）渝01民终7号"],
)
def test_case_numbers_accepted(text: str) -> None:
    assert case_number_ok(text)


@pytest.mark.parametrize(
    "text",
    [
        "2026京0491民初31875号",
        "（2026)京0491民初31875号",
        "（2026）京0491民初号",
        "（26）京0491民初1号",
        "（2026）京0491民初31875",
        "（2026）0491民初31875号",
        "（2026） 京0491民初31875号",
    ],
)
def test_case_numbers_refused(text: str) -> None:
    assert not case_number_ok(text)
