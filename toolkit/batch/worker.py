"""Drafting a chunk of cases in one process: load, figures, checks, render, write, and PDFs in one call.

A worker keeps each compiled template for its lifetime (``toolkit.render.templates.load`` caches per
process), so a template is compiled once per worker and rendered for many cases. Every case is drafted
on its own: a case that fails, for whatever reason, becomes a failed result and the next case goes on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from toolkit.batch.jobs import CaseResult, CaseStatus, DocumentResult, DocumentStatus, Job
from toolkit.batch.spreadsheet import relocate
from toolkit.case.load import case_from_data, case_from_text
from toolkit.case.models import Case
from toolkit.case.yamlsource import read_text
from toolkit.documents import kind as document_kind
from toolkit.documents import requested
from toolkit.drafting import Drafted, Options, draft
from toolkit.errors import CaseFileError, ChecksFailed, DraftError
from toolkit.law.compute import compute_figures
from toolkit.privacy import mask
from toolkit.render.output import safe_file_name, sync_disk, write_atomic
from toolkit.render.pdf import convert_to_pdf, pdf_path


@dataclass(frozen=True)
class Settings:
    out: Path
    documents: tuple[str, ...] | None  # None: every document the case file has the sections for
    options: Options
    force: bool = False
    pdf: bool = False


def draft_chunk(settings: Settings, chunk: list[Job]) -> list[CaseResult]:
    """Draft every job of ``chunk``; then, when asked, convert all their documents in one LibreOffice run."""
    results = [draft_job(settings, job) for job in chunk]
    sync_disk()
    return _with_pdfs(settings, results) if settings.pdf else results


def draft_job(settings: Settings, job: Job) -> CaseResult:
    """One case: its documents drafted, checked and written, or the reason it could not be."""
    base = CaseResult(job.index, job.case_id, job.source, job.input_sha256, "failed")
    if job.problems:
        return replace(base, message=mask("\n".join(job.problems)))
    try:
        case, sha = _load(job)
    except CaseFileError as error:
        problems = relocate(error.problems, job.source, job.cells) if job.data is not None else error.problems
        return replace(base, message=mask("\n".join(problems)))
    base = replace(base, input_sha256=sha, client=case.client.name)
    try:
        return _draft_case(settings, job, case, base)
    except DraftError as error:
        return replace(base, message=mask(str(error)))
    except Exception as error:  # one bad case must never stop the batch: report it and go on
        detail = f"{type(error).__name__}: {error}"
        return replace(base, message=mask(f"程序内部错误（{detail}）：请把该案件的输入和本信息发给维护者"))


def _load(job: Job) -> tuple[Case, str]:
    if job.path is not None:
        raw = job.path.read_bytes() if job.path.is_file() else b""
        return case_from_text(read_text(job.path), job.path), hashlib.sha256(raw).hexdigest()
    assert job.data is not None
    return case_from_data(job.data, job.source), job.input_sha256


def _draft_case(settings: Settings, job: Job, case: Case, base: CaseResult) -> CaseResult:
    names = settings.documents or tuple(requested(case))
    if not names:
        return replace(base, message="案件文件中没有任何文书所需的段落（answer、hardship 或 proposal）：请补上")
    figures = compute_figures(case)
    folder_name = safe_file_name(f"{job.case_id}-{case.client.name}")
    folder = settings.out / folder_name
    drafted: list[tuple[str, Drafted | DraftError]] = []
    for name in names:
        try:
            drafted.append((name, draft(case, figures, name, settings.options)))
        except DraftError as error:
            drafted.append((name, error))
    documents = [_write(settings, folder, case, name, outcome) for name, outcome in drafted]
    status: CaseStatus = "ok" if all(document.status == "written" for document in documents) else "failed"
    return replace(base, status=status, folder=folder_name, documents=tuple(documents))


def _write(settings: Settings, folder: Path, case: Case, name: str, outcome: Drafted | DraftError) -> DocumentResult:
    if isinstance(outcome, DraftError):
        status: DocumentStatus = "refused" if isinstance(outcome, ChecksFailed) else "failed"
        blocked = outcome.findings if isinstance(outcome, ChecksFailed) else ()
        findings = tuple((finding.id, finding.severity) for finding in blocked)
        return DocumentResult(name, status, findings=findings, message=mask(str(outcome)))
    target = folder / safe_file_name(document_kind(name).file_name(case))
    findings = tuple((finding.id, finding.severity) for finding in outcome.findings)
    data = outcome.document.docx
    try:
        write_atomic(target, data, force=settings.force, sync=False)
    except DraftError as error:
        sha = outcome.template_sha256
        return DocumentResult(name, "failed", template_sha256=sha, findings=findings, message=mask(str(error)))
    return DocumentResult(
        name,
        "written",
        file=target.relative_to(settings.out).as_posix(),
        sha256=hashlib.sha256(data).hexdigest(),
        template_sha256=outcome.template_sha256,
        findings=findings,
    )


def _with_pdfs(settings: Settings, results: list[CaseResult]) -> list[CaseResult]:
    written = [settings.out / d.file for r in results for d in r.documents if d.file]
    try:
        convert_to_pdf(written, force=settings.force)
    except DraftError as error:
        message = mask(f"PDF 未生成：{error}")
        return [replace(r, status="failed", message=message) if _has_files(r) else r for r in results]
    return [replace(r, documents=tuple(_with_pdf(d) for d in r.documents)) for r in results]


def _has_files(result: CaseResult) -> bool:
    return any(document.file for document in result.documents)


def _with_pdf(document: DocumentResult) -> DocumentResult:
    return replace(document, pdf=pdf_path(Path(document.file)).as_posix()) if document.file else document
