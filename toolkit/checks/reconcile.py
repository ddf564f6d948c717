"""Every printed figure adds up as printed (law.md §4.4): a judge or the lender's counsel checks the document
with a pencil, from the figures beside each total, never from the engine's own numbers.

- A table whose last row is 合计 (or "X合计", summing the rows labelled "X：…") sums exactly, column by column.
- The 利息计算表: 计息本金 × 适用年利率 × 天数 ÷ 计息天数基数, rounded down to the cent, is each row's 利息.
- The 还款冲抵表: each 还款金额 = 冲抵利息费用 + 冲抵本金 + 超额还款; each 剩余本金 = the previous one − 冲抵本金.
- The element form's per-period lines "A元×r%×d天÷365＝B元" recompute to B, and "；合计C元" after them sums the Bs.
- "A元、B元……，合计C元" sums; "C元，扣除B元后为A元" and the other printed differences subtract exactly.

A document that fails is refused, naming the table or the sentence: the defect is in the engine or in a
template, and a figure that does not add up must never reach a court.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from decimal import ROUND_DOWN, Decimal

from lxml import etree

from toolkit.checks.base import Problem, check
from toolkit.checks.document import CheckedDocument
from toolkit.law.money import CENT, cents, yuan
from toolkit.render.xmltext import Table, read_part

_AMOUNT = r"\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2}"
_NUMBER = re.compile(rf"^(?:{_AMOUNT}|\d+)$")
_RATE = re.compile(r"^(\d+(?:\.\d+)?)%$")
_WORDS = r"(?:（人民币[^）]*）)?"  # the uppercase amount after a figure
_LABEL = r"(?:[^、，。；：\d（]|（[^）\d]*）)*"  # 本金 / 罚息（逾期利息）: the words before an item's figure
_ITEM = rf"{_LABEL}(?:{_AMOUNT})元{_WORDS}"
# A list starts where a label may: not after a character its label could have taken in (the leftmost match
# always starts there, since a label absorbs such a character), so that the search skips the positions inside
# a label, each of which would otherwise be tried and fail.
_LIST_START = r"(?<![^、，。；：\d（])"
_LIST_TOTAL = re.compile(rf"{_LIST_START}(?P<items>{_ITEM}(?:、{_ITEM})+)，?合计(?P<total>{_AMOUNT})元")
_ITEM_AMOUNT = re.compile(rf"({_AMOUNT})元")
# The ledger's periods and the printed differences below are looked for only in a paragraph that holds
# their word, which most documents print nowhere: left as text, ``re`` compiles them at first use (and
# keeps them), not at every start.
_PERIOD = (
    rf"(?P<principal>{_AMOUNT})元×(?P<rate>\d+(?:\.\d+)?)%×(?P<days>\d+)天÷(?P<base>\d+)＝(?P<interest>{_AMOUNT})元"
)
_PERIODS_TOTAL = rf"^[^；]*；合计(?P<total>{_AMOUNT})元"
# due on a date, or (an undated down payment) 原告书面同意本方案之日起7日内
_INSTALMENT = re.compile(rf"^(?:首付|第\d+期)：[^，]+，(?P<amount>{_AMOUNT})元$")
_INSTALMENTS_TOTAL = re.compile(rf"^合计[：:](?P<total>{_AMOUNT})元")
# Printed differences: (minuend, subtrahend, difference) in the order the sentence prints them.
# (a word every match contains, the pattern): the word is looked for first, which is far cheaper
_DIFFERENCES = (
    (
        "扣除",
        rf"(?P<a>{_AMOUNT})元{_WORDS}，扣除[^，。；\d]*?(?P<b>{_AMOUNT})元{_WORDS}后为(?P<c>{_AMOUNT})元",
    ),
    (
        "依法最多可主张",
        rf"(?P<a>{_AMOUNT})元{_WORDS}，依法最多可主张(?P<b>{_AMOUNT})元{_WORDS}，超出的?(?P<c>{_AMOUNT})元",
    ),
    (
        "可支配收入",
        rf"收入(?P<a>{_AMOUNT})元，[^，。；\d]*支出合计(?P<b>{_AMOUNT})元，[^，。；\d]*可支配收入(?P<c>{_AMOUNT})元",
    ),
    (
        "减免",
        rf"主张合计(?P<a>{_AMOUNT})元，[^，。；\d]*偿还(?P<b>{_AMOUNT})元，[^，。；\d]*减免(?P<c>{_AMOUNT})元",
    ),
)
_REPAYMENT_COLUMNS = ("还款金额", "冲抵利息费用", "冲抵本金", "超额还款", "剩余本金")
_LEDGER_COLUMNS = ("天数", "计息本金", "适用年利率", "利息")
MAX_REPORTED = 10


def _figure(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _number(cell: str) -> Decimal | None:
    text = cell.strip().removesuffix("元")
    return _figure(text) if _NUMBER.match(text) else None


def _percent(cell: str) -> Decimal | None:
    """23.98% → 23.98 (the percentage as printed)."""
    match = _RATE.match(cell.strip())
    return Decimal(match[1]) if match else None


def _like(x: Decimal, cell: str) -> str:
    """``x`` printed as the figure in ``cell`` is: an amount to the cent, or a whole number of days."""
    return yuan(x) if "." in cell else str(x)


def _snippet(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _table_name(table: Table) -> str:
    header = table[0] if table else ()
    joined = "".join(header)
    if "冲抵本金" in joined:
        return "还款冲抵表"
    if "计息期间" in joined:
        return "利息计算表"
    return f"表格“{'｜'.join(cell for cell in header[:3] if cell)}…”"


def _tables(checked: CheckedDocument) -> tuple[Table, ...]:
    body = checked.document.body
    if body is not None:
        return body.tables
    try:
        with zipfile.ZipFile(io.BytesIO(checked.document.docx)) as package:
            return read_part(package.read("word/document.xml")).tables
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        return ()  # DOC-DOCX reports a package that does not open


def _total_rows(table: Table) -> Iterator[str]:
    """Problems of a table ending in 合计: each column with a figure in that row is the sum of the rows above."""
    total, rows = table[-1], table[1:-1]
    label = total[0].strip() if total else ""
    if label != "合计":
        return
    for column, cell in enumerate(total):
        expected = _number(cell) if column else None
        if expected is None:
            continue
        figures = [_number(row[column]) if column < len(row) else None for row in rows]
        if any(value is None for value in figures):
            yield f"“合计”一行第 {column + 1} 列是 {cell}，但上面各行这一列不都是数字"
            continue
        added = sum((value for value in figures if value is not None), Decimal(0))
        if added != expected:
            yield f"“合计”一行第 {column + 1} 列印的是 {cell}，上面各行相加为 {_like(added, cell)}"


def _subtotal_rows(table: Table) -> Iterator[str]:
    """A row "X合计" sums the rows labelled "X：…" (the hardship statement's 必要支出合计)."""
    for row in table:
        label = row[0].strip() if row else ""
        if not label.endswith("合计") or label == "合计" or len(row) < 2:
            continue
        prefix = label.removesuffix("合计") + "："
        parts = [_number(other[-1]) for other in table if other and other[0].strip().startswith(prefix)]
        expected = _number(row[-1])
        if not parts or expected is None or any(value is None for value in parts):
            continue
        added = sum((value for value in parts if value is not None), Decimal(0))
        if added != expected:
            yield f"“{label}”印的是 {row[-1]}，“{prefix}…”各行相加为 {yuan(added)}"


def _columns(table: Table, names: Sequence[str]) -> list[int] | None:
    header = table[0] if table else ()
    found = [next((i for i, cell in enumerate(header) if cell.startswith(name)), -1) for name in names]
    return None if -1 in found else found


def _repayment_rows(table: Table, principal: Decimal) -> Iterator[str]:
    columns = _columns(table, _REPAYMENT_COLUMNS)
    if columns is None:
        return
    previous = principal
    for n, row in enumerate(table[1:], start=1):
        values = [_number(row[i]) if i < len(row) else None for i in columns]
        if row and row[0].strip() == "合计":
            continue
        amount, to_charges, to_principal, overpaid, remaining = values
        if amount is None or to_charges is None or to_principal is None or overpaid is None or remaining is None:
            yield f"第 {n} 行有不是金额的格子"
            return
        if to_charges + to_principal + overpaid != amount:
            yield (
                f"第 {n} 行还款 {yuan(amount)} ≠ 冲抵利息费用 {yuan(to_charges)} + 冲抵本金 {yuan(to_principal)} "
                f"+ 超额还款 {yuan(overpaid)}（= {yuan(to_charges + to_principal + overpaid)}）"
            )
        if previous - to_principal != remaining:
            yield (
                f"第 {n} 行剩余本金 {yuan(remaining)} ≠ 上一行剩余本金 {yuan(previous)} − 冲抵本金 "
                f"{yuan(to_principal)}（= {yuan(previous - to_principal)}）"
            )
        previous = remaining


def _interest(principal: Decimal, rate_percent: Decimal, days: int, base: int) -> Decimal:
    """The charge of one row as law.md §4.4 books it: rounded down to the cent."""
    return (principal * rate_percent / 100 * days / base).quantize(CENT, rounding=ROUND_DOWN)


def _ledger_rows(table: Table, base: int) -> Iterator[str]:
    columns = _columns(table, _LEDGER_COLUMNS)
    if columns is None:
        return
    for n, row in enumerate(table[1:], start=1):
        if not row or row[0].strip() == "合计":
            continue
        days, principal, rate, interest = (row[i].strip() if i < len(row) else "" for i in columns)
        numbers = (_number(days), _number(principal), _percent(rate), _number(interest))
        if None in numbers:
            yield f"第 {n} 行有不是数字的格子"
            continue
        d, p, r, i = (value for value in numbers if value is not None)
        computed = _interest(p, r, int(d), base)
        if computed != i:
            yield f"第 {n} 行 {principal} × {rate} × {days} ÷ {base} = {yuan(computed)}，表中印的是 {interest}"


@functools.lru_cache(maxsize=64)
def _table_problems(table: Table, principal: Decimal, base: int) -> tuple[str, ...]:
    """What does not add up in one table (memoized: the same table recurs in the documents of a batch)."""
    problems = [*_total_rows(table), *_subtotal_rows(table), *_repayment_rows(table, principal)]
    return (*problems, *_ledger_rows(table, base))


@check("DOC-RECONCILE-TABLE", "error", "表格中的合计、冲抵和每行利息按所印数字复算相符", "document")
def tables_reconcile(checked: CheckedDocument) -> Iterator[Problem]:
    """Each table recomputed from its own printed figures."""
    ledger = checked.figures.ledger
    base = ledger.day_count if ledger else 365
    principal = cents(checked.figures.principal_recognized)
    reported = 0
    for table in _tables(checked):
        for problem in _table_problems(table, principal, base):
            yield Problem(f"{checked.title}的{_table_name(table)}：{problem}：这是引擎或模板的错误，文书不能这样印出")
            reported += 1
            if reported == MAX_REPORTED:
                return


@functools.lru_cache(maxsize=1024)
def _sentence_problems(paragraph: str) -> tuple[tuple[str, str], ...]:
    """(the sentence, what is wrong) for each printed sum, difference or per-period line that does not hold
    (memoized: a template's fixed paragraphs repeat in every document of a batch)."""
    return tuple(_paragraph_problems(paragraph)) if "元" in paragraph else ()


def _paragraph_problems(paragraph: str) -> Iterator[tuple[str, str]]:
    for match in _LIST_TOTAL.finditer(paragraph) if "合计" in paragraph else ():
        items = [_figure(x) for x in _ITEM_AMOUNT.findall(match["items"])]
        total = _figure(match["total"])
        if sum(items, Decimal(0)) != total:
            terms = " + ".join(yuan(x) for x in items)
            yield match.group(0), f"{terms} = {yuan(sum(items, Decimal(0)))}，不是所印的合计 {yuan(total)}"
    for word, pattern in _DIFFERENCES:
        for match in re.finditer(pattern, paragraph) if word in paragraph else ():
            a, b, c = (_figure(match[key]) for key in "abc")
            if a - b != c:
                yield match.group(0), f"{yuan(a)} − {yuan(b)} = {yuan(a - b)}，不是所印的 {yuan(c)}"
    periods = list(re.finditer(_PERIOD, paragraph)) if "×" in paragraph else []
    for match in periods:
        principal, rate, interest = (_figure(match[key]) for key in ("principal", "rate", "interest"))
        computed = _interest(principal, rate, int(match["days"]), int(match["base"]))
        if computed != interest:
            yield match.group(0), f"复算为 {yuan(computed)} 元（向下舍入到分），不是所印的 {yuan(interest)} 元"
    if periods:
        after = re.match(_PERIODS_TOTAL, paragraph[periods[-1].end() :])
        if after is not None:
            added = sum((_figure(m["interest"]) for m in periods), Decimal(0))
            if added != _figure(after["total"]):
                yield after.group(0), f"各段利息相加为 {yuan(added)} 元，不是所印的合计 {after['total']} 元"


def _instalment_lists(paragraphs: Sequence[str]) -> Iterator[tuple[str, str]]:
    """The element form's plan: lines "第N期：日期，X元" then "合计：Y元" — Y is the sum of the Xs."""
    amounts: list[Decimal] = []
    for paragraph in paragraphs:
        instalment, total = _plan_line(paragraph)
        if instalment is not None:
            amounts.append(instalment)
            continue
        if total is not None and amounts and sum(amounts, Decimal(0)) != _figure(total):
            yield paragraph, f"各期相加为 {yuan(sum(amounts, Decimal(0)))} 元，不是所印的合计 {total} 元"
        amounts = []


@functools.lru_cache(maxsize=1024)
def _plan_line(paragraph: str) -> tuple[Decimal | None, str | None]:
    """(an instalment's amount, a plan's total as printed) of a paragraph; (None, None) for other text."""
    line = _INSTALMENT.match(paragraph.strip())
    if line is not None:
        return _figure(line["amount"]), None
    total = _INSTALMENTS_TOTAL.match(paragraph.strip())
    return None, (total["total"] if total is not None else None)


@check("DOC-RECONCILE-TEXT", "error", "正文中的合计、差额和分段利息按所印数字复算相符", "document")
def sentences_reconcile(checked: CheckedDocument) -> Iterator[Problem]:
    """Every sum, difference and per-period line of the text recomputed from the figures it prints."""
    found = [pair for paragraph in checked.document.paragraphs for pair in _sentence_problems(paragraph)]
    found += _instalment_lists(checked.document.paragraphs)
    for sentence, problem in found[:MAX_REPORTED]:
        yield Problem(f"{checked.title}中“{_snippet(sentence)}”：{problem}：这是引擎或模板的错误，文书不能这样印出")


CHECKS = (tables_reconcile, sentences_reconcile)
