"""A render budget: a template that loops forever or builds a huge value is stopped with a clear error.

The sandbox refuses Python internals; the budget bounds time, steps and size, wherever a template can
spend without limit. Sizes are checked *before* the costly operation where the result could be huge
(``'a' * 10**9``, ``|center(10**9)``, ``'x'.replace('', …)``, ``'{:>999999999}'.format(…)``) and again
on every result, so no single value, no loop and no render can outgrow its share:

- every loop iteration and every call is a step; a render has at most ``MAX_STEPS``;
- every value a template builds has at most ``MAX_VALUE_CHARS`` characters (deep size for lists);
- every character built counts towards ``MAX_WORK_CHARS`` for the whole render (captured blocks,
  macros and loops included), and one rendered part has at most ``MAX_CHARS``;
- integers stay below ``MAX_INT_BITS`` bits; ``range`` and sequences hold at most ``MAX_ITEMS`` items.
"""

import operator
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from jinja2.runtime import markup_join, str_join

from toolkit.errors import RenderLimitError
from toolkit.render.sizes import (
    HINT,
    MAX_INT_BITS,
    MAX_ITEMS,
    MAX_VALUE_CHARS,
    binop_precheck,
    count_items,
    filter_precheck,
    measure,
    settle,
    too_big,
)

MAX_SECONDS = 5.0
MAX_CHARS = 20_000_000  # rendered XML of one part; a real court document is well under 1 MB
MAX_WORK_CHARS = 60_000_000  # everything a render builds, counted as it is built
MAX_STEPS = 50_000  # loop iterations and calls in one render
OUTPUT_BATCH = 16  # chunks of output between checks: each is at most MAX_VALUE_CHARS long

_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul,
    "**": operator.pow,
    "+": operator.add,
    "-": operator.sub,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
}


def describe_failure(exc: BaseException) -> str:
    """A template's own mistake, said in Chinese: what went wrong while rendering."""
    if isinstance(exc, RecursionError):
        return "模板中的宏或循环递归过深，已停止"
    if isinstance(exc, MemoryError):
        return "模板渲染所需内存过大，已停止"
    if isinstance(exc, ZeroDivisionError):
        return "模板中的计算除以了零"
    if isinstance(exc, ArithmeticError):
        return f"模板中的数字计算溢出或无效（{type(exc).__name__}）"
    if isinstance(exc, TypeError):
        return f"模板把运算或过滤器用在了不合适的值上（{exc}）"
    if isinstance(exc, LookupError):
        return f"模板取用了不存在的项（{exc}）"
    if isinstance(exc, ValueError):
        return f"模板中的值不合适（{exc}）"
    if isinstance(exc, AttributeError):
        return f"模板使用了不存在的属性（{exc}）"
    return f"模板渲染出错（{type(exc).__name__}：{exc}）"


@dataclass
class RenderBudget:
    """What one render may spend; ``start`` opens a new render."""

    seconds: float = MAX_SECONDS
    chars: int = MAX_CHARS
    deadline: float = field(default=0.0)
    steps: int = field(default=0)
    work: int = field(default=0)
    ticks: int = field(default=0)

    def start(self) -> None:
        self.deadline = time.monotonic() + self.seconds
        self.steps = 0
        self.work = 0

    def tick(self) -> None:
        """Check the clock (every 32nd call: reading it costs more than most steps)."""
        self.ticks += 1
        if self.ticks % 32 == 0:
            self.check_clock()

    def check_clock(self) -> None:
        if self.deadline and time.monotonic() > self.deadline:
            raise RenderLimitError(f"模板渲染超过 {self.seconds:.0f} 秒仍未结束，已停止（可能有无限循环）", HINT)

    @property
    def active(self) -> bool:
        return self.deadline > 0

    def stop(self) -> None:
        self.deadline = 0.0

    def step(self) -> None:
        if not self.deadline:
            return
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise RenderLimitError(f"模板的循环和调用超过 {MAX_STEPS} 次，已停止（可能有无限循环或递归）", HINT)
        self.tick()

    def spend(self, chars: int) -> None:
        if not self.deadline:
            return
        self.work += chars
        if self.work > MAX_WORK_CHARS:
            raise too_big("生成的内容")

    def check_value(self, value: Any) -> Any:
        """A value the template built: not too long, not too many items; its size is spent."""
        size = measure(value)
        if (
            size > MAX_VALUE_CHARS
            or count_items(value) > MAX_ITEMS
            or (isinstance(value, int) and value.bit_length() > MAX_INT_BITS)
        ):
            raise too_big("生成的内容")
        self.spend(size)
        return value

    def output(self, chunks: Iterator[str]) -> list[str]:
        """A part's rendered chunks, stopping when time or size runs out: checked every ``OUTPUT_BATCH``
        chunks, each of which the environment has already measured."""
        parts: list[str] = []
        total = 0
        while batch := list(islice(chunks, OUTPUT_BATCH)):
            total += sum(map(len, batch))
            if total > self.chars:
                raise too_big("生成的内容")
            self.check_clock()
            parts += batch
        return parts

    def join(self, parts: Iterable[str]) -> str:
        """``environment.concat``: what macros, ``{% set %}`` blocks and filter blocks capture."""
        pieces = list(parts)
        size = sum(len(piece) for piece in pieces)
        if size > self.chars:
            raise too_big("生成的内容")
        self.spend(size)
        return "".join(pieces)

    def concat(self, values: tuple[Any, ...], escape: bool) -> str:
        """The ``~`` operator, measured before it joins."""
        self.step()
        if sum(measure(v) for v in values) > MAX_VALUE_CHARS:
            raise too_big("拼接的文字")
        result: str = markup_join(values) if escape else str_join(values)
        return self.check_value(result)  # type: ignore[no-any-return]

    def binop(self, name: str, left: Any, right: Any) -> Any:
        self.step()
        binop_precheck(name, left, right)
        return self.check_value(_BINOPS[name](left, right))

    def range(self, *args: int) -> range:
        bounds = range(*args)
        if len(bounds) > MAX_ITEMS:
            raise RenderLimitError(f"模板中的 range 超过 {MAX_ITEMS} 项，已停止", "请缩小循环范围")
        return bounds

    def loop(self, iterable: Any, body_chars: int) -> Iterator[Any]:
        """A ``{% for %}`` loop's items; each iteration is a step and spends the loop body's fixed text."""
        for item in iterable:
            self.step()
            self.spend(body_chars)
            yield item


def bounded_filters(table: dict[str, Callable[..., Any]], budget: RenderBudget) -> dict[str, Callable[..., Any]]:
    """Every filter is a step, is checked before it runs, and has the size of its result checked."""
    return {name: _bounded(name, fn, budget) for name, fn in table.items()}


def _bounded(name: str, fn: Callable[..., Any], budget: RenderBudget) -> Callable[..., Any]:
    passed = getattr(fn, "jinja_pass_arg", None)

    def call(*args: Any, **kwargs: Any) -> Any:
        budget.step()
        first = 0 if passed is None else 1
        args = (*args[:first], *map(settle, args[first:]))
        if len(args) > first:
            filter_precheck(name, args[first], tuple(args[first + 1 :]), kwargs)
        return budget.check_value(fn(*args, **kwargs))

    for attribute in ("jinja_pass_arg", "__name__", "__doc__"):
        if hasattr(fn, attribute):
            setattr(call, attribute, getattr(fn, attribute))
    return call
