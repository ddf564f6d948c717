"""The spreadsheet layout: which columns the ``cases`` sheet has and which list sheets go with it.

One row of the ``cases`` sheet is one case file. Its columns are named by the dotted paths of the case
format (``client.name``, ``loan.principal``, ``court.served_on`` …) and are derived from the models, so a
field added to the case format is a column at once, with the model's Chinese description as its note.
Lists that hold records (repayments, hardship events, …) live on sheets of their own, one row per item,
keyed by ``case_id``; lists of claim-item names (``answer.admitted``, ``answer.contested``,
``proposal.waive``) are comma lists in their cell.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from toolkit.case import models
from toolkit.case.models import Case

Kind = Literal["money", "rate", "date", "int", "bool", "id", "text", "items"]
RATES = frozenset({"annual_rate", "overdue_rate"})
CASE_ID = "case_id"
MAIN_SHEET = "cases"
NOTES_SHEET = "说明"
KIND_NAMES: dict[Kind, str] = {
    "money": "金额（元，最多两位小数）",
    "rate": "年利率（小数，如 0.2398）",
    "date": "日期（日期格式，或文本 YYYY-MM-DD）",
    "int": "整数",
    "bool": "是/否（TRUE/FALSE）",
    "id": "编号（单元格须为文本格式）",
    "text": "文字",
    "items": "项目名称，用逗号分隔，如 interest,penalty",
}


@dataclass(frozen=True)
class Column:
    path: str  # dotted path in the case file, e.g. "loan.principal"
    kind: Kind
    required: bool  # required when its section is present
    note: str  # the model's Chinese description
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListSheet:
    """A sheet of list items keyed by ``case_id``; ``target`` is the dotted path of the list."""

    name: str
    target: str
    columns: tuple[Column, ...]
    note: str
    mapping: bool = False  # rows are name → amount pairs (hardship.monthly_expenses)
    by_section: bool = False  # a ``section`` column says which list the row belongs to (evidence)


def _unwrap(annotation: Any) -> Any:
    """``X | None`` → ``X``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _is_identifier(annotation: Any, info: FieldInfo) -> bool:
    metadata = list(info.metadata)
    if typing.get_origin(annotation) is typing.Annotated:
        metadata += list(typing.get_args(annotation)[1:])
    return any(isinstance(m, BeforeValidator) and m.func is models._quoted for m in metadata)


def _kind(name: str, annotation: Any, info: FieldInfo) -> tuple[Kind, tuple[str, ...]]:
    if _is_identifier(annotation, info):
        return "id", ()
    base = annotation
    while typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    origin = typing.get_origin(base)
    if origin is list:
        (item,) = typing.get_args(base)
        return "items", tuple(str(choice) for choice in typing.get_args(item))
    if origin is Literal:
        choices = typing.get_args(base)
        return ("int" if isinstance(choices[0], int) else "text"), tuple(str(c) for c in choices)
    if base is Decimal:
        return ("rate" if name in RATES else "money"), ()
    simple: dict[Any, Kind] = {dt.date: "date", int: "int", bool: "bool", str: "text"}
    return simple[base], ()


def _walk(model: type[BaseModel], prefix: str, listed: frozenset[str]) -> list[Column]:
    found: list[Column] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        if path in listed or path == "version":
            continue
        annotation = _unwrap(info.annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found += _walk(annotation, f"{path}.", listed)
            continue
        kind, choices = _kind(name, annotation, info)
        found.append(Column(path, kind, info.is_required(), info.description or "", choices))
    return found


def _item_columns(model: type[BaseModel]) -> tuple[Column, ...]:
    return tuple(_walk(model, "", frozenset()))


_SECTIONS = ("hardship", "answer")


def _text(name: str, note: str) -> Column:
    return Column(name, "text", True, note)


LIST_SHEETS: tuple[ListSheet, ...] = (
    ListSheet("repayments", "loan.repayments", _item_columns(models.Repayment), "借款人实际还款记录，每笔一行"),
    ListSheet("interruptions", "loan.interruptions", _item_columns(models.Interruption), "诉讼时效中断事由，每项一行"),
    ListSheet("events", "hardship.events", _item_columns(models.HardshipEvent), "困难事由，每项一行"),
    ListSheet(
        "expenses",
        "hardship.monthly_expenses",
        (_text("name", "支出名称，如 房租"), Column("amount", "money", True, "每月金额（元）")),
        "每月必要支出，每项一行（同一案件中名称不能重复）",
        mapping=True,
    ),
    ListSheet("dependents", "hardship.dependents", _item_columns(models.Dependent), "需要扶养的家庭成员，每人一行"),
    ListSheet(
        "evidence",
        "evidence",
        (
            Column("section", "text", True, "hardship 困难情况说明的附件 | answer 答辩状的证据清单", _SECTIONS),
            _text("item", "证据名称，如 医疗费用票据"),
        ),
        "证据清单，每项一行；section 列写 hardship 或 answer",
        by_section=True,
    ),
    ListSheet("arguments", "answer.arguments", (_text("text", "一段附加的答辩理由"),), "附加答辩理由，每段一行"),
)


@functools.cache
def columns() -> tuple[Column, ...]:
    """The ``cases`` sheet's columns after ``case_id``, in the case format's order."""
    listed = frozenset(
        {sheet.target for sheet in LIST_SHEETS if not sheet.by_section} | {"hardship.evidence", "answer.evidence"}
    )
    return tuple(_walk(Case, "", listed))


@functools.cache
def column_index() -> dict[str, Column]:
    return {column.path: column for column in columns()}


def list_sheet(name: str) -> ListSheet | None:
    return next((sheet for sheet in LIST_SHEETS if sheet.name == name), None)
