"""The drafting commands are made from the registered document kinds: one command per kind, with the
shared options and the kind's own (the answer's ``--style``), then ``draft all`` with every kind's options."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from support import ROOT, run_cli

from toolkit.documents import kinds

SAMPLE = ROOT / "samples" / "case.yaml"


def test_draft_help_lists_every_kind_first_then_all(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--help"], capsys)
    assert code == 0
    rows = [line.split(None, 1) for line in out.split("命令:")[1].splitlines() if line.strip()]
    names = [row[0] for row in rows]
    assert names[: len(kinds()) + 1] == [*kinds(), "all"]
    for name, kind in kinds().items():
        assert rows[names.index(name)][1] == kind.command_help
    assert "民事答辩状、证据目录、困难情况说明、分期还款和解方案" in out  # the group's help names them


def test_each_command_has_only_its_own_options(capsys: pytest.CaptureFixture[str]) -> None:
    for name, kind in kinds().items():
        code, out, _ = run_cli([name, "--help"], capsys)
        assert code == 0 and "--case" in out and f"draft {name} --case" in out
        assert ("--style" in out) == any(option.name == "style" for option in kind.options), name
    code, out, _ = run_cli(["all", "--help"], capsys)
    assert code == 0 and "--style" in out


def test_draft_all_passes_the_answers_style_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["all", "--case", str(SAMPLE), "--out", str(tmp_path), "--style", "elements"], capsys)
    assert code == 0, err
    texts = [p.text for p in Document(str(tmp_path / "李明-民事答辩状.docx")).paragraphs if p.text.strip()]
    assert texts[:2] == ["民事答辩状", "（金融借款合同纠纷）"]  # the element form for a licensed lender (law.md §8)


def test_an_option_value_outside_its_choices_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["context", "--sample", "--doc", "answer", "--style", "short"], capsys)
    assert code == 2 and "--style short" in err and "narrative" in err
