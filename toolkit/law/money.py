"""Amounts, rates and dates as documents print them (law.md §7).

Uppercase amounts follow 中国人民银行《正确填写票据和结算凭证的基本规定》: the 人民币 prefix; 整 after 元
when there are no 角 and 分; one 零 for a run of zeros inside the number; 零 after 元 when the 元 digit
is 0 and 角 is not, or when 角 is 0 and 分 is not; 壹拾 for a leading ten. Where those rules allow either
form (a zero at the 万 place before a non-zero 千), the form without 零 is written, as in the rules' own
example 人民币壹拾万柒仟元零伍角叁分; both forms are read back.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import ROUND_HALF_UP, Context, Decimal

CENT = Decimal("0.01")
_HALF_UP = Context(prec=28, rounding=ROUND_HALF_UP)  # the default precision; rounding half up (law.md §4)
RATE_PERCENT_PLACES = Decimal("0.000001")
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LOWER_DIGITS = "零一二三四五六七八九"
_PLACES = ("仟", "佰", "拾", "")
_PREFIX = "人民币"


def cents(x: Decimal | int | str) -> Decimal:
    """``x`` rounded to the cent, half up (law.md §4: round only printed figures)."""
    return _HALF_UP.quantize(x if type(x) is Decimal else Decimal(x), CENT)


def yuan(x: Decimal | int | str) -> str:
    """An amount in figures with thousands separators: 18000 → "18,000.00"."""
    return f"{cents(x):,.2f}"


def money(x: Decimal | int | str) -> str:
    """The figure and its words together, the form the document check reads back:
    18000 → "18,000.00元（人民币壹万捌仟元整）"."""
    return f"{yuan(x)}元（{rmb_upper(x)}）"


def rate_percent(r: Decimal | int | str) -> str:
    """An annual rate as a percentage, exact (up to six decimals), trailing zeros dropped.

    0.2398 → "23.98%", 0.24 → "24%", 0.148 → "14.8%", 0.0385 → "3.85%", 0.12345 → "12.345%". Rates are
    printed the way the provisions write them (年利率24%), so "24.00%" is shortened to "24%"; a rate is never
    rounded, so that "本金×年利率×天数÷365" recomputes from the printed figures (law.md §4.4).
    """
    percent = (Decimal(r) * 100).quantize(RATE_PERCENT_PLACES, rounding=ROUND_HALF_UP)
    text = f"{percent:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def cn_date(d: dt.date) -> str:
    """A date as documents print it: 2026年11月29日 (no zero padding)."""
    return f"{d.year}年{d.month}月{d.day}日"


def number_words(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一: a number from 1 to 99 in everyday Chinese numerals; digits otherwise."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _LOWER_DIGITS[tens] + "十")
    return head + (_LOWER_DIGITS[ones] if ones else "")


def rmb_upper(x: Decimal | int | str) -> str:
    """The uppercase amount: 18000 → 人民币壹万捌仟元整, 325.04 → 人民币叁佰贰拾伍元零肆分, 0 → 人民币零元整.

    The integer part is spelt by :func:`integer_words` (壹拾 for a leading ten, one 零 for a run of zeros);
    the 元/角/分 part follows, with the 零 the rules require after 元 (1,680.32 → …捌拾元零叁角贰分).
    """
    amount = cents(x)
    if amount < 0:
        raise ValueError(f"金额不能为负数：{amount}")
    whole = int(amount)
    jiao, fen = divmod(int((amount - whole) * 100), 10)
    if whole == 0 and jiao == 0 and fen == 0:
        return f"{_PREFIX}零元整"
    text = _PREFIX
    if whole:
        text += integer_words(whole) + "元"
        if jiao == 0 and fen == 0:
            return text + "整"
        if whole % 10 == 0 or jiao == 0:
            text += "零"
    if jiao:
        text += _DIGITS[jiao] + "角"
    if fen:
        text += _DIGITS[fen] + "分"
    return text


@functools.lru_cache(maxsize=4096)  # a batch prints the same principal, totals and instalments again and again
def integer_words(number: int) -> str:
    """A whole number in uppercase digits: 10 → 壹拾, 100700 → 壹拾万零柒佰, 107000 → 壹拾万柒仟.

    Sections of four digits, marked 万 and 亿; a section below 1,000 after a higher one starts with 零; a
    zero section, or zeros at the end of one, are not spelt (the form without the optional 零)."""
    high, low = divmod(number, 100_000_000)
    words = integer_words(high) + "亿" if high else ""
    for section, mark in ((low // 10_000, "万"), (low % 10_000, "")):
        if section:
            words += ("零" if words and section < 1000 else "") + _section_words(section) + mark
    return words or "零"


def _section_words(value: int) -> str:
    """A number below 10,000: its non-zero digits with their places, one 零 for zeros between them."""
    words, zero = "", False
    for place, digit in zip(_PLACES, f"{value:04d}", strict=True):
        if digit == "0":
            zero = bool(words)
            continue
        words += ("零" if zero else "") + _DIGITS[int(digit)] + place
        zero = False
    return words


_UNITS = {"拾": 10, "佰": 100, "仟": 1000}
_NONZERO = "壹贰叁肆伍陆柒捌玖"


def parse_rmb_upper(text: str) -> Decimal:
    """The figure an uppercase amount stands for; ``ValueError`` when it is not written by the rules.

    The inverse of :func:`rmb_upper`, for the document check that every uppercase amount converts back to
    the figure beside it. It reads the forms the PBOC rules allow (整 or 正; the optional 零 at the 万
    place and after a 0 元 digit) and refuses the rest: a missing or doubled 零, 元 without 整, a unit out
    of order, an unknown character.
    """
    body = text.strip()
    body = body.removeprefix(_PREFIX)
    if body in ("零元整", "零元正"):
        return Decimal("0.00")
    if "元" in body:
        whole_text, _, rest = body.partition("元")
        whole = _integer(whole_text, text)
    else:
        whole, rest = 0, body
    jiao, fen = _fraction(rest, whole, text)
    return (Decimal(whole) + Decimal(jiao) / 10 + Decimal(fen) / 100).quantize(CENT)


def _integer(text: str, original: str) -> int:
    total, rest, first = 0, text, True
    for mark, unit in (("亿", 10**8), ("万", 10**4)):
        if mark in rest:
            head, _, rest = rest.partition(mark)
            total += _later_section(head, first, original) * unit
            first = False
    if rest:
        total += _later_section(rest, first, original)
    if total == 0:
        raise ValueError(f"大写金额“{original}”的元以上部分写法不对")
    return total


def _later_section(text: str, first: bool, original: str) -> int:
    """A section (below 10,000) of the integer; one after 亿 or 万 below 1,000 must start with 零."""
    zero_before = text.startswith("零")
    value = _section(text[1:] if zero_before else text, first and not zero_before, original)
    if zero_before and first:
        raise ValueError(f"大写金额“{original}”不能以“零”开头")
    if not first and value < 1000 and not zero_before:
        raise ValueError(f"大写金额“{original}”中间有“0”的位置应写“零”")
    return value


def _section(text: str, first: bool, original: str) -> int:
    bad = ValueError(f"大写金额“{original}”写法不对：数字和单位（拾、佰、仟）的顺序或“零”的位置有误")
    value, last, pending, gap = 0, 10_000, None, False
    for ch in text:
        if ch in _NONZERO:
            if pending is not None:
                raise bad
            pending = _NONZERO.index(ch) + 1
        elif ch == "零":
            if pending is not None or gap or value == 0:
                raise bad
            gap = True
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if pending is None and ch == "拾" and first and value == 0:
                pending = 1
            if pending is None or unit >= last or gap != (value > 0 and unit < last // 10):
                raise bad
            value, last, pending, gap = value + pending * unit, unit, None, False
        else:
            raise ValueError(f"大写金额“{original}”含有不应出现的字“{ch}”")
    if pending is not None:
        if value > 0 and gap != (last != 10):
            raise bad
        value += pending
    elif gap or value == 0:
        raise bad
    return value


def _fraction(rest: str, whole: int, original: str) -> tuple[int, int]:
    if whole and rest in ("整", "正"):
        return 0, 0
    zero = rest.startswith("零")
    if zero:
        rest = rest[1:]
    jiao = fen = 0
    if len(rest) >= 2 and rest[1] == "角" and rest[0] in _NONZERO:
        jiao, rest = _NONZERO.index(rest[0]) + 1, rest[2:]
    if len(rest) >= 2 and rest[1] == "分" and rest[0] in _NONZERO:
        fen, rest = _NONZERO.index(rest[0]) + 1, rest[2:]
    if rest in ("整", "正") and jiao and not fen:
        rest = ""
    if rest or not (jiao or fen):
        raise ValueError(f"大写金额“{original}”的元、角、分写法不对（到元为止应写“整”）")
    if zero and (not whole or (jiao and whole % 10)):
        raise ValueError(f"大写金额“{original}”中“零”的位置不对")
    if whole and not jiao and not zero:
        raise ValueError(f"大写金额“{original}”角位是0而分位不是0，元后应写“零”")
    return jiao, fen
