"""A render budget: a template that loops forever or builds a huge string is stopped with a clear error.

The sandbox already refuses Python internals; the budget bounds time and size. It is checked where a
template can spend without limit: every chunk of output, every ``range`` step, every filter or global
call, and the operators that multiply sizes (``*``, ``**``, ``+``).
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from toolkit.errors import RenderLimitError

MAX_SECONDS = 10.0
MAX_CHARS = 20_000_000  # rendered XML of one part; a real court document is well under 1 MB
MAX_ITEMS = 100_000  # longest range or sequence a template may build
MAX_EXPONENT = 100

_BINOPS: dict[str, Callable[[Any, Any], Any]] = {"*": operator.mul, "**": operator.pow, "+": operator.add}


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple | dict) else 0


@dataclass
class RenderBudget:
    seconds: float = MAX_SECONDS
    chars: int = MAX_CHARS
    deadline: float = field(default=0.0)

    def start(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    def tick(self) -> None:
        if self.deadline and time.monotonic() > self.deadline:
            raise RenderLimitError(
                f"模板渲染超过 {self.seconds:.0f} 秒仍未结束，已停止（可能有无限循环）",
                "请检查模板中的 {% for %} 循环，或用 draft templates check 检查模板",
            )

    def output(self, chunks: Iterator[str]) -> str:
        """Join rendered chunks, stopping when time or size runs out."""
        parts: list[str] = []
        total = 0
        for chunk in chunks:
            total += len(chunk)
            if total > self.chars:
                raise RenderLimitError(
                    "模板生成的内容过大，已停止", "请检查模板中的循环和字符串乘法，或用 draft templates check 检查模板"
                )
            self.tick()
            parts.append(chunk)
        return "".join(parts)

    def check_size(self, value: Any) -> Any:
        if _size(value) > max(self.chars, MAX_ITEMS) or (
            isinstance(value, list | tuple | dict) and len(value) > MAX_ITEMS
        ):
            raise RenderLimitError("模板生成的内容过大，已停止", "请检查模板中的循环、乘法和过滤器参数")
        return value

    def binop(self, name: str, left: Any, right: Any) -> Any:
        self.tick()
        if name == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise RenderLimitError("模板中的乘方过大，已停止", "请去掉模板中的 ** 运算")
        if name == "*":
            for seq, count in ((left, right), (right, left)):
                if _size(seq) and isinstance(count, int) and _size(seq) * count > self.chars:
                    raise RenderLimitError("模板生成的内容过大，已停止", "请去掉模板中的字符串乘法")
        return self.check_size(_BINOPS[name](left, right))

    def range(self, *args: int) -> Iterator[int]:
        bounds = range(*args)
        if len(bounds) > MAX_ITEMS:
            raise RenderLimitError(f"模板中的 range 超过 {MAX_ITEMS} 项，已停止", "请缩小循环范围")
        for value in bounds:
            self.tick()
            yield value


def bounded_filters(table: Mapping[str, Callable[..., Any]], budget: RenderBudget) -> dict[str, Callable[..., Any]]:
    """Every filter checks the clock before it runs and the size of what it returns."""
    return {name: _bounded(fn, budget) for name, fn in table.items()}


def bounded_globals(table: Mapping[str, Any], budget: RenderBudget) -> dict[str, Any]:
    result = {name: (_bounded(v, budget) if callable(v) else v) for name, v in table.items()}
    result["range"] = budget.range
    return result


def _bounded(fn: Callable[..., Any], budget: RenderBudget) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        budget.tick()
        for arg in (*args, *kwargs.values()):
            if isinstance(arg, int) and not isinstance(arg, bool) and arg > MAX_ITEMS:
                raise RenderLimitError(
                    f"模板中的过滤器 {getattr(fn, '__name__', '')} 参数过大，已停止", "请检查过滤器的参数"
                )
        return budget.check_size(fn(*args, **kwargs))

    for attribute in ("jinja_pass_arg", "__name__", "__doc__"):
        if hasattr(fn, attribute):
            setattr(call, attribute, getattr(fn, attribute))
    return call
