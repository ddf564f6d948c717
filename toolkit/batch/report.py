"""The batch report: ``report.json`` and ``report.csv``, written as results come, and a summary.

The report is published as cases finish and replaced atomically (see :class:`ReportWriter`), so a reader
never sees half a report, and an interrupted batch leaves the cases it finished, which the next run of
the same command uses to skip what is unchanged. Paths are relative to the output folder. A CSV cell that begins with
``= + - @``, a tab or a carriage return is prefixed with ``'``: a spreadsheet program would otherwise run
it as a formula (a client "name" such as ``=HYPERLINK(…)``).
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from toolkit.batch.jobs import CaseResult, DocumentResult
from toolkit.errors import OutputError
from toolkit.files import sync_file_system
from toolkit.privacy import mask

REPORT_VERSION = 1
SHOWN_FAILURES = 20
PUBLISH_EVERY = 1.0  # seconds between publications of the report while a batch runs
CSV_COLUMNS = (
    "case_id",
    "source",
    "client",
    "case_status",
    "document",
    "status",
    "findings",
    "file",
    "pdf",
    "sha256",
    "input_sha256",
    "template_sha256",
    "message",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """``value`` as a CSV cell that no spreadsheet program will evaluate."""
    return "'" + value if value.startswith(_FORMULA_START) else value


@dataclass
class Summary:
    cases: int = 0
    succeeded: int = 0
    failed: int = 0
    written: int = 0
    unchanged: int = 0  # already drafted by an earlier run of the same command, left as they were
    kept: int = 0  # an existing, different file left as it was
    refused: int = 0
    document_failures: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (case id, first line), the first few

    def add(self, result: CaseResult) -> None:
        self.add_json(case_json(result))

    def add_json(self, case: Mapping[str, Any]) -> None:
        """Count one case of report.json."""
        self.cases += 1
        if case["status"] == "ok":
            self.succeeded += 1
        else:
            self.failed += 1
            if len(self.failures) < SHOWN_FAILURES:
                self.failures.append((case["case_id"] or case["source"], first_problem(case)))
        for document in case["documents"]:
            self.written += document["status"] == "written"
            self.unchanged += document["status"] == "unchanged"
            self.refused += document["status"] == "refused"
            self.kept += document["status"] == "kept"
            self.document_failures += document["status"] == "failed"

    def to_json(self) -> dict[str, int]:
        counts = asdict(self)
        del counts["failures"]
        return counts


def problems(case: Mapping[str, Any]) -> list[str]:
    """Every reason a case failed, one a line, without the headings that introduce them."""
    messages = [case["message"]] + [d["message"] for d in case["documents"] if d["message"]]
    lines = [line.strip() for message in messages for line in message.splitlines()]
    return [line for line in lines if line and not line.endswith("：") and not line.startswith("→")]


def first_problem(case: Mapping[str, Any]) -> str:
    """The first reason a case failed, and how many more the report holds."""
    found = problems(case)
    if not found:
        return ""
    return found[0] + (f"（另有 {len(found) - 1} 个问题，见报告）" if len(found) > 1 else "")


_MASKED = ("case_id", "source", "client", "folder", "file", "pdf", "message")


def case_json(result: CaseResult) -> dict[str, Any]:
    """One case as report.json lists it; names that may carry an ID number are masked."""
    data = _masked(_fields(result))
    data["documents"] = [_document_json(document) for document in result.documents]
    return data


def _document_json(document: DocumentResult) -> dict[str, Any]:
    data = _masked(_fields(document))
    data["findings"] = [{"id": check_id, "severity": severity} for check_id, severity in document.findings]
    return data


def _fields(result: CaseResult | DocumentResult) -> dict[str, Any]:
    """The fields by name, in order (``asdict`` without its deep copy: the nested ones are replaced)."""
    return {name: getattr(result, name) for name in result.__dataclass_fields__}


def _masked(data: dict[str, Any]) -> dict[str, Any]:
    return {key: mask(value) if key in _MASKED and isinstance(value, str) else value for key, value in data.items()}


def csv_rows(case: Mapping[str, Any]) -> Iterator[list[str]]:
    """The CSV rows of one case of report.json: one per document, or one for a case with none."""
    documents = case.get("documents") or [{}]
    for document in documents:
        findings = " ".join(finding["id"] for finding in document.get("findings", []))
        values = {
            "case_id": case["case_id"],
            "source": case["source"],
            "client": case.get("client"),
            "case_status": case["status"],
            "document": document.get("document"),
            "status": document.get("status"),
            "findings": findings,
            "file": document.get("file"),
            "pdf": document.get("pdf"),
            "sha256": document.get("sha256"),
            "input_sha256": case["input_sha256"],
            "template_sha256": document.get("template_sha256"),
            "message": document.get("message") or case.get("message") or "",
        }
        yield [csv_safe("" if values[name] is None else str(values[name])) for name in CSV_COLUMNS]


_CASE_LINE = json.JSONEncoder(ensure_ascii=False)  # one encoder for every case's line


class ReportWriter:
    """Collects the cases of a batch and publishes ``<stem>.json`` and ``<stem>.csv`` in ``folder``.

    A publication writes both files beside their final names and renames them into place (``os.replace``
    after ``fsync``), so each file is at every moment either the previous complete version or the new
    one: after Ctrl+C, SIGTERM, SIGKILL or a power cut there is one valid report. The batch publishes as
    it goes, at most about once a second (and never more than a fifth of its time), and at the end; its
    ``state`` says ``running``, ``interrupted`` or ``complete``.

    The cases are not kept in memory: each case's line of the JSON report and rows of the CSV report are
    appended to two anonymous temporary files (gone with the process, whatever ends it), which each
    publication copies into the new report; memory stays the same for 1,000 cases or 100,000.
    """

    def __init__(self, folder: Path, stem: str, header: Mapping[str, Any]) -> None:
        self.json_path = folder / f"{stem}.json"
        self.csv_path = folder / f"{stem}.csv"
        self.summary = Summary()
        self._header = {"version": REPORT_VERSION, **header}
        self._next = time.monotonic() + PUBLISH_EVERY
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # the spools live as long as the writer: closed by close(), or with the process
            self._lines = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - report.json's case lines, as printed
            self._rows = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - report.csv's rows
        except OSError as exc:
            raise OutputError(f"无法建立输出文件夹 {folder}（{exc.strerror}）", "请检查路径和写入权限") from None
        self._count = 0

    def add(self, result: CaseResult) -> None:
        case = case_json(result)
        self.add_json(case)
        self.summary.add_json(case)
        if time.monotonic() >= self._next:
            started = time.monotonic()
            self.publish("running")
            self._next = time.monotonic() + max(PUBLISH_EVERY, 5 * (time.monotonic() - started))

    def add_json(self, case: Mapping[str, Any]) -> None:
        """Add one case of report.json (the summary is the caller's to count)."""
        rows = io.StringIO(newline="")
        csv.writer(rows).writerows(csv_rows(case))
        line = _CASE_LINE.encode(case)
        try:
            self._lines.write(("\n    " if not self._count else ",\n    ").encode("utf-8") + line.encode("utf-8"))
            self._rows.write(rows.getvalue().encode("utf-8"))
        except OSError as exc:
            raise _not_written(self.json_path, exc) from None
        self._count += 1

    def publish(self, state: str, extra: Mapping[str, Any] | None = None) -> None:
        """Replace both files by the cases so far, once every document they list is on disk."""
        sync_file_system(self.json_path.parent)  # the workers' documents, which are written unsynced
        summary = {**self.summary.to_json(), **(extra or {})}
        text = json.dumps({**self._header, "state": state}, ensure_ascii=False, indent=2)
        head = text[: text.rindex("}")].rstrip() + ',\n  "cases": ['
        tail = ("\n  " if self._count else "") + '],\n  "summary": ' + json.dumps(summary, ensure_ascii=False) + "\n}\n"
        header = io.StringIO(newline="")
        csv.writer(header).writerow(CSV_COLUMNS)
        _replace(self.json_path, head.encode("utf-8"), self._lines, tail.encode("utf-8"))
        _replace(self.csv_path, header.getvalue().encode("utf-8-sig"), self._rows, b"")

    def close(self, extra: Mapping[str, Any] | None = None) -> None:
        self.publish("complete", extra)
        self._lines.close()
        self._rows.close()


def partial(path: Path) -> Path:
    """Where ``path`` is written before it is renamed into place."""
    return path.with_name(f".{path.name}.partial")


def _replace(path: Path, head: bytes, body: IO[bytes], tail: bytes) -> None:
    """Write ``head``, all of ``body`` (a spool, left positioned at its end) and ``tail`` beside ``path``,
    then rename the file into place."""
    temp = partial(path)
    try:
        with open(temp, "wb") as stream:
            stream.write(head)
            body.seek(0)
            shutil.copyfileobj(body, stream)
            stream.write(tail)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _not_written(path, exc) from None
    _sync_folder(path.parent)


def _not_written(path: Path, exc: OSError) -> OutputError:
    what = "磁盘空间不足" if exc.errno == errno.ENOSPC else f"无法写入（{exc.strerror}）"
    hint = "请清理磁盘或检查写入权限后，重新运行同一条命令继续"
    return OutputError(f"{what}：报告 {path} 未能更新", hint)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a folder cannot be opened on Windows)."""
    if os.name == "nt":  # pragma: no cover - Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
