"""The batch report: ``report.json`` and ``report.csv``, written as results come, and a summary.

Rows are appended to the files as each case finishes (nothing is kept but counters and the first few
failures for the screen), and the files take their final names only when the batch ends, so a reader
never sees half a report. Paths are relative to the output folder. A CSV cell that begins with
``= + - @``, a tab or a carriage return is prefixed with ``'``: a spreadsheet program would otherwise run
it as a formula (a client "name" such as ``=HYPERLINK(…)``).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from toolkit.batch.jobs import CaseResult, DocumentResult
from toolkit.errors import OutputError

REPORT_VERSION = 1
SHOWN_FAILURES = 20
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
            self.refused += document["status"] == "refused"
            self.document_failures += document["status"] == "failed"

    def to_json(self) -> dict[str, int]:
        counts = asdict(self)
        del counts["failures"]
        return counts


def first_problem(case: Mapping[str, Any]) -> str:
    """The first line of the first reason a case failed."""
    messages = [case["message"]] + [f"{d['document']}：{d['message']}" for d in case["documents"] if d["message"]]
    text = next((message for message in messages if message), "")
    return text.strip().splitlines()[0] if text.strip() else ""


def case_json(result: CaseResult) -> dict[str, Any]:
    data = asdict(result)
    data["documents"] = [_document_json(document) for document in result.documents]
    return data


def _document_json(document: DocumentResult) -> dict[str, Any]:
    data = asdict(document)
    data["findings"] = [{"id": check_id, "severity": severity} for check_id, severity in document.findings]
    return data


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


class ReportWriter:
    """Appends each case to ``<stem>.json`` and ``<stem>.csv`` in ``folder``; ``close`` publishes them."""

    def __init__(self, folder: Path, stem: str, header: Mapping[str, Any]) -> None:
        self.json_path = folder / f"{stem}.json"
        self.csv_path = folder / f"{stem}.csv"
        self.summary = Summary()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._json: IO[str] = open(_partial(self.json_path), "w", encoding="utf-8")  # noqa: SIM115
            self._csv: IO[str] = open(_partial(self.csv_path), "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        except OSError as exc:
            raise OutputError(f"无法在 {folder} 中写入报告（{exc.strerror}）", "请检查输出文件夹的写入权限") from None
        opening = json.dumps({"version": REPORT_VERSION, **header}, ensure_ascii=False, indent=2)
        self._json.write(opening[: opening.rindex("}")].rstrip() + ',\n  "cases": [')
        self._first = True
        self._writer = csv.writer(self._csv)
        self._writer.writerow(CSV_COLUMNS)

    def add(self, result: CaseResult) -> None:
        case = case_json(result)
        self.add_json(case)
        self.summary.add_json(case)

    def add_json(self, case: Mapping[str, Any]) -> None:
        """Append one case of report.json to both files (the summary is the caller's to count)."""
        self._json.write(("\n    " if self._first else ",\n    ") + json.dumps(case, ensure_ascii=False))
        self._first = False
        self._writer.writerows(csv_rows(case))

    def close(self, extra: Mapping[str, Any] | None = None) -> None:
        summary = {**self.summary.to_json(), **(extra or {})}
        self._json.write(("\n  ]" if not self._first else "]") + ',\n  "summary": ')
        self._json.write(json.dumps(summary, ensure_ascii=False) + "\n}\n")
        for stream, path in ((self._json, self.json_path), (self._csv, self.csv_path)):
            stream.close()
            os.replace(_partial(path), path)

    def abandon(self) -> None:
        for stream, path in ((self._json, self.json_path), (self._csv, self.csv_path)):
            stream.close()
            _partial(path).unlink(missing_ok=True)


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial")
