"""File names from case data: safe on Windows, macOS and Linux, the document's title never cut away, and
two documents of one run never given one file.

Reserved names are Windows' device names (CON, PRN, AUX, NUL, COM0–9, LPT0–9 and their superscript
forms, CONIN$, CONOUT$), reserved with any extension; file systems allow 255 bytes a name.
"""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import run_cli

from toolkit.documents import kinds
from toolkit.documents.base import DocumentKind
from toolkit.files import MAX_NAME_BYTES, safe_file_name, same_name_key

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "case.yaml"
ANSWER = "-民事答辩状.docx"
DEVICES = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"] + [f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)]
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


@pytest.mark.parametrize("device", [*DEVICES, "com¹", "Lpt²", "nul"])
@pytest.mark.parametrize("extension", ["", ".docx", ".tar.gz", " .txt"])
def test_device_names_are_altered_whatever_the_extension_or_case(device: str, extension: str) -> None:
    name = safe_file_name(f"{device}{extension}")
    assert name.split(".")[0].rstrip(" ").upper() not in {d.upper() for d in DEVICES} | {"COM¹", "LPT²"}
    assert name.lower().startswith(device.lower())  # altered, not replaced: the lawyer still recognises it


def test_a_device_name_as_the_client_keeps_the_title() -> None:
    assert safe_file_name("CON", ANSWER) == "CON-民事答辩状.docx"  # not a device: "CON-…" is an ordinary name
    assert safe_file_name("CON.x", ANSWER) == "CON_.x-民事答辩状.docx"  # Windows reads up to the first dot


def test_a_long_name_is_shortened_in_the_client_part_only() -> None:
    # ≈190 bytes of name (63 CJK characters × 3 bytes), as in the report that left one file for three
    name = "李" * 63
    titles = ("-民事答辩状.docx", "-困难情况说明.docx", "-分期还款和解方案.docx")
    names = [safe_file_name(name, title) for title in titles]
    assert len(set(names)) == 3
    for result, title in zip(names, titles, strict=True):
        assert result.endswith(title) and len(result.encode("utf-8")) <= MAX_NAME_BYTES
        assert result.startswith("李" * 40)


def test_separators_and_climbing_never_leave_the_folder() -> None:
    for hostile in ("../../etc/passwd", "..\\..\\boot.ini", "/abs/path", "a\x00b", ".", "..", "..."):
        name = safe_file_name(hostile, ANSWER)
        assert "/" not in name and "\\" not in name and "\x00" not in name
        assert not name.startswith(".") and name.endswith(ANSWER)


def test_an_empty_name_falls_back() -> None:
    assert safe_file_name("  ", ANSWER) == "文书-民事答辩状.docx"
    assert safe_file_name("\u200b\u202e", ANSWER) == "文书-民事答辩状.docx"


def test_same_name_key_matches_what_case_insensitive_systems_merge() -> None:
    assert same_name_key("Li-民事答辩状.docx") == same_name_key("LI-民事答辩状.DOCX")
    composed, decomposed = "é", unicodedata.normalize("NFD", "é")
    assert same_name_key(composed) == same_name_key(decomposed)


@given(st.text(max_size=300), st.sampled_from(["", ANSWER, "-困难情况说明.docx", ".pdf"]))
def test_every_name_is_safe_short_and_stable(name: str, tail: str) -> None:
    result = safe_file_name(name, tail)
    assert result and len(result.encode("utf-8")) <= MAX_NAME_BYTES < 255
    assert not set(result) & WINDOWS_FORBIDDEN
    assert result == result.strip(" ") and not result.endswith(".")
    assert result.split(".")[0].rstrip(" ").upper() not in {d.upper() for d in DEVICES}
    if tail:
        assert result.endswith(tail)
    assert safe_file_name(result) == result


def test_long_client_name_gives_one_file_per_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(SAMPLE.read_text(encoding="utf-8").replace("  name: 李明", "  name: " + "李" * 63, 1), "utf-8")
    out = tmp_path / "out"
    code, stdout, _ = run_cli(["all", "--case", str(case), "--out", str(out), "--force"], capsys)
    assert code == 0
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == len(kinds()) and stdout.count("已生成") == len(kinds())  # the sample asks for each
    titles = {name.rsplit("-", 1)[1] for name in written}
    assert titles == {f"{kind.title}.docx" for kind in kinds().values()}


def test_a_collision_in_one_run_is_an_error_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # two kinds that would share a name on a case-insensitive file system
    names = itertools.cycle(["Li-文书.docx", "LI-文书.docx", "li-文书.docx"])
    monkeypatch.setattr(DocumentKind, "file_name", lambda self, case: next(names))
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(["all", "--case", str(SAMPLE), "--out", str(out), "--force"], capsys)
    assert code == 1 and "会写到同一个文件" in stderr and "未写入任何文书" in stderr
    assert "已生成" not in stdout and not out.exists()
