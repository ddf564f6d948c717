"""Building templates the way Word and hostile senders leave them, from a copy of templates/answer.docx.

A paragraph is rewritten with python-docx (its runs replaced by runs of given text and formatting); a
package is rewritten part by part with zipfile (parts added, replaced, or declared). Each helper
writes into a folder of its own, named like the built-in template so ``--templates DIR`` picks it up.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.text.paragraph import Paragraph
from support import run_cli

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = ROOT / "templates"
ANSWER = BUILTIN / "answer.docx"
SAMPLE = ROOT / "samples" / "case.yaml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Piece:
    """One run of a rewritten paragraph: its text and formatting."""

    text: str
    bold: bool | None = None
    italic: bool | None = None
    font: str | None = None  # East Asian font name, e.g. 宋体
    lang: str | None = None  # proofing language only: invisible formatting
    extra: dict[str, Any] = field(default_factory=dict)


def paragraph_starting(document: Document, start: str) -> Paragraph:
    for paragraph in document.paragraphs:
        if paragraph.text.startswith(start):
            return paragraph
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if paragraph.text.startswith(start):
                        return paragraph
    raise AssertionError(f"no paragraph starts with {start!r}")


def set_runs(paragraph: Paragraph, pieces: Iterable[Piece | str]) -> None:
    """Replace a paragraph's runs with ``pieces``, keeping the paragraph's own properties."""
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    for piece in pieces:
        piece = Piece(piece) if isinstance(piece, str) else piece
        run = paragraph.add_run(piece.text)
        run.bold, run.italic = piece.bold, piece.italic
        properties = run._r.get_or_add_rPr()
        if piece.font:
            fonts = properties.get_or_add_rFonts()
            fonts.set(f"{{{W_NS}}}eastAsia", piece.font)
        if piece.lang:
            lang = properties.makeelement(f"{{{W_NS}}}lang", {f"{{{W_NS}}}eastAsia": piece.lang})
            properties.append(lang)


def edited(folder: Path, change: Callable[[Document], None], name: str = "answer.docx") -> Path:
    """A copy of the built-in answer template, changed by ``change``, saved as ``folder/name``."""
    document = docx.Document(str(ANSWER))
    change(document)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    document.save(str(path))
    return path


def with_paragraph(folder: Path, start: str, *pieces: Piece | str, name: str = "answer.docx") -> Path:
    """The answer template with the paragraph starting ``start`` rewritten as ``pieces``."""
    return edited(folder, lambda d: set_runs(paragraph_starting(d, start), pieces), name)


def repackaged(
    source: bytes,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    drop: Iterable[str] = (),
) -> bytes:
    """The package ``source`` with parts replaced, added (in order, duplicates allowed) or dropped."""
    replace, add, dropped = replace or {}, add or {}, set(drop)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename not in dropped:
                new.writestr(info.filename, replace.get(info.filename, old.read(info)))
        for name, data in add.items():
            new.writestr(name, data)
    return buffer.getvalue()


def part(name: str, source: bytes | None = None) -> bytes:
    with zipfile.ZipFile(io.BytesIO(source if source is not None else ANSWER.read_bytes())) as archive:
        return archive.read(name)


def declare(content_types: bytes, part_name: str, content_type: str) -> bytes:
    """[Content_Types].xml with an Override for ``part_name``."""
    override = f'<Override PartName="/{part_name}" ContentType="{content_type}"/>'.encode()
    return content_types.replace(b"</Types>", override + b"</Types>")


def document_type(content_types: bytes, content_type: str) -> bytes:
    """[Content_Types].xml with the main document declared as ``content_type``."""
    main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert main in content_types
    return content_types.replace(main, content_type.encode())


def write_template(folder: Path, data: bytes, name: str = "answer.docx") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def draft_answer(template_dir: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(["answer", "--case", str(SAMPLE), "--templates", str(template_dir), "--out", str(out)], capsys)
