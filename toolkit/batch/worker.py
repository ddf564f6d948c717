"""Drafting a chunk of cases in one process: load, figures, checks, render, write, and PDFs in one call.

A worker keeps each compiled template for its lifetime (``toolkit.render.templates.load`` caches per
process), so a template is compiled once per worker and rendered for many cases. Every case is drafted
on its own: a case that fails, for whatever reason, becomes a failed result and the next case goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from toolkit.batch.jobs import CaseResult, CaseStatus, DocumentResult, DocumentStatus, Job
from toolkit.batch.resume import digest, unchanged
from toolkit.batch.sheet_messages import cell_of, for_sheet, relocate
from toolkit.case.load import case_from_data, case_from_text
from toolkit.case.models import Case
from toolkit.case.yamlsource import decoded, read_source
from toolkit.checks import blocking, run_fact_checks
from toolkit.documents import kind as document_kind
from toolkit.documents import requested, sections_hint
from toolkit.drafting import Drafted, Options, draft_each
from toolkit.errors import CaseFileError, ChecksFailed, DraftError
from toolkit.files import safe_file_name, write_atomic
from toolkit.law.compute import compute_figures
from toolkit.privacy import mask
from toolkit.render.pdf import convert_to_pdf, pdf_path


@dataclass(frozen=True)
class Settings:
    out: Path
    documents: tuple[str, ...] | None  # None: every document the case file has the sections for
    options: Options
    force: bool = False  # redraft everything and replace what differs
    pdf: bool = False
    update: bool = False  # replace the documents of cases whose input changed since the last report
    templates: frozenset[str] = frozenset()  # sha256 of every template this batch may use


def draft_chunk(settings: Settings, chunk: list[Job]) -> list[CaseResult]:
    """Draft every job of ``chunk``; then, when asked, convert all their documents in one LibreOffice run."""
    results = [draft_job(settings, job) for job in chunk]
    return _with_pdfs(settings, results) if settings.pdf else results


def failed(job: Job, message: str = "") -> CaseResult:
    """``job``'s case failed as a whole, for ``message``."""
    return CaseResult(job.index, job.case_id, job.source, job.input_sha256, "failed", message=message)


def draft_job(settings: Settings, job: Job) -> CaseResult:
    """One case: its documents drafted, checked and written, or the reason it could not be."""
    base = failed(job)
    if job.problems:
        return replace(base, message=mask("\n".join(_all_problems(settings, job))))
    try:  # a case file is read once: for its sha256, then (when it must be drafted) for its case
        source = read_source(job.path) if job.path is not None else None
        sha = hashlib.sha256(source).hexdigest() if source is not None else job.input_sha256
        base = replace(base, input_sha256=sha)
        if not settings.force and unchanged(job.prior, sha, settings.out, settings.templates):
            assert job.prior is not None
            documents = tuple(replace(document, status="unchanged") for document in job.prior.documents)
            return replace(job.prior, index=job.index, source=job.source, documents=documents, message="")
        case = _load(job, source)
    except CaseFileError as error:
        problems = relocate(error.problems, job.source, job.cells) if job.data is not None else error.problems
        return replace(base, message=mask("\n".join(problems)))
    base = replace(base, client=case.client.name)
    try:
        result = _draft_case(settings, job, case, base)
    except DraftError as error:
        result = replace(base, message=mask(str(error)))
    except Exception as error:  # one bad case must never stop the batch: report it and go on
        detail = f"{type(error).__name__}: {error}"
        return replace(base, message=mask(f"程序内部错误（{detail}）：请把该案件的输入和本信息发给维护者"))
    return _reworded(result) if job.data is not None else result


def _all_problems(settings: Settings, job: Job) -> list[str]:
    """A row's unreadable cells, and what the rest of the row then fails: the model's and the checks' errors."""
    problems = list(job.problems)
    if job.data is None:
        return problems
    known = {problem.partition(": ")[0] for problem in problems}  # cells already reported

    def new(found: list[str]) -> list[str]:  # not about a cell (or a row) already reported
        located = relocate(found, job.source, job.cells)
        return [p for p in located if not any(cell.startswith(p.partition(": ")[0]) for cell in known)]

    try:
        case = case_from_data(job.data, job.source)
    except CaseFileError as error:
        return problems + new(error.problems)
    try:
        names = settings.documents or tuple(requested(case))
        findings = run_fact_checks(case, compute_figures(case), names)
    except Exception:  # the cells' problems are the reason this case fails; the checks are a bonus
        return problems
    findings = blocking(findings, strict=settings.options.strict, allow=settings.options.allow)
    return problems + new([f"{job.source}: {f.field}: [{f.id}] {f.message}" for f in findings])


def _reworded(result: CaseResult) -> CaseResult:
    """A spreadsheet row's messages speak of the sheet, not of a case file."""
    documents = tuple(replace(d, message=for_sheet(d.message)) for d in result.documents)
    return replace(result, message=for_sheet(result.message), documents=documents)


def _load(job: Job, source: bytes | None) -> Case:
    if job.path is not None:
        assert source is not None
        return case_from_text(decoded(source, job.path), job.path)
    assert job.data is not None
    return case_from_data(job.data, job.source)


def _draft_case(settings: Settings, job: Job, case: Case, base: CaseResult) -> CaseResult:
    names = settings.documents or tuple(requested(case))
    if not names:
        return replace(base, message=f"案件文件中没有任何文书所需的段落：请补上（{sections_hint()}）")
    figures = compute_figures(case)
    folder_name = _masked_name(f"{job.case_id}-{case.client.name}")
    folder = settings.out / folder_name
    options = settings.options
    if job.data is not None:  # findings name the sheet, row and column of the field
        options = replace(options, locate=lambda field: cell_of(field, job.source, job.cells))
    drafted = zip(names, draft_each(case, figures, names, options), strict=True)
    origin = (job.prior.drafted_from or job.prior.input_sha256) if job.prior is not None else None
    changed = origin is not None and origin != base.input_sha256
    documents = [_write(settings, folder, case, name, outcome, changed) for name, outcome in drafted]
    if changed and any(document.status == "kept" for document in documents):
        base = replace(base, drafted_from=origin or "")  # the documents on disk still are the old input's
    if not any(document.file for document in documents):
        _remove_if_empty(folder)
    done = all(document.status in ("written", "unchanged") for document in documents)
    status: CaseStatus = "ok" if done else "failed"
    return replace(base, status=status, folder=folder_name, documents=tuple(documents))


def _write(
    settings: Settings, folder: Path, case: Case, name: str, outcome: Drafted | DraftError, changed: bool
) -> DocumentResult:
    if isinstance(outcome, DraftError):
        status: DocumentStatus = "refused" if isinstance(outcome, ChecksFailed) else "failed"
        blocked = outcome.findings if isinstance(outcome, ChecksFailed) else ()
        findings = tuple((finding.id, finding.severity) for finding in blocked)
        return DocumentResult(name, status, findings=findings, message=mask(str(outcome)))
    target = folder / _masked_name(document_kind(name).file_name(case))
    data = outcome.document.docx
    sha = hashlib.sha256(data).hexdigest()
    result = DocumentResult(
        name,
        "written",
        file=target.relative_to(settings.out).as_posix(),
        sha256=sha,
        template_sha256=outcome.template_sha256,
        findings=tuple((finding.id, finding.severity) for finding in outcome.findings),
    )
    if digest(target) == sha:  # drafted by an earlier run (perhaps one interrupted before its report)
        return replace(result, status="unchanged")
    replace_existing = settings.force or (settings.update and changed)
    if target.exists() and not replace_existing:
        return replace(result, status="kept", file=None, sha256=None, message=_kept(target, changed))
    try:
        write_atomic(target, data, force=replace_existing, sync=False)
    except DraftError as error:
        if digest(target) == sha:  # written meanwhile by a worker of an interrupted run
            return replace(result, status="unchanged")
        return replace(result, status="failed", file=None, sha256=None, message=mask(str(error)))
    return result


def _masked_name(name: str) -> str:
    """A file name without an ID number in it: 4101xxxxxxxxxxxx19 (``*`` is not allowed on Windows)."""
    return safe_file_name(mask(name).replace("*", "x"))


def _kept(target: Path, changed: bool) -> str:
    if changed:
        return mask(
            f"{target} 已存在，而案件的输入已改变，未覆盖：加 --update 只重新起草输入改变了的案件（替换其文书），"
            "或加 --force 全部重新起草"
        )
    return mask(f"{target} 已存在且与本次生成的内容不同（可能已手工修改），未覆盖：如确需覆盖，请加 --force")


def _remove_if_empty(folder: Path) -> None:
    """A case none of whose documents could be written leaves no empty folder."""
    with contextlib.suppress(OSError):
        folder.rmdir()


def _with_pdfs(settings: Settings, results: list[CaseResult]) -> list[CaseResult]:
    written = [settings.out / d.file for r in results for d in r.documents if d.file and _needs_pdf(settings, d)]
    try:
        convert_to_pdf(written, force=settings.force or settings.update)
    except DraftError as error:
        message = mask(f"PDF 未生成：{error}")
        return [replace(r, status="failed", message=message) if _has_files(r) else r for r in results]
    return [replace(r, documents=tuple(_with_pdf(d) for d in r.documents)) for r in results]


def _needs_pdf(settings: Settings, document: DocumentResult) -> bool:
    assert document.file is not None
    return document.status == "written" or not pdf_path(settings.out / document.file).is_file()


def _has_files(result: CaseResult) -> bool:
    return any(document.file for document in result.documents)


def _with_pdf(document: DocumentResult) -> DocumentResult:
    return replace(document, pdf=pdf_path(Path(document.file)).as_posix()) if document.file else document
