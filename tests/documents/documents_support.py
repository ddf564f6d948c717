"""Helpers for the document tests: the bundled samples, variants of them, and drafting one document.

Documents are drafted through :func:`toolkit.drafting.draft`, the same path as ``draft answer`` and the
others: fact checks, render, document checks. A document that fails a check raises, so every test that
drafts also proves the document passed the checks on required parts, leftovers and amounts in words.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from support import edited
from support import run_draft as shared_run_draft

from toolkit.case.load import case_from_data
from toolkit.case.models import Case
from toolkit.case.yamlsource import parse, read_text
from toolkit.drafting import Drafted, Options, draft
from toolkit.law.compute import compute_figures

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def sample_path(name: str) -> Path:
    return SAMPLES / f"{name}.yaml"


def sample(name: str = "case", changes: dict[str, Any] | None = None) -> Case:
    """A bundled sample, optionally with dotted-path changes (``{"proposal.addressee": "court"}``);
    ``DELETE`` removes a key. The result is validated like a real case file."""
    path = sample_path(name)
    data = edited(parse(read_text(path), path).data, changes)
    return case_from_data(data, path.name)


def with_style(case: Case, style: str) -> Case:
    """The case with ``answer.style`` set, as ``draft answer --style`` does."""
    assert case.answer is not None
    return case.model_copy(update={"answer": case.answer.model_copy(update={"style": style})})


def drafted(case: Case, name: str, *, allow: tuple[str, ...] = ()) -> Drafted:
    return draft(case, compute_figures(case), name, Options(allow=frozenset(allow)))


def paragraphs(case: Case, name: str) -> list[str]:
    return list(drafted(case, name).document.paragraphs)


def run_draft(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``draft …`` as a user runs it (``python -m toolkit``), from the repository root."""
    return shared_run_draft(*args, cwd=ROOT, timeout=120)


def table_rows(paragraphs: list[str], heading: str, columns: int, end: str = "合计") -> list[tuple[str, ...]]:
    """The body rows of the table after ``heading`` (header row skipped), up to the row starting ``end``.

    A table's cells are paragraphs in reading order, ``columns`` to a row."""
    start = paragraphs.index(heading) + 1 + columns
    stop = paragraphs.index(end, start)
    cells = paragraphs[start:stop]
    assert len(cells) % columns == 0, cells
    return [tuple(cells[i : i + columns]) for i in range(0, len(cells), columns)]
