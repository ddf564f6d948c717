"""Amounts in words and figures, per 中国人民银行《正确填写票据和结算凭证的基本规定》 (law.md §7)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from toolkit.law.money import (
    cents,
    cn_date,
    integer_words,
    money,
    number_words,
    parse_rmb_upper,
    rate_percent,
    rmb_upper,
    yuan,
)

# Figure → uppercase, each written out by hand from the PBOC rules (the first four are the rules' own examples).
UPPER = [
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),  # 元位是0、角位不是0：元后写零
    ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),  # 万位是0、千位不是0：可不写零；元位是0：写零
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),  # 角位是0、分位不是0：元后写零
    ("325.04", "人民币叁佰贰拾伍元零肆分"),  # law.md §7
    ("1409.50", "人民币壹仟肆佰零玖元伍角"),  # 中间一个0写零；角后不写整
    ("6007.14", "人民币陆仟零柒元壹角肆分"),  # 中间连续几个0只写一个零
    ("18000.00", "人民币壹万捌仟元整"),  # law.md §7
    ("10.00", "人民币壹拾元整"),  # 壹拾，不写“拾元”
    ("15.00", "人民币壹拾伍元整"),
    ("100000.10", "人民币壹拾万元零壹角"),
    ("100100.00", "人民币壹拾万零壹佰元整"),
    ("0.50", "人民币伍角"),
    ("0.05", "人民币伍分"),
    ("0.00", "人民币零元整"),
    ("1500.00", "人民币壹仟伍佰元整"),
    ("20650.58", "人民币贰万零陆佰伍拾元零伍角捌分"),
    ("11000.00", "人民币壹万壹仟元整"),  # 仟 right after 万: no 零 (the 万 section's 1,000 is not "below 1,000")
    ("10100.00", "人民币壹万零壹佰元整"),  # 千位是0：万后写零
    ("110000.00", "人民币壹拾壹万元整"),  # 壹拾 leads the 万 section too
]


@pytest.mark.parametrize(("figure", "words"), UPPER)
def test_rmb_upper(figure: str, words: str) -> None:
    assert rmb_upper(Decimal(figure)) == words


@pytest.mark.parametrize(("figure", "words"), UPPER)
def test_parse_rmb_upper_reads_back(figure: str, words: str) -> None:
    assert parse_rmb_upper(words) == Decimal(figure)


@pytest.mark.parametrize(
    ("words", "figure"),
    [
        ("人民币壹拾万零柒仟元伍角叁分", "107000.53"),  # the rules' other allowed form
        ("人民币壹仟陆佰捌拾元叁角贰分", "1680.32"),  # likewise
        ("人民币壹万捌仟元正", "18000.00"),  # 正 for 整
        ("人民币零元正", "0.00"),  # 正 for 整 in the zero amount too
        ("人民币伍角整", "0.50"),  # 整 after 角 is allowed
        ("壹万捌仟元整", "18000.00"),  # without the prefix
        ("人民币拾元整", "10.00"),  # a leading 拾 without 壹 is read as ten (only at the very start)
        ("人民币拾伍万元整", "150000.00"),
    ],
)
def test_parse_rmb_upper_accepts_allowed_variants(words: str, figure: str) -> None:
    assert parse_rmb_upper(words) == Decimal(figure)


@pytest.mark.parametrize(
    "words",
    [
        "",
        "人民币",
        "人民币壹万捌仟元",  # 元 without 整
        "人民币壹佰伍元整",  # 壹佰伍 is ambiguous: 105 needs 零
        "人民币壹仟伍拾元整",  # missing 零 for the 0 hundreds
        "人民币壹仟零零伍元整",  # two 零
        "人民币壹万零零伍元整",  # two 零 after 万
        "人民币壹佰零元整",  # a 零 at the end of the number: nothing follows it
        "人民币壹万零元整",  # likewise after 万
        "人民币壹拾零伍元整",  # 零 where no place is empty
        "人民币壹万壹拾元整",  # 10,010 needs 零 after 万
        "人民币壹佰拾元整",  # 拾 without its digit is allowed only at the very start
        "人民币壹万拾元整",
        "人民币壹元零伍角",  # 零 after a non-zero 元 digit
        "人民币壹元伍分",  # 角 is 0 and 分 is not: 零 required
        "人民币伍分整",  # 整 after 分
        "人民币壹拾元整整",
        "人民币壹佰壹佰元整",
        "人民币壹拾佰元整",
        "人民币零伍分",
        "人民币壹万捌仟圆整",
        "人民币1万元整",
    ],
)
def test_parse_rmb_upper_refuses_malformed(words: str) -> None:
    with pytest.raises(ValueError):
        parse_rmb_upper(words)


# Zero-heavy amounts (e.g. 100,009,000.05) are where the 零 rules bite; mix them with plain random ones.
zero_heavy = st.text(alphabet="0000000019", min_size=1, max_size=12).map(lambda d: Decimal(int(d)) / 100)
amounts = st.integers(min_value=0, max_value=10**12 - 1).map(lambda n: Decimal(n) / 100) | zero_heavy


@settings(max_examples=300)
@given(amounts)
@example(Decimal("11000.00"))
@example(Decimal("10.00"))
@example(Decimal("100010.01"))
@example(Decimal("1000000000.00"))
def test_rmb_upper_round_trips(amount: Decimal) -> None:
    words = rmb_upper(amount)
    assert words.startswith("人民币")
    assert "零零" not in words
    assert words.endswith("整") == (amount == amount.to_integral_value())
    assert parse_rmb_upper(words) == amount


def test_cents_rounds_half_up() -> None:
    assert cents(Decimal("2650.575")) == Decimal("2650.58")
    assert cents(Decimal("2650.5749")) == Decimal("2650.57")
    assert cents(Decimal("0.005")) == Decimal("0.01")


def test_yuan() -> None:
    assert yuan(Decimal(18000)) == "18,000.00"
    assert yuan(Decimal("2650.5764")) == "2,650.58"
    assert yuan(Decimal("0.5")) == "0.50"
    assert yuan(Decimal("1234567.891")) == "1,234,567.89"


@pytest.mark.parametrize(
    ("r", "text"),
    [
        ("0.2398", "23.98%"),
        ("0.24", "24%"),
        ("0.2400", "24%"),
        ("0.148", "14.8%"),
        ("0.0385", "3.85%"),
        ("0.12345", "12.345%"),  # never rounded: the formula lines recompute from it
        ("0.3597", "35.97%"),
        ("1", "100%"),
        # more than six decimals of a percent: rounded half up at the sixth (half even would give 12.345678%)
        ("0.123456785", "12.345679%"),
    ],
)
def test_rate_percent(r: str, text: str) -> None:
    assert rate_percent(Decimal(r)) == text


def test_cn_date_has_no_zero_padding() -> None:
    assert cn_date(dt.date(2026, 11, 29)) == "2026年11月29日"
    assert cn_date(dt.date(2027, 1, 5)) == "2027年1月5日"


def test_integer_words_agree_with_cn2an() -> None:
    """cn2an (an independent speller, the one the toolkit used before) gives the same words: every
    number up to 120,000 and a spread of larger ones, across the 万 and 亿 sections and their zeros."""
    import random

    import cn2an

    rng = random.Random(18)
    numbers = [*range(120_000), *(rng.randrange(10**k) for k in range(6, 17) for _ in range(2_000))]
    numbers += [10**k + extra for k in range(16) for extra in (0, 1, 1000, 999)]
    wrong = [n for n in numbers if integer_words(n) != cn2an.an2cn(str(n), "up")]
    assert wrong == []


def test_integer_words_by_hand() -> None:
    # the 零 rules of law.md §7 / PBOC, spelt by hand: one 零 for a run of zeros, none at the end
    assert integer_words(10) == "壹拾"
    assert integer_words(100700) == "壹拾万零柒佰"
    assert integer_words(107000) == "壹拾万柒仟"
    assert integer_words(1001) == "壹仟零壹"
    assert integer_words(300000001) == "叁亿零壹"


BAD_ORDER = "写法不对：数字和单位（拾、佰、仟）的顺序或“零”的位置有误"


@pytest.mark.parametrize(
    ("words", "rule"),
    [
        # a 角 digit followed by a digit without its unit: the 分 is not written by the rules
        ("人民币壹元伍角叁", "的元、角、分写法不对（到元为止应写“整”）"),
        ("人民币伍角叁", "的元、角、分写法不对（到元为止应写“整”）"),
        # 零 after a 元 digit that is not 0, before a 角 that is not 0 (1.50 is 壹元伍角)
        ("人民币壹元零伍角", "中“零”的位置不对"),
        # 角 is 0 and 分 is not: the rules want 零 after 元 (1.05 is 壹元零伍分)
        ("人民币壹元伍分", "角位是0而分位不是0，元后应写“零”"),
        # nothing before 元
        ("人民币元整", "的元以上部分写法不对"),
        # a number never starts with 零
        ("人民币零壹拾元整", "不能以“零”开头"),
        # 10,010: the 万 section is followed by 0 thousands, so 零 is required (壹万零壹拾)
        ("人民币壹万壹拾元整", "中间有“0”的位置应写“零”"),
        # digits and units out of order, in the section before 万 and in the last one
        ("人民币壹佰佰万元整", BAD_ORDER),
        ("人民币壹万零伍佰伍元整", BAD_ORDER),
        # 万 twice: the section after the first 万 is read, and its two digits in a row are the fault named
        ("人民币壹万壹壹万元整", BAD_ORDER),
        # 拾 without its digit is read as ten only at the very start, not after 万
        ("人民币壹万拾元整", BAD_ORDER),
        # 元 twice: what follows the first 元 is not 角, 分 or 整
        ("人民币壹元壹元整", "的元、角、分写法不对（到元为止应写“整”）"),
        # an unknown character
        ("人民币1万元整", "含有不应出现的字“1”"),
    ],
)
def test_parse_rmb_upper_says_which_rule_is_broken(words: str, rule: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_rmb_upper(words)
    assert str(caught.value) == f"大写金额“{words}”{rule}"


def test_a_jiao_amount_may_end_with_zheng_or_its_variant_zheng() -> None:
    # 正 is the rules' variant of 整, after 角 as after 元 (0.50 written as 伍角正)
    assert parse_rmb_upper("人民币伍角正") == Decimal("0.50")
    assert parse_rmb_upper("人民币壹拾元伍角正") == Decimal("10.50")


def test_rmb_upper_refuses_a_negative_amount_and_says_so() -> None:
    with pytest.raises(ValueError) as caught:
        rmb_upper(Decimal("-1"))
    assert str(caught.value) == "金额不能为负数：-1.00"


# Everyday numerals, as a plan counts its instalments: 十 alone for ten, no 一 before it; 99 the largest.
NUMBERS = [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (12, "十二"), (20, "二十"), (21, "二十一"), (36, "三十六")]


@pytest.mark.parametrize(("n", "words"), [*NUMBERS, (99, "九十九")])
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


@pytest.mark.parametrize("n", [0, 100, 120, -1])
def test_number_words_outside_1_to_99_are_digits(n: int) -> None:
    assert number_words(n) == str(n)


def test_money_prints_the_figure_and_its_words() -> None:
    # law.md §7: 18,000.00 → 人民币壹万捌仟元整; 325.04 → 人民币叁佰贰拾伍元零肆分
    assert money(Decimal(18000)) == "18,000.00元（人民币壹万捌仟元整）"
    assert money("325.04") == "325.04元（人民币叁佰贰拾伍元零肆分）"
