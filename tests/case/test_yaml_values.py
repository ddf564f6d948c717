"""The values read from a case file's YAML are the ones PyYAML's own safe loader constructs.

The oracle is ``yaml.safe_load``, which builds values its own way (composer and constructor): the reader
differs from it only where the case format says so, a fraction read as ``Decimal`` from its written text
(never ``float``) and a date kept as written (the models parse it).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from toolkit.case.yamlsource import YamlProblem, compose

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*(ROOT / "samples").glob("*.yaml"), *(ROOT / "toolkit" / "law" / "data").glob("*.yaml")])


def _as_read(value: Any) -> Any:
    """What the reader gives for a value ``safe_load`` constructed."""
    if isinstance(value, dict):
        return {str(key): _as_read(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_read(item) for item in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _equal(read: Any, expected: Any) -> bool:
    if isinstance(read, Decimal):
        return isinstance(expected, float) and float(read) == expected
    if isinstance(read, dict):
        return (
            isinstance(expected, dict)
            and read.keys() == expected.keys()
            and all(_equal(read[key], expected[key]) for key in read)
        )
    if isinstance(read, list):
        return isinstance(expected, list) and len(read) == len(expected) and all(map(_equal, read, expected))
    return type(read) is type(expected) and read == expected


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_a_file_reads_as_the_safe_loader_constructs_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _equal(compose(text).data, _as_read(yaml.safe_load(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: 1\nb: [x, 'y', \"z\"]\nc: {d: null, e: true}\n",
            {"a": 1, "b": ["x", "y", "z"], "c": {"d": None, "e": True}},
        ),
        ("a:\n  - 1.50\n  - -2\n  - ~\n", {"a": [Decimal("1.50"), -2, None]}),
        ("a: !!str 12\nb: '12'\nc: 2026-01-05\n", {"a": "12", "b": "12", "c": "2026-01-05"}),
        ("a: |\n  line one\n  line two\nb: >\n  folded\n  text\n", {"a": "line one\nline two\n", "b": "folded text\n"}),
        ('a: "\\u5f85\\t"\n', {"a": "待\t"}),
    ],
)
def test_scalars_lists_and_mappings_read_as_written(text: str, expected: dict[str, Any]) -> None:
    assert compose(text).data == expected


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("a: &x 1\nb: *x\n", 2, "锚点/别名"),
        ("a: 1\n---\nb: 2\n", 2, "another document"),
        ("a: !!python/object {}\n", 1, "标签"),
        ("a: !!set [1]\n", 1, "标签"),
        ("a:\n  <<: {b: 1}\n", 2, "合并键"),
        ("? [a]\n: 1\n", 1, "键必须是简单的文字"),
        ("a: 1\na: 2\n", 2, "写了两次"),
        ("", 1, "没有内容"),
        ("- a\n", 1, "顶层必须是"),
    ],
)
def test_what_a_case_file_may_not_hold_is_refused_with_its_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        compose(text)
    assert caught.value.line == line and fragment in caught.value.message


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    text = "a: " + "[" * 30 + "]" * 30 + "\n"
    with pytest.raises(YamlProblem, match="嵌套层次过深"):
        compose(text)


def test_each_value_keeps_the_line_it_was_written_on() -> None:
    located = compose("loan:\n  principal: 1\n  repayments:\n    - date: 2026-01-05\n      amount: 2\n")
    assert located.lines[("loan", "principal")] == 2
    assert located.lines[("loan", "repayments", 0, "amount")] == 5
    assert located.line_of_field("loan.repayments[0].date") == 4
