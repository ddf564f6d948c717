"""Sizes a template's values will have, estimated before they are built and measured after.

``'a' * 10**9`` or ``'x'.ljust(10**9)`` would take the memory before any check on the result could
run, so each operation that can multiply a size (``*``, ``**``, ``%``, ``~``, ``replace``, ``join``,
padding, formatting widths) is estimated first and refused when the result would be too big.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import ItemsView, Iterable, Iterator, KeysView, ValuesView
from typing import Any

from toolkit.errors import RenderLimitError

MAX_VALUE_CHARS = 2_000_000  # any one string or list a template builds
MAX_ITEMS = 100_000  # longest range or sequence a template may build
MAX_INT_BITS = 10_000  # about 3,000 decimal digits
MAX_EXPONENT = 100

HINT = "请检查模板中的循环、乘法、宏和过滤器参数，或运行 draft templates check 检查模板"
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_NUMBER = re.compile(r"\d+")


def too_big(what: str) -> RenderLimitError:
    return RenderLimitError(f"模板{what}过大，已停止", HINT)


def _leaf_size(item: Any) -> int:
    if isinstance(item, str | bytes):
        return len(item)
    if isinstance(item, bool) or item is None:
        return 5
    if isinstance(item, int):
        return item.bit_length() // 3 + 1
    return 16


def _children(item: Any) -> list[Any] | None:
    if isinstance(item, dict):
        return [*item.keys(), *item.values()]
    if isinstance(item, list | tuple | set | frozenset):
        return list(item)
    return None


def measure(value: Any, limit: int = MAX_VALUE_CHARS) -> int:
    """The characters ``value`` prints as, counted through lists and dicts (capped just past ``limit``).

    A list holding the same list twice prints it twice, so sizes are of the expanded value; each distinct
    list is visited once, so ``[a, a]`` nested eighty deep is measured in eighty steps, not 2**80.
    """
    if isinstance(value, str):  # most of what a template prints: its length, without the walk below
        return len(value)
    if _children(value) is None:
        return _leaf_size(value)
    sizes: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        item, children_done = stack.pop()
        key = id(item)
        children = _children(item)
        if children is None:
            sizes[key] = _leaf_size(item)
        elif children_done:
            total = 2 + 2 * len(children) + sum(sizes.get(id(child), 16) for child in children)
            sizes[key] = min(total, limit + 1)
            open_.discard(key)
        elif key not in sizes and key not in open_:
            open_.add(key)
            stack.append((item, True))
            stack.extend((child, False) for child in children if id(child) not in sizes and id(child) not in open_)
    return sizes[id(value)]


def settle(value: Any) -> Any:
    """An iterator or dict view made a list (at most MAX_ITEMS items), so that its size can be measured."""
    if not isinstance(value, Iterator | KeysView | ValuesView | ItemsView):
        return value
    items = list(itertools.islice(value, MAX_ITEMS + 1))
    if len(items) > MAX_ITEMS:
        raise too_big("生成的列表")
    return items


def count_items(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple | dict | set | frozenset | range) else 0


def check_width(*numbers: Any) -> None:
    """Widths, precisions and counts a template passes to formatting and padding."""
    for number in numbers:
        if isinstance(number, int) and not isinstance(number, bool) and abs(number) > MAX_VALUE_CHARS:
            raise too_big("中的宽度或数量参数")


def percent_format_size(template: str, values: Any) -> int:
    """An upper bound on ``template % values`` (the ``|format`` filter and the ``%`` operator)."""
    items = values if isinstance(values, tuple) else (values,)
    stars = 0
    for width, precision in _PERCENT_SPEC.findall(template):
        for number in (width, precision):
            if number == "*":
                stars += 1
            elif number:
                check_width(int(number))
    check_width(*items[:stars])
    widths = sum(int(n) for n in _NUMBER.findall(template) if len(n) < 9)
    return len(template) + widths + sum(measure(item) for item in items) * max(1, template.count("%"))


def brace_format_size(template: str, args: Iterable[Any], kwargs: dict[str, Any]) -> int:
    """An upper bound on ``template.format(*args, **kwargs)``; nested widths must be small."""
    values = [*args, *kwargs.values()]
    widths = 0
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return len(template)
    for _, name, spec, _ in fields:
        if name is None or not spec:
            continue
        if "{" in spec:
            check_width(*values)
        numbers = [int(n) for n in _NUMBER.findall(spec)]
        check_width(*numbers)
        widths += sum(numbers)
    return len(template) + widths + sum(measure(v) for v in values) * max(1, len(fields))


def binop_precheck(name: str, left: Any, right: Any) -> None:
    if name == "**":
        if isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise RenderLimitError("模板中的乘方过大，已停止", "请去掉模板中的 ** 运算")
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() * max(right, 0) > MAX_INT_BITS:
            raise too_big("中的数字")
    elif name == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(count, int) and not isinstance(count, bool) and count_items(seq):
                if count_items(seq) * count > MAX_ITEMS and not isinstance(seq, str):
                    raise too_big("生成的列表")
                if measure(seq) * count > MAX_VALUE_CHARS:
                    raise too_big("生成的内容")
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise too_big("中的数字")
    elif name == "+":
        if measure(left) + measure(right) > MAX_VALUE_CHARS:
            raise too_big("生成的内容")
    elif name == "%" and isinstance(left, str) and percent_format_size(left, right) > MAX_VALUE_CHARS:
        raise too_big("格式化的文字")


def replace_size(text: str, old: Any, new: Any, count: Any = None) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return len(text)
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * max(0, len(new) - len(old))


def join_size(items: Any, separator: Any) -> int:
    return measure(items) + (len(separator) if isinstance(separator, str) else 0) * count_items(items)


# Filters that turn a sequence into another: the sequence may hold at most MAX_ITEMS items.
_SEQUENCE_FILTERS = frozenset(
    [
        "batch",
        "slice",
        "list",
        "sort",
        "unique",
        "reverse",
        "dictsort",
        "groupby",
        "map",
        "select",
        "reject",
        "selectattr",
        "rejectattr",
        "first",
        "last",
        "min",
        "max",
        "items",
        "join",
        "sum",
    ]
)


def filter_precheck(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a filter call whose result would be too big, before it is computed."""
    for arg in (value, *args, *kwargs.values()):
        if measure(arg) > MAX_VALUE_CHARS:
            raise too_big(f"过滤器 {name} 的输入")
    if name in _SEQUENCE_FILTERS and count_items(value) > MAX_ITEMS:
        raise too_big(f"过滤器 {name} 的输入")
    if name in ("center", "batch", "slice", "round", "truncate"):
        check_width(*args, *kwargs.values())
    if name in ("batch", "slice") and any(isinstance(a, int) and a > MAX_ITEMS for a in args):
        raise too_big(f"过滤器 {name} 的参数")
    size = 0
    if name == "join":
        size = join_size(value, args[0] if args else kwargs.get("d", ""))
    elif name == "replace" and isinstance(value, str) and len(args) >= 2:
        size = replace_size(value, *args[:3])
    elif name == "format" and isinstance(value, str):
        size = percent_format_size(value, args or kwargs)
    elif name == "sum" and not isinstance(args[1] if len(args) > 1 else kwargs.get("start", 0), int):
        raise RenderLimitError("过滤器 sum 只能对数字求和", "请去掉 sum 的 start 参数")
    if size > MAX_VALUE_CHARS:
        raise too_big(f"过滤器 {name} 生成的内容")


def method_precheck(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call whose arguments or result would be too big: ``'x'.ljust(10**9)``, ``s.replace('', …)``."""
    for arg in (*args, *kwargs.values()):
        if measure(arg) > MAX_VALUE_CHARS:
            raise too_big("中调用的参数")
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, str):
        return
    name = getattr(method, "__name__", "")
    if name in ("ljust", "rjust", "center", "zfill"):
        check_width(*args, *kwargs.values())
    elif name == "replace" and len(args) >= 2 and replace_size(owner, *args[:3]) > MAX_VALUE_CHARS:
        raise too_big("替换生成的文字")
    elif name == "join" and args and join_size(args[0], owner) > MAX_VALUE_CHARS:
        raise too_big("拼接的文字")
