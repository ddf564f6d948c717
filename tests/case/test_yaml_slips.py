"""The slips of a Chinese keyboard are named: the character, its line and column, and what to type instead.

Each snippet is a case file as a lawyer would mistype it; line and column are counted by hand (1-based,
one column per character). The expected fix for the full-width colon is the issue's own wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.case.load import case_from_text
from toolkit.case.yamlslips import _SLIP_CHARACTER, _lines, _suspect_lines
from toolkit.errors import CaseFileError

COLON_FIX = "把全角冒号“：”改为半角冒号“:”并在其后加一个空格"


def _problems(text: str) -> list[str]:
    with pytest.raises(CaseFileError) as caught:
        case_from_text(text, "case.yaml")
    return caught.value.problems


@pytest.mark.parametrize(
    ("text", "where", "what", "fix"),
    [
        # "  name：李明": two spaces, n-a-m-e, then the colon in column 7
        ("version: 1\nclient:\n  name：李明\n  gender: 男\n", "case.yaml:3:", "第 3 行第 7 列是全角冒号", COLON_FIX),
        # a Chinese key (an expense) cannot be told from prose until YAML fails on the next line
        (
            "version: 1\nhardship:\n  monthly_expenses:\n    房租：1500\n    水电: 200\n",
            "case.yaml:4:",
            "第 4 行第 7 列是全角冒号“：”",
            COLON_FIX,
        ),
        # "  name: 　李明": the value starts in column 9 with U+3000
        ("version: 1\nclient:\n  name: 　李明\n", "case.yaml:3:", "第 3 行第 9 列的值以全角空格“　”开头", "半角空格"),
        # U+3000 as indentation, column 1
        ("version: 1\nclient:\n　name: 李明\n", "case.yaml:3:", "第 3 行第 1 列是全角空格“　”", "半角空格"),
        # "  id_number: “4101…”": the value starts in column 14
        (
            'version: 1\nclient:\n  id_number: “410105199403012319”\n',
            "case.yaml:3:",
            "第 3 行第 14 列的值用全角引号 “…” 括起",
            '半角引号 "…"',
        ),
        ("version: 1\nclient:\n\tname: 李明\n", "case.yaml:3:", "第 3 行第 1 列是制表符（Tab）", "改为空格"),
        # the opening quote of "李明 is in column 9 of line 3; YAML only notices at the end of the file
        (
            'version: 1\nclient:\n  name: "李明\n  gender: 男\n',
            "case.yaml:3:",
            '第 3 行第 9 列的引号 " 没有配对的结束引号',
            '补上 "',
        ),
    ],
    ids=["full-width-colon", "full-width-colon-chinese-key", "full-width-space-value", "full-width-indent",
         "full-width-quotes", "tab", "unclosed-quote"],
)  # fmt: skip
def test_each_slip_is_named_with_line_column_and_fix(text: str, where: str, what: str, fix: str) -> None:
    (problem,) = _problems(text)
    assert problem.startswith(where) and what in problem and fix in problem, problem


def test_prose_may_hold_full_width_colons_and_quotes(tmp_path: Path) -> None:
    text = (
        "version: 1\nclient:\n  address: |\n    某某路：3号\n    LPR：3.45%\n  occupation: 教师：中学\n"
        "  ethnicity: “汉”族\n  # note：注释里的全角冒号不是错误\n"
    )
    problems = "\n".join(_problems(text))
    assert "全角" not in problems and "Tab" not in problems and "client.name" in problems  # only missing fields


@given(st.text(alphabet="ab: #-|>\n\r\t\u3000：“”'\"", max_size=80))
def test_suspect_lines_are_every_yaml_line_with_a_slip_character(text: str) -> None:
    """The lines a slip is looked for on, found from the slip characters themselves, are exactly the lines
    that hold YAML (not comments, not inside a block scalar) with one of those characters in them."""
    expected = [(number, line) for number, line in _lines(text) if _SLIP_CHARACTER.search(line)]
    assert list(_suspect_lines(text)) == expected


def test_a_slip_on_a_later_line_is_numbered_from_the_lines_before_it() -> None:
    """Two slip characters on line 2 (a comment), then the colon of line 4: its line, counted by hand."""
    text = "version: 1\n# 注意：“引号”\nclient:\n  name：李明\n"
    assert list(_suspect_lines(text)) == [(4, "  name：李明")]
