"""Load a case file: safe YAML, then the models, with every problem reported as ``file:line: field: …``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from toolkit.bundled import sample_case_file
from toolkit.case.messages import Wording, problems
from toolkit.case.models import Case
from toolkit.case.yamlsource import Loc, Located, parse, read_text
from toolkit.case.yamlsource import dotted as dotted  # re-exported: the one way to write a field's path
from toolkit.errors import CaseFileError

WORDING = Wording(
    example=" samples/case.yaml ",
    unknown_field="可能是拼写错误，请对照 samples/case.yaml 或 draft schema 改正或删除",
    number="应为数字（元，最多两位小数）：请去掉单位、逗号和引号，如 18000.00",
    integer="应为整数：请去掉单位、小数点和引号，如 12",
    identifiers=frozenset({"id_number", "phone", "credit_code", "case_number", "contract_number"}),
    name_field=True,
)
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
    text = read_text(path)
    located = parse(text, path)
    return case_from_data(located.data, path, located, marked=_may_be_marked(text)), located


def case_from_text(text: str, source: Path | str) -> Case:
    """Validate YAML text as a case; ``source`` names it in messages."""
    located = parse(text, source)
    return case_from_data(located.data, source, located, marked=_may_be_marked(text))


def _may_be_marked(text: str) -> bool:
    """Whether a value of the YAML ``text`` can hold 待填写: not when the text holds neither the mark nor an
    escape (a double-quoted ``"\\u5f85…"``), so the walk through every value is spared."""
    return TO_FILL in text or "\\" in text


def case_from_data(
    data: dict[str, Any], source: Path | str, located: Located | None = None, *, marked: bool = True
) -> Case:
    """Validate plain data (from YAML or a spreadsheet row) as a case; a field still marked 待填写 is refused
    (``marked``: False when the data's source is known to hold no such mark)."""
    if marked and (unfilled := _unfilled(data, ())):
        lines = [f"{_where(loc, source, located)}: {dotted(loc)}: 尚未填写（仍是“{TO_FILL}”）" for loc in unfilled]
        error = CaseFileError(source, lines)
        error.hint = f"请把各项的“{TO_FILL}”换成实际内容（说明见该行末尾的注释）；不需要的可选段落可整段删除"
        raise error
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise CaseFileError(source, problems(exc, lambda loc: _where(loc, source, located), WORDING)) from None


def _unfilled(value: Any, loc: Loc) -> list[Loc]:
    """Where ``value`` (a mapping or list, at ``loc``) still holds 待填写, in document order; a leaf's
    location is built only when it is reported (a case has a hundred leaves, rarely one of them)."""
    if isinstance(value, str):
        return [loc] if value.strip() == TO_FILL else []
    found: list[Loc] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(item, str):
            if item.strip() == TO_FILL:
                found.append((*loc, key))
        elif isinstance(item, dict | list):
            found += _unfilled(item, (*loc, key))
    return found


def _where(loc: Loc, source: Path | str, located: Located | None) -> str:
    line = located.line_of(loc) if located is not None else None
    return f"{source}:{line}" if line is not None else str(source)
