"""What the linter knows of a value a tag refers to: a sample value from the context, or nothing.

A loop variable stands for one item of what it loops over; for a list of rows that is one row holding
every key any row has, so ``s.days`` is known whichever row a real case has.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class _Unknown:
    """A value the linter cannot know (a macro's argument, a computed result): anything goes."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


@dataclass(frozen=True)
class Ref:
    value: Any
    written: str  # the expression as the template writes it: client.name, s.start
    origin: str = ""  # for loop variables: "figures.ledger.rows 的一项"


def sample_item(ref: Ref) -> Ref:
    """What a loop over ``ref`` gives: for a list of dicts, one dict with every key any item has."""
    value, origin = ref.value, f"{ref.written} 的一项"
    if isinstance(value, dict):
        return Ref(next(iter(value), UNKNOWN), "", origin)
    if isinstance(value, list | tuple) and value:
        if all(isinstance(item, dict) for item in value):
            merged: dict[str, Any] = {}
            for item in value:
                for key, item_value in item.items():
                    if merged.get(key) is None:
                        merged[key] = item_value
            return Ref(merged, "", origin)
        return Ref(value[0], "", origin)
    if isinstance(value, str):
        return Ref("", "", origin)
    return Ref(UNKNOWN, "", origin)


def loop_variable(item: Ref) -> Ref:
    """``loop`` inside a ``{% for %}``: its counters, and the neighbouring items."""
    fields = {"index": 1, "index0": 0, "revindex": 1, "revindex0": 0, "first": True, "last": True, "length": 1}
    fields |= {"depth": 1, "depth0": 0, "cycle": UNKNOWN, "changed": UNKNOWN}
    fields |= {"previtem": item.value, "nextitem": item.value}
    return Ref(fields, "loop", "循环变量 loop")


def kind_name(value: Any) -> str:
    """What a value is, in the words of the authors' guide."""
    names: list[tuple[type, str]] = [(bool, "是/否"), (str, "文字"), (int, "整数"), (dict, "一组数据"), (list, "列表")]
    for kind, name in names:
        if isinstance(value, kind):
            return name
    fallback: str = type(value).__name__
    return {"Decimal": "数字（金额或利率）", "date": "日期"}.get(fallback, fallback)
