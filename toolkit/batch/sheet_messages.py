"""What a spreadsheet row's messages say: the cell a field came from, and the sheet's words for a case
file's.

A row's case data is checked by the same models and checks as a case file, whose messages name a field
(``loan.principal``) and speak of the case file; here they are pointed at the sheet, row and column the
value was read from, and reworded for a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Mapping

_SHEET_WORDS = (
    ("请在案件文件中补上（可参照 samples/case.yaml）", "请在表格中补上（可参照 --sheet-template 模板的示例行）"),
    ("samples/case.yaml 或 draft schema", "draft batch --sheet-template 生成的模板"),
    ("samples/case.yaml", "draft batch --sheet-template 生成的模板"),
    ("改正案件文件", "改正表格"),
    ("案件文件中", "表格这一行中"),
    ("案件文件", "表格"),
)


def for_sheet(text: str) -> str:
    """A message written for a case file, reworded for a spreadsheet row."""
    for case_file, sheet in _SHEET_WORDS:
        text = text.replace(case_file, sheet)
    return text


def relocate(problems: list[str], source: str, cells: Mapping[str, str]) -> list[str]:
    """Model messages (``source: loan.principal: …``) pointed at the cell the value came from."""
    result = []
    prefix = f"{source}: "
    for problem in problems:
        if not problem.startswith(prefix):
            result.append(for_sheet(problem))
            continue
        field, _, message = problem[len(prefix) :].partition(": ")
        result.append(f"{cell_of(field, source, cells)}: {for_sheet(message)}")
    return result


def cell_of(field: str, source: str, cells: Mapping[str, str]) -> str:
    """The cell ``field`` (a dotted path) was read from, or the row and a column named after it."""
    candidate = field
    while candidate:
        if candidate in cells:
            return cells[candidate]
        cut = max(candidate.rfind("."), candidate.rfind("["))
        candidate = candidate[:cut] if cut > 0 else ""
    return f"{source} C({field})" if field and field != "(顶层)" else source
