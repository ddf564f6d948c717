"""One translator from pydantic's validation errors to ``file:line: field: message``, in Chinese.

Case files, the legal data files and the templates' manifest are all read by the strict YAML reader
(toolkit.case.yamlsource), which keeps the line of every value, and validated by pydantic models; this
module turns each error into one line a lawyer can act on (copier's ``_settings.load_settings`` is the
model). What differs between those files — where to look for the right form, how a number is written —
is a :class:`Wording`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from toolkit.case.yamlsource import Loc, dotted


@dataclass(frozen=True)
class Wording:
    """The phrases of one kind of file."""

    example: str  # where the right form is shown: "samples/case.yaml"
    unknown_field: str  # after "不认识的字段："
    number: str  # a number that is not one
    integer: str | None = None  # a whole number that is not one (None: as ``number``)
    out_of_range: str | None = None  # a number out of bounds (None: the bound itself is named)
    date_example: str = "2026-03-10"
    identifiers: frozenset[str] = frozenset()  # fields whose digits must be quoted
    list_form: str = "每项以 - 开头"
    name_field: bool = False  # "不认识的字段 term_month：…" rather than "不认识的字段：…"


def problems(exc: ValidationError, where: Callable[[Loc], str], wording: Wording) -> list[str]:
    """One ``file:line: field: message`` per error; ``where`` gives the ``file:line`` of a field's path."""
    lines = []
    for error in exc.errors(include_input=False):
        loc = clean_loc(error["loc"])
        lines.append(f"{where(loc)}: {dotted(loc) or '(顶层)'}: {message(error, loc, wording)}")
    return lines


def clean_loc(loc: tuple[int | str, ...]) -> Loc:
    """The field's path: pydantic adds validator names such as ``function-after[...]``; they are dropped."""
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p and "]" in p)))


def message(error: ErrorDetails, loc: Loc, wording: Wording) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    field = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        return f"不认识的字段{f' {field}' if wording.name_field else ''}：{wording.unknown_field}"
    if kind == "missing":
        return "缺少必填项：请补上该字段"
    if kind == "finite_number":
        return "金额必须是有限的数字：请写成如 18000.00 的数字"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if field in wording.identifiers and kind == "string_type":
        return '像数字的编号必须加引号写成字符串：请写成 "…"（否则 YAML 会把它当作数字）'
    if kind.startswith("date"):
        return f"不是有效的日期：请写成 YYYY-MM-DD，如 {wording.date_example}，并确认该日存在"
    if kind.startswith("int") and wording.integer is not None:
        return wording.integer
    if kind.startswith("decimal") or kind.startswith("int"):
        return wording.number
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return wording.out_of_range or _bound(kind, ctx)
    if kind == "literal_error":
        return f"取值不在可选范围内：可选 {choices(str(ctx.get('expected', '')))}"
    if kind in ("string_type", "string_too_short"):
        return "应为一段文字，不能为空"
    if kind in ("model_type", "dict_type"):
        return f"应为“键: 值”的映射：请参照{wording.example}的写法"
    if kind == "list_type":
        return f"应为列表（{wording.list_form}）"
    if kind in ("bool_type", "bool_parsing"):
        return "应为 true 或 false"
    return f"格式不对（{error['msg']}）：请对照{wording.example}改正"


def _bound(kind: str, ctx: dict[str, object]) -> str:
    if kind.startswith("greater"):
        return f"数值太小：应{'大于' if kind == 'greater_than' else '不小于'} {ctx.get('gt', ctx.get('ge'))}"
    return f"数值太大：应不大于 {ctx.get('le', ctx.get('lt'))}（利率请写成小数，如 0.2398）"


def choices(expected: str) -> str:
    """pydantic's "'bank', 'private' or 365" as the user types them: bank、private、365."""
    return "、".join(part.strip().strip("'") for part in expected.replace(" or ", ", ").split(","))
