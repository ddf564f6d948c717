"""Cells as openpyxl and CSV give them, turned into model values, or refused with a plain reason."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from toolkit.batch.cells import CellError, convert
from toolkit.batch.layout import LIST_SHEETS, column_index, header_names


def _convert(path: str, value: object) -> object:
    return convert(column_index()[path], value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (18000, Decimal("18000.00")),
        (18000.1, Decimal("18000.10")),  # the float's shortest text, never 18000.1000000000004
        (721.37, Decimal("721.37")),
        ("1387.23", Decimal("1387.23")),
        ("2891.400", Decimal("2891.40")),  # a third decimal that is zero is still two decimals
    ],
)
def test_amounts_become_exact_decimals(value: object, expected: Decimal) -> None:
    result = _convert("loan.principal", value)
    assert result == expected and isinstance(result, Decimal)
    assert str(result) == str(expected)


@pytest.mark.parametrize("value", [0.1 + 0.2, 18000.125, "18000.001"])
def test_amounts_with_more_than_two_decimals_are_refused(value: object) -> None:
    with pytest.raises(CellError, match="两位小数"):
        _convert("claims.fees", value)


def test_rates_keep_their_digits() -> None:
    assert _convert("loan.annual_rate", 0.2398) == Decimal("0.2398")


@pytest.mark.parametrize("path", ["client.id_number", "client.phone", "lender.credit_code"])
def test_identifiers_in_numeric_cells_are_refused(path: str) -> None:
    with pytest.raises(CellError, match="set the column to text"):
        _convert(path, 410105199403012319)


def test_identifiers_in_text_cells_are_kept() -> None:
    assert _convert("client.id_number", "410105199403012319") == "410105199403012319"


def test_dates() -> None:
    assert _convert("court.served_on", dt.datetime(2026, 11, 20)) == dt.date(2026, 11, 20)
    with pytest.raises(CellError, match="2026年2月30日 这一天不存在"):
        _convert("court.served_on", "2026-02-30")
    with pytest.raises(CellError, match="“日期”格式"):
        _convert("court.served_on", 46346)
    with pytest.raises(CellError, match="时刻"):
        _convert("court.served_on", dt.datetime(2026, 11, 20, 9, 30))


def test_counts_booleans_and_item_lists() -> None:
    assert _convert("loan.term_months", 2.0) == 2
    assert _convert("answer.request_mediation", "是") is True
    assert _convert("answer.request_mediation", False) is False
    with pytest.raises(CellError):
        _convert("answer.request_mediation", "也许")
    assert _convert("answer.contested", "interest, penalty，fees") == ["interest", "penalty", "fees"]


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("loan.principal", "10,000元", Decimal("10000.00")),
        ("loan.principal", "1.8万", Decimal("18000.00")),
        ("loan.principal", "１８０００", Decimal("18000.00")),  # full-width digits
        ("loan.contract_date", "2026年3月10日", dt.date(2026, 3, 10)),
        ("loan.contract_date", "2026/03/10", dt.date(2026, 3, 10)),
        ("loan.annual_rate", "23.98%", Decimal("0.2398")),
        ("lender.kind", "小额贷款公司", "microfinance"),
        ("lender.kind", "Microfinance", "microfinance"),
        ("loan.repayment", "到期一次性还本付息", "bullet"),
        ("loan.day_count", "按360天计息", 360),
        ("loan.day_count", 365, 365),
        ("answer.contested", "期内利息、罚息（逾期利息）", ["interest", "penalty"]),
    ],
)
def test_cells_are_read_as_draft_init_reads_answers(path: str, value: object, expected: object) -> None:
    assert _convert(path, value) == expected


@pytest.mark.parametrize(
    ("path", "value", "accepted"),
    [
        ("loan.contract_date", "03/10/2026", "2026年3月10日"),  # month first or day first: refused
        ("loan.annual_rate", 23.98, "23.98%"),  # per cent or a fraction? both forms are shown
        ("lender.kind", "小贷公司", "小额贷款公司（microfinance）"),
        ("loan.repayment", "1", "到期一次性还本付息（bullet）"),  # no numbering in a cell
    ],
)
def test_ambiguous_cells_are_refused_with_the_forms_accepted(path: str, value: object, accepted: str) -> None:
    with pytest.raises(CellError, match=re.escape(accepted)):
        _convert(path, value)


@pytest.mark.parametrize("sheet", ["cases", *(spec.name for spec in LIST_SHEETS)])
def test_every_column_title_names_one_column(sheet: str) -> None:
    """A Chinese title is read back as its dotted path, so two columns may never share one."""
    spec = next((s for s in LIST_SHEETS if s.name == sheet), None)
    found = list(column_index().values()) if spec is None else list(spec.columns)
    titles = [column.title for column in found]
    assert len(set(titles)) == len(titles)
    assert all(header_names(sheet)[column.title] == column.path for column in found)
