"""A case written back as a commented YAML file a lawyer can read and edit.

The file starts with the ``# yaml-language-server: $schema=…`` line (editor completion and checking),
then the same fill-in rules as samples/case.yaml; each field carries its Chinese description from the
models as a trailing comment, so the words live in one place. Identifiers are always quoted (an unquoted
``0371…`` would become a number), amounts have two decimals, dates are ISO. Before anything is written
the text is read back with the loader and must give the very same case.

A new case with nothing to start from is a skeleton (:func:`skeleton_text`): every section, each required
field reading 待填写, each field with a default showing it, each optional one as a comment. The loader
refuses it, naming every field still marked, until the lawyer has filled them in.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from toolkit.bundled import BundledFileMissing, case_schema
from toolkit.case.load import TO_FILL, case_from_text
from toolkit.case.models import Agent, Answer, Case, Claims, Client, Court, Hardship, Lender, Loan, Proposal
from toolkit.errors import DraftError
from toolkit.files import write_atomic

COMMENT_COLUMN = 40
WRAP_WIDTH = 64
IDENTIFIERS = frozenset({"id_number", "phone", "credit_code", "case_number", "contract_number"})
RATES = frozenset({"annual_rate", "overdue_rate"})
_STR = "tag:yaml.org,2002:str"
_UNSAFE_PLAIN = re.compile(r"[:#,\[\]{}&*!|>'\"%@`\\\n\t]|^[-?~\s]|\s$")

HEADER = """\
#
# 案件文件：{title}。
# 一份案件文件描述一起纠纷，从我方当事人（借款人）的角度填写；答辩状、困难情况说明、
# 分期还款和解方案都从这里取数，每个事实只写一次。
#
# 填写规则：
# - 金额写成数字（元），最多两位小数：18000 或 18000.00；不要写“元”、逗号。
# - 利率写成年利率小数：0.2398 即 23.98%。
# - 日期写成 YYYY-MM-DD：2026-11-20。
# - 身份证号、电话、统一社会信用代码等像数字的编号必须加引号：id_number: "18位号码"。
# - 写错字段名会报错（防止事实被悄悄丢掉）。检查：draft check --case {name}
"""


class CaseWriteError(DraftError):
    """The written text did not read back as the same case (a defect of the writer, never of the user)."""


def schema_reference(target: Path) -> str:
    """Where the editor finds the schema, relative to ``target``'s folder when the project's copy exists."""
    try:
        schema = case_schema()
    except BundledFileMissing:
        return "case.schema.json"
    try:
        return Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return schema.as_uri()


def case_text(case: Case, schema_ref: str, name: str) -> str:
    """The case as commented YAML; ``name`` is the file name shown in the header's check command."""
    title = f"{case.client.name} 与 {case.lender.name}"
    if case.court is not None:
        title += f"（{case.court.cause}）"
    header = HEADER.format(title=title, name=name).splitlines()
    lines = [f"# yaml-language-server: $schema={schema_ref}", *header, *_fields(case, 0)]
    return "\n".join(lines) + "\n"


def write_case(case: Case, path: Path, *, force: bool) -> None:
    """Write ``case`` to ``path`` atomically; an existing file is replaced only with ``force``."""
    text = case_text(case, schema_reference(path), path.name)
    if case_from_text(text, path) != case:
        raise CaseWriteError(f"写出的案件文件读回后与填写的内容不一致，{path} 未写入", "请将此问题报告给维护者")
    write_atomic(path, text.encode("utf-8"), force=force)


SKELETON_SECTIONS: dict[str, type[BaseModel]] = {
    "court": Court,
    "client": Client,
    "lender": Lender,
    "agent": Agent,
    "loan": Loan,
    "claims": Claims,
    "answer": Answer,
    "hardship": Hardship,
    "proposal": Proposal,
}
# Defaulted fields the lawyer must still fill: a complaint always claims principal, and 0 would pass silently.
SKELETON_ALSO_TO_FILL = frozenset({("claims", "principal")})
SKELETON_NOTE = f"""\
#
# 这是一份空白案件：标有“{TO_FILL}”的各项必须填写，填好之前 draft check 会逐项列出、拒绝起草；
# 以 # 开头的字段是选填项，去掉行首的 # 再填写。不需要的可选段落（court、agent、claims、answer、
# hardship、proposal）可整段删除。"""


def skeleton_text(schema_ref: str, name: str) -> str:
    """A new case with no facts in it: every required field marked 待填写, with its description."""
    header = HEADER.format(title="新案件（待填写）", name=name).splitlines()
    lines = [f"# yaml-language-server: $schema={schema_ref}", *header, *SKELETON_NOTE.splitlines(), "", "version: 1"]
    for section, model in SKELETON_SECTIONS.items():
        optional = "（可选段落，不需要可整段删除）" if not Case.model_fields[section].is_required() else ""
        lines += ["", *_commented(f"{section}:", f"{Case.model_fields[section].description}{optional}")]
        for field, info in model.model_fields.items():
            comment = info.description or ""
            if info.is_required() or (section, field) in SKELETON_ALSO_TO_FILL:
                value = f'"{TO_FILL}"' if field in IDENTIFIERS else TO_FILL
                lines += _commented(f"  {field}: {value}", comment)
            elif info.default is None or info.default_factory is not None:
                lines += _commented(f"  # {field}:", comment)
            else:
                lines += _commented(f"  {field}: {_scalar(info.default, field)}", comment)
    return "\n".join(lines) + "\n"


def write_skeleton(path: Path, *, force: bool) -> None:
    """Write the skeleton of a new case to ``path`` atomically (replacing a file only with ``force``)."""
    write_atomic(path, skeleton_text(schema_reference(path), path.name).encode("utf-8"), force=force)


def _fields(model: BaseModel, depth: int) -> list[str]:
    indent = "  " * depth
    lines: list[str] = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None or name not in model.model_fields_set:
            continue
        comment = info.description or ""
        if isinstance(value, BaseModel):
            if inner := _fields(value, depth + 1):
                lines += [*_commented(f"{indent}{name}:", comment), *inner]
        elif isinstance(value, dict):
            lines += _commented(f"{indent}{name}:" + ("" if value else " {}"), comment)
            lines += [f"{indent}  {_plain(str(k))}: {_scalar(v, '')}" for k, v in value.items()]
        elif isinstance(value, list) and (not value or _inline(value)):
            lines += _commented(f"{indent}{name}: [{', '.join(_scalar(v, '') for v in value)}]", comment)
        elif isinstance(value, list):
            lines += _commented(f"{indent}{name}:", comment)
            lines += [f"{indent}  - {_item(v)}" for v in value]
        else:
            lines += _commented(f"{indent}{name}: {_scalar(value, name)}", comment)
    return lines


def _inline(values: list[Any]) -> bool:
    return all(isinstance(v, str) and v.isascii() for v in values)


def _item(value: Any) -> str:
    if isinstance(value, BaseModel):
        pairs = [
            f"{name}: {_scalar(getattr(value, name), name)}"
            for name in type(value).model_fields
            if getattr(value, name) is not None
        ]
        return "{" + ", ".join(pairs) + "}"
    return _scalar(value, "")


def _scalar(value: Any, name: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if name in RATES else f"{value.quantize(Decimal('0.01')):f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return _quoted(str(value)) if name in IDENTIFIERS else _plain(str(value))


def _plain(text: str) -> str:
    """``text`` as written, when YAML reads it back as that very string; else double-quoted."""
    if not text.isprintable() or _UNSAFE_PLAIN.search(text):
        return _quoted(text)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return _quoted(text)
    plain = isinstance(node, yaml.ScalarNode) and node.tag == _STR and node.value == text
    return text if plain else _quoted(text)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's), non-printable characters escaped too."""
    return "".join(ch if ch.isprintable() else _escaped(ch) for ch in json.dumps(text, ensure_ascii=False))


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _commented(line: str, comment: str) -> list[str]:
    if not comment:
        return [line]
    pad = max(COMMENT_COLUMN - _width(line), 2)
    parts = _wrapped(comment)
    lines = [f"{line}{' ' * pad}# {parts[0]}"]
    column = _width(line) + pad
    lines += [f"{' ' * column}# {part}" for part in parts[1:]]
    return lines


def _wrapped(comment: str) -> list[str]:
    parts: list[str] = []
    for piece in comment.split(" | "):
        if parts and _width(parts[-1]) + _width(piece) + 3 <= WRAP_WIDTH:
            parts[-1] += f" | {piece}"
        else:
            parts.append(piece if not parts else f"| {piece}")
    return parts


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
