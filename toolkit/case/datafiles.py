"""Reading the legal data files (``toolkit/law/data/*.yaml``), merged with the user's own.

The data follow the OpenFisca pattern: dated values, each with its reference, in YAML a lawyer can read
and correct. Reading is strict so that a typo can never change a figure silently:

- the YAML is composed, not constructed, by the same reader as case files (toolkit.case.yamlsource): no
  tags, no anchors or aliases, no duplicate keys; dates stay ISO text and rates exact decimals;
- unknown keys, malformed dates and numbers are refused by the pydantic models, naming ``file:line``.

A folder named by the environment variable ``DRAFT_LAW_DIR`` may hold files of the same names; their
mappings are merged key by key over the built-in ones (so a newer LPR value is added without a code
change), anything else replaces the built-in value. See docs/legal-data.md.

The reader sits with the case file's, below the law: the case format's own vocabulary of lender kinds is
a row of ``caps.yaml`` (toolkit.case.lender_kinds), so the case models read it too.
"""

import datetime as dt
import os
import re
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from toolkit.bounded import ReadRefused, read_bounded
from toolkit.case.messages import Wording, problems
from toolkit.case.text import text_problem
from toolkit.case.yamlsource import Loc, Located, YamlProblem, compose
from toolkit.errors import LegalDataError

ENV_DIR = "DRAFT_LAW_DIR"
FILE_NAMES = (
    "lpr.yaml",
    "caps.yaml",
    "citations.yaml",
    "arguments.yaml",
    "holidays.yaml",
    "answer-form-financial-loan.yaml",
    "answer-form-private-lending.yaml",
)
MAX_BYTES = 1_000_000
BUILTIN_DIR = Path(__file__).parents[1] / "law" / "data"

M = TypeVar("M", bound=BaseModel)
_HINT = "请对照 docs/legal-data.md 改正该数据文件"
_RATE = "利率写成小数，如 0.0300 表示 3.00%"
WORDING = Wording(
    example="内置数据文件",
    unknown_field="可能是拼写错误，请改正或删除",
    number=f"应为数字：{_RATE}",
    out_of_range=f"数值超出合理范围：{_RATE}",
    date_example="2025-05-20",
    list_form="每项以 - 开头，或写成 [甲, 乙]",
)


def _iso_text(value: Any) -> Any:
    if not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        raise ValueError("日期应写成 YYYY-MM-DD，如 2025-05-20")
    return value


def printable(value: str) -> str:
    """``value``, refused when it holds a character a document cannot (see :mod:`toolkit.case.text`)."""
    if (problem := text_problem(value)) is not None:
        raise ValueError(problem)
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_text)]
Text = Annotated[str, Field(min_length=1), AfterValidator(printable)]  # printed in documents: no control characters


def no_items() -> list[Any]:
    """The default of a list field, ``Field(default_factory=no_items)``; not ``list``, whose signature
    pydantic reads from its text with the tokenizer, about half a millisecond a field at every start."""
    return []


class DataModel(BaseModel):
    """Base of every data-file model: unknown keys refused, values immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def load_table(name: str, model: type[M]) -> M:
    """The built-in ``data/<name>`` merged with ``$DRAFT_LAW_DIR/<name>`` when present, validated."""
    builtin, *user = table_sources(name)
    located = _read((BUILTIN_DIR / name).read_text(encoding="utf-8"), builtin)
    lines = {loc: f"{builtin}:{line}" for loc, line in located.lines.items()}
    data, sources = located.data, builtin
    for path in map(Path, user):
        extra = _read(_read_user_file(path), str(path))
        data = merged(data, extra.data)
        lines |= {loc: f"{path}:{line}" for loc, line in extra.lines.items()}
        sources += f" + {path}"
    try:
        return model.model_validate(data)
    except ValidationError as exc:

        def where(loc: Loc) -> str:
            return next((lines[loc[:end]] for end in range(len(loc), -1, -1) if loc[:end] in lines), sources)

        raise LegalDataError("法律数据文件有误：\n" + "\n".join(problems(exc, where, WORDING)), _HINT) from None


def table_sources(name: str) -> list[str]:
    """Where ``data/<name>`` is read from: the built-in file, then the user's one when present."""
    user_dir = user_data_dir()
    user = [str(user_dir / name)] if user_dir is not None and os.path.lexists(user_dir / name) else []
    return [f"toolkit/law/data/{name}", *user]


def user_data_dir() -> Path | None:
    """The folder named by ``DRAFT_LAW_DIR``, checked; ``None`` when the variable is unset or empty."""
    value = os.environ.get(ENV_DIR, "").strip()
    if not value:
        return None
    folder = Path(value)
    if not folder.is_dir():
        problem = "不是文件夹" if os.path.lexists(folder) else "指向的文件夹不存在"
        raise LegalDataError(
            f"环境变量 {ENV_DIR} {problem}：{folder}",
            f"请改正 {ENV_DIR}，或删除该环境变量以只使用内置数据",
        )
    unknown = sorted(p.name for p in folder.glob("*.y*ml") if p.name not in FILE_NAMES)
    if unknown:
        raise LegalDataError(
            f"{folder} 中有不认识的数据文件：{'、'.join(unknown)}",
            f"数据文件只能命名为 {'、'.join(FILE_NAMES)}；请改名或移走",
        )
    return folder


def merged(base: Any, extra: Any) -> Any:
    """``extra`` over ``base``: mappings merge key by key, any other value replaces."""
    if isinstance(base, dict) and isinstance(extra, dict):
        result = dict(base)
        for key, value in extra.items():
            result[key] = merged(base[key], value) if key in base else value
        return result
    return extra


def _read_user_file(path: Path) -> str:
    try:
        raw = read_bounded(path, MAX_BYTES, "法律数据文件")
    except ReadRefused as exc:
        raise LegalDataError(str(exc), f"请改正 {ENV_DIR} 中的该文件，或移走它以只使用内置数据") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LegalDataError(f"{path}: 文件不是 UTF-8 编码", "请在编辑器中以 UTF-8 编码另存后重试") from None


def _read(text: str, source: str) -> Located:
    """Plain data and the line of each path (see :mod:`toolkit.case.yamlsource`)."""
    try:
        return compose(text)
    except YamlProblem as exc:
        raise LegalDataError(f"{source}:{exc.line}: {exc.message}", _HINT) from None
