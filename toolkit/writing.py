"""Drafting documents for one case and writing them: atomically, never over a file without ``--force``.

Every document is drafted (and checked) before any is written; a refused document is reported and the
others are still written. A PDF, when asked for, is converted from the written .docx; ``--out x.pdf``
writes the PDF alone (the .docx is drafted in a temporary folder); any other suffix is a usage error.
"""

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.case.models import Case
from toolkit.checks import Finding
from toolkit.documents import kind as document_kind
from toolkit.documents import requested, sections_hint
from toolkit.drafting import Options, draft_each
from toolkit.errors import DraftError, OutputError, UsageError
from toolkit.files import file_in_the_way, resolve_output, same_name_key, write_atomic
from toolkit.law.figures import Figures

SUFFIXES = (".docx", ".pdf")


@dataclass
class Outcome:
    """What a drafting command did: the files written, the documents refused, the notices to show."""

    written: list[Path] = field(default_factory=list)
    refused: list[DraftError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def raise_if_refused(self) -> None:
        if len(self.refused) == 1:
            raise self.refused[0]
        if self.refused:
            raise DraftError("\n\n".join(str(error) for error in self.refused))


def draft_and_write(
    case: Case,
    figures: Figures,
    names: list[str],
    out: Path | None,
    options: Options,
    *,
    force: bool = False,
    pdf: bool = False,
    requested_only: bool = False,
) -> Outcome:
    outcome = Outcome()
    _check_out(out)
    if requested_only:
        names = [name for name in names if name in requested(case)]
        if not names:
            raise UsageError(
                "案件文件中没有任何文书所需的段落",
                sections_hint(),
            )
    if (requested_only or len(names) > 1) and out is not None and out.suffix.lower() in SUFFIXES:
        raise UsageError("一次生成多份文书时，--out 须是文件夹", "例如 --out out/")
    targets = _distinct_targets(case, names, out)
    ready = []
    for name, drafted in zip(names, draft_each(case, figures, names, options), strict=True):
        if isinstance(drafted, DraftError):
            outcome.refused.append(drafted)
            continue
        ready.append((targets[name], drafted))
        outcome.notices += [_notice(f) for f in drafted.findings if f.severity != "info"]
    if not force and (existing := [str(target) for target, _ in ready if target.exists()]):
        hint = "如确需覆盖，请加 --force；或用 --out 指定其他位置"
        raise OutputError(f"{'、'.join(existing)} 已存在，未写入任何文书", hint)
    for target, drafted in ready:
        if target.suffix.lower() == ".pdf":
            _write_pdf_only(target, drafted.document.docx, force=force)
        else:
            write_atomic(target, drafted.document.docx, force=force)
        outcome.written.append(target)
    if pdf and (documents := [path for path in outcome.written if path.suffix.lower() == ".docx"]):
        from toolkit.render.pdf import convert_to_pdf

        outcome.written += convert_to_pdf(documents, force=force)
    outcome.notices = list(dict.fromkeys(outcome.notices))
    return outcome


def _distinct_targets(case: Case, names: list[str], out: Path | None) -> dict[str, Path]:
    """Where each document goes; two documents of one run never share a file (on any file system)."""
    targets = {name: resolve_output(out, document_kind(name).file_name(case)) for name in names}
    seen: dict[str, str] = {}
    for name, target in targets.items():
        key = same_name_key(str(target))
        if key in seen:
            both = f"{document_kind(seen[key]).title}和{document_kind(name).title}"
            raise OutputError(
                f"{both}会写到同一个文件 {target}，未写入任何文书",
                "请用 --out 为每份文书分别指定文件，或一次只生成一份文书",
            )
        seen[key] = name
    return targets


def _check_out(out: Path | None) -> None:
    """``--out`` is a folder, a .docx or a .pdf; a file where a folder is needed is named as such."""
    if out is None:
        return
    if out.suffix and out.suffix.lower() not in SUFFIXES and not out.is_dir():
        hint = "--out 可以是文件夹（如 out/）、.docx 文件（文书），或 .pdf 文件（只生成 PDF）"
        raise UsageError(f"--out {out}：不支持的文件类型 {out.suffix}", hint)
    if blocker := file_in_the_way(out.parent if out.suffix.lower() in SUFFIXES else out):
        hint = "请指定一个文件夹（不存在会自动创建），或以 .docx / .pdf 结尾的文件名"
        raise UsageError(f"--out：{blocker} 是一个文件，不是文件夹，无法在其中写入文书", hint)


def _write_pdf_only(target: Path, docx: bytes, *, force: bool) -> None:
    """Only the PDF at ``target``: the .docx is written and converted in a temporary folder."""
    from toolkit.render.pdf import convert_to_pdf

    if target.exists() and not force:
        raise OutputError(f"{target} 已存在，未覆盖", "如确需覆盖，请加 --force；或用 --out 指定其他位置")
    with tempfile.TemporaryDirectory(prefix="draft-") as work:
        staged = Path(work) / target.with_suffix(".docx").name
        write_atomic(staged, docx, force=False)
        (converted,) = convert_to_pdf([staged])
        write_atomic(target, converted.read_bytes(), force=force)


def _notice(finding: Finding) -> str:
    if finding.severity == "error":  # it reached here, so it was allowed: say so, it is the record
        return f"[已按 --allow 放行的错误] [{finding.id}] {finding.message}"
    return f"[警告] [{finding.id}] {finding.message}"
