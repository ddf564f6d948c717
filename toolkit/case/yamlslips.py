"""The slips of a Chinese keyboard in a YAML case file, named with their character, line, column and fix.

YAML itself reports a full-width colon (``name：李明``) as "mapping values are not allowed" on the *next*
line, and reads a full-width space or quote at the start of a value as part of the value. A lawyer needs
the character, where it is, and what to type instead, so :func:`slip_in` looks for these slips first
(they are never meant: field names are ASCII, and no value starts with a full-width space or is wrapped in
full-width quotes on purpose), and :func:`slip_near` explains a YAML error by the slip that caused it.
Comments and the lines of a block scalar (``|``, ``>``) are prose and never looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

FULL_COLON = "："
FULL_SPACE = "\u3000"
TAB = "\t"
FULL_QUOTES = "“”‘’＂＇"

COLON_FIX = "把全角冒号“：”改为半角冒号“:”并在其后加一个空格"
SPACE_FIX = "把全角空格改为半角空格（或删除）：在中文输入法下按 Shift+空格 可切换半角"
TAB_FIX = "把制表符（Tab）改为空格：YAML 只能用空格缩进，每层两个空格"
QUOTE_FIX = '把全角引号改为半角引号 "…"（或去掉引号）'

_ASCII_KEY = re.compile(r"^(\s*(?:- )?)([A-Za-z_][A-Za-z0-9_]*)\s*" + FULL_COLON)
_KEY_VALUE = re.compile(r"^(\s*(?:- )?[^\s#:][^:#]*?):( *)(.*)$")
_BLOCK_START = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")
_SLIP_CHARACTER = re.compile(f"[{TAB}{FULL_SPACE}{FULL_COLON}{FULL_QUOTES}]")  # every slip below has one
_OTHER_BREAK = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # a line end but LF, as splitlines() sees it
_ANY_BLOCK_START = re.compile(_BLOCK_START.pattern, re.MULTILINE)  # on any line, a comment's too (or across two)


class Slip(Exception):
    """A slip at ``line`` (1-based): what it is and how to fix it."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _slip(line: int, column: int, what: str, fix: str) -> Slip:
    return Slip(line, f"YAML 语法错误：第 {line} 行第 {column} 列{what}：{fix}")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines that hold YAML (not comments, not the inside of a block scalar)."""
    block_indent: int | None = None
    for number, line in enumerate(text.splitlines(), 1):
        content = line.lstrip()
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None and (not content or indent > block_indent):
            continue
        block_indent = None
        if not content or content.startswith("#"):
            continue
        if ("|" in line or ">" in line) and _BLOCK_START.search(line):
            block_indent = indent
        yield number, line


def _suspect_lines(text: str) -> Iterator[tuple[int, str]]:
    """The numbered lines of :func:`_lines` that hold a slip's character (none of the regular expressions
    below can match another). Where no line can start a block scalar and lines end only in LF, those are
    found from the characters themselves, without a step for every line."""
    if _OTHER_BREAK.search(text) is not None or _ANY_BLOCK_START.search(text) is not None:
        yield from ((number, line) for number, line in _lines(text) if _SLIP_CHARACTER.search(line))
        return
    number, counted, last = 1, 0, -1
    for found in _SLIP_CHARACTER.finditer(text):
        start = text.rfind("\n", 0, found.start()) + 1
        if start == last:
            continue  # a second slip character on the same line
        number += text.count("\n", counted, start)
        counted = last = start
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        content = line.lstrip()
        if content and not content.startswith("#"):
            yield number, line


def slip_in(text: str) -> Slip | None:
    """The first slip that is certain wherever it is: it changes what the file means without an error."""
    for number, line in _suspect_lines(text):
        if TAB in line[: len(line) - len(line.lstrip())]:
            return _slip(number, line.index(TAB) + 1, "是制表符（Tab）", TAB_FIX)
        if line.lstrip(" ").startswith(FULL_SPACE):
            return _slip(number, line.index(FULL_SPACE) + 1, "是全角空格“　”", SPACE_FIX)
        if match := _ASCII_KEY.match(line):
            return _slip(number, match.end(), f"是全角冒号“{FULL_COLON}”（字段 {match.group(2)} 之后）", COLON_FIX)
        if match := _KEY_VALUE.match(line):
            value, column = match.group(3), match.start(3) + 1
            if value.startswith(FULL_SPACE):
                return _slip(number, column, "的值以全角空格“　”开头", SPACE_FIX)
            if len(value.rstrip()) > 1 and value[0] in FULL_QUOTES and value.rstrip()[-1] in FULL_QUOTES:
                return _slip(number, column, f"的值用全角引号 {value[0]}…{value.rstrip()[-1]} 括起", QUOTE_FIX)
    return None


def slip_near(text: str, error: yaml.MarkedYAMLError) -> Slip | None:
    """The slip behind a YAML error: an unclosed quote, a tab, or a full-width colon on or before its line."""
    lines = text.splitlines()
    context, problem = error.context_mark, error.problem_mark
    if error.context == "while scanning a quoted scalar" and context is not None:
        quote = lines[context.line][context.column] if context.line < len(lines) else '"'
        what = f"的引号 {quote} 没有配对的结束引号"
        return _slip(context.line + 1, context.column + 1, what, f"请在该值的末尾补上 {quote}，或去掉开头的 {quote}")
    if problem is None:
        return None
    if problem.line < len(lines) and lines[problem.line][problem.column : problem.column + 1] == TAB:
        return _slip(problem.line + 1, problem.column + 1, "是制表符（Tab）", TAB_FIX)
    for number in range(problem.line + 1, max(problem.line - 2, 0), -1):
        line = lines[number - 1] if number <= len(lines) else ""
        if FULL_COLON in line and not line.lstrip().startswith("#") and ": " not in line:
            return _slip(number, line.index(FULL_COLON) + 1, f"是全角冒号“{FULL_COLON}”", COLON_FIX)
    return None
