"""The context a template receives, shown to its author: as JSON, as a readable tree, and the filters.

JSON keeps every value exactly (amounts as strings with their decimals, dates ISO); the tree is for
reading (a long list shows its first items and its length). Filter examples are rendered by the real
environment, so what the guide shows is what a template gets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from toolkit.render.environment import DraftEnvironment
from toolkit.render.filters import EXAMPLES

LIST_SHOWN = 3


def to_json(value: Any) -> Any:
    """``value`` with Decimals as strings and dates as ISO strings, tuples as lists."""
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def scalar(value: Any) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value if value else '""'
    return str(value)


def tree(value: Mapping[str, Any], indent: int = 0) -> Iterator[str]:
    """A readable tree: ``key: value`` per line, nested values indented, lists as ``- item`` entries."""
    pad = "  " * indent
    for key, item in value.items():
        if isinstance(item, Mapping) and item:
            yield f"{pad}{key}:"
            yield from tree(item, indent + 1)
        elif isinstance(item, list | tuple) and item:
            yield f"{pad}{key}:  （列表，{len(item)} 项）"
            yield from _items(item, indent + 1)
        elif isinstance(item, list | tuple):
            yield f"{pad}{key}:  （空列表）"
        else:
            yield f"{pad}{key}: {scalar(item)}"


def _items(items: list[Any] | tuple[Any, ...], indent: int) -> Iterator[str]:
    pad = "  " * indent
    for item in items[:LIST_SHOWN]:
        if isinstance(item, Mapping) and item:
            lines = list(tree(item, indent + 1))
            yield f"{pad}- {lines[0].strip()}"
            yield from lines[1:]
        else:
            yield f"{pad}- {scalar(item)}"
    if len(items) > LIST_SHOWN:
        yield f"{pad}  ……（共 {len(items)} 项）"


def filter_examples(env: DraftEnvironment) -> list[dict[str, str]]:
    """Each documented filter with its example, rendered by ``env``."""
    rows = []
    for example in EXAMPLES:
        output = env.from_string(f"{{{{ v|{example.name}{example.arguments} }}}}").render(v=example.value)
        rows.append(
            {
                "name": example.name,
                "description": example.description,
                "tag": example.tag,
                "value": scalar(to_json(example.value)) if not isinstance(example.value, list) else str(example.value),
                "output": output,
            }
        )
    return rows


def filter_lines(env: DraftEnvironment) -> Iterator[str]:
    for row in filter_examples(env):
        yield f"  {row['name']:<10} {row['description']}"
        yield f"             {row['tag']}   值为 {row['value']}  →  {row['output']}"
