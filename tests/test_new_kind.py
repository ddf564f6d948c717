"""A document kind is one module and one template: a copy of the hardship kind under a new name, added to a
copy of the toolkit as exactly those two files, appears in ``draft --help``, is drafted by ``draft all``
and by ``draft batch --docs``, with no other edit (no manifest row, no command, no list)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from support import ROOT

NAME, TITLE = "notice", "情况说明"


def _with_a_new_kind(root: Path) -> None:
    """The toolkit as installed (templates, samples and schema where the build puts them), plus the two files."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "toolkit", root / "toolkit", ignore=ignore)
    for folder in ("templates", "samples", "schema"):
        shutil.copytree(ROOT / folder, root / "toolkit" / "bundled" / folder, ignore=ignore)
    module = (ROOT / "toolkit" / "documents" / "hardship.py").read_text(encoding="utf-8")
    copied = module.replace('TITLE = "困难情况说明"', f'TITLE = "{TITLE}"')
    copied = copied.replace('name="hardship"', f'name="{NAME}"').replace('return "hardship"', f'return "{NAME}"')
    assert copied.count(NAME) == 2 and TITLE in copied  # the copy really is renamed
    (root / "toolkit" / "documents" / f"{NAME}.py").write_text(copied, encoding="utf-8")
    template = docx.Document(str(ROOT / "templates" / "hardship.docx"))
    title = template.paragraphs[0]
    assert title.text == "困难情况说明"
    title.runs[0].text = TITLE
    buffer = io.BytesIO()
    template.save(buffer)
    (root / "toolkit" / "bundled" / "templates" / f"{NAME}.docx").write_bytes(buffer.getvalue())


def _draft(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        timeout=300,
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("new-kind")
    _with_a_new_kind(root)
    where = subprocess.run(
        [sys.executable, "-c", "import toolkit; print(toolkit.__file__)"],
        capture_output=True, text=True, cwd=root, env={**os.environ, "PYTHONPATH": str(root)}, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(root), "the copy, not the checkout, must run"
    return root


def test_it_is_a_command_of_draft_help(copy: Path) -> None:
    result = _draft(copy, "--help")
    assert result.returncode == 0, result.stderr
    assert f"{NAME}" in result.stdout and f"起草{TITLE}" in result.stdout
    own = _draft(copy, NAME, "--help")
    assert own.returncode == 0 and "--case" in own.stdout and "LIMITATION-GIVEAWAY" in own.stdout


def test_draft_all_drafts_it(copy: Path) -> None:
    result = _draft(copy, "all", "--case", str(ROOT / "samples" / "case.yaml"), "--out", "out-all")
    assert result.returncode == 0, result.stderr
    written = sorted(path.name for path in (copy / "out-all").iterdir())
    assert f"李明-{TITLE}.docx" in written and "李明-困难情况说明.docx" in written
    text = [p.text for p in docx.Document(str(copy / "out-all" / f"李明-{TITLE}.docx")).paragraphs]
    assert text[0] == TITLE


def test_draft_batch_drafts_it(copy: Path) -> None:
    result = _draft(copy, "batch", str(ROOT / "samples" / "case.yaml"), "--docs", NAME, "--out", "out-batch")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((copy / "out-batch" / "report.json").read_text(encoding="utf-8"))
    documents = [document for case in report["cases"] for document in case["documents"]]
    assert [(d["document"], d["status"]) for d in documents] == [(NAME, "written")]
    assert documents[0]["file"].endswith(f"李明-{TITLE}.docx")
    assert f"{NAME}" in _draft(copy, "batch", "--help").stdout
