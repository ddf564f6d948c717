"""What travels to a worker: one case to draft (a case file's path, or a spreadsheet row made into data)
and what comes back: how each of its documents went.

Both are small and picklable; a worker never holds more than its chunk of them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from toolkit.files import safe_file_name

CaseStatus = Literal["ok", "failed"]
DocumentStatus = Literal["written", "unchanged", "kept", "refused", "failed"]  # kept: an existing, different file
MAX_ID_LENGTH = 64
_ID_TEXT = re.compile(r"[^\s/\\]+")


@dataclass(frozen=True)
class Job:
    index: int  # position among all inputs, before sharding: the report's order
    case_id: str
    source: str  # a case file's path, or ``clients.xlsx[cases]!R5``
    path: Path | None = None  # a case file, read by the worker
    data: dict[str, Any] | None = None  # a spreadsheet row, converted
    cells: Mapping[str, str] = field(default_factory=dict)  # dotted path → where it was written
    input_sha256: str = ""
    problems: tuple[str, ...] = ()  # found while reading: the case fails without drafting
    prior: CaseResult | None = None  # how the same case went in this folder's last report, if comparable


@dataclass(frozen=True)
class DocumentResult:
    document: str  # the document kind's name: answer, hardship …
    status: DocumentStatus
    file: str | None = None  # relative to the output folder
    pdf: str | None = None
    sha256: str | None = None  # of the written .docx
    template_sha256: str | None = None
    findings: tuple[tuple[str, str], ...] = ()  # (check id, severity)
    message: str = ""


@dataclass(frozen=True)
class CaseResult:
    index: int
    case_id: str
    source: str
    input_sha256: str
    status: CaseStatus
    client: str | None = None
    folder: str | None = None
    documents: tuple[DocumentResult, ...] = ()
    message: str = ""  # why the case failed as a whole (unreadable, no documents, PDF conversion …)
    drafted_from: str = ""  # the input_sha256 the documents on disk were drafted from, when not this one


def case_result(data: Mapping[str, Any]) -> CaseResult:
    """A case of report.json read back (the inverse of ``report.case_json``)."""
    documents = tuple(
        DocumentResult(
            **{key: value for key, value in document.items() if key != "findings"},
            findings=tuple((finding["id"], finding["severity"]) for finding in document["findings"]),
        )
        for document in data["documents"]
    )
    return CaseResult(**{**data, "documents": documents})


def case_id_problem(case_id: str) -> str | None:
    """Why ``case_id`` cannot name a case's output folder, or None when it can."""
    if not case_id:
        return "缺少 case_id：每个案件须有一个编号（如 2026-001）"
    if len(case_id) > MAX_ID_LENGTH:
        return f"case_id 过长（超过 {MAX_ID_LENGTH} 个字符）：请缩短"
    if not _ID_TEXT.fullmatch(case_id) or safe_file_name(case_id) != case_id:
        return "case_id 只能由文字、数字、- _ . 组成，不能有空格、斜杠或特殊符号：请修改"
    return None


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def canonical_sha256(data: Mapping[str, Any]) -> str:
    """The sha256 of a row's data as canonical JSON (sorted keys, amounts and dates as text)."""
    text = _CANONICAL.encode(data)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
