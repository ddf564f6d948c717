"""The per-user cache of prepared templates: a hit gives the same bytes as no cache; a damaged, foreign or
unwritable cache is passed over, never trusted and never an error."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest
from templates_support import ANSWER, SAMPLE, with_paragraph

from toolkit.case.load import load_case
from toolkit.documents import kind
from toolkit.law.compute import compute_figures
from toolkit.render import compile_cache, compiled
from toolkit.render.compiled import CompiledTemplate
from toolkit.render.xmltext import paragraphs


def _rendered(template: Path) -> bytes:
    case = load_case(SAMPLE)
    answer = kind("answer")
    docx = CompiledTemplate(template).render(answer.context(case, compute_figures(case)), title=answer.title).docx
    return docx


def _cached_files(folder: Path) -> list[Path]:
    """The prepared templates in the cache (the compiled code of their parts is stored beside them)."""
    return [path for path in sorted(folder.glob("*.prepared")) if "kind" not in cached_index(path)]


def cached_index(path: Path) -> dict[str, object]:
    """A cache file's index: the line after its magic line and its SHA-256 (compile_cache's format)."""
    index: dict[str, object] = json.loads(path.read_bytes().split(b"\n", 3)[2])
    return index


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(compile_cache.CACHE_VAR, str(folder))
    return folder


def _uncached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> bytes:
    """The document as drafted with no cache at all (the cache folder is a file: nothing read or written)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with monkeypatch.context() as patch:
        patch.setenv(compile_cache.CACHE_VAR, str(blocker))
        return _rendered(ANSWER)


def test_a_cached_template_gives_the_same_bytes(cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    expected = _uncached(monkeypatch, tmp_path)
    first = _rendered(ANSWER)  # prepares the template and stores it
    assert len(_cached_files(cache)) == 1
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    second = _rendered(ANSWER)  # from the cache
    assert first == second == expected


def test_a_cached_package_is_not_inspected_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The package inspection runs before a template is prepared; the cache holds only packages that
    passed it (its key holds the package's SHA-256 and the inspection's code)."""
    inspected: list[str] = []
    real = compiled.inspect_package

    def counted(source: bytes, name: str) -> None:
        inspected.append(name)
        real(source, name)

    monkeypatch.setattr(compiled, "inspect_package", counted)
    first = _rendered(ANSWER)
    assert inspected == ["answer.docx"]
    assert _rendered(ANSWER) == first
    assert inspected == ["answer.docx"]  # the second from the cache, not inspected again


def test_a_damaged_cache_file_is_prepared_again(cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    expected = _uncached(monkeypatch, tmp_path)
    _rendered(ANSWER)
    (stored,) = _cached_files(cache)
    content = bytearray(stored.read_bytes())
    content[-100] ^= 0x01  # one bit of a compressed part: the file's own SHA-256 no longer checks
    stored.write_bytes(bytes(content))
    assert _rendered(ANSWER) == expected
    assert stored.read_bytes() != bytes(content)  # replaced by a sound copy


def test_a_cache_folder_others_may_write_is_not_read(cache: Path, tmp_path: Path) -> None:
    """A planted entry (well formed, its checksum right) with other text is used only from a private folder."""
    planted = with_paragraph(tmp_path / "firm", "答辩人：", "答辩人：植入的文字")
    _rendered(planted)  # the firm's template prepared: its entry is well formed
    (firm_entry,) = _cached_files(cache)
    _rendered(ANSWER)
    (answer_entry,) = (path for path in _cached_files(cache) if path != firm_entry)
    answer_entry.write_bytes(firm_entry.read_bytes())  # the answer's key now holds another template's text
    os.chmod(cache, 0o777)
    text = _body_text(_rendered(ANSWER))
    assert not any("植入的文字" in paragraph for paragraph in text)
    os.chmod(cache, 0o700)
    assert any("植入的文字" in paragraph for paragraph in _body_text(_rendered(ANSWER)))  # the test can fail


def test_an_unwritable_cache_is_no_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(compile_cache.CACHE_VAR, str(blocker / "draft"))  # below a file: cannot be made
    assert _rendered(ANSWER)[:2] == b"PK"


def test_the_brace_and_line_break_passes_are_done_at_compile(cache: Path, tmp_path: Path) -> None:
    """docxtpl writes a literal brace pair as ``{_{ … }_}``; the document shows ``{{ … }}``, and no line
    break is left before a paragraph (they are added at compile so that Jinja names a paragraph's line)."""
    template = with_paragraph(tmp_path / "firm", "答辩人：", "答辩人：{_{ 原样 }_} 与 {_% 原样 %_}")
    docx = _rendered(template)
    assert any("{{ 原样 }} 与 {% 原样 %}" in paragraph for paragraph in _body_text(docx))
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        assert "\n<w:p" not in package.read("word/document.xml").decode("utf-8")


def _body_text(docx: bytes) -> tuple[str, ...]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return paragraphs(package.read("word/document.xml"))


def test_a_templates_own_parts_carry_the_shape_their_bytes_have(cache: Path) -> None:
    """The package check reads a template's own parts' drawing ids and empty table cells from its
    preparation, fresh or from the cache: each is what lxml reads from the part's bytes here."""
    import hashlib
    import zlib

    from lxml import etree

    from toolkit.render.prepared import prepared_template

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    source = ANSWER.read_bytes()
    sha256 = hashlib.sha256(source).hexdigest()
    fresh = prepared_template(source, sha256, lambda: None)
    cached = prepared_template(source, sha256, lambda: pytest.fail("a cached package is not inspected"))
    xml = [name for name in fresh.static if name.endswith((".xml", ".rels"))]
    assert "word/styles.xml" in xml and len(xml) >= 5
    for name in xml:
        root = etree.fromstring(zlib.decompress(fresh.static[name].data, -15))
        ids = tuple(str(drawing.get("id")) for drawing in root.iter(f"{wp}docPr"))
        empty = sum(1 for cell in root.iter(f"{w}tc") if cell.find(f"{w}p") is None)
        assert fresh.static[name].shape is not None
        assert (fresh.static[name].shape.drawing_ids, fresh.static[name].shape.empty_cells) == (ids, empty)
        assert cached.static[name].shape == fresh.static[name].shape
    assert all(entry.shape is None for name, entry in fresh.static.items() if name not in xml)
