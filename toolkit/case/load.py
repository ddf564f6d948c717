"""Load a case file: safe YAML, then the models, with every problem reported as ``file:line: field: …``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from toolkit.bundled import sample_case_file
from toolkit.case.models import Case
from toolkit.case.yamlsource import Loc, Located, parse, read_text
from toolkit.case.yamlsource import dotted as dotted  # re-exported: the one way to write a field's path
from toolkit.errors import CaseFileError

_IDENTIFIERS = {"id_number", "phone", "credit_code", "case_number", "contract_number"}
TO_FILL = "待填写"  # what the skeleton of ``draft init --yes`` writes in each field the lawyer must fill


def load_case(path: Path | str) -> Case:
    """Read and validate one case file."""
    return load_located(path)[0]


def sample_case() -> Case:
    """The sample case that ships with draft (``samples/case.yaml``): examples, never a new case's defaults."""
    return load_case(sample_case_file())


def load_located(path: Path | str) -> tuple[Case, Located]:
    """Read and validate one case file, keeping where each value was written (for messages)."""
    path = Path(path)
    located = parse(read_text(path), path)
    return case_from_data(located.data, path, located), located


def case_from_text(text: str, source: Path | str) -> Case:
    """Validate YAML text as a case; ``source`` names it in messages."""
    located = parse(text, source)
    return case_from_data(located.data, source, located)


def case_from_data(data: dict[str, Any], source: Path | str, located: Located | None = None) -> Case:
    """Validate plain data (from YAML or a spreadsheet row) as a case; a field still marked 待填写 is refused."""
    if unfilled := list(_unfilled(data, ())):
        problems = [f"{_where(loc, source, located)}{dotted(loc)}: 尚未填写（仍是“{TO_FILL}”）" for loc in unfilled]
        error = CaseFileError(source, problems)
        error.hint = f"请把各项的“{TO_FILL}”换成实际内容（说明见该行末尾的注释）；不需要的可选段落可整段删除"
        raise error
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        problems = [_describe(error, source, located) for error in exc.errors(include_input=False)]
        raise CaseFileError(source, problems) from None


def _unfilled(value: Any, loc: Loc) -> Iterator[Loc]:
    if isinstance(value, str) and value.strip() == TO_FILL:
        yield loc
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _unfilled(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unfilled(item, (*loc, index))


def _where(loc: Loc, source: Path | str, located: Located | None) -> str:
    line = located.line_of(loc) if located is not None else None
    return f"{source}:{line}: " if line is not None else f"{source}: "


def _describe(error: ErrorDetails, source: Path | str, located: Located | None) -> str:
    loc = _clean_loc(error["loc"])
    return f"{_where(loc, source, located)}{dotted(loc) or '(顶层)'}: {_message(error, loc)}"


def _clean_loc(loc: tuple[int | str, ...]) -> Loc:
    # pydantic adds validator names such as "function-after[...]" to the location; drop them.
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p and "]" in p)))


def _message(error: ErrorDetails, loc: Loc) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    field = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        return f"不认识的字段 {field}：可能是拼写错误，请对照 samples/case.yaml 或 draft schema 改正或删除"
    if kind == "missing":
        return "缺少必填项：请补上该字段"
    if kind == "finite_number":
        return "金额必须是有限的数字：请写成如 18000.00 的数字"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if field in _IDENTIFIERS and kind in ("string_type",):
        return '像数字的编号必须加引号写成字符串：请写成 "…"（否则 YAML 会把它当作数字）'
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return "不是有效的日期：请写成 YYYY-MM-DD，如 2026-03-10，并确认该日存在"
    if kind.startswith("decimal") or kind in ("int_parsing", "int_type", "int_from_float"):
        if kind.startswith("int"):
            return "应为整数：请去掉单位、小数点和引号，如 12"
        return "应为数字（元，最多两位小数）：请去掉单位、逗号和引号，如 18000.00"
    if kind in ("greater_than_equal", "greater_than"):
        return f"数值太小：应{'大于' if kind == 'greater_than' else '不小于'} {ctx.get('gt', ctx.get('ge'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"数值太大：应不大于 {ctx.get('le', ctx.get('lt'))}（利率请写成小数，如 0.2398）"
    if kind == "literal_error":
        return f"取值不在可选范围内：可选 {choices(str(ctx.get('expected', '')))}"
    if kind in ("string_type", "string_too_short"):
        return "应为一段文字，不能为空"
    if kind in ("model_type", "dict_type"):
        return "应为“键: 值”的映射：请参照 samples/case.yaml 的写法"
    if kind == "list_type":
        return "应为列表（每项以 - 开头）"
    if kind == "bool_type" or kind == "bool_parsing":
        return "应为 true 或 false"
    return f"{error['msg']}：请对照 samples/case.yaml 改正"


def choices(expected: str) -> str:
    """pydantic's "'bank', 'private' or 365" as the user types them: bank、private、365."""
    return "、".join(part.strip().strip("'") for part in expected.replace(" or ", ", ").split(","))
