"""The one Jinja environment every template is rendered in: sandboxed, strict, autoescaped.

- Sandboxed: a template cannot reach Python internals (``__class__``, ``__globals__``, ``mro`` …).
- Strict: an undefined variable is an error that names itself, never a blank in a court document.
- Autoescaped: ``A&B <Co>`` in a case file appears verbatim in Word, not as broken XML.
- ``None`` printed is an error too (a fact the case file does not hold must be handled by the template).
"""

from __future__ import annotations

import functools
from typing import Any, NoReturn

from jinja2 import StrictUndefined, TemplateRuntimeError
from jinja2.sandbox import SandboxedEnvironment

from toolkit.render import filters
from toolkit.render.limits import RenderBudget, bounded_filters, bounded_globals


class NamedUndefined(StrictUndefined):
    """Fails with a message that names the missing variable or attribute."""

    __slots__ = ()

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> NoReturn:
        name = self._undefined_name
        if self._undefined_obj is not None and not isinstance(self._undefined_obj, StrictUndefined):
            owner = type(self._undefined_obj).__name__
            raise TemplateRuntimeError(f"模板使用了不存在的属性 {name}（所在对象：{owner}）")
        raise TemplateRuntimeError(f"模板使用了不存在的变量 {name}")

    __str__ = __iter__ = __len__ = __eq__ = __ne__ = __bool__ = __hash__ = _fail_with_undefined_error  # type: ignore[assignment]


def _finalize(value: Any) -> Any:
    if value is None:
        raise TemplateRuntimeError("模板输出了空值（None）：请在模板中用 {% if … %} 处理该项不存在的情形")
    return value


class DraftEnvironment(SandboxedEnvironment):
    """The sandbox with a render budget: loops, ranges and filters stop when time or size runs out."""

    def __init__(self, budget: RenderBudget) -> None:
        super().__init__(
            autoescape=True,
            undefined=NamedUndefined,
            finalize=_finalize,
            keep_trailing_newline=True,
            auto_reload=False,
            cache_size=64,
        )
        self.budget = budget
        self.filters.update(filters.FILTERS)
        self.filters = bounded_filters(self.filters, budget)
        self.globals = bounded_globals(self.globals, budget)

    intercepted_binops = frozenset(["*", "**", "+"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return self.budget.binop(operator, left, right)


@functools.cache
def environment() -> DraftEnvironment:
    """One environment per process: it compiles each template source once and serves many documents."""
    return DraftEnvironment(RenderBudget())
