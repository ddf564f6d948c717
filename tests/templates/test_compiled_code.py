"""The code Jinja generates for a template's text, kept in the per-user cache: a hit is not compiled again
and gives the same bytes; a damaged or foreign entry, or another text, toolkit or filter set, is compiled
afresh, never trusted and never an error."""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from types import CodeType

import pytest
from templates_support import ANSWER, with_paragraph
from test_compile_cache import _body_text, _rendered, cached_index

from toolkit.render import compile_cache, compiled, compiled_code
from toolkit.render.compiled import CompiledTemplate
from toolkit.render.environment import DraftEnvironment
from toolkit.render.limits import RenderBudget


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(compile_cache.CACHE_VAR, str(folder))
    return folder


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts compiled from here on (the real compile still runs)."""
    texts: list[str] = []
    real = CompiledTemplate._code

    def counted(self: CompiledTemplate, text: str) -> CodeType:
        texts.append(text)
        return real(self, text)

    monkeypatch.setattr(CompiledTemplate, "_code", counted)
    return texts


def _code_files(folder: Path) -> list[Path]:
    return [path for path in sorted(folder.glob("*.prepared")) if cached_index(path).get("kind") == "jinja-code 1"]


def test_cached_code_is_not_compiled_again_and_gives_the_same_bytes(cache: Path, compiles: list[str]) -> None:
    first = _rendered(ANSWER)
    parts = len(compiles)
    assert parts >= 2  # the answer's body and its footer
    assert len(_code_files(cache)) == parts
    second = _rendered(ANSWER)
    assert len(compiles) == parts  # nothing compiled the second time
    assert first == second


def test_a_damaged_code_entry_is_compiled_again(cache: Path, compiles: list[str]) -> None:
    expected = _rendered(ANSWER)
    for stored in _code_files(cache):
        content = bytearray(stored.read_bytes())
        content[-10] ^= 0x01  # one bit of the code: the file's own SHA-256 no longer checks
        stored.write_bytes(bytes(content))
    before = len(compiles)
    assert _rendered(ANSWER) == expected
    assert len(compiles) == 2 * before


def test_an_entry_that_is_not_code_is_compiled_again(cache: Path, compiles: list[str]) -> None:
    """A sound file (its SHA-256 right) whose data is not a marshalled code object is passed over."""
    expected = _rendered(ANSWER)
    env = DraftEnvironment(RenderBudget())
    for text in compiles:
        key = compiled_code._key(env, text, compiled.__file__)
        compile_cache.write(key, {"kind": "jinja-code 1"}, marshal.dumps("not code"))
    before = len(compiles)
    assert _rendered(ANSWER) == expected
    assert len(compiles) == 2 * before


def test_code_in_a_folder_others_may_write_is_not_run(cache: Path, tmp_path: Path) -> None:
    """Another text's code planted under the answer's keys runs only from a private folder."""
    planted = with_paragraph(tmp_path / "firm", "答辩人：", "答辩人：植入的文字")
    _rendered(planted)
    firm_code = {path.name: path.read_bytes() for path in _code_files(cache)}
    _rendered(ANSWER)
    answer_code = [path for path in _code_files(cache) if path.name not in firm_code]
    body = max(firm_code.values(), key=len)  # the firm's body, the largest of its parts
    for path in answer_code:
        path.write_bytes(body)
    os.chmod(cache, 0o777)
    assert not any("植入的文字" in paragraph for paragraph in _body_text(_rendered(ANSWER)))
    os.chmod(cache, 0o700)
    assert any("植入的文字" in paragraph for paragraph in _body_text(_rendered(ANSWER)))  # the test can fail


def test_the_key_follows_the_text_the_filters_and_the_toolkit() -> None:
    env = DraftEnvironment(RenderBudget())
    caller = compiled.__file__  # CompiledTemplate's passes over the text are compiled with it
    key = compiled_code._key(env, "{{ a }}", caller)
    assert key == compiled_code._key(DraftEnvironment(RenderBudget()), "{{ a }}", caller)
    assert key != compiled_code._key(env, "{{ b }}", caller)
    other = DraftEnvironment(RenderBudget())
    other.filters = {**other.filters, "extra": str}  # a filter known at compile: other code may be generated
    assert key != compiled_code._key(other, "{{ a }}", caller)
    assert key != compiled_code._key(env, "{{ a }}", compiled_code.__file__)  # the caller's passes differ
