"""``--out x.pdf`` writes the PDF and only it (LibreOffice converts a .docx drafted in a temporary folder)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support import run_cli

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "case.yaml"


def test_out_pdf_writes_only_the_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "答辩状.pdf"
    code, _, err = run_cli(["answer", "--case", str(SAMPLE), "--out", str(target)], capsys)
    assert code == 0, err
    assert list(tmp_path.iterdir()) == [target] and target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "民事答辩状" in text.replace(" ", "") and "李明" in text
    code, _, err = run_cli(["answer", "--case", str(SAMPLE), "--out", str(target)], capsys)
    assert code == 1 and "已存在" in err  # never replaced without --force
