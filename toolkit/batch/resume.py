"""Running the same batch again: what the last report says was drafted, and what is left to clean up.

The report keeps, for each case, the sha256 of its input and of each document and template it wrote.
A case whose input, templates and toolkit version are unchanged, and whose documents are on disk with
the recorded bytes, is not drafted again: it is reported as ``unchanged``. So the same command resumes
an interrupted batch, and a batch rerun after a few rows were corrected drafts only those rows (with
``--update``; without it a changed case whose documents exist is refused, never silently replaced).

A report is comparable only if it was written by the same toolkit version with the same documents and
options; otherwise every case is drafted again (and existing documents are kept unless asked).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any

from toolkit.batch.jobs import CaseResult, case_result
from toolkit.batch.report import partial

COMPARED = ("tool", "documents", "shard")
COMPARED_OPTIONS = ("strict", "allow", "templates", "pdf")
TEMP_FILES = ".draft-*.tmp"  # what ``write_atomic`` writes before renaming into place


def priors(report: Path, header: Mapping[str, Any]) -> dict[str, CaseResult]:
    """The cases of the previous ``report`` by case id, when it was made the way ``header`` says."""
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        return {}
    if any(data.get(key) != header.get(key) for key in COMPARED):
        return {}
    options, wanted = data.get("options") or {}, header["options"]
    if any(options.get(key) != wanted.get(key) for key in COMPARED_OPTIONS):
        return {}
    found: dict[str, CaseResult] = {}
    for case in data["cases"]:
        try:
            found[case["case_id"]] = case_result(case)
        except (KeyError, TypeError):
            continue
    return found


def unchanged(prior: CaseResult | None, input_sha256: str, out: Path, templates: frozenset[str]) -> bool:
    """Whether ``prior`` still describes the case: same input, templates, and documents on disk."""
    if prior is None or prior.status != "ok" or prior.input_sha256 != input_sha256 or not prior.documents:
        return False
    for document in prior.documents:
        if document.file is None or document.template_sha256 not in templates:
            return False
        if document.pdf is not None and not (out / document.pdf).is_file():
            return False
        if digest(out / document.file) != document.sha256:
            return False
    return True


def digest(path: Path) -> str | None:
    """The sha256 of the file at ``path``, or None when there is none."""
    sha = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while block := stream.read(1 << 20):
                sha.update(block)
    except OSError:
        return None
    return sha.hexdigest()


def clean(out: Path, stem: str, *, documents: bool) -> None:
    """Remove what an interrupted run left behind: half-written reports, and with ``documents`` also
    half-written documents and empty case folders (not for a shard: other shards may be writing them)."""
    for name in (f"{stem}.json", f"{stem}.csv"):
        partial(out / name).unlink(missing_ok=True)
    if not documents or not out.is_dir():
        return
    for folder in out.iterdir():
        if not folder.is_dir() or folder.is_symlink():
            continue
        for temp in folder.glob(TEMP_FILES):
            temp.unlink(missing_ok=True)
        with suppress(OSError):
            folder.rmdir()  # only if empty
