"""Filters a template author uses to print facts the way a Chinese court document prints them.

    {{ claims.principal|yuan }}        18,000.00
    {{ claims.principal|rmb_upper }}   人民币壹万捌仟元整
    {{ claims.principal|money }}       18,000.00元（人民币壹万捌仟元整）
    {{ loan.contract_date|cn_date }}   2026年3月10日
    {{ loan.annual_rate|percent }}     23.98%
    {{ 'penalty'|item }}               罚息（逾期利息）
    {{ loop.index|cn_number }}         一

A filter given the wrong kind of value fails with a message that names the filter and what it needs
(never a Python traceback): the template author sees at once which tag to fix.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jinja2.exceptions import FilterArgumentError

from toolkit.case.labels import CLAIM_ITEMS
from toolkit.law.citations import cite_all
from toolkit.law.money import cn_date as _cn_date
from toolkit.law.money import money, number_words, rate_percent, rmb_upper, yuan


def _amount(value: Any, name: str) -> Decimal:
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        if value < 0 and name == "rmb_upper":
            raise FilterArgumentError(f"过滤器 {name} 不能用于负数金额 {value}")
        return Decimal(value)
    raise FilterArgumentError(f"过滤器 {name} 需要金额（数字），收到的是 {_kind(value)}")


def _kind(value: Any) -> str:
    names = {str: "文字", dt.date: "日期", bool: "是/否", list: "列表", dict: "一组数据", type(None): "空值"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return f"{name}（{str(value)[:20]}）" if isinstance(value, str | dt.date) else name
    return type(value).__name__


def yuan_filter(value: Any) -> str:
    """Amount in figures with thousands separators and two decimals: 18,000.00."""
    return yuan(_amount(value, "yuan"))


def rmb_upper_filter(value: Any) -> str:
    """Amount in uppercase words (中国人民银行 rules): 人民币壹万捌仟元整."""
    return rmb_upper(_amount(value, "rmb_upper"))


def money_filter(value: Any) -> str:
    """Figure and uppercase together, the form the document check verifies: 18,000.00元（人民币壹万捌仟元整）."""
    return money(_amount(value, "money"))


def cn_date(value: Any) -> str:
    """A date as Chinese documents print it: 2026年3月10日."""
    if not isinstance(value, dt.date):
        raise FilterArgumentError(f"过滤器 cn_date 需要日期，收到的是 {_kind(value)}")
    return _cn_date(value)


def percent(value: Any) -> str:
    """An annual rate as a percentage: 0.2398 → 23.98%, 0.24 → 24%."""
    if not isinstance(value, Decimal | int) or isinstance(value, bool):
        raise FilterArgumentError(f"过滤器 percent 需要利率（小数，如 0.2398），收到的是 {_kind(value)}")
    return rate_percent(Decimal(value))


def item(value: Any) -> str:
    """A claim item's Chinese name (principal → 本金)."""
    if not isinstance(value, str) or value not in CLAIM_ITEMS:
        raise FilterArgumentError(f"过滤器 item 不认识 {value!r}；可用：{', '.join(CLAIM_ITEMS)}")
    return CLAIM_ITEMS[value]


def cn_number(value: Any) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一: for numbering paragraphs and list items (1 to 99)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise FilterArgumentError(f"过滤器 cn_number 需要整数，收到的是 {_kind(value)}")
    return number_words(value)


def cite(value: Any) -> str:
    """Provisions by their keys in citations.yaml, one title per instrument:
    ['civil_code_188', 'civil_code_192'] → 《中华人民共和国民法典》第一百八十八条、第一百九十二条."""
    keys = [value] if isinstance(value, str) else list(value)
    if not keys or not all(isinstance(key, str) for key in keys):
        raise TypeError("cite 过滤器需要法律依据的键或键的列表，如 ['civil_code_188', 'civil_code_192']")
    return cite_all(keys)


FILTERS: dict[str, Callable[..., str]] = {
    "yuan": yuan_filter,
    "rmb_upper": rmb_upper_filter,
    "money": money_filter,
    "cn_date": cn_date,
    "percent": percent,
    "item": item,
    "cn_number": cn_number,
    "cite": cite,
}

# Jinja's built-in filters a court document has no use for, and why they are not offered.
REMOVED_FILTERS: dict[str, str] = {
    "float": "金额是精确的小数，转成 float 会产生误差；请用 yuan、money、percent 等过滤器",
    "safe": "会让案件文件中的文字原样进入 Word 的 XML，可能损坏文书",
    "forceescape": "文字已自动转义，无需此过滤器",
    "random": "每次生成的结果会不同，文书应当可以重复生成",
    "indent": "Word 文档不用空格缩进，请在 Word 中设置段落缩进",
    "wordwrap": "Word 会自动换行",
    "pprint": "调试用过滤器，不用于文书",
    "tojson": "文书中不需要 JSON",
    "xmlattr": "会生成 XML 属性，可能损坏文书",
    "urlize": "文书中不需要自动生成链接",
    "urlencode": "文书中不需要网址编码",
    "filesizeformat": "文书中不需要文件大小",
}


@dataclass(frozen=True)
class FilterExample:
    """One line of the authors' guide: a filter, what it is for, and a value to show it on."""

    name: str
    description: str
    value: Any
    arguments: str = ""  # e.g. "('、')"

    @property
    def tag(self) -> str:
        return f"{{{{ 值|{self.name}{self.arguments} }}}}"


EXAMPLES: tuple[FilterExample, ...] = (
    FilterExample("yuan", "金额（小写数字，千分位，两位小数）", Decimal("18000")),
    FilterExample("rmb_upper", "金额大写", Decimal("18000.5")),
    FilterExample("money", "金额小写加大写，文书检查核对这种写法", Decimal("2349.43")),
    FilterExample("cn_date", "中文日期", dt.date(2026, 3, 10)),
    FilterExample("percent", "年利率（小数）写成百分数", Decimal("0.2398")),
    FilterExample("item", "诉讼请求项目的中文名", "penalty"),
    FilterExample("cn_number", "中文序号（1–99）", 12),
    FilterExample("length", "列表的项数", ["借款合同", "还款记录"]),
    FilterExample("join", "把列表用分隔符连成一句", ["借款合同", "还款记录"], "('、')"),
    FilterExample("default", "值为空或不存在时用替代文字", None, "('（无）', true)"),
    FilterExample("upper", "英文字母转大写", "xm-2026-0310"),
    FilterExample("replace", "替换文字", "（2026）京0491民初31875号", "('（', '(')"),
)
