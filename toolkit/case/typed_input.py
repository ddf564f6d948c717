"""What a person types, turned into case values: amounts, dates, rates, counts, choices, identifiers.

People type ``1.8万``, ``18,000``, ``１８０００`` or ``18000元`` for an amount, and ``2026年3月10日`` or
``2026/3/10`` for a date; the case file wants ``18000.00`` and ``2026-03-10``. Each parser returns the
value or raises :class:`AnswerError` whose message says, in Chinese, what is wrong and how to type it, so
an interview can print it and ask again. Full-width characters are folded first (NFKC).
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from toolkit.case.identity import case_number_ok, credit_code_problems, id_number_problems
from toolkit.case.models import BIRTH_DATE_RANGE, DATE_RANGE, MAX_MONEY
from toolkit.case.text import text_problem
from toolkit.privacy import mask

CENT = Decimal("0.01")
NONE_WORDS = frozenset({"", "无", "没有", "-", "—", "none", "null"})


class AnswerError(ValueError):
    """An answer that cannot be used; the message is the Chinese reason shown before asking again."""


@dataclass(frozen=True)
class Choice:
    """One option of a numbered list: the value written to the case file and its Chinese label."""

    value: str
    label: str


def fold(text: str) -> str:
    """Full-width digits and punctuation folded to ASCII, surrounding blanks removed."""
    return unicodedata.normalize("NFKC", text).strip()


def is_none(text: str) -> bool:
    """Whether an answer to an optional question means "nothing here" (blank, 无, -)."""
    return fold(text).lower() in NONE_WORDS


_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")


def parse_amount(text: str) -> Decimal:
    """An amount of yuan, to the cent: ``1.8万``, ``18,000``, ``１８０００``, ``18000元`` → 18000.00."""
    raw = fold(text).replace(" ", "")
    number = raw.removeprefix("人民币").removeprefix("¥").removeprefix("RMB").removesuffix("元")
    number = number.removesuffix("块")
    scale = Decimal(1)
    if number.endswith("万"):
        number, scale = number[:-1], Decimal(10000)
    if number.startswith("-"):
        raise AnswerError("金额不能是负数")
    if not (_PLAIN.match(number) or _GROUPED.match(number)):
        raise AnswerError(f"“{text.strip()}”不是金额：请输入数字，如 18000、18,000.00 或 1.8万")
    value = Decimal(number.replace(",", "")) * scale
    if value >= MAX_MONEY:
        raise AnswerError("金额过大（应小于一万亿元）：请核对是否多写了数字")
    if value != value.quantize(CENT):
        raise AnswerError("金额最多精确到分（两位小数）")
    return value.quantize(CENT)


_DATE_FORMS = (
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(text: str) -> dt.date:
    """A calendar date: ``2026年3月10日``, ``2026-03-10``, ``2026/3/10``, ``2026.3.10`` or ``20260310``."""
    raw = fold(text)
    for form in _DATE_FORMS:
        if match := form.match(raw):
            year, month, day = (int(part) for part in match.groups())
            try:
                day_value = dt.date(year, month, day)
            except ValueError:
                raise AnswerError(f"{year}年{month}月{day}日 这一天不存在：请核对月份和日期") from None
            if not BIRTH_DATE_RANGE[0].year <= year <= DATE_RANGE[1].year:
                raise AnswerError(f"年份 {year} 不合理：请输入四位年份，如 2026")
            return day_value
    raise AnswerError(f"“{text.strip()}”不是日期：请输入如 2026-03-10 或 2026年3月10日")


def parse_rate(text: str) -> Decimal:
    """An annual rate as a fraction: ``23.98%`` → 0.2398; ``0.2398`` stays 0.2398."""
    raw = fold(text).replace(" ", "")
    for prefix in ("年化利率", "年利率", "年化"):
        raw = raw.removeprefix(prefix)
    if raw.startswith(("日", "月")) or raw.endswith("‰"):
        raise AnswerError("请填写年利率（年化），如 23.98%；合同只写日利率或月利率的，请先换算成年利率")
    percent = raw.endswith("%")
    number = raw.removesuffix("%")
    if not _PLAIN.match(number):
        raise AnswerError(f"“{text.strip()}”不是利率：请输入如 23.98% 或 0.2398")
    value = Decimal(number) / 100 if percent else Decimal(number)
    if not percent and value >= 1:
        raise AnswerError(f"“{number}”是百分之几还是小数？请写成 {number}% 或 {Decimal(number) / 100}")
    if value > 10:
        raise AnswerError("年利率过高，请核对：应写成如 23.98% 或 0.2398")
    return value


def parse_count(text: str, low: int, high: int) -> int:
    """A whole number between ``low`` and ``high``: ``12``, ``１２``, ``12期``, ``12个月``."""
    raw = fold(text)
    for unit in ("个月", "期", "月", "天", "日", "笔", "项", "个", "人"):
        raw = raw.removesuffix(unit)
    if not raw.isdigit():
        raise AnswerError(f"“{text.strip()}”不是整数：请输入 {low} 到 {high} 之间的整数")
    value = int(raw)
    if not low <= value <= high:
        raise AnswerError(f"应在 {low} 到 {high} 之间")
    return value


def parse_text(text: str) -> str:
    """Free text that may not be blank."""
    value = text.strip()
    if not value:
        raise AnswerError("不能为空：请填写")
    if (problem := text_problem(value)) is not None:
        raise AnswerError(problem)
    return value


def parse_yes_no(text: str) -> bool:
    """是/否, 有/无, y/n."""
    raw = fold(text).lower()
    if raw in ("是", "有", "y", "yes", "对", "要", "需要", "true"):
        return True
    if raw in ("否", "无", "没有", "n", "no", "不", "不要", "不需要", "false"):
        return False
    raise AnswerError("请回答 是 或 否")


def parse_choice(text: str, choices: Sequence[Choice]) -> str:
    """One option, by its number in the list, its Chinese label or its case-file value."""
    raw = fold(text)
    if raw.isdigit() and 1 <= int(raw) <= len(choices):
        return choices[int(raw) - 1].value
    try:
        return parse_choice_name(raw, choices)
    except AnswerError:
        raise AnswerError(f"请输入 1 到 {len(choices)} 之间的编号") from None


def parse_choice_name(text: str, choices: Sequence[Choice]) -> str:
    """One option by its Chinese label or its case-file value (``小额贷款公司`` or ``microfinance``).

    This is how a spreadsheet cell names an option: a number is not accepted, since a list's numbering
    is not printed next to the cell."""
    raw = fold(text)
    for choice in choices:
        if raw == fold(choice.label) or raw.lower() == choice.value.lower():
            return choice.value
    raise AnswerError(f"“{text.strip()}”不是可选的值：请填 {accepted_names(choices)}")


def accepted_names(choices: Sequence[Choice]) -> str:
    """The options as a person may write them: ``银行（bank）、消费金融公司（consumer_finance）…``."""
    return "、".join(c.label if c.label == c.value else f"{c.label}（{c.value}）" for c in choices)


def parse_choices(text: str, choices: Sequence[Choice], *, numbered: bool = True) -> list[str]:
    """Several options separated by commas, 、 or blanks (``1,3`` or ``本金、复利``); 无 for none.

    Without ``numbered`` (a spreadsheet cell) options are named, never numbered."""
    if is_none(text):
        return []
    picked: list[str] = []
    parse = parse_choice if numbered else parse_choice_name
    for part in re.split(r"[,、;\s]+", fold(text)):
        if part:
            value = parse(part, choices)
            if value not in picked:
                picked.append(value)
    return picked


def parse_court_name(text: str) -> str:
    """A court's full name, which ends with 法院."""
    value = parse_text(text)
    if not value.endswith("法院"):
        raise AnswerError("法院名称须写全称并以“法院”结尾，如 北京互联网法院")
    return value


def parse_case_number(text: str) -> str:
    """A case number: （年份）+ 法院代字 + 类型代字 + 编号 + 号 (《关于人民法院案件案号的若干规定》)."""
    value = text.strip().replace(" ", "")
    if not case_number_ok(value):
        raise AnswerError("案号格式应为 （年份）法院代字类型代字编号号，如 （2026）京0491民初31875号")
    return value


def parse_phone(text: str) -> str:
    """A telephone number: digits, with optional dashes, blanks, brackets and a leading +."""
    value = fold(text)
    digits = re.sub(r"[\s\-()+]", "", value)
    if not digits.isdigit() or not 5 <= len(digits) <= 20:
        raise AnswerError("电话号码应由数字组成，可含“-”，如 13800138000 或 0371-12345678")
    return value


def parse_id_number(text: str, birth_date: dt.date, gender: str) -> str:
    """A resident ID number whose check digit, birth date and gender digit agree (GB 11643-1999)."""
    value = fold(text).replace(" ", "").upper()
    problems = id_number_problems(value, birth_date, gender)
    if problems:
        raise AnswerError(mask("；".join(problems)))
    return value


def parse_credit_code(text: str) -> str:
    """A unified social credit code whose check character is right (GB 32100-2015)."""
    value = fold(text).replace(" ", "").upper()
    problems = credit_code_problems(value)
    if problems:
        raise AnswerError("；".join(problems))
    return value


def show_amount(value: Decimal) -> str:
    """An amount as a default to accept: ``18000.00``."""
    return f"{value.quantize(CENT):f}"


def show_rate(value: Decimal) -> str:
    """A rate as a person reads it: 0.2398 → ``23.98%``."""
    return f"{(value * 100).normalize():f}%"
