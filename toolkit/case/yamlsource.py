"""Safe YAML reading that remembers where every value was written.

The file is parsed (never constructed) by PyYAML's parser, and its events are turned into plain Python
values here, each tag the one the safe composer would give, so that:

- no tag can build an object (only the standard scalar, sequence and mapping tags are accepted);
- numbers with a fraction become ``Decimal`` from their written text, never ``float``;
- anchors and aliases are refused (a case file has no use for them, and they allow "billion laughs");
- duplicate keys are refused (the second value would silently win);
- each value's line is kept in a map from its dotted path, so errors can name ``file:line``;
- the slips of a Chinese keyboard (full-width colon, space or quotes, a tab, an unclosed quote) are named
  with their character, line, column and fix (:mod:`toolkit.case.yamlslips`).
"""

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from toolkit.bounded import ReadRefused, read_bounded
from toolkit.case.text import RAW_CONTROL as _RAW_CONTROL
from toolkit.case.text import control_character, text_problem
from toolkit.case.yamlslips import slip_in, slip_near
from toolkit.errors import CaseFileError

MAX_BYTES = 1_000_000
MAX_DEPTH = 20

Loc = tuple[str | int, ...]

_Parser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", yaml.SafeLoader)  # libyaml's when installed
_RESOLVER = yaml.resolver.Resolver()  # the safe loader's: implicit tags only, no path resolvers
_SHORT = 64  # keys, numbers, dates, names: what repeats from file to file
_MAP_TAG = _RESOLVER.DEFAULT_MAPPING_TAG
_SEQ_TAG = _RESOLVER.DEFAULT_SEQUENCE_TAG
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _tag(value: str, implicit: tuple[bool, bool], tag: str | None) -> str:
    """A scalar's tag as the safe composer gives it: its own, or the one its plain or quoted text implies."""
    if tag is not None and tag != "!":
        return tag
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, implicit))  # type: ignore[no-untyped-call]


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass
class Located:
    """A document's plain data and the line (1-based) where each path begins."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of_field(self, field: str) -> int | None:
        """The line of a dotted field such as ``loan.repayments[2].date`` (or of its nearest ancestor)."""
        loc = tuple(int(index) if index else name for name, index in _PATH_PART.findall(field))
        return self.line_of(loc)

    def where(self, source: Path | str, field: str) -> str:
        """``file:line: field`` for messages (``file: field`` when the field has no line)."""
        line = self.line_of_field(field)
        return f"{source}:{line}: {field}" if line else f"{source}: {field}"

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor that was written in the file."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None


class YamlProblem(Exception):
    """Why a YAML text was refused, and on which line; callers turn it into their own error."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_text(path: Path) -> str:
    """The file's text, refusing what cannot be a case file (missing, not a regular file, huge, not UTF-8)."""
    return decoded(read_source(path), path)


def read_source(path: Path) -> bytes:
    """The file's bytes, refusing what cannot be a case file (missing, not a regular file, huge)."""
    try:
        return read_bounded(path, MAX_BYTES, "案件文件")
    except ReadRefused as exc:
        raise CaseFileError(path, [str(exc)]) from None


def decoded(raw: bytes, path: Path) -> str:
    """The text of case file ``path`` read as ``raw``, refusing what is not UTF-8 or is empty."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CaseFileError(
            path, [f"{path}:{line}: 文件不是 UTF-8 编码：请在编辑器中以 UTF-8 编码另存后重试"]
        ) from None
    if not text.strip():
        raise CaseFileError(path, [f"{path}: 文件是空的：请从 samples/case.yaml 复制一份再填写，或运行 draft init"])
    return text


def compose(text: str) -> Located:
    """YAML text as plain values with their lines; any problem is a :class:`YamlProblem`."""
    if (found := control_character(text)) is not None:
        _refuse_control(text, found.start())
    if slip := slip_in(text):
        raise YamlProblem(slip.line, slip.message)
    located = Located(data=None)
    parser = _Parser(text)
    try:
        located.data = _document(parser, located)
    except yaml.MarkedYAMLError as exc:
        if slip := slip_near(text, exc):
            raise YamlProblem(slip.line, slip.message) from None
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "语法错误"
        raise YamlProblem(
            mark.line + 1 if mark else 1, f"YAML 语法错误（{problem}）：请检查该行的缩进、冒号和引号"
        ) from None
    except yaml.YAMLError:
        raise YamlProblem(1, "YAML 语法错误：请检查缩进、冒号和引号") from None
    finally:
        parser.dispose()
    if located.data is _EMPTY:
        raise YamlProblem(1, "文件没有内容")
    if not isinstance(located.data, dict):
        raise YamlProblem(1, "文件的顶层必须是“键: 值”的映射")
    return located


def _refuse_control(text: str, position: int) -> None:
    """A control character written raw in the file: name its line and, when the rest parses, its field."""
    line = text.count("\n", 0, position) + 1
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    problem = text_problem(text[start : end if end >= 0 else len(text)]) or ""
    field = ""
    try:
        located = compose(_RAW_CONTROL.sub("\ufffd", text))
        paths = [loc for loc, at in located.lines.items() if at == line and loc]
        field = dotted(max(paths, key=len)) + ": " if paths else ""
    except YamlProblem:
        pass
    raise YamlProblem(line, f"{field}该行{problem}")


def dotted(loc: Loc) -> str:
    """``("loan", "repayments", 2, "date")`` → ``loan.repayments[2].date``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def parse(text: str, source: Path | str) -> Located:
    """Parse a case file's YAML; any problem is a :class:`CaseFileError` naming ``file:line``."""
    try:
        return compose(text)
    except YamlProblem as exc:
        raise CaseFileError(source, [f"{source}:{exc.line}: {exc.message}（可参照 samples/case.yaml）"]) from None


_EMPTY = object()  # a stream with no document
_NO_ALIAS = "不接受锚点/别名（& 和 *）：请直接写出数值"


def _document(parser: Any, out: Located) -> Any:
    """The stream's one document as plain values (``_EMPTY`` for none), read from the parser's events as
    the safe composer reads them, without building its nodes."""
    parser.get_event()  # the stream's start
    if parser.check_event(yaml.StreamEndEvent):
        return _EMPTY
    parser.get_event()  # the document's start
    data = _value(parser, parser.get_event(), (), out, 0)
    parser.get_event()  # the document's end
    if not parser.check_event(yaml.StreamEndEvent):
        event = parser.get_event()
        raise yaml.composer.ComposerError(
            "expected a single document in the stream", None, "but found another document", event.start_mark
        )
    return data


def _value(parser: Any, event: Any, loc: Loc, out: Located, depth: int) -> Any:
    line = event.start_mark.line + 1
    out.lines[loc] = line
    kind = type(event)
    if kind is yaml.ScalarEvent and depth <= MAX_DEPTH:
        return _scalar(event)
    if kind is yaml.AliasEvent:
        raise YamlProblem(line, _NO_ALIAS)
    if depth > MAX_DEPTH:
        raise YamlProblem(line, "嵌套层次过深：请检查缩进")
    mapping = kind is yaml.MappingStartEvent
    if event.tag not in (None, "!", _MAP_TAG if mapping else _SEQ_TAG):
        raise YamlProblem(line, f"不接受的 YAML 标签 {event.tag}：请去掉以 ! 开头的标签")
    if mapping:
        return _mapping(parser, loc, out, depth)
    items: list[Any] = []
    while type(item := parser.get_event()) is not yaml.SequenceEndEvent:
        items.append(_value(parser, item, (*loc, len(items)), out, depth + 1))
    return items


def _mapping(parser: Any, loc: Loc, out: Located, depth: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    lines = out.lines
    while type(key_event := parser.get_event()) is not yaml.MappingEndEvent:
        key_line = key_event.start_mark.line + 1
        if type(key_event) is not yaml.ScalarEvent:
            if type(key_event) is yaml.AliasEvent:
                raise YamlProblem(key_line, _NO_ALIAS)
            raise YamlProblem(key_line, "键必须是简单的文字")
        key = str(key_event.value)
        # only a tag, or a plain <<, can make a key the merge key
        if (key_event.tag is not None or key == "<<") and _tag(key, key_event.implicit, key_event.tag) == _MERGE_TAG:
            raise YamlProblem(key_line, "不接受合并键（<<）：请直接写出各项")
        if key in result:
            raise YamlProblem(key_line, f"键 {key} 写了两次：请删除多余的一处")
        path = (*loc, key)
        value: Any = parser.get_event()
        if type(value) is yaml.ScalarEvent and depth < MAX_DEPTH:  # most values: read here, without a call
            result[key] = _scalar(value)
        else:
            result[key] = _value(parser, value, path, out, depth + 1)
        lines[path] = key_line
    return result


def _scalar(event: Any) -> Any:
    """The scalar's value; a short one (keys, numbers, dates, names: what repeats) is built once."""
    value, implicit, style, tag = event.value, event.implicit, event.style, event.tag
    built = _short_scalar(value, implicit, style, tag) if len(value) <= _SHORT else _built(value, implicit, style, tag)
    if built is _REFUSED:
        line = event.start_mark.line + 1
        raise YamlProblem(line, f"不接受的 YAML 标签 {_tag(value, implicit, tag)}：请去掉以 ! 开头的标签")
    return built


_REFUSED = object()  # a scalar whose tag builds nothing a case file holds


def _built(value: str, implicit: tuple[bool, bool], style: str | None, tag: str | None) -> Any:
    """A scalar's plain value (``_REFUSED`` for a tag the safe loader would not build): every value it
    returns is immutable, so one can stand for every scalar written the same."""
    tag = _tag(value, implicit, tag)
    text = str(value)
    if tag == "tag:yaml.org,2002:str":
        return text
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return text.lower() in ("true", "yes", "on", "y")
    if tag == "tag:yaml.org,2002:int":
        cleaned = text.replace("_", "")
        if len(cleaned) > 1 and cleaned.lstrip("+-").startswith("0") and cleaned.lstrip("+-").isdigit():
            # YAML 1.1 reads 0371 as octal; keep the written digits so the quoting error can fire.
            return int(cleaned, 10)
        try:
            return int(cleaned, 0)
        except ValueError:
            return text
    if tag == "tag:yaml.org,2002:float":
        try:
            return Decimal(text.replace("_", ""))
        except InvalidOperation:
            return Decimal("NaN")
    if tag == "tag:yaml.org,2002:timestamp":
        return text
    if style in ("'", '"'):
        return text
    return _REFUSED


_short_scalar = functools.lru_cache(maxsize=4096)(_built)
