"""PDF copies by LibreOffice: one run for many files, checked, never over an existing PDF without force."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from batch_support import workbook

from toolkit.batch.batch import Request, draft_batch
from toolkit.errors import OutputError
from toolkit.render import pdf
from toolkit.render.pdf import PdfConversionError, convert_to_pdf


def test_batch_pdf_gives_a_checked_pdf_beside_each_document(tmp_path: Path) -> None:
    path = workbook(tmp_path / "clients.xlsx", 2, {1: {"client.name": "李明"}})
    outcome = draft_batch(Request((path,), tmp_path / "out", documents=("answer",), jobs=1, pdf=True))
    assert outcome.ok
    report = json.loads(outcome.report_json.read_text(encoding="utf-8"))
    pdfs = [case["documents"][0]["pdf"] for case in report["cases"]]
    assert pdfs == ["C000-当事人000/当事人000-民事答辩状.pdf", "C001-李明/李明-民事答辩状.pdf"]
    for name in pdfs:
        assert (tmp_path / "out" / name).read_bytes().startswith(b"%PDF")


def test_an_existing_pdf_is_refused_before_libreoffice_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    (tmp_path / "a.pdf").write_bytes(b"%PDF the lawyer's copy")
    monkeypatch.setattr(pdf, "find_soffice", lambda: pytest.fail("LibreOffice must not start"))
    with pytest.raises(OutputError, match="已存在"):
        convert_to_pdf([docx])
    assert (tmp_path / "a.pdf").read_bytes() == b"%PDF the lawyer's copy"


def test_what_libreoffice_gives_is_checked_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad = tmp_path / "good.docx", tmp_path / "bad.docx"
    good.write_bytes(b"PK")
    bad.write_bytes(b"PK")

    def fake_run(program: str, folder: Path, files: list[Path], count: int) -> None:
        (folder / "out").mkdir()
        (folder / "out" / "000000.pdf").write_bytes(b"%PDF-1.7 good")
        (folder / "out" / "000001.pdf").write_bytes(b"<html>not a pdf</html>")

    monkeypatch.setattr(pdf, "_run", fake_run)
    with pytest.raises(PdfConversionError, match=r"bad\.docx 生成的文件不是 PDF"):
        convert_to_pdf([good, bad])
    assert not (tmp_path / "good.pdf").exists()


def test_a_conversion_past_its_time_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    monkeypatch.setattr(pdf, "BASE_SECONDS", 0)
    monkeypatch.setattr(pdf, "SECONDS_PER_FILE", 0)
    with pytest.raises(PdfConversionError, match="超过 0 秒"):
        convert_to_pdf([docx])


def test_no_libreoffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(PdfConversionError, match="找不到 LibreOffice"):
        convert_to_pdf([docx])
