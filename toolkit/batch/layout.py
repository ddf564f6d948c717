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
import re
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from toolkit.case import models
from toolkit.case.interview import lawsuit, loan, parties, settlement
from toolkit.case.lender_kinds import known_lender_kind, lender_kinds
from toolkit.case.models import Case
from toolkit.case.typed_input import Choice

Kind = Literal["money", "rate", "date", "int", "bool", "id", "text", "choice", "items"]
RATES = frozenset({"annual_rate", "overdue_rate"})
CASE_ID = "case_id"
MAIN_SHEET = "cases"
NOTES_SHEET = "说明"
KIND_NAMES: dict[Kind, str] = {
    "money": "金额（元）：18000、18,000.00、1.8万、18000元均可，最多两位小数",
    "rate": "年利率：23.98% 或 0.2398",
    "date": "日期：日期格式的单元格，或 2026-03-10、2026/3/10、2026年3月10日",
    "int": "整数",
    "bool": "是/否（从下拉列表选）",
    "id": "编号：单元格须为“文本”格式，原样填写，不加引号",
    "text": "文字",
    "choice": "从下拉列表选（中文名称或英文代码均可）",
    "items": "项目名称（中文或英文代码），用逗号或顿号分隔，如 罚息（逾期利息）、复利",
}
CASE_ID_TITLE = "案件编号"
SECTION_NAMES = {
    "court": "法院",
    "client": "借款人",
    "lender": "出借人",
    "agent": "代理人",
    "loan": "借款合同",
    "claims": "诉讼请求",
    "hardship": "困难情况",
    "proposal": "和解方案",
    "answer": "答辩状",
    "signing": "落款",
}
_SECTION_CHOICES = (Choice("hardship", "困难情况说明"), Choice("answer", "答辩状"))
CHOICE_LABELS: dict[str, tuple[Choice, ...]] = {  # as ``draft init`` offers them
    "client.gender": parties.GENDERS,
    "court.procedure": lawsuit.PROCEDURES,
    "loan.repayment": loan.REPAYMENTS,
    "loan.day_count": loan.DAY_COUNTS,
    "loan.rate_cap_basis": loan.CAP_BASES,
    "kind": loan.INTERRUPTION_KINDS,
    "answer.style": lawsuit.STYLES,
    "answer.admitted": lawsuit.CLAIM_CHOICES,
    "answer.contested": lawsuit.CLAIM_CHOICES,
    "proposal.waive": lawsuit.CLAIM_CHOICES,
    "proposal.addressee": settlement.ADDRESSEE_CHOICES,
    "section": _SECTION_CHOICES,
}
_TITLES = {"kind": "中断事由类型", "section": "证据用于"}
_CLAUSE = re.compile(r"[，；。：]")
_BRACKETS = re.compile(r"（[^）]*）|\([^)]*\)")


@dataclass(frozen=True)
class Column:
    path: str  # dotted path in the case file, e.g. "loan.principal"
    kind: Kind
    required: bool  # required when its section is present
    note: str  # the model's Chinese description
    choices: tuple[Choice, ...] = ()  # a choice's code and Chinese name; items' too

    @property
    def title(self) -> str:
        """The Chinese column header: ``借款合同·合同载明的借款本金（元）``."""
        section = self.path.rpartition(".")[0]
        field = _TITLES.get(self.path) or _CLAUSE.split(_BRACKETS.sub("", self.note))[0].strip()
        if section:
            prefix = SECTION_NAMES.get(section, section)
            field = f"{prefix}·{field.removeprefix(prefix) or field}"
        return field + ("（元）" if self.kind == "money" else "")


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


def _labelled(path: str, codes: tuple[Any, ...]) -> tuple[Choice, ...]:
    offered = parties.lender_kind_choices() if path == "lender.kind" else CHOICE_LABELS.get(path, ())
    labels = {choice.value: choice.label for choice in offered}
    return tuple(Choice(str(code), labels.get(str(code), str(code))) for code in codes)


def _kind(name: str, annotation: Any, info: FieldInfo) -> tuple[Kind, tuple[Any, ...]]:
    if _is_identifier(annotation, info):
        return "id", ()
    if any(isinstance(m, AfterValidator) and m.func is known_lender_kind for m in info.metadata):
        return "choice", tuple(lender_kinds())  # the rows of caps.yaml
    base = annotation
    while typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    origin = typing.get_origin(base)
    if origin is list:
        (item,) = typing.get_args(base)
        return "items", typing.get_args(item)
    if origin is Literal:
        return "choice", typing.get_args(base)
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
        kind, codes = _kind(name, annotation, info)
        found.append(Column(path, kind, info.is_required(), info.description or "", _labelled(path, codes)))
    return found


def _item_columns(model: type[BaseModel]) -> tuple[Column, ...]:
    return tuple(_walk(model, "", frozenset()))


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
            Column("section", "choice", True, "证据用于哪份文书：困难情况说明或答辩状", _SECTION_CHOICES),
            _text("item", "证据名称，如 医疗费用票据"),
        ),
        "证据清单，每项一行；“证据用于”一列选 困难情况说明 或 答辩状",
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


@functools.cache
def header_names(sheet: str) -> dict[str, str]:
    """Every header a column of ``sheet`` may have (its Chinese title or its dotted path) → the path."""
    spec = list_sheet(sheet)
    found = columns() if spec is None else spec.columns
    names = {CASE_ID: CASE_ID, CASE_ID_TITLE: CASE_ID}
    for column in found:
        names[column.path] = names[column.title] = column.path
    return names
